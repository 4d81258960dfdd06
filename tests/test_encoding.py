"""Any console works: an ASCII-only console gets look-alikes instead of a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES
from trustrepair.encoding import ascii_lookalike

TRUSTREPAIR = Path(sys.executable).with_name("trustrepair")


def run_ascii(home: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {
        **os.environ,
        "TRUSTREPAIR_HOME": str(home),
        "PYTHONIOENCODING": "ascii",
        "LANG": "C",
        "LC_ALL": "C",
    }
    return subprocess.run([str(TRUSTREPAIR), *args], env=env, capture_output=True, check=False)


def test_an_ascii_console_gets_plain_symbols_not_a_crash(home: Path) -> None:
    checked = run_ascii(home, "check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    added = run_ascii(home, "markers", "add", "Tells me the same day when plans change")
    for result in (checked, added, run_ascii(home, "summary"), run_ascii(home, "markers", "list")):
        assert result.returncode == 0, result.stderr
        out, err = result.stdout.decode("ascii"), result.stderr.decode("ascii")  # all ASCII
        assert "Traceback" not in out + err
    assert "~ partly in place" in checked.stdout.decode("ascii")
    assert added.stdout.decode("ascii").startswith("* ")  # the concrete-marker symbol


def test_each_status_symbol_and_quote_has_a_lookalike() -> None:
    text = "\u25cf \u25d0 \u25cb \u2018a\u2019 \u201cb\u201d \u4e2d"
    assert text.encode("ascii", errors=_register()) == b"* ~ o 'a' \"b\" ?"


def _register() -> str:
    import codecs

    codecs.register_error("test-lookalike", ascii_lookalike)
    return "test-lookalike"
