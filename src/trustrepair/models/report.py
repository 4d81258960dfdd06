"""The one Report every renderer draws, and the markers views inside it."""

import datetime as dt
from typing import Literal

from trustrepair.models.base import Count, Record
from trustrepair.models.progress import ProgressOverview
from trustrepair.models.reflection import StatementReflection
from trustrepair.models.report_parts import (
    AlertItem,
    AreaResult,
    Evidence,
    GuidanceItem,
    TimelineInfo,
)
from trustrepair.models.stored import Tally
from trustrepair.plain import field
from trustrepair.vocab import Area, Role, Status


class CheckInRef(Record):
    uid: str
    id: str | None = None  # its short id (c12), for `summary --id` and `records`
    when_local: dt.datetime
    role: Role
    role_label: str
    bank_version: str
    bank_matches: bool


class WeekTally(Record):
    week_start: dt.date
    shown: Count
    recorded: Count


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
    checking: bool = False  # the hurt partner does the looking: surveillance, never evidence
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
    concrete: int = 0  # concrete markers that are not checking: the ones that count as evidence
    checking: int = 0
    # Shown out of recorded in the last 30 days, over the markers that count (never checking).
    last_30_days: Tally = field(default_factory=Tally)
    markers: list[MarkerView] = field(default_factory=list)
    guidance: list[GuidanceItem] = field(default_factory=list)


class OwnPart(Record):
    """The affected partner's own part: an invitation, never a status."""

    title: str
    intro: str
    guidance: list[GuidanceItem] = field(default_factory=list)


class Report(Record):
    generated_utc: dt.datetime
    checkin: CheckInRef
    opening: str  # the one idea that matters most for this role (or safety first)
    safety_first: bool = False  # afraid: every verdict is withheld and no joint therapy offered
    safety: list[AlertItem]
    prerequisites: dict[Area, AreaResult]
    your_part: AreaResult | None  # the partner who broke trust: their own side, with a status
    own_part: OwnPart | None = None  # the affected partner: what may help, never graded
    timeline: TimelineInfo
    warnings: list[AlertItem]
    support: list[GuidanceItem]
    spikes_now: list[Evidence]
    spikes_guidance: list[GuidanceItem]
    notes: list[Evidence] = field(
        default_factory=list
    )  # the person's own free-text answers, shown exactly as written
    markers: MarkersSection = field(default_factory=MarkersSection)
    progress: ProgressOverview | None = None
    disclaimer: str
    reflections: list[StatementReflection] = field(default_factory=list)


class HistoryRow(Record):
    uid: str
    id: str | None = None  # its short id (c12)
    when_local: dt.datetime
    role: Role
    role_label: str
    statuses: dict[Area, Status]
