"""The one vocabulary: days, counts with plurals, months ago, rates and credits read one way."""

from __future__ import annotations

import datetime as dt

import pytest

from trustrepair.render import words


@pytest.mark.parametrize(
    ("n", "said"),
    [(0, "less than a month ago"), (1, "1 month ago"), (2, "2 months ago"), (14, "14 months ago")],
)
def test_months_ago_never_says_1_months_or_0_months(n: int, said: str) -> None:
    assert words.months_ago(n) == said


def test_plurals_and_tallies() -> None:
    assert words.plural(1, "spike") == "1 spike"
    assert words.plural(3, "spike") == "3 spikes"
    assert words.plural(2, "entry", "entries") == "2 entries"
    assert words.tally(3, 4) == "3 of 4"
    assert words.tally(0, 0) == "–"


def test_one_way_to_write_a_day() -> None:
    day = dt.date(2025, 9, 4)
    assert words.day(day) == "4 Sep 2025"
    assert words.weekday(day) == "Thu 4 Sep 2025"
    moment = dt.datetime(2025, 9, 4, 7, 5)
    assert words.moment(moment) == "4 Sep 2025, 07:05"
    assert words.around_month(day) == "around Sep 2025"
    assert words.rough_day(day, approximate=False) == "4 Sep 2025"


def test_no_view_formats_a_date_outside_the_words_module() -> None:
    """One date style for a person: only render/words.py writes strftime-style formats."""
    import re
    from pathlib import Path

    src = Path(__file__).parents[1] / "src" / "trustrepair"
    pattern = re.compile(r"%[aAbBdHMmYyz]")
    found = [
        f"{path.relative_to(src)}:{n}"
        for path in src.rglob("*.py")
        if path.name != "words.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line.replace("%Y-%m", "")) and ('f"' in line or "strftime" in line)
    ]
    assert found == []


def test_ordinals_and_days_to_go() -> None:
    assert [words.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
    ]  # fmt: skip
    assert [words.in_days(n) for n in (0, 1, 5)] == ["today", "tomorrow", "in 5 days"]


def test_rates_read_as_numbers_never_as_zero() -> None:
    assert words.change_rate(-0.26) == "0.26 each week"
    assert words.change_rate(0.03) == "0.13 each month"
    assert words.change_rate(0.01) == "0.52 each year"
    assert words.two_figures(-0.0041, signed=True) == "-0.0041"
    assert words.p_text(0.0004) == "p < 0.001"


def test_every_status_has_a_mark_and_the_mark_is_never_the_only_word() -> None:
    for status in ("in_place", "partial", "not_yet", "unclear"):
        assert words.mark(status) and words.colour(status)
    assert words.mark("something else") == "·"


def test_credits_are_short_and_the_parts_are_named_once() -> None:
    assert len(words.credit(3)) < 30  # short enough never to count as a repeated sentence
    line = words.credits_line([(1, "One part"), (4, "Another part")])
    assert "1 One part; 4 Another part" in line  # each part by its fixed number
    assert words.named_credit(None) == ""
