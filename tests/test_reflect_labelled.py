"""The labelled statements in tests/data: the numbers the issue asks for, kept as checks.

benchmarks/reflect_accuracy.py prints precision and recall per category for the same set.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from trustrepair.bank import Bank, load_bank
from trustrepair.reflect import reflect_statement

LABELLED = Path(__file__).parent / "data" / "reflect_labelled.toml"
HELD_OUT = Path(__file__).parent / "data" / "reflect_heldout.toml"
KINDS = {
    "deflecting",
    "minimising",
    "conditional",
    "shared",
    "pressure",
    "genuine",
    "mixed",
    "trap",
}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = tomllib.loads(LABELLED.read_text(encoding="utf-8"))["statements"]
    return data


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


def found(bank: Bank, row: dict[str, Any]) -> set[str]:
    result = reflect_statement(bank, row["text"], heard=row.get("heard", False))
    return {f.category for f in result.flags}


def test_the_set_is_large_varied_and_labelled_with_known_names(
    rows: list[dict[str, Any]], bank: Bank
) -> None:
    assert bank.reflect is not None
    categories = {c.id for c in bank.reflect.categories}
    strengths = {s.id for s in bank.reflect.strengths}
    assert len(rows) >= 60
    assert len({r["id"] for r in rows}) == len(rows)
    kinds = Counter(r["kind"] for r in rows)
    assert set(kinds) == KINDS
    assert all(kinds[k] >= 5 for k in KINDS), kinds
    for r in rows:
        assert set(r.get("flags", [])) <= categories, r["id"]
        assert set(r.get("strengths", [])) <= strengths, r["id"]
        assert re.fullmatch(r"dev|holdout|fresh|round\d+", r.get("split", "dev")), r["id"]
        assert (r["kind"] == "genuine") <= (not r.get("flags")), r["id"]


def test_at_least_nine_in_ten_genuine_statements_get_no_flag(
    rows: list[dict[str, Any]], bank: Bank
) -> None:
    genuine = [r for r in rows if r["kind"] == "genuine"]
    clean = [r for r in genuine if not found(bank, r)]
    assert len(clean) >= 0.9 * len(genuine), [r["id"] for r in genuine if r not in clean]


def test_quoted_negated_and_reported_phrases_are_never_flagged(
    rows: list[dict[str, Any]], bank: Bank
) -> None:
    traps = [r for r in rows if r["kind"] == "trap"]
    assert {r["trap"] for r in traps} == {"quoted", "negated", "reported"}
    assert [r["id"] for r in traps if found(bank, r)] == []


def test_every_category_is_found_in_most_statements_labelled_with_it(
    rows: list[dict[str, Any]], bank: Bank
) -> None:
    """A regression guard on the (in-sample) set, not a claim about unseen text."""
    assert bank.reflect is not None
    for c in bank.reflect.categories:
        labelled = [r for r in rows if c.id in r.get("flags", [])]
        hits = [r for r in labelled if c.id in found(bank, r)]
        assert len(hits) >= 0.8 * len(labelled), (c.id, len(hits), len(labelled))


def test_the_held_out_round_is_one_fresh_round_in_many_kinds_and_never_tuned_on(
    rows: list[dict[str, Any]], bank: Bank
) -> None:
    """Its accuracy is measured by benchmarks/reflect_accuracy.py only, never asserted here:
    a test that had to pass on it would invite tuning on it."""
    held: list[dict[str, Any]] = tomllib.loads(HELD_OUT.read_text(encoding="utf-8"))["statements"]
    assert bank.reflect is not None
    categories = {c.id for c in bank.reflect.categories}
    assert len(held) >= 80
    rounds = sorted({r["split"] for r in held}, key=lambda name: int(name.removeprefix("round")))
    assert not {r["split"] for r in held} & {r.get("split", "dev") for r in rows}
    assert not {r["id"] for r in held} & {r["id"] for r in rows}
    assert not {r["text"] for r in held} & {r["text"] for r in rows}
    kinds = Counter(r["kind"] for r in held)
    assert kinds["genuine"] >= 10 and kinds["trap"] >= 10, kinds
    assert any(r.get("heard") for r in held)
    for r in held:
        assert set(r.get("flags", [])) <= categories, r["id"]
    measured = bank.reflect.measured
    assert measured is not None
    assert measured.round == "+".join(rounds)
    assert measured.statements == len(held)
