"""What the store keeps: check-ins, markers and their records, spikes."""

import datetime as dt

from pydantic import Field

from trustrepair.models.base import PlainText, Record, local_offset_minutes, new_uid, now_utc
from trustrepair.vocab import MARKER_TEXT_MAX, AnswerValue, Area, Role, Status


class CheckIn(Record):
    uid: str = Field(default_factory=new_uid, pattern=r"^[0-9a-f]{32}$")
    created_utc: dt.datetime = Field(default_factory=now_utc)
    utc_offset_minutes: int = Field(default_factory=local_offset_minutes, ge=-24 * 60, le=24 * 60)
    role: Role
    bank_version: str
    answers: dict[str, AnswerValue]
    statuses: dict[Area, Status]


class Marker(Record):
    uid: str = Field(default_factory=new_uid, pattern=r"^[0-9a-f]{32}$")
    id: int | None = None
    text: PlainText = Field(max_length=MARKER_TEXT_MAX)
    created_utc: dt.datetime = Field(default_factory=now_utc)
    utc_offset_minutes: int = Field(default_factory=local_offset_minutes)
    retired_utc: dt.datetime | None = None


class MarkerRecord(Record):
    uid: str = Field(default_factory=new_uid, pattern=r"^[0-9a-f]{32}$")
    marker_uid: str
    on_date: dt.date
    shown: bool
    note: PlainText | None = Field(default=None, max_length=2000)
    created_utc: dt.datetime = Field(default_factory=now_utc)


class Tally(Record):
    """How many records said "shown", out of how many recorded."""

    shown: int = Field(default=0, ge=0)
    recorded: int = Field(default=0, ge=0)


class DayTally(Record):
    on_date: dt.date
    shown: int = Field(ge=0)
    recorded: int = Field(ge=0)


class MarkerCounts(Record):
    """What the store counts for one marker: all its records, and day totals for recent days."""

    total: Tally = Field(default_factory=Tally)
    first_on: dt.date | None = None
    days: list[DayTally] = []


class Spike(Record):
    uid: str = Field(default_factory=new_uid, pattern=r"^[0-9a-f]{32}$")
    at_utc: dt.datetime
    utc_offset_minutes: int = Field(ge=-24 * 60, le=24 * 60)
    minutes: int | None = Field(default=None, ge=0, le=7 * 24 * 60)
    intensity: int | None = Field(default=None, ge=1, le=10)
    trigger: PlainText | None = Field(default=None, max_length=200)
    note: PlainText | None = Field(default=None, max_length=2000)
