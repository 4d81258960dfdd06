"""What the store keeps: check-ins, markers and their records, spikes."""

import datetime as dt
from typing import Annotated

from pydantic import Field

from trustrepair.models.base import (
    MARKER_ID_MAX,
    PLAIN,
    Count,
    Offset,
    Record,
    Uid,
    local_offset_minutes,
    new_uid,
    now_utc,
)
from trustrepair.plain import field
from trustrepair.vocab import BANK_VERSION_MAX, MARKER_TEXT_MAX, AnswerValue, Area, Role, Status


class CheckIn(Record):
    uid: Uid = field(default_factory=new_uid)
    created_utc: dt.datetime = field(default_factory=now_utc)
    utc_offset_minutes: Offset = field(default_factory=local_offset_minutes)
    role: Role
    bank_version: Annotated[str, Field(max_length=BANK_VERSION_MAX)]
    answers: dict[str, AnswerValue]
    statuses: dict[Area, Status]


class Marker(Record):
    uid: Uid = field(default_factory=new_uid)
    id: Annotated[int, Field(ge=1, le=MARKER_ID_MAX)] | None = None
    text: Annotated[str, Field(max_length=MARKER_TEXT_MAX), PLAIN]
    created_utc: dt.datetime = field(default_factory=now_utc)
    utc_offset_minutes: Offset = field(default_factory=local_offset_minutes)
    retired_utc: dt.datetime | None = None


class MarkerRecord(Record):
    uid: Uid = field(default_factory=new_uid)
    marker_uid: str
    on_date: dt.date
    shown: bool
    note: Annotated[str, Field(max_length=2000), PLAIN] | None = None
    created_utc: dt.datetime = field(default_factory=now_utc)


class Tally(Record):
    """How many records said "shown", out of how many recorded."""

    shown: Count = 0
    recorded: Count = 0


class DayTally(Record):
    on_date: dt.date
    shown: Count
    recorded: Count


class MarkerCounts(Record):
    """What the store counts for one marker: all its records, and day totals for recent days."""

    total: Tally = field(default_factory=Tally)
    first_on: dt.date | None = None
    days: list[DayTally] = field(default_factory=list)


class Spike(Record):
    uid: Uid = field(default_factory=new_uid)
    at_utc: dt.datetime
    utc_offset_minutes: Offset
    minutes: Annotated[int, Field(ge=0, le=7 * 24 * 60)] | None = None
    intensity: Annotated[int, Field(ge=1, le=10)] | None = None
    trigger: Annotated[str, Field(max_length=200), PLAIN] | None = None
    note: Annotated[str, Field(max_length=2000), PLAIN] | None = None
