"""`trustrepair demo`: a fictional tour that never touches real data."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, Cli


def tree_digest(home: Path) -> dict[str, str]:
    return {
        str(p.relative_to(home)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(home.rglob("*"))
        if p.is_file()
    }


def test_demo_leaves_real_data_byte_for_byte_untouched(cli: Cli, home: Path) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    before = tree_digest(home)
    result = cli("demo")
    assert "made-up couple" in result.stderr
    assert "Robin's latest check-in" in result.stdout
    assert "Two views, side by side" in result.stdout
    assert tree_digest(home) == before


def test_demo_on_a_machine_with_no_data_creates_none(cli: Cli, home: Path) -> None:
    cli("demo")
    assert not home.exists()


def test_demo_is_deterministic_with_a_seed(cli: Cli) -> None:
    a = cli("demo", "--seed", "3").stdout
    b = cli("demo", "--seed", "3").stdout
    assert a == b


def test_demo_reads_well_at_80_columns_without_colour(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("demo").stdout
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "\x1b[" not in out


def test_demo_check_keeps_nothing(cli: Cli, home: Path) -> None:
    from test_check_interactive import AFFECTED_KEYS, keys

    result = cli("demo", "check", input=keys(AFFECTED_KEYS))
    assert "throwaway copy" in result.stderr
    assert "Accountability" in result.stdout
    assert not home.exists()


@pytest.mark.terminal
def test_step_pauses_between_views_in_a_real_terminal(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "TRUSTREPAIR_HOME": str(tmp_path / "home"), "COLUMNS": "100"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "trustrepair", "demo", "--step"],
        env=env,
        encoding="utf-8",
        timeout=30,
    )
    headings = [
        "The model behind the tool",
        "Robin's latest check-in",
        "Progress: how often",
        "Timeline: where 14 months",
        "Markers: what Robin named",
        "Comparing Robin's view with Kai's",
    ]
    for n, heading in enumerate(headings):
        child.expect(heading)
        child.expect("Press Enter for the next view")
        if n + 1 < len(headings):
            assert headings[n + 1] not in child.before  # it really waits
        child.sendline("")
    child.expect("End of the demo")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert not (tmp_path / "home").exists()
