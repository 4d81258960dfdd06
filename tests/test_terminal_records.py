"""`records list` at a real terminal goes through the pager ($PAGER), and still shows it all."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from conftest import Cli

pexpect = pytest.importorskip("pexpect")

TRUSTREPAIR = Path(sys.executable).with_name("trustrepair")


@pytest.mark.terminal
def test_records_list_is_paged_at_a_terminal(cli: Cli, home: Path, tmp_path: Path) -> None:
    for n in range(1, 4):
        cli("spike", "--intensity", str(n))
    pager = tmp_path / "pager.sh"
    pager.write_text("#!/bin/sh\necho PAGED-BY-TEST\ncat\n")
    pager.chmod(0o700)
    env = {
        **os.environ,
        "TRUSTREPAIR_HOME": str(home),
        "NO_COLOR": "1",
        "COLUMNS": "80",
        "PAGER": str(pager),
    }
    child = pexpect.spawn(
        str(TRUSTREPAIR), ["records", "list"], env=env, encoding="utf-8", timeout=20
    )
    child.expect("PAGED-BY-TEST")
    child.expect("s3")
    child.expect("s1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    piped = cli("records", "list").stdout  # not a terminal: printed as is
    assert "PAGED-BY-TEST" not in piped
    assert "s3" in piped
