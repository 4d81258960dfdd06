"""A Plan of dates ahead -> an iCalendar (RFC 5545) file, built with the icalendar package."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from icalendar import Event

    from trustrepair.ahead import DayEvent, Plan, Reminder

PRODID = "-//trustrepair//dates ahead//EN"
# uuid5 namespace for event ids: the same store and event give the same UID on every run.
UID_NAMESPACE = uuid.UUID("5b0c3c1e-7f1e-4d8e-9a57-2f0d6f1e8b16")
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def event_uid(seed: str, key: str) -> str:
    """A stable id that reveals nothing: a hash of the store's seed and the event's key."""
    return f"{uuid.uuid5(UID_NAMESPACE, f'{seed}/{key}')}@trustrepair"


def plan_ics(plan: Plan, *, seed: str, stamp: dt.datetime) -> str:
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", plan.name)
    for day in plan.days:
        cal.add_component(_day_event(day, seed, stamp))
    if plan.reminder is not None:
        cal.add_component(_reminder_event(plan.reminder, seed, stamp))
    return str(cal.to_ical().decode("utf-8"))


def _event(key: str, summary: str, text: str, seed: str, stamp: dt.datetime) -> Event:
    from icalendar import Event

    event = Event()
    event.add("uid", event_uid(seed, key))
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("description", text)
    event.add("class", "PRIVATE")
    return event


def _day_event(day: DayEvent, seed: str, stamp: dt.datetime) -> Event:
    event = _event(day.key, day.summary, day.text, seed, stamp)
    # A DATE, not a time: an anniversary is the same day in every time zone.
    event.add("dtstart", day.day)
    event.add("dtend", day.day + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    return event


def _reminder_event(reminder: Reminder, seed: str, stamp: dt.datetime) -> Event:
    from icalendar import Alarm

    event = _event(reminder.key, reminder.summary, reminder.text, seed, stamp)
    event.add("dtstart", reminder.first)  # naive: floating local time
    event.add("duration", dt.timedelta(minutes=reminder.minutes))
    event.add("rrule", _rule(reminder))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", reminder.summary)
    alarm.add("trigger", dt.timedelta(0))
    event.add_component(alarm)
    return event


def _rule(reminder: Reminder) -> dict[str, object]:
    day = BYDAY[reminder.rhythm.weekday]
    if reminder.rhythm.every == "month":
        return {"freq": "monthly", "byday": f"1{day}"}
    interval = 2 if reminder.rhythm.every == "fortnight" else 1
    return {"freq": "weekly", "interval": interval, "byday": day}
