"""Pydantic models for everything stored, imported or reported.

Models that carry personal text hide their input in validation errors, so an error message
never repeats what someone wrote.
"""

import datetime as dt
import unicodedata
import uuid
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from trustrepair.bank import MARKER_TEXT_MAX, Agreement, AnswerValue, Area, Role, Status, Trend

UTC = dt.UTC


def _plain_text(value: str) -> str:
    """Text a person wrote: trimmed, not empty, no control or unencodable characters."""
    value = value.strip()
    if not value:
        raise ValueError("the text is empty")
    for ch in value:
        if ch not in "\n\t" and unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co"):
            raise ValueError("the text contains control or unreadable characters")
    return value


PlainText = Annotated[str, AfterValidator(_plain_text)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True, defer_build=True)


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
    notes: list[Evidence] = []  # the person's own free-text answers, shown exactly as written
    markers: MarkersSection = Field(default_factory=MarkersSection)
    progress: ProgressOverview | None = None
    disclaimer: str
    reflections: list[StatementReflection] = []


class HistoryRow(Record):
    uid: str
    when_local: dt.datetime
    role: Role
    role_label: str
    statuses: dict[Area, Status]


# --- export and backup ----------------------------------------------------------------------

EXPORT_SCHEMA_VERSION = 1


class BackupData(Record):
    """Every stored record of one profile: what a backup carries and an import restores."""

    settings: dict[str, str] = {}
    checkins: list[CheckIn] = []
    markers: list[Marker] = []
    marker_records: list[MarkerRecord] = []
    spikes: list[Spike] = []


class Export(Record):
    """One export file. `summary` is the derived report (JSON and documents); backups omit it."""

    app: Literal["trustrepair"] = "trustrepair"
    schema_version: int = Field(default=EXPORT_SCHEMA_VERSION, ge=1)
    app_version: str
    exported_utc: dt.datetime
    profile: str
    includes_notes: bool
    since: dt.date | None = None
    data: BackupData
    summary: Report | None = None
    progress: ProgressInfo | None = None
    markers: MarkersSection | None = None  # when there is no check-in (else in summary)


class ImportCounts(Record):
    added: dict[str, int]
    skipped: dict[str, int]


# --- comparing the two partners' views -------------------------------------------------------


class AreaComparison(Record):
    area: Area
    title: str
    affected: Status
    betraying: Status
    agreement: Agreement
    guidance: GuidanceItem | None


class Comparison(Record):
    affected_source: str
    betraying_source: str
    affected_when: dt.datetime
    betraying_when: dt.datetime
    areas: list[AreaComparison]
    notes: dict[Role, list[Evidence]] | None = None  # only with --include-notes
    disclaimer: str
