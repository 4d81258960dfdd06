"""The bank's [calendar] table: general, kind words with the one placeholder the code fills."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import tomli_w

from trustrepair.bank import default_bank_path, load_bank
from trustrepair.errors import BankError


def test_the_shipped_calendar_words_are_complete() -> None:
    words = load_bank().calendar
    assert "{count}" in words.anniversary_summary
    assert [m.months for m in words.marks] == [12, 18, 36]
    assert len({m.id for m in words.marks}) == len(words.marks)
    for text in (words.anniversary_text, words.checkin_text, *(m.text for m in words.marks)):
        assert 40 < len(text) < 400


def test_a_bank_without_calendar_words_is_refused_with_the_place(tmp_path: Path) -> None:
    raw = tomllib.loads(default_bank_path().read_text(encoding="utf-8"))
    raw["calendar"]["marks"][0]["months"] = 0
    bad = tmp_path / "bank.toml"
    bad.write_text(tomli_w.dumps(raw), encoding="utf-8")
    with pytest.raises(BankError, match="calendar"):
        load_bank(bad)
