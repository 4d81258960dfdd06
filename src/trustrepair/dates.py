"""One way to read a date a person types, on every command and in the question bank.

A date is a day (2025-09-14, today, yesterday, 3 days ago) or an approximate month (2025-09).
A month is stored as written ("2025-09") and shown as "around September 2025" (render/words.py
writes it); arithmetic
(months elapsed, anniversaries) uses the middle of that month.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from trustrepair import messages

MID_MONTH = 15  # the day an approximate month stands for in arithmetic
EARLIEST_YEAR = 1900

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAYS_AGO = re.compile(r"^(\d{1,5})\s+days?\s+ago$")


class DateProblem(ValueError):
    """Why a typed date cannot be used, in words; never repeats what was typed."""


@dataclass(frozen=True, slots=True)
class LooseDate:
    """A day, or a month known only approximately (then `day` is its middle)."""

    day: dt.date
    approximate: bool = False

    @property
    def stored(self) -> str:
        return f"{self.day:%Y-%m}" if self.approximate else self.day.isoformat()

    @property
    def first_day(self) -> dt.date:
        return self.day.replace(day=1) if self.approximate else self.day


def parse_date(
    typed: str,
    today: dt.date,
    *,
    month_ok: bool = True,
    years_back: int | None = None,
    future_ok: bool = False,
) -> LooseDate:
    """Read a typed date; never in the future, never before 1900 (or `years_back` years)."""
    found = _read(typed.strip().lower(), today, month_ok=month_ok)
    if found.first_day > today and not future_ok:
        raise DateProblem(messages.DATE_IN_FUTURE)
    earliest = EARLIEST_YEAR if years_back is None else today.year - years_back
    if found.day.year < earliest or (
        years_back is not None and (today - found.day).days > 366 * years_back
    ):
        raise DateProblem(messages.DATE_TOO_OLD)
    return found


def _read(text: str, today: dt.date, *, month_ok: bool) -> LooseDate:
    if text in ("today", "yesterday"):
        return LooseDate(today if text == "today" else today - dt.timedelta(days=1))
    if (ago := _DAYS_AGO.match(text)) is not None:
        days = int(ago[1])
        if days > 366 * 200:
            raise DateProblem(messages.DATE_TOO_OLD)
        return LooseDate(today - dt.timedelta(days=days))
    if _MONTH.match(text) and not month_ok:
        raise DateProblem(messages.DATE_NEEDS_DAY)
    found = read_stored(text)
    if found is not None:
        return found
    if _DAY.match(text) or _MONTH.match(text):
        raise DateProblem(messages.DATE_NO_SUCH_DAY)
    raise DateProblem(messages.DATE_FORMS if month_ok else messages.DAY_FORMS)


def read_stored(text: str) -> LooseDate | None:
    """A date read back from the store or a file: a day or a month; anything else is None."""
    try:
        if _DAY.match(text):
            return LooseDate(dt.date.fromisoformat(text))
        if (month := _MONTH.match(text)) is not None:
            return LooseDate(dt.date(int(month[1]), int(month[2]), MID_MONTH), approximate=True)
    except ValueError:
        return None
    return None
