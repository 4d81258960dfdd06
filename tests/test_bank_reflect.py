"""The [reflect] table: a therapist can extend it, and a broken one fails with one clear line."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from conftest import ROOT, Cli
from trustrepair.bank import load_bank
from trustrepair.errors import BankError

BANK = ROOT / "data" / "prompts.toml"


def edited_bank(tmp_path: Path, edit: Callable[[dict[str, Any]], None]) -> Path:
    raw = tomllib.loads(BANK.read_text(encoding="utf-8"))
    edit(raw)
    path = tmp_path / "prompts.toml"
    path.write_text(tomli_w.dumps(raw), encoding="utf-8")
    return path


def category(raw: dict[str, Any], cid: str) -> dict[str, Any]:
    return next(c for c in raw["reflect"]["categories"] if c["id"] == cid)


def test_the_built_in_bank_has_the_five_categories_and_four_strengths() -> None:
    rules = load_bank().reflect
    assert rules is not None
    assert [c.id for c in rules.categories] == [
        "blame_shifting",
        "minimising",
        "conditional_apology",
        "shared_blame",
        "pressure_to_move_on",
    ]
    assert [s.id for s in rules.strengths] == [
        "names_what_happened",
        "owns_it",
        "names_harm",
        "will_do_differently",
    ]
    assert [q.question for q in rules.questions] == ["acc_statement", "acc_heard"]


def test_a_therapist_can_add_a_pattern_and_use_it(cli: Cli, tmp_path: Path) -> None:
    def add(raw: dict[str, Any]) -> None:
        category(raw, "minimising")["patterns"].append(r"\bbarely\s+counts\b")

    path = edited_bank(tmp_path, add)
    cli("prompts", "validate", str(path))
    text = "Honestly it barely counts as an affair."
    assert cli.json("reflect", text, "--json")["flags"] == []  # type: ignore[index]
    result = cli.json("reflect", text, "--prompts", str(path), "--json")
    assert [f["category"] for f in result["flags"]] == ["minimising"]  # type: ignore[index]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda raw: category(raw, "minimising")["patterns"].append("(unclosed"),
            "reflect.categories['minimising'].patterns[",
        ),
        (
            lambda raw: category(raw, "minimising")["patterns"].append("x*"),
            "matches empty text",
        ),
        (
            lambda raw: category(raw, "shared_blame").update(source="nowhere"),
            "reflect category 'shared_blame' names a missing source 'nowhere'",
        ),
        (
            lambda raw: category(raw, "shared_blame").update(guidance=["nothing_here"]),
            "names a missing guidance 'nothing_here'",
        ),
        (
            lambda raw: raw["reflect"]["questions"].append(
                {"question": "afraid", "heading": "h", "note": "n {what}"}
            ),
            "'afraid', not a text question",
        ),
        (
            lambda raw: raw["reflect"]["questions"][0].update(note="no placeholder"),
            "note must contain {what}",
        ),
        (
            lambda raw: raw["reflect"]["categories"].append(dict(category(raw, "minimising"))),
            "duplicate reflect category id 'minimising'",
        ),
        (
            lambda raw: raw["reflect"].update(colour="blue"),
            "reflect.colour: Extra inputs are not permitted",
        ),
    ],
)
def test_a_broken_reflect_table_fails_with_one_line_naming_the_entry(
    tmp_path: Path, edit: Callable[[dict[str, Any]], None], message: str
) -> None:
    path = edited_bank(tmp_path, edit)
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert message in caught.value.message
    assert caught.value.message.startswith(str(path))
    assert "\n" not in caught.value.message


def test_a_bank_without_a_reflect_table_still_works_for_check(cli: Cli, tmp_path: Path) -> None:
    path = edited_bank(tmp_path, lambda raw: raw.pop("reflect"))
    cli("prompts", "validate", str(path))
    result = cli("reflect", "It was just a kiss.", "--prompts", str(path), code=2)
    assert "no [reflect] table" in result.stderr
