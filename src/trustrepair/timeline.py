"""Where a person stands in time: months since it came to light, phase, next anniversary."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from trustrepair import messages
from trustrepair.bank import Bank, Phase

Position = Literal["unknown", "before", "within", "after"]


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from start to end (0 when end is before the first month is up)."""
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if end.day < start.day and not _is_month_end_catch_up(start, end):
        months -= 1
    return max(months, 0)


def _is_month_end_catch_up(start: dt.date, end: dt.date) -> bool:
    # 31 Jan -> 28 Feb counts as a month: end is the last day of a shorter month.
    return (end + dt.timedelta(days=1)).month != end.month and end.day < start.day


def anniversary_in(discovered: dt.date, year: int) -> dt.date:
    """The anniversary in a given year; 29 February falls on 28 February in other years."""
    try:
        return discovered.replace(year=year)
    except ValueError:
        return dt.date(year, 2, 28)


def next_anniversary(discovered: dt.date, today: dt.date) -> dt.date:
    """The next anniversary on or after today (never the day of discovery itself)."""
    year = max(today.year, discovered.year + 1)
    candidate = anniversary_in(discovered, year)
    if candidate < today:
        candidate = anniversary_in(discovered, year + 1)
    return candidate


def horizon_position(months: int | None, start: int, end: int) -> Position:
    """Where months since discovery fall against the span repair commonly takes."""
    if months is None:
        return "unknown"
    return "before" if months < start else "within" if months < end else "after"


def elapsed_words(months: int) -> str:
    if months < 1:
        return messages.ELAPSED_UNDER_A_MONTH
    return messages.ELAPSED_MONTHS.format(n=months, s="" if months == 1 else "s")


def phase_for(bank: Bank, months: int) -> Phase:
    for phase in bank.phases:
        if months >= phase.from_months and (phase.to_months is None or months < phase.to_months):
            return phase
    return bank.phases[-1]
