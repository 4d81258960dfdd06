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
    assert "Today: Robin's summary" in result.stdout
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


HEADINGS = [
    "What trustrepair is for",
    "Robin's first check-in",
    "Kai's written statement",
    "they see transparency differently",
    "The markers Robin named",
    "a setback near the anniversary",
    "Robin's check-ins over time",
    "Today: Robin's summary",
    "Today: the two views side by side",
]
SCREEN_ROWS, SCREEN_COLS = 40, 80


@pytest.mark.terminal
def test_step_shows_one_screen_at_a_time_in_a_real_80x40_terminal(tmp_path: Path) -> None:
    """Each view, its heading and the pause prompt fit the projector's 80x40 screen, and the
    last view ends the demo without asking for a next one."""
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "TRUSTREPAIR_HOME": str(tmp_path / "home")}
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "trustrepair", "demo", "--step"],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(SCREEN_ROWS, SCREEN_COLS),
    )
    for n, heading in enumerate(HEADINGS):
        child.expect(heading)
        if n + 1 == len(HEADINGS):
            child.expect("End of the demo")
            assert "Press Enter" not in child.before
            break
        child.expect("Press Enter for the next view")
        shown = child.before.replace("\r\n", "\n").split("\n")
        assert len(shown) + 2 <= SCREEN_ROWS, (heading, len(shown))  # + heading and prompt
        assert max(len(strip_ansi(line)) for line in shown) <= SCREEN_COLS
        assert HEADINGS[n + 1] not in child.before  # it really waits
        child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert not (tmp_path / "home").exists()


def strip_ansi(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 7, 42])
def test_every_seed_tells_the_story(cli: Cli, seed: int) -> None:
    out = cli("demo", "--seed", str(seed)).stdout
    flat = " ".join(out.split())
    assert "Blame-sharing blocks repair" in out  # an early warning
    assert "Shifts responsibility" in out  # the statement's reflection
    assert "≠ far apart" in out or "~ one step apart" in out  # a disagreement
    assert "anniversary: expected" in flat  # the setback near the anniversary
    today = out.split("Today: the two views side by side")[1]
    assert "Transparency" in today and "= same view" in today  # converged
    assert "Check-ins, newest first" in out  # history
