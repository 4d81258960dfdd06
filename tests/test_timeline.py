"""Anniversaries, months elapsed and the phase, including a 29 February discovery."""

from __future__ import annotations

import datetime as dt

import pytest

from trustrepair.bank import load_bank
from trustrepair.report import timeline_info
from trustrepair.timeline import anniversary_in, months_between, next_anniversary

D = dt.date
LEAP = D(2024, 2, 29)


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2025, D(2025, 2, 28)), (2026, D(2026, 2, 28)), (2028, D(2028, 2, 29))],
)
def test_a_29_february_anniversary(year: int, expected: D) -> None:
    assert anniversary_in(LEAP, year) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2024, 2, 29), D(2025, 2, 28)),  # never the day it came to light
        (D(2024, 3, 1), D(2025, 2, 28)),
        (D(2025, 2, 28), D(2025, 2, 28)),  # today is the anniversary
        (D(2025, 3, 1), D(2026, 2, 28)),
        (D(2027, 3, 1), D(2028, 2, 29)),
    ],
)
def test_next_anniversary_of_29_february(today: D, expected: D) -> None:
    assert next_anniversary(LEAP, today) == expected


def test_months_between_with_month_ends() -> None:
    assert months_between(LEAP, D(2025, 2, 28)) == 12
    assert months_between(LEAP, D(2024, 3, 28)) == 0
    assert months_between(D(2025, 1, 31), D(2025, 2, 28)) == 1
    assert months_between(D(2025, 3, 14), D(2026, 9, 13)) == 17


def test_timeline_info_for_29_february() -> None:
    info = timeline_info(load_bank(), LEAP, D(2026, 2, 1), "profile")
    assert info.months_elapsed == 23
    assert info.phase == "horizon"
    assert (info.next_anniversary, info.days_to_anniversary) == (D(2026, 2, 28), 27)
    assert info.anniversary_number == 2
    assert info.discovered_from == "profile"
    assert info.expect_at_anniversary is not None
    assert [g.id for g in info.guidance] == ["phase_horizon", "anniversary_ahead"]  # 27 days away


def test_phases_follow_the_months() -> None:
    bank = load_bank()
    start = D(2025, 1, 10)
    phases = [
        timeline_info(bank, start, start + dt.timedelta(days=31 * m)).phase
        for m in (0, 7, 13, 20, 40)
    ]
    assert phases == ["up_and_down", "up_and_down", "before_horizon", "horizon", "beyond"]
