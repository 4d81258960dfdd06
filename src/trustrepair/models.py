"""Pydantic models for everything stored, imported or reported.

Models that carry personal text hide their input in validation errors, so an error message
never repeats what someone wrote.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from trustrepair.bank import AnswerValue, Area, Role, Status, Trend

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
    discovered_from: Literal["profile", "checkin"] | None = None
    months_elapsed: int | None = None
    phase: str | None = None
    phase_title: str | None = None
    guidance: list[GuidanceItem] = []
    next_anniversary: dt.date | None = None
    days_to_anniversary: int | None = None
    anniversary_number: int | None = None
    expect_at_anniversary: GuidanceItem | None = None


class WeekRow(Record):
    """One local week, Monday to Sunday. Medians are None when nothing was recorded."""

    week_start: dt.date
    count: int
    median_minutes: float | None
    median_intensity: float | None
    known_triggers: int = 0
    near_anniversary: bool = False
    complete: bool = True


class ChartBar(Record):
    """One row of the chart: a week, or a month or quarter when the history is long."""

    label: str
    start: dt.date
    weeks: int
    count: int
    per_week: float
    median_minutes: float | None
    median_intensity: float | None
    notes: list[str] = []


class PeriodStats(Record):
    label: str
    first_week: dt.date
    weeks: int
    count: int
    per_week: float
    median_minutes: float | None
    median_intensity: float | None


class Setback(Record):
    """A week well above the weeks before it, with the likely reason; never called a failure."""

    week_start: dt.date
    count: int
    usual: float
    reason: Literal["anniversary", "trigger", "other"]
    label: str


class TriggerCount(Record):
    trigger: str
    count: int


class TrendDetail(Record):
    weeks_used: int
    weeks_needed: int
    slope_per_week: float | None = None
    p_value: float | None = None
    method: str = "Theil-Sen slope and Mann-Kendall test on weekly counts (complete weeks)"


class ProgressInfo(Record):
    spikes_logged: int
    first_spike_local: dt.datetime | None
    last_spike_local: dt.datetime | None
    weeks: list[WeekRow]
    chart_unit: Literal["week", "month", "quarter"]
    chart: list[ChartBar]
    trend: Trend
    trend_words: str
    trend_detail: TrendDetail
    comparisons: list[PeriodStats]
    setbacks: list[Setback]
    triggers: list[TriggerCount]
    stops: list[AlertItem]
    guidance: list[GuidanceItem]


class ProgressOverview(Record):
    """The summary's progress section: the chart in one line and the trend in words."""

    spikes_logged: int
    chart_unit: Literal["week", "month", "quarter"]
    chart: list[ChartBar]
    trend: Trend
    trend_words: str


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
    progress: ProgressOverview | None = None
    disclaimer: str


class HistoryRow(Record):
    uid: str
    when_local: dt.datetime
    role: Role
    statuses: dict[Area, Status]
