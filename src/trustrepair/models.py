"""Pydantic models for everything stored, imported or reported.

Models that carry personal text hide their input in validation errors, so an error message
never repeats what someone wrote.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from trustrepair.bank import MARKER_TEXT_MAX, AnswerValue, Area, Role, Status

UTC = dt.UTC


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True)


def new_uid() -> str:
    return uuid.uuid4().hex


def now_utc() -> dt.datetime:
    return dt.datetime.now(UTC).replace(microsecond=0)


def local_offset_minutes(moment: dt.datetime | None = None) -> int:
    """The machine's UTC offset at that moment, in minutes (DST-aware)."""
    local = (moment or now_utc()).astimezone()
    offset = local.utcoffset() or dt.timedelta(0)
    return int(offset.total_seconds() // 60)


def as_local(moment: dt.datetime, offset_minutes: int) -> dt.datetime:
    """A stored UTC time shown in the local time it was recorded in."""
    return moment.astimezone(dt.timezone(dt.timedelta(minutes=offset_minutes)))


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
    text: str = Field(min_length=1, max_length=MARKER_TEXT_MAX)
    created_utc: dt.datetime = Field(default_factory=now_utc)
    utc_offset_minutes: int = Field(default_factory=local_offset_minutes)
    retired_utc: dt.datetime | None = None


class MarkerRecord(Record):
    uid: str = Field(default_factory=new_uid, pattern=r"^[0-9a-f]{32}$")
    marker_uid: str
    on_date: dt.date
    shown: bool
    note: str | None = Field(default=None, max_length=2000)
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
    trigger: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=2000)


# --- the report: one model, many renderers --------------------------------------------------


class GuidanceItem(Record):
    id: str
    title: str
    text: str
    source: str


class Evidence(Record):
    question: str
    answer: str


class Reason(Record):
    rule: str
    status: Status
    text: str
    evidence: list[Evidence]


class AreaResult(Record):
    area: Area
    title: str
    status: Status
    status_label: str
    reasons: list[Reason]
    guidance: list[GuidanceItem]


class AlertItem(Record):
    id: str
    kind: Literal["safety", "stop"]
    guidance: GuidanceItem
    evidence: list[str] = []


class TimelineInfo(Record):
    discovered: dt.date | None = None
    months_elapsed: int | None = None
    phase: str | None = None
    phase_title: str | None = None
    guidance: list[GuidanceItem] = []
    next_anniversary: dt.date | None = None
    days_to_anniversary: int | None = None


class CheckInRef(Record):
    uid: str
    when_local: dt.datetime
    role: Role
    role_label: str
    bank_version: str
    bank_matches: bool


class WeekTally(Record):
    week_start: dt.date
    shown: int = Field(ge=0)
    recorded: int = Field(ge=0)


class Consistency(Record):
    last_30_days: Tally
    last_90_days: Tally
    since_added: Tally
    weeks: list[WeekTally]


class MarkerSignals(Record):
    """The words the coach found, so its verdict can be explained."""

    actions: list[str]
    timing: list[str]
    vague: list[str]


class MarkerView(Record):
    id: int | None
    text: str
    added: dt.date
    retired: dt.date | None = None
    concrete: bool
    advice: list[str]
    found: MarkerSignals
    consistency: Consistency


class RecordItem(Record):
    on_date: dt.date
    shown: bool
    outcome: Literal["shown", "not shown"]
    note: str | None = None


class MarkerDetail(MarkerView):
    recent_records: list[RecordItem]


class MarkersSection(Record):
    active: int = 0
    concrete: int = 0
    markers: list[MarkerView] = []
    guidance: list[GuidanceItem] = []


class Report(Record):
    generated_utc: dt.datetime
    checkin: CheckInRef
    safety: list[AlertItem]
    prerequisites: dict[Area, AreaResult]
    your_part: AreaResult | None
    timeline: TimelineInfo
    warnings: list[AlertItem]
    support: list[GuidanceItem]
    spikes_now: list[Evidence]
    spikes_guidance: list[GuidanceItem]
    markers: MarkersSection = Field(default_factory=MarkersSection)
    disclaimer: str


class HistoryRow(Record):
    uid: str
    when_local: dt.datetime
    role: Role
    statuses: dict[Area, Status]
