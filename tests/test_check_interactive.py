"""The interactive walk-through, driven through CliRunner's stdin and in a real pseudo-terminal."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from conftest import Cli

# One full affected-partner walk-through, answer by answer (comments name the question).
AFFECTED_KEYS = [
    "n",  # afraid
    "1",  # role: affected
    "2025-03-01",  # discovered
    "1",  # ongoing: ended
    "2",  # acc_acknowledged: partly
    "4",  # acc_blame: often
    "3",  # acc_harm: no
    "-",  # acc_repeat: skipped
    "",  # acc_heard: empty line skips the optional text
    "4",  # tr_offered: never
    "4",  # tr_checking: often
    "2",  # ces_confidence
    "",  # ap_openness: keep default 3
    "3",  # ap_markers: not yet
    "",  # ap_marker_text: skip
    "-",  # sp_frequency: skip
    "-",  # sp_duration: skip
    "3",  # sup_couples: no
    "3",  # sup_individual: no
]


def keys(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def test_affected_walkthrough_saves_and_summary_follows(cli: Cli) -> None:
    result = cli("check", input=keys(AFFECTED_KEYS))
    assert "Question 3 of 19" in result.output
    assert "Accountability" in result.stdout
    assert "Saved." in result.stderr
    report = cli.json("summary", "--json")
    assert isinstance(report, dict)
    prereq = report["prerequisites"]
    assert prereq["accountability"]["status"] == "not_yet"
    assert prereq["transparency"]["status"] == "not_yet"
    assert prereq["cessation"]["status"] == "partial"
    assert report["timeline"]["discovered"] == "2025-03-01"
    assert [w["id"] for w in report["warnings"]] == ["blame_sharing"]


def test_role_option_skips_the_role_question(cli: Cli) -> None:
    answers = [a for i, a in enumerate(AFFECTED_KEYS) if i != 1]
    result = cli("check", "--role", "affected", "--no-save", input=keys(answers))
    assert "Which side of the betrayal" not in result.output
    assert "Question 2 of 18" in result.output


def test_invalid_answers_are_asked_again_with_the_reason(cli: Cli) -> None:
    answers = [*AFFECTED_KEYS[:2], "2025-02-30", "last week", *AFFECTED_KEYS[2:]]
    result = cli("check", "--no-save", input=keys(answers))
    assert "no such day in the calendar" in result.output
    assert "expected a day like 2025-09-14, a month like 2025-09" in result.output


def test_help_and_back(cli: Cli) -> None:
    # ? on the date question shows its help; < on the next goes back to the date.
    answers = [*AFFECTED_KEYS[:2], "?", "2024-01-01", "<", "2025-03-01", *AFFECTED_KEYS[3:]]
    result = cli("check", input=keys(answers))
    assert "An approximate date is fine" in result.output
    assert "[2024-01-01]" in result.output  # the earlier answer is offered again as the default
    report = cli.json("summary", "--json")
    assert isinstance(report, dict)
    assert report["timeline"]["discovered"] == "2025-03-01"


def test_required_question_cannot_be_skipped(cli: Cli) -> None:
    answers = [*AFFECTED_KEYS[:3], "-", *AFFECTED_KEYS[3:]]
    result = cli("check", "--no-save", input=keys(answers))
    assert "This one needs an answer" in result.output


def test_afraid_shows_safety_guidance_first_and_can_stop_there(cli: Cli, home: Path) -> None:
    result = cli("check", input="y\n\n")
    out = result.output
    assert "Your safety comes first" in out
    assert "emergency" in out
    assert out.index("Your safety comes first") < out.index("Continue with the check-in?")
    assert "Which side of the betrayal" not in out
    assert "Nothing was saved" in result.stderr
    assert not home.exists()


def test_afraid_but_continuing_keeps_safety_at_the_top_of_the_summary(cli: Cli) -> None:
    answers = ["y", "y", *AFFECTED_KEYS[1:]]
    result = cli("check", input=keys(answers))
    summary = result.stdout
    assert summary.index("Your safety comes first") < summary.index("Accountability")


def test_running_out_of_input_saves_nothing(cli: Cli, home: Path) -> None:
    result = cli("check", input="n\n1\n", code=2)
    assert "Nothing was saved" in result.stderr
    assert not home.exists()


def test_no_save_writes_nothing(cli: Cli, home: Path) -> None:
    cli("check", "--no-save", input=keys(AFFECTED_KEYS))
    assert not home.exists()


def test_json_output_stays_clean_while_prompts_go_to_stderr(cli: Cli) -> None:
    result = cli("check", "--json", "--no-save", input=keys(AFFECTED_KEYS))
    report = json.loads(result.stdout)
    assert report["checkin"]["role"] == "affected"
    assert "Question 1" in result.stderr


@pytest.mark.terminal
def test_real_terminal_walkthrough(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "TRUSTREPAIR_HOME": str(tmp_path / "tty-home"), "COLUMNS": "100"}
    child = pexpect.spawn(
        sys.executable, ["-m", "trustrepair", "check"], env=env, encoding="utf-8", timeout=20
    )
    child.expect("Question 1")
    child.sendline("n")
    child.expect("Which side")
    child.sendline("2")
    child.expect(r"Question 3 of 15")
    child.sendline("?")
    child.expect("An approximate date is fine")
    child.sendline("2025-06-01")
    for answer in ["1", "1", "1", "1", "", "", "1", "1", "1", "1", "1", "1"]:
        child.expect(r"> ")
        child.sendline(answer)
    child.expect("Your summary")
    child.expect("Saved")
    child.expect("Lock this store with a passphrase")  # offered once, after the first save
    child.sendline("")  # the default is no
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    summary = pexpect.run(
        f"{sys.executable} -m trustrepair summary --json", env=env, encoding="utf-8"
    )
    report = json.loads(summary)
    assert report["checkin"]["role"] == "betraying"
    assert report["prerequisites"]["accountability"]["status"] == "in_place"


@pytest.mark.terminal
def test_ctrl_c_in_a_real_terminal_leaves_nothing(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    home = tmp_path / "tty-home"
    env = {**os.environ, "TRUSTREPAIR_HOME": str(home)}
    child = pexpect.spawn(
        sys.executable, ["-m", "trustrepair", "check"], env=env, encoding="utf-8", timeout=20
    )
    child.expect("Question 1")
    child.sendline("n")
    child.expect("Which side")
    child.sendintr()
    child.expect("Nothing was saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not home.exists()


def test_i_dont_know_yet_can_be_chosen_at_the_prompt(cli: Cli) -> None:
    answers = list(AFFECTED_KEYS)
    answers[4:7] = ["4", "5", "4"]  # acc_acknowledged, acc_blame, acc_harm: I don't know yet
    answers[11] = "don't know"  # ces_confidence
    result = cli("check", "--no-save", "--json", input=keys(answers))
    assert "I don't know yet" in result.stderr  # offered as an option
    assert "or type: don't know (I don't know yet)" in result.stderr  # and on the scale
    report = json.loads(result.stdout)
    assert report["prerequisites"]["accountability"]["status"] == "unclear"
    assert report["prerequisites"]["cessation"]["status"] == "unclear"
    evidence = [
        e["answer"] for r in report["prerequisites"]["cessation"]["reasons"] for e in r["evidence"]
    ]
    assert "I don't know yet" in evidence
