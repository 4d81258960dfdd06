"""The [reflect] table: a therapist can extend it, and a broken one fails with one clear line."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from conftest import ROOT, Cli
from trustrepair.bank import load_bank
from trustrepair.bank_reflect import Matcher
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
        category(raw, "minimising")["patterns"].append(r"\bno\s+biggie\b")

    path = edited_bank(tmp_path, add)
    cli("prompts", "validate", str(path))
    text = "Honestly it was no biggie."
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
        (
            lambda raw: category(raw, "minimising")["patterns"].append(r"\b{nobody_knows}\b"),
            "category 'minimising': the pattern names an unknown slot {nobody_knows}",
        ),
        (
            lambda raw: raw["reflect"]["slots"].update(you=["(unclosed"]),
            "not a valid regular expression",
        ),
        (
            lambda raw: raw["reflect"].pop("measured"),
            "caveat contains {recall} but there is no [reflect.measured]",
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


def test_a_therapist_can_add_a_form_with_a_slot(cli: Cli, tmp_path: Path) -> None:
    def add(raw: dict[str, Any]) -> None:
        raw["reflect"]["slots"]["trip"] = ["trip", "holiday", "wedding"]
        category(raw, "blame_shifting")["patterns"].append(r"\bskipped\s+the\s+{trip}\b")

    path = edited_bank(tmp_path, add)
    cli("prompts", "validate", str(path))
    for text in ["You skipped the holiday again.", "you skipped the wedding, remember"]:
        result = cli.json("reflect", text, "--prompts", str(path), "--json")
        assert [f["category"] for f in result["flags"]] == ["blame_shifting"]  # type: ignore[index]


def test_the_caveat_states_the_measured_recall_in_plain_words(cli: Cli, tmp_path: Path) -> None:
    rules = load_bank().reflect
    assert rules is not None and rules.measured is not None
    shipped = cli.json("reflect", "It was just a kiss.", "--json")["caveat"]  # type: ignore[index]
    assert f"({rules.measured.recall:.0%})" in shipped
    assert "{recall}" not in shipped

    path = edited_bank(tmp_path, lambda raw: raw["reflect"]["measured"].update(recall=0.81))
    out = cli("reflect", "It was just a kiss.", "--prompts", str(path)).stdout
    assert "about 8 in 10 (81%)" in " ".join(out.split())


def test_the_benchmark_writes_the_figure_the_caveat_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = importlib.util.spec_from_file_location(
        "reflect_accuracy", ROOT / "benchmarks" / "reflect_accuracy.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, script)
    spec.loader.exec_module(script)
    bank = tmp_path / "prompts.toml"
    bank.write_text(BANK.read_text(encoding="utf-8"), encoding="utf-8")
    script.record(0.456, 90, "round9", bank)
    measured = load_bank(bank).reflect.measured  # type: ignore[union-attr]
    assert (measured.recall, measured.statements, measured.round) == (0.456, 90, "round9")  # type: ignore[union-attr]
    assert "about 5 in 10 (46%)" in load_bank(bank).reflect.plain_caveat()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (r"\bI\s+barely\s+count", "honestly i BARELY counted it", True),
        (r"\bbarely\s+counts\b", "It barely counts.", True),
        (r"\bbarely\s+counts\b", "Scarcely-barely counts", True),
        (r"\bcounts\b", "He keeps the accounts.", False),
        (r"\b(?:u|you)\s+made\s+me\b", "thank u made me smile", True),
        (r"\b(?:u|you)\s+made\s+me\b", "haiku made me smile", False),
    ],
)
def test_a_pattern_matches_whole_words_whatever_the_case(
    pattern: str, text: str, found: bool
) -> None:
    matcher = Matcher(pattern)
    assert bool(list(matcher.spans(text.lower()))) is found
