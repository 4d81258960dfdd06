"""The dates ahead: anniversaries (29 February too), the timeline's marks, the reminder's start."""

from __future__ import annotations

import datetime as dt

import pytest

from trustrepair.ahead import Rhythm, add_months, first_reminder, plan_ahead, upcoming_anniversaries
from trustrepair.bank import load_bank

D = dt.date


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
        (D(2024, 2, 29), 48, D(2028, 2, 29)),
        (D(2025, 8, 31), 6, D(2026, 2, 28)),
        (D(2025, 1, 15), 18, D(2026, 7, 15)),
        (D(2025, 11, 30), 36, D(2028, 11, 30)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_month_end(
    start: D, months: int, expected: D
) -> None:
    assert add_months(start, months) == expected


def test_anniversaries_of_29_february_fall_on_28_february_except_in_leap_years() -> None:
    got = upcoming_anniversaries(D(2024, 2, 29), D(2026, 12, 1), 3)
    assert got == [D(2027, 2, 28), D(2028, 2, 29), D(2029, 2, 28)]


def test_an_anniversary_today_is_still_ahead_and_the_discovery_day_is_not() -> None:
    assert upcoming_anniversaries(D(2025, 3, 10), D(2026, 3, 10), 1) == [D(2026, 3, 10)]
    assert upcoming_anniversaries(D(2025, 3, 10), D(2025, 3, 10), 1) == [D(2026, 3, 10)]
    assert upcoming_anniversaries(D(2025, 3, 10), D(2026, 3, 11), 1) == [D(2027, 3, 10)]


def test_the_plan_holds_anniversaries_and_only_the_marks_still_ahead() -> None:
    words = load_bank().calendar
    plan = plan_ahead(words, D(2026, 1, 15), D(2026, 12, 1), years=2, rhythm=None)
    got = [(e.key, e.day) for e in plan.days]
    assert got == [
        ("anniversary-1", D(2027, 1, 15)),  # the one-year mark joins the anniversary's event
        ("mark-eighteen_months", D(2027, 7, 15)),
        ("anniversary-2", D(2028, 1, 15)),
        ("mark-three_years", D(2029, 1, 15)),
    ]
    assert plan.days[0].summary == "1 year since it came to light"
    assert plan.reminder is None


def test_marks_already_past_are_left_out() -> None:
    plan = plan_ahead(load_bank().calendar, D(2024, 1, 1), D(2026, 12, 1), years=1, rhythm=None)
    assert [e.key for e in plan.days] == ["anniversary-3"]  # "Three years on" joined it


def test_one_event_a_day_when_a_mark_falls_on_an_anniversary() -> None:
    words = load_bank().calendar
    plan = plan_ahead(words, D(2025, 9, 14), D(2026, 12, 1), years=3, rhythm=None)
    days = [e.day for e in plan.days]
    assert len(days) == len(set(days))
    three = next(e for e in plan.days if e.day == D(2028, 9, 14))
    assert three.summary == "3 years since it came to light"
    mark = next(m for m in words.marks if m.id == "three_years")
    assert three.text == f"{words.anniversary_text}\n\n{mark.text}"


def test_a_month_only_date_says_around_in_every_dated_event() -> None:
    words = load_bank().calendar
    plan = plan_ahead(words, D(2025, 9, 15), D(2026, 12, 1), years=2, rhythm=None, approximate=True)
    assert plan.days
    for event in plan.days:
        assert event.text.startswith(words.approximate_text)
        assert "around" in event.text.lower()
    exact = plan_ahead(words, D(2025, 9, 15), D(2026, 12, 1), years=2, rhythm=None)
    assert not any("around this time" in e.text.lower() for e in exact.days)


def test_while_afraid_the_calendar_holds_anniversaries_with_words_for_one_person() -> None:
    words = load_bank().calendar
    plan = plan_ahead(
        words, D(2025, 9, 14), D(2026, 12, 1), years=3, rhythm=None, safety_first=True
    )
    assert [e.key for e in plan.days] == ["anniversary-2", "anniversary-3", "anniversary-4"]
    for event in plan.days:
        assert event.text == words.anniversary_text_safety
        flat = event.text.lower()
        assert not any(w in flat for w in ("together", "agree", "session", "couple", "both"))


@pytest.mark.parametrize(
    ("every", "today", "expected"),
    [
        ("week", D(2026, 12, 1), D(2026, 12, 6)),  # a Tuesday -> the coming Sunday
        ("fortnight", D(2026, 12, 6), D(2026, 12, 6)),  # a Sunday: today counts
        ("month", D(2026, 12, 1), D(2026, 12, 6)),  # first Sunday of December
        ("month", D(2026, 12, 7), D(2027, 1, 3)),  # December's has passed -> January's
    ],
)
def test_the_first_reminder_is_the_rules_first_instance(every: str, today: D, expected: D) -> None:
    rhythm = Rhythm(every, 6, dt.time(19, 30))  # type: ignore[arg-type]
    assert first_reminder(today, rhythm) == dt.datetime.combine(expected, dt.time(19, 30))
