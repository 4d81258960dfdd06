"""Hostile and malformed input: one clear error, no traceback, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BASE_AFFECTED, Cli, write_answers
from trustrepair.cli import app


def store_files(home: Path) -> list[Path]:
    return sorted(p for p in home.rglob("*") if p.is_file()) if home.exists() else []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('role = "affected"\n[answers\n', "not valid TOML"),
        ('role = "partner"\n[answers]\n', "role"),
        ('role = "affected"\nextra = 1\n[answers]\n', "extra"),
        ('role = "affected"\n[answers]\nnot_a_question = 1\n', "not a question in this bank"),
        ('role = "affected"\n[answers]\nacc_statement = "x"\n', "not asked of this role"),
        ('role = "affected"\n[answers]\nafraid = "yes"\n', "expected true or false"),
        ('role = "affected"\n[answers]\nces_confidence = 9\n', "expected 5 or less"),
        ('role = "affected"\n[answers]\nces_confidence = 2.5\n', "expected a whole number"),
        ('role = "affected"\n[answers]\nongoing = "maybe"\n', "expected one of"),
        ('role = "affected"\n[answers]\ndiscovered = 2999-01-01\n', "in the future"),
        ('role = "affected"\n[answers]\nafraid = false\n', "missing answers for"),
        ('role = "affected"\nanswers = 5\n', "answers"),
    ],
)
def test_bad_answers_files(
    cli: Cli, tmp_path: Path, home: Path, content: str, expected: str
) -> None:
    path = tmp_path / "answers.toml"
    path.write_text(content, encoding="utf-8")
    result = cli("check", "--answers", str(path), code=2)
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert store_files(home) == []


def test_error_never_repeats_the_answer_text(cli: Cli, tmp_path: Path) -> None:
    private = "my private words about the affair"
    path = write_answers(tmp_path / "a.toml", "affected", {**BASE_AFFECTED, "afraid": private})
    result = cli("check", "--answers", str(path), code=2)
    assert private not in result.output


def test_a_100kb_answer_is_refused(cli: Cli, tmp_path: Path, home: Path) -> None:
    answers = {**BASE_AFFECTED, "acc_heard": "x" * 100_000}
    path = write_answers(tmp_path / "a.toml", "affected", answers)
    result = cli("check", "--answers", str(path), code=2)
    assert "longer than 5000 characters" in result.stderr
    assert store_files(home) == []


def test_control_characters_are_refused(cli: Cli, tmp_path: Path, home: Path) -> None:
    answers = {**BASE_AFFECTED, "acc_heard": "hello\x1b[31mred\x07"}
    path = write_answers(tmp_path / "a.toml", "affected", answers)
    result = cli("check", "--answers", str(path), code=2)
    assert "control characters" in result.stderr
    assert store_files(home) == []


def test_binary_and_huge_files_are_refused(cli: Cli, tmp_path: Path) -> None:
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    assert "not a UTF-8 text file" in cli("check", "--answers", str(binary), code=2).stderr
    huge = tmp_path / "huge.toml"
    huge.write_text("# " + "x" * 1_100_000)
    assert "larger than 1 MB" in cli("check", "--answers", str(huge), code=2).stderr


@pytest.mark.parametrize(
    "markup", ["[red]x[/red]", "[link=https://example.com]click[/link]", "[bold"]
)
def test_rich_markup_in_free_text_is_shown_literally(cli: Cli, tmp_path: Path, markup: str) -> None:
    answers = {**BASE_AFFECTED, "acc_heard": f"He said {markup} and left"}
    path = write_answers(tmp_path / "a.toml", "affected", answers)
    cli("check", "--answers", str(path))
    assert f"He said {markup} and left" in cli("summary", "--full").stdout
    report = cli.json("summary", "--json")
    assert isinstance(report, dict)
    assert report["notes"][0]["answer"] == f"He said {markup} and left"


def test_typed_markup_is_kept_literally_in_the_walkthrough(cli: Cli) -> None:
    from test_check_interactive import AFFECTED_KEYS, keys

    answers = list(AFFECTED_KEYS)
    answers[8] = "[red]not red[/red] [link=file:///etc]x[/link]\n"
    cli("check", input=keys(answers))
    assert "[red]not red[/red] [link=file:///etc]x[/link]" in cli("summary", "--full").stdout


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=300))
def test_any_free_text_is_kept_exactly_or_refused_cleanly(
    cli: Cli, tmp_path: Path, text: str
) -> None:
    from trustrepair.answers import AnswerProblem, coerce_answer
    from trustrepair.bank import load_bank

    try:
        expected = coerce_answer(load_bank().question("acc_heard"), text)
    except AnswerProblem:
        expected = None
    path = write_answers(tmp_path / "a.toml", "affected", {**BASE_AFFECTED, "acc_heard": text})
    args = ["check", "--answers", str(path), "--json", "--no-save"]
    result = cli.runner.invoke(app, args)
    assert "Traceback" not in result.output
    if expected is None:
        assert result.exit_code == 2
        assert len(result.stderr.strip().splitlines()) == 1
    else:
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["notes"][0]["answer"] == expected
