"""The [markers] table of a question bank is checked like the rest of it."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from trustrepair.bank import default_bank_path, load_bank
from trustrepair.errors import BankError

RAW: dict[str, Any] = tomllib.loads(default_bank_path().read_text(encoding="utf-8"))


def bank_with(tmp_path: Path, **changes: object) -> Path:
    raw = copy.deepcopy(RAW)
    raw["markers"].update(changes)
    path = tmp_path / "bank.toml"
    path.write_text(tomli_w.dumps(raw), encoding="utf-8")
    return path


def test_the_shipped_rules_load() -> None:
    rules = load_bank().markers
    assert rules.from_question == "ap_marker_text"
    assert "{words}" in rules.advice.feeling
    assert rules.vague_guidance and rules.missed_guidance


def test_every_marker_guidance_names_an_article_section() -> None:
    bank = load_bank()
    for gid in bank.markers.referenced_guidance():
        assert bank.guide(gid).source in bank.sources


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"vague_words": ["safe", "text"]}, "'text' is in both action_words and vague_words"),
        ({"timing_patterns": ["(unclosed"]}, "not a valid regex"),
        ({"checking_patterns": ["[unclosed"]}, "not a valid regex"),
        ({"checking_guidance": "no_such_entry"}, "missing guidance 'no_such_entry'"),
        ({"action_words": ["Tells"]}, "markers.action_words"),
        ({"guidance": ["no_such_entry"]}, "missing guidance 'no_such_entry'"),
        ({"from_question": "ap_markers"}, "must be a text question"),
        ({"from_question": "nope"}, "missing question 'nope'"),
        ({"action_words": []}, "markers.action_words"),
    ],
)
def test_problems_are_one_line_naming_the_entry(
    tmp_path: Path, changes: dict[str, object], problem: str
) -> None:
    with pytest.raises(BankError) as info:
        load_bank(bank_with(tmp_path, **changes))
    assert problem in info.value.message
    assert "\n" not in info.value.message


def test_a_bank_without_markers_says_so(tmp_path: Path) -> None:
    raw = copy.deepcopy(RAW)
    del raw["markers"]
    path = tmp_path / "old.toml"
    path.write_text(tomli_w.dumps(raw), encoding="utf-8")
    with pytest.raises(BankError, match="markers: Field required"):
        load_bank(path)


def test_a_marker_question_longer_than_a_marker_is_refused(tmp_path: Path) -> None:
    raw = copy.deepcopy(RAW)
    for q in raw["questions"]:
        if q["id"] == "ap_marker_text":
            q["max_length"] = 2000
    path = tmp_path / "long.toml"
    path.write_text(tomli_w.dumps(raw), encoding="utf-8")
    with pytest.raises(BankError, match="at most 500 characters"):
        load_bank(path)


def test_a_therapist_can_change_the_word_lists(tmp_path: Path) -> None:
    from trustrepair.markers import MarkerCoach

    path = bank_with(tmp_path, timing_words=[*RAW["markers"]["timing_words"], "over dinner"])
    coach = MarkerCoach(load_bank(path).markers)
    assert coach.check("Tells me about his day over dinner").concrete
