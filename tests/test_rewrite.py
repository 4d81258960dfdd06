"""The rewrite step after a reflection in the check-in: offered on flags, never forced,
the earlier version kept as a draft that export and import carry."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import jsonschema
import pytest

from conftest import Cli
from trustrepair.cli.rewrite import MAX_REWRITES
from trustrepair.schema import export_schema_text

FLAGGED = "I cheated. It was only a kiss and you were never home."
BETTER = "I cheated on you and lied about it. That was my choice."


def betraying(statement: list[str]) -> str:
    """A whole betraying-partner walk-through with these lines at the statement question."""
    before = ["n", "2", "2025-06-01", "1", "1", "1", "1", "1"]
    after = ["1", "1", "1", "1", "1", "1"]
    return "\n".join([*before, *statement, *after]) + "\n"


def stored_answers(cli: Cli) -> dict[str, object]:
    backup = cli.json("export", "--format", "json")
    assert isinstance(backup, dict)
    jsonschema.validate(backup, json.loads(export_schema_text()))
    [checkin] = backup["data"]["checkins"]
    answers: dict[str, object] = checkin["answers"]
    return answers


def test_flagged_statement_can_be_rewritten_and_the_first_is_kept_as_a_draft(cli: Cli) -> None:
    result = cli("check", input=betraying([FLAGGED, "", "y", BETTER, ""]))
    out = " ".join(result.output.split())
    assert "Plays it down: “It was only a kiss" in out
    assert "Would you like to try writing it again" in out
    assert "The new version is your answer" in out
    answers = stored_answers(cli)
    assert answers["acc_statement"] == BETTER
    assert answers["acc_statement.draft.1"] == FLAGGED


def test_the_offer_is_never_forced(cli: Cli) -> None:
    result = cli("check", input=betraying([FLAGGED, "", "n"]))
    assert "Would you like to try writing it again" in result.output
    answers = stored_answers(cli)
    assert answers["acc_statement"] == FLAGGED
    assert not any(".draft." in key for key in answers)


def test_an_empty_rewrite_keeps_the_statement(cli: Cli) -> None:
    result = cli("check", input=betraying([FLAGGED, "", "y", ""]))
    assert "Kept as it was." in result.output
    assert stored_answers(cli)["acc_statement"] == FLAGGED


def test_no_offer_when_nothing_is_flagged(cli: Cli) -> None:
    result = cli("check", input=betraying([BETTER, ""]))
    assert "Would you like to try writing it again" not in result.output
    assert "No phrases found" in " ".join(result.output.split())


def test_a_rewrite_that_still_flags_is_offered_again_a_few_times_then_left(cli: Cli) -> None:
    tries = [FLAGGED, ""]
    for n in range(MAX_REWRITES):
        tries += ["y", f"It was just a fling, try {n}.", ""]
    result = cli("check", input=betraying(tries))
    assert result.output.count("Would you like to try writing it again") == MAX_REWRITES
    answers = stored_answers(cli)
    assert answers["acc_statement"] == f"It was just a fling, try {MAX_REWRITES - 1}."
    drafts = [answers[f"acc_statement.draft.{n}"] for n in range(1, MAX_REWRITES + 1)]
    assert drafts[0] == FLAGGED


def test_what_the_affected_partner_was_told_is_reflected_on_but_never_offered_for_rewording(
    cli: Cli,
) -> None:
    # Their record of someone else's words: the flags are about those words, not theirs.
    heard = "He said it was just sex and that I need to get over it."
    keys = ["n", "1", "2025-03-01", "1", "2", "4", "3", "-", heard, ""]
    keys += ["4", "4", "2", "", "3", "", "-", "-", "3", "3"]
    result = cli("check", input="\n".join(keys) + "\n")
    assert "Reflecting on what you were told" in result.output
    assert "reword" not in result.output and "writing it again" not in result.output
    assert "To rewrite it" not in result.output
    answers = stored_answers(cli)
    assert answers["acc_heard"] == heard
    assert not any(".draft." in key for key in answers)


def test_no_reading_and_no_offer_while_someone_is_afraid(cli: Cli) -> None:
    heard = "He said it was just sex and that I need to get over it."
    keys = ["y", "y", "1", "2025-03-01", "1", "2", "4", "3", "-", heard, ""]
    keys += ["4", "4", "2", "", "3", "", "-", "-", "3", "3"]
    result = cli("check", input="\n".join(keys) + "\n")
    assert "Reflecting on what you were told" not in result.output
    assert "reword what you wrote down" not in result.output
    assert stored_answers(cli)["acc_heard"] == heard


def test_drafts_survive_export_and_import_and_stay_out_of_no_notes(
    cli: Cli, tmp_path: Path
) -> None:
    cli("check", input=betraying([FLAGGED, "", "y", BETTER, ""]))
    backup = tmp_path / "backup.json"
    cli("export", "--format", "json", "-o", str(backup))
    shared = cli.json("export", "--format", "json", "--no-notes")
    assert isinstance(shared, dict)
    assert not any(".draft." in k for k in shared["data"]["checkins"][0]["answers"])
    elsewhere = str(tmp_path / "restored")
    cli("--home", elsewhere, "import", str(backup), "--yes")
    restored = cli.json("--home", elsewhere, "export", "--format", "json")
    assert isinstance(restored, dict)
    answers = restored["data"]["checkins"][0]["answers"]
    assert answers["acc_statement.draft.1"] == FLAGGED
    assert answers["acc_statement"] == BETTER


@pytest.mark.terminal
def test_rewrite_in_a_real_terminal(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "TRUSTREPAIR_HOME": str(tmp_path / "tty-home"), "COLUMNS": "100"}
    child = pexpect.spawn(
        sys.executable, ["-m", "trustrepair", "check"], env=env, encoding="utf-8", timeout=20
    )
    for answer in ["n", "2", "2025-06-01", "1", "1", "1", "1", "1"]:
        child.expect(r"> ")
        child.sendline(answer)
    child.expect(r"\| ")
    child.sendline("Why can't we leave this in the past?")
    child.expect(r"\| ")
    child.sendline("")
    child.expect("Hurries the repair")
    child.expect("try writing it again")
    child.sendline("y")
    child.expect(r"\| ")
    child.sendline(BETTER)
    child.expect(r"\| ")
    child.sendline("")
    child.expect("The new version is your answer")
    for answer in ["1", "1", "1", "1", "1", "1"]:
        child.expect(r"> ")
        child.sendline(answer)
    child.expect("Saved")
    child.expect("Lock this store with a passphrase")  # offered once, after the first save
    child.sendline("")  # the default is no
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    backup = tmp_path / "backup.json"
    pexpect.run(f"{sys.executable} -m trustrepair export -o {backup}", env=env)
    answers = json.loads(backup.read_text(encoding="utf-8"))["data"]["checkins"][0]["answers"]
    assert answers["acc_statement"] == BETTER
    assert answers["acc_statement.draft.1"] == "Why can't we leave this in the past?"
