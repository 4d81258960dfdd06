"""Read the times and durations people type: "yesterday 21:00", "3 days ago", "1h30".

Pure functions: `now` is always passed in, so a test can fix the clock. Times without an
offset are local to this computer; the result is an aware datetime in that local offset.
Error messages never repeat what was typed (it may be personal).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from trustrepair import messages
from trustrepair.errors import BadInputError

# A clock a minute fast should not turn "now" into the future.
CLOCK_SLACK = dt.timedelta(minutes=1)
MAX_MINUTES = 7 * 24 * 60
# Progress fills in every week from the first spike on, so one mistyped year would stretch the
# chart over decades. Ten years back is far more than a repair log needs.
MAX_YEARS_BACK = 10

_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$")
_AGO = re.compile(
    r"^(?:(\d{1,4})\s*|(an?)\s+)(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\s+ago$"
)
_UNIT_MINUTES = {"m": 1, "h": 60, "d": 24 * 60, "w": 7 * 24 * 60}
# Digit runs are capped so no typed number can overflow a float or an int conversion.
_DURATION = re.compile(
    r"^(?:(\d{1,6}(?:\.\d{1,6})?)\s*h(?:ours?|rs?)?)?\s*(?:(\d{1,6})\s*(?:m|min|mins|minutes?)?)?$"
)
_DAY_WORDS = {"today": 0, "yesterday": 1, "tomorrow": -1}  # tomorrow: to say "future"


@dataclass(frozen=True)
class Moment:
    """When a spike came, and whether a bare time was taken as yesterday's."""

    at: dt.datetime
    read_as_yesterday: bool = False


def read_moment(text: str, now: dt.datetime) -> Moment:
    """When a spike happened: never in the future, never more than MAX_YEARS_BACK ago."""
    typed = " ".join(text.strip().lower().split())
    local_now = now.astimezone()
    moment = _relative(typed, local_now) or _iso(typed, local_now)
    if moment is None:
        raise BadInputError(messages.SPIKE_AT_UNREADABLE)
    if moment.at > local_now + CLOCK_SLACK:
        raise BadInputError(messages.SPIKE_AT_FUTURE)
    if moment.at < _years_before(local_now, MAX_YEARS_BACK):
        raise BadInputError(messages.SPIKE_AT_TOO_OLD.format(years=MAX_YEARS_BACK))
    return moment


def parse_moment(text: str, now: dt.datetime) -> dt.datetime:
    return read_moment(text, now).at


def _years_before(now: dt.datetime, years: int) -> dt.datetime:
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February, in a year without one
        return now.replace(year=now.year - years, day=28)


def _relative(typed: str, now: dt.datetime) -> Moment | None:
    if typed in ("", "now"):
        return Moment(now)
    if match := _AGO.match(typed):
        amount = int(match[1]) if match[1] else 1
        return Moment(now - dt.timedelta(minutes=amount * _UNIT_MINUTES[match[3][0]]))
    day, _, clock = typed.partition(" ")
    if day in _DAY_WORDS:  # a bare "yesterday" has no time; _iso will not read it either
        on = now.date() - dt.timedelta(days=_DAY_WORDS[day])
        at = _at_clock(on, clock) if clock else None
        return Moment(at) if at is not None else None
    at = _at_clock(now.date(), typed)
    if at is None:
        return None
    if at > now + CLOCK_SLACK:  # "21:00" typed in the morning means last night
        yesterday = _at_clock(now.date() - dt.timedelta(days=1), typed)
        return Moment(yesterday, read_as_yesterday=True) if yesterday is not None else None
    return Moment(at)


def _at_clock(on: dt.date, clock: str) -> dt.datetime | None:
    hour_minute = _clock(clock)
    if hour_minute is None:
        return None
    return in_local_zone(dt.datetime.combine(on, dt.time(*hour_minute)))


def in_local_zone(naive: dt.datetime) -> dt.datetime:
    """A wall-clock time read in this computer's zone, DST included.

    A time the clocks jumped over (02:30 on the spring-forward night) never happened there: it
    is refused with the two times it could have meant, rather than silently moved by an hour.
    """
    aware = naive.astimezone()
    if aware.replace(tzinfo=None) == naive:
        return aware
    from trustrepair.render import words

    readings = sorted(words.clock(naive.replace(fold=f).astimezone()) for f in (0, 1))
    raise BadInputError(
        messages.SPIKE_AT_IN_GAP.format(
            clock=words.clock(naive),
            day=words.short_weekday(naive),
            earlier=readings[0],
            later=readings[1],
        )
    )


def _clock(text: str) -> tuple[int, int] | None:
    match = _CLOCK.match(text.strip())
    if match is None:
        return None
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if half is None and match[2] is None:
        return None  # "21" alone is too easy to mistype; ask for 21:00
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def _iso(typed: str, now: dt.datetime) -> Moment | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}[ t]\d", typed):
        return None  # a date alone has no time of day; refuse rather than invent one
    try:
        parsed = dt.datetime.fromisoformat(typed.upper().replace("Z", "+00:00"))
    except ValueError:
        return None
    # Judge the written year before any time-zone arithmetic: shifting a time in year 1 or
    # 9999 between zones can fall off the calendar, and it is out of range either way.
    if parsed.year < now.year - MAX_YEARS_BACK - 1:
        raise BadInputError(messages.SPIKE_AT_TOO_OLD.format(years=MAX_YEARS_BACK))
    if parsed.year > now.year + 1:
        raise BadInputError(messages.SPIKE_AT_FUTURE)
    return Moment(parsed if parsed.tzinfo is not None else in_local_zone(parsed))


def parse_minutes(text: str) -> int:
    """How long a spike lasted: '20', '20m', '1h', '1h30', '1.5h'. Whole minutes, 0 or more."""
    typed = text.strip().lower().replace(" ", "")
    if typed.startswith("-"):
        raise BadInputError(messages.SPIKE_MINUTES_NEGATIVE)
    match = _DURATION.match(typed)
    if not typed or match is None or not (match[1] or match[2]):
        raise BadInputError(messages.SPIKE_MINUTES_UNREADABLE)
    hours, minutes = match[1], match[2]
    if hours and minutes and ("." in hours or int(minutes) > 59):
        raise BadInputError(messages.SPIKE_MINUTES_PAST_THE_HOUR)
    total = round(float(hours or 0) * 60) + int(minutes or 0)
    if total > MAX_MINUTES:
        raise BadInputError(messages.SPIKE_MINUTES_TOO_LONG)
    return total


def parse_intensity(text: str) -> int:
    typed = text.strip()
    if not re.fullmatch(r"-?\d{1,3}", typed) or not 1 <= int(typed) <= 10:
        raise BadInputError(messages.SPIKE_INTENSITY_RANGE)
    return int(typed)
