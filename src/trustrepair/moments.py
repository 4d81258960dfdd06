"""Read the times and durations people type: "yesterday 21:00", "2026-03-01 08:15", "1h30".

Pure functions: `now` is always passed in, so a test can fix the clock. Times without an
offset are local to this computer; the result is an aware datetime in that local offset.
Error messages never repeat what was typed (it may be personal).
"""

from __future__ import annotations

import datetime as dt
import re

from trustrepair.errors import BadInputError

# A clock a minute fast should not turn "now" into the future.
CLOCK_SLACK = dt.timedelta(minutes=1)
MAX_MINUTES = 7 * 24 * 60

_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$")
_AGO = re.compile(r"^(\d{1,4})\s*(m|min|mins|minutes?|h|hr|hrs|hours?)\s+ago$")
_DURATION = re.compile(
    r"^(?:(\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*(?:m|min|mins|minutes?)?)?$"
)
_DAY_WORDS = {"today": 0, "yesterday": 1, "tomorrow": -1}  # tomorrow: to say "future"

AT_HELP = (
    "use 'now', '21:00', 'today 08:15', 'yesterday 21:00', '30 min ago' "
    "or a date and time like 2026-03-01 21:00"
)


def parse_moment(text: str, now: dt.datetime) -> dt.datetime:
    """When a spike happened, as an aware datetime; never in the future."""
    typed = " ".join(text.strip().lower().split())
    moment = _relative(typed, now) or _iso(typed)
    if moment is None:
        raise BadInputError(f"--at: that time was not understood; {AT_HELP}")
    if moment > now + CLOCK_SLACK:
        raise BadInputError(
            "--at: that time is in the future; for last night try 'yesterday 21:00'"
        )
    return moment


def _relative(typed: str, now: dt.datetime) -> dt.datetime | None:
    local_now = now.astimezone()
    if typed in ("", "now"):
        return local_now
    if match := _AGO.match(typed):
        amount, unit = int(match[1]), match[2]
        return local_now - dt.timedelta(minutes=amount * (60 if unit.startswith("h") else 1))
    day, _, clock = typed.partition(" ")
    if day in _DAY_WORDS and clock:
        on = local_now.date() - dt.timedelta(days=_DAY_WORDS[day])
    elif day in _DAY_WORDS:
        return None  # a bare "yesterday" has no time; _iso will not read it either
    else:
        on, clock = local_now.date(), typed
    hour_minute = _clock(clock)
    if hour_minute is None:
        return None
    naive = dt.datetime.combine(on, dt.time(*hour_minute))
    return naive.astimezone()  # a naive time is read in this computer's zone, DST included


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


def _iso(typed: str) -> dt.datetime | None:
    if not re.match(r"^\d{4}-\d{2}-\d{2}[ t]\d", typed):
        return None  # a date alone has no time of day; refuse rather than invent one
    try:
        parsed = dt.datetime.fromisoformat(typed.upper().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.astimezone()


def parse_minutes(text: str) -> int:
    """How long a spike lasted: '20', '20m', '1h', '1h30', '1.5h'. Whole minutes, 0 or more."""
    typed = text.strip().lower().replace(" ", "")
    if typed.startswith("-"):
        raise BadInputError("--minutes cannot be negative; use 0 if it passed at once")
    match = _DURATION.match(typed)
    if not typed or match is None or not (match[1] or match[2]):
        raise BadInputError("--minutes: give a number of minutes, like 20, 1h or 1h30")
    minutes = round(float(match[1] or 0) * 60) + int(match[2] or 0)
    if minutes > MAX_MINUTES:
        raise BadInputError("--minutes: at most 7 days (10080 minutes) for one spike")
    return minutes


def parse_intensity(text: str) -> int:
    typed = text.strip()
    if not re.fullmatch(r"-?\d{1,3}", typed) or not 1 <= int(typed) <= 10:
        raise BadInputError("--intensity must be a whole number from 1 (mild) to 10 (strongest)")
    return int(typed)
