"""emit(): JSON or the view, clean plain text, and a pager only where a person reads a long view."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, Cli

TRAILING = " \n"


def test_json_and_the_view_come_from_the_same_result(cli: Cli) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    data = cli.json("summary", "--json")
    assert isinstance(data, dict) and data["checkin"]["role"] == "affected"
    assert "Where things stand" in cli("summary").stdout
    assert cli.json("history", "--json")[0]["role"] == "affected"  # type: ignore[index]


def test_no_check_in_yet_prints_null_for_json_and_a_message_for_people(cli: Cli) -> None:
    assert cli("summary", "--json").stdout.strip() == "null"
    result = cli("summary")
    assert result.stdout == ""
    assert "check-in" in result.stderr


@pytest.mark.parametrize("command", [["summary"], ["summary", "--full"], ["history"]])
def test_plain_text_has_no_trailing_spaces(cli: Cli, command: list[str]) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    out = cli(*command).stdout
    assert out.strip()
    assert TRAILING not in out and not out.endswith(" ")
    assert "\x1b[" not in out  # NO_COLOR (set for every test)


def test_tables_wrap_rather_than_cut_at_60_columns(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    cli("markers", "add", "Shares his calendar for the coming week every Sunday evening")
    full = cli("summary", "--full").stdout
    history = cli("history").stdout
    for out in (full, history):
        assert "…" not in out
        assert max(len(line) for line in out.splitlines()) <= 60
    flat = " ".join(full.replace("│", " ").split())
    assert "every Sunday" in flat and "evening" in flat
    assert "partly in place" in " ".join(history.split())  # the words, not only the marks


def test_history_fits_80_columns_without_breaking_a_word(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    cli("check", "--answers", str(EXAMPLES / "answers-betraying.toml"))
    lines = cli("history").stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    header = next(line for line in lines if line.startswith("Id "))
    assert header.split()[-3:] == ["Accountability", "Transparency", "Stopped"]
    rows = [line for line in lines if line.startswith(("c1 ", "c2 "))]
    assert len(rows) == 2  # one line per check-in: no status wraps onto a second line
    assert rows[0].endswith("○ not yet       ● in place    ● in place"), rows[0]
    assert re.match(r"c2  \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d  ", rows[0]), rows[0]


def test_history_says_plainly_when_there_is_only_one_check_in(cli: Cli) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    out = " ".join(cli("history").stdout.split())
    assert "Only one check-in so far, on " in out
    assert "no change" not in out and "one mark each" not in out


# --- the pager, in a real terminal ----------------------------------------------------------


def fake_pager(tmp_path: Path) -> tuple[str, Path]:
    """A 'pager' that copies what it is given to a file, so a test can see it was used."""
    seen = tmp_path / "paged.txt"
    script = tmp_path / "pager.py"
    script.write_text(
        f"import sys\nopen({str(seen)!r}, 'w').write(sys.stdin.read())\n", encoding="utf-8"
    )
    return f"{sys.executable} {script}", seen


def run_in_terminal(tmp_path: Path, args: list[str], env: dict[str, str]) -> str:
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(
        sys.executable, ["-m", "trustrepair", *args], env=env, encoding="utf-8", timeout=30
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return str(child.before)


@pytest.fixture
def terminal_env(tmp_path: Path, cli: Cli, home: Path) -> dict[str, str]:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "PAGER", "LESS")}
    return {**env, "TRUSTREPAIR_HOME": str(home)}


@pytest.mark.terminal
def test_a_long_view_goes_through_the_pager_named_in_pager(
    tmp_path: Path, terminal_env: dict[str, str]
) -> None:
    pager, seen = fake_pager(tmp_path)
    run_in_terminal(tmp_path, ["summary", "--full"], {**terminal_env, "PAGER": pager})
    assert "Accountability" in seen.read_text(encoding="utf-8")


@pytest.mark.terminal
def test_no_pager_and_the_short_view_print_straight_out(
    tmp_path: Path, terminal_env: dict[str, str]
) -> None:
    pager, seen = fake_pager(tmp_path)
    env = {**terminal_env, "PAGER": pager}
    out = run_in_terminal(tmp_path, ["--no-pager", "summary", "--full"], env)
    assert "Accountability" in out and not seen.exists()
    out = run_in_terminal(tmp_path, ["summary"], env)  # one screen: never paged
    assert "Where things stand" in out and not seen.exists()
    out = run_in_terminal(tmp_path, ["summary", "--full"], {**env, "PAGER": "cat"})
    assert "Accountability" in out and not seen.exists()


def test_piped_output_is_never_paged(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pager, seen = fake_pager(tmp_path)
    monkeypatch.setenv("PAGER", pager)
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    assert "Accountability" in cli("summary", "--full").stdout
    assert not seen.exists()
