"""The shared vocabulary: Role is one real type, used by --role, the bank and the store."""

from __future__ import annotations

from pathlib import Path

from conftest import BASE_AFFECTED, Cli, write_answers
from trustrepair.bank import load_bank
from trustrepair.vocab import ROLES, Role


def test_role_is_an_enum_the_bank_uses() -> None:
    assert [r.value for r in ROLES] == ["affected", "betraying"]
    bank = load_bank()
    assert all(isinstance(r, Role) for q in bank.questions for r in q.roles)
    assert set(bank.report.role_labels) == set(Role)


def test_role_option_refuses_anything_else_in_one_line(cli: Cli) -> None:
    result = cli("check", "--role", "nobody", code=2)
    assert "nobody" in result.output
    assert "affected" in result.output and "betraying" in result.output


def test_the_role_is_stored_once(cli: Cli, tmp_path: Path) -> None:
    answers = {**BASE_AFFECTED, "role": "affected"}  # an old-style file may still name it
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", answers)))
    exported = cli.json("export", "--format", "json")
    assert isinstance(exported, dict)
    (checkin,) = exported["data"]["checkins"]
    assert checkin["role"] == "affected"
    assert "role" not in checkin["answers"]


def test_an_answers_file_whose_role_answer_disagrees_is_refused(cli: Cli, tmp_path: Path) -> None:
    answers = {**BASE_AFFECTED, "role": "betraying"}
    path = write_answers(tmp_path / "a.toml", "affected", answers)
    result = cli("check", "--answers", str(path), code=2)
    assert "answers.role: does not match" in result.stderr
