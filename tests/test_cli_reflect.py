"""`trustrepair reflect` end to end: the ways to give text, the output, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli
from trustrepair.cli import app

STATEMENT = (
    "I had an affair and it was my choice. But it only happened because you were never home, "
    "and honestly it was just a fling. Can we move on now?"
)


def test_text_argument_shows_each_phrase_with_why(cli: Cli) -> None:
    out = cli("reflect", STATEMENT).stdout
    for phrase in ("because you were never home", "it was just a fling", "Can we move on now"):
        assert f"“{phrase}”" in out
    assert "Shifts responsibility" in out
    assert "From the article: The three prerequisites for trust repair" in out
    assert "Names what happened: “I had an affair”" in out
    assert "Not found in these words" in out
    assert "not at the person who wrote them" in out


def test_json_has_flags_with_category_phrase_explanation_and_strengths(cli: Cli) -> None:
    data = cli.json("reflect", STATEMENT, "--json")
    assert isinstance(data, dict)
    assert [(f["category"], f["phrase"]) for f in data["flags"]] == [
        ("blame_shifting", "because you were never home"),
        ("minimising", "it was just a fling"),
        ("pressure_to_move_on", "Can we move on now"),
    ]
    assert all(f["explanation"].startswith("This phrase") for f in data["flags"])
    assert [s["id"] for s in data["strengths"]] == ["names_what_happened", "owns_it"]


def test_genuine_statement_gets_no_flags(cli: Cli) -> None:
    text = "I lied to you for a year. Nobody made me. I scared you, and I will keep my phone open."
    data = cli.json("reflect", text, "--json")
    assert data["flags"] == []  # type: ignore[index]
    assert "No phrases found" in cli("reflect", text).stdout


def test_the_issue_traps_are_not_flagged(cli: Cli) -> None:
    for text in ["it wasn't because you were distant", "you said 'get over it' and that was wrong"]:
        data = cli.json("reflect", text, "--json")
        assert data["flags"] == [], text  # type: ignore[index]
        assert len(data["set_aside"]) == 1  # type: ignore[index]


def test_statement_from_a_file(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text("I'm sorry if you felt hurt.\n", encoding="utf-8")
    data = cli.json("reflect", "--file", str(path), "--json")
    assert [f["category"] for f in data["flags"]] == ["conditional_apology"]  # type: ignore[index]


@pytest.mark.parametrize("args", [("reflect", "-", "--json"), ("reflect", "--json")])
def test_statement_from_standard_input(cli: Cli, args: tuple[str, ...]) -> None:
    result = cli(*args, input="We both let things slide.")
    assert '"shared_blame"' in result.stdout


def test_heard_counts_what_the_partner_said(cli: Cli) -> None:
    text = "He said it was only a kiss."
    assert cli.json("reflect", text, "--json")["flags"] == []  # type: ignore[index]
    heard = cli.json("reflect", text, "--heard", "--json")
    assert [f["category"] for f in heard["flags"]] == ["minimising"]  # type: ignore[index]


def test_the_persons_words_are_never_read_as_markup(cli: Cli) -> None:
    out = cli(
        "reflect", "[bold red]It was just a kiss[/bold red], because you were [link]away"
    ).stdout
    assert "“It was just a kiss”" in out
    assert "“because you were”" in out


def test_output_fits_an_80_column_terminal(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("reflect", STATEMENT).stdout
    assert max(len(line.rstrip()) for line in out.splitlines()) <= 80


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("Error: ")
    return lines[0]


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_empty_statement_is_one_clear_error(cli: Cli, text: str) -> None:
    assert "empty" in one_error_line(cli("reflect", text, code=2).stderr)


def test_empty_standard_input_is_one_clear_error(cli: Cli) -> None:
    assert "standard input: the statement is empty" in one_error_line(
        cli("reflect", input="", code=2).stderr
    )


def test_a_megabyte_file_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("it was just a kiss " * 55_000, encoding="utf-8")
    assert path.stat().st_size > 1_000_000
    line = one_error_line(cli("reflect", "--file", str(path), code=2).stderr)
    assert "longer than 20,000 characters" in line


def test_a_megabyte_on_standard_input_is_refused(cli: Cli) -> None:
    line = one_error_line(cli("reflect", input="a" * 1_000_000, code=2).stderr)
    assert line.startswith("Error: standard input: the statement is longer than")


def test_a_long_argument_is_refused(cli: Cli) -> None:
    assert "longer than" in one_error_line(cli("reflect", "a " * 10_001, code=2).stderr)


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00", b"caf\xe9 au lait", b"a\x00b"])
def test_a_binary_file_is_refused(cli: Cli, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(data)
    line = one_error_line(cli("reflect", "-f", str(path), code=2).stderr)
    assert str(path) in line
    assert "plain text" in line


def test_binary_standard_input_is_refused(cli: Cli) -> None:
    result = cli.runner.invoke(app, ["reflect"], input=b"\x00\xff")
    assert result.exit_code == 2
    assert "plain text" in one_error_line(result.stderr)


def test_text_and_file_together_are_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("x", encoding="utf-8")
    assert "not both" in one_error_line(cli("reflect", "x", "--file", str(path), code=2).stderr)


def test_a_missing_file_is_one_clear_error(cli: Cli, tmp_path: Path) -> None:
    line = one_error_line(cli("reflect", "--file", str(tmp_path / "nope.txt"), code=2).stderr)
    assert "no such file" in line


def test_reflect_writes_nothing(cli: Cli, home: Path) -> None:
    cli("reflect", STATEMENT)
    assert not home.exists()


def test_help_has_a_summary_and_an_example(cli: Cli) -> None:
    out = cli("reflect", "--help").stdout
    assert "Reflect on an accountability statement" in out
    assert "Example: trustrepair reflect --file" in out
    assert "reflect" in cli("--help").stdout
