"""Pydantic models for everything stored, imported or reported.

Models that carry personal text hide their input in validation errors, so an error message
never repeats what someone wrote.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from trustrepair.bank import AnswerValue, Area, Role, Status

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
    text: str = Field(min_length=1, max_length=500)
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


class AreaNote(Record):
    """Another input shown next to the answers; it never changes the area's status."""

    kind: Literal["reflection"]
    text: str
    caption: str
    phrases: list[str] = []


class AreaResult(Record):
    area: Area
    title: str
    status: Status
    status_label: str
    reasons: list[Reason]
    guidance: list[GuidanceItem]
    notes: list[AreaNote] = []


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


class ReflectFlag(Record):
    """A phrase that works against accountability: what kind, the words, why it matters."""

    category: str
    label: str
    phrase: str
    explanation: str
    source: str
    start: int = Field(ge=0)


class ReflectStrength(Record):
    id: str
    label: str
    phrase: str
    explanation: str
    source: str


class ReflectGap(Record):
    """A strength that was not found, with a hint about it."""

    id: str
    label: str
    hint: str


class SetAside(Record):
    """A phrase that matched but is not the writer's own: quoted, negated or reported."""

    category: str
    phrase: str
    why: Literal["quoted", "negated", "reported"]


class Reflection(Record):
    heard: bool
    summary: str
    flags: list[ReflectFlag]
    strengths: list[ReflectStrength]
    not_found: list[ReflectGap]
    set_aside: list[SetAside]
    caveat: str


class StatementReflection(Record):
    """The reflection on one text answer in a check-in (acc_statement, acc_heard)."""

    question: str
    heading: str
    reflection: Reflection


class CheckInRef(Record):
    uid: str
    when_local: dt.datetime
    role: Role
    role_label: str
    bank_version: str
    bank_matches: bool


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
    disclaimer: str
    reflections: list[StatementReflection] = []


class HistoryRow(Record):
    uid: str
    when_local: dt.datetime
    role: Role
    statuses: dict[Area, Status]
