"""What lies ahead on the calendar: anniversaries, the timeline's marks, a check-in rhythm.

Pure functions over dates. Every text comes from the bank's [calendar] table, never from
anything a person wrote, because calendars sync to other devices and shared accounts.
"""

from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
from dataclasses import dataclass, replace
from typing import Literal

from trustrepair.bank_calendar import CalendarText
from trustrepair.timeline import anniversary_in

Every = Literal["week", "fortnight", "month"]
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
REMINDER_MINUTES = 15


@dataclass(frozen=True, slots=True)
class DayEvent:
    """An all-day event: the same date wherever the calendar is opened."""

    key: str  # stable across runs, so a re-import updates the event instead of adding one
    day: dt.date
    summary: str
    text: str


@dataclass(frozen=True, slots=True)
class Rhythm:
    every: Every
    weekday: int  # 0 = Monday
    at: dt.time


@dataclass(frozen=True, slots=True)
class Reminder:
    """A repeating check-in reminder at a local wall-clock time (floating, no time zone)."""

    key: str
    first: dt.datetime  # naive: the same hour wherever the person is, across DST changes
    rhythm: Rhythm
    minutes: int
    summary: str
    text: str


@dataclass(frozen=True, slots=True)
class Plan:
    name: str
    days: list[DayEvent]
    reminder: Reminder | None


def add_months(start: dt.date, months: int) -> dt.date:
    """The same day `months` later; a day the month lacks (31st, 29 Feb) becomes its last day."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    last = stdlib_calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(start.day, last))


def upcoming_anniversaries(discovered: dt.date, today: dt.date, count: int) -> list[dt.date]:
    """The next `count` anniversaries on or after today (29 February: 28 February otherwise)."""
    year = max(today.year, discovered.year + 1)
    if anniversary_in(discovered, year) < today:
        year += 1
    return [anniversary_in(discovered, y) for y in range(year, year + count)]


def first_reminder(today: dt.date, rhythm: Rhythm) -> dt.datetime:
    """The first reminder on or after today, the first instance its repeat rule produces."""
    day = today + dt.timedelta(days=(rhythm.weekday - today.weekday()) % 7)
    if rhythm.every == "month":
        day = _first_weekday_of_month(today.year, today.month, rhythm.weekday)
        if day < today:
            nxt = add_months(today.replace(day=1), 1)
            day = _first_weekday_of_month(nxt.year, nxt.month, rhythm.weekday)
    return dt.datetime.combine(day, rhythm.at)


def _first_weekday_of_month(year: int, month: int, weekday: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7)


def plan_ahead(
    words: CalendarText,
    discovered: dt.date,
    today: dt.date,
    *,
    years: int,
    rhythm: Rhythm | None,
    approximate: bool = False,
    safety_first: bool = False,
) -> Plan:
    """The dates ahead. A mark falling on an anniversary joins that day's one event.

    `approximate`: only the month is known, so every dated text says "around".
    `safety_first`: the person is afraid; anniversaries with words for them alone, no marks.
    """
    lead = f"{words.approximate_text}\n\n" if approximate else ""
    base = words.anniversary_text_safety if safety_first else words.anniversary_text
    by_day = {
        day: DayEvent(
            key=f"anniversary-{day.year - discovered.year}",
            day=day,
            summary=words.anniversary_summary.format(count=_years(day.year - discovered.year)),
            text=lead + base,
        )
        for day in upcoming_anniversaries(discovered, today, years)
    }
    for mark in [] if safety_first else words.marks:
        day = add_months(discovered, mark.months)
        if day < today:
            continue
        same = by_day.get(day)
        if same is None:
            by_day[day] = DayEvent(f"mark-{mark.id}", day, mark.summary, lead + mark.text)
        else:  # one event a day: the anniversary's, with the mark's words after its own
            by_day[day] = replace(same, text=f"{same.text}\n\n{mark.text}")
    days = sorted(by_day.values(), key=lambda e: (e.day, e.key))
    reminder = None
    if rhythm is not None:
        reminder = Reminder(
            key="checkin-reminder",
            first=first_reminder(today, rhythm),
            rhythm=rhythm,
            minutes=REMINDER_MINUTES,
            summary=words.checkin_summary,
            text=words.checkin_text,
        )
    return Plan(name=words.name, days=days, reminder=reminder)


def _years(count: int) -> str:
    return f"{count} year" if count == 1 else f"{count} years"
