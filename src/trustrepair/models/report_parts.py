"""The small pieces a report is made of: guidance, evidence, reasons, areas, alerts."""

import datetime as dt
from typing import Literal

from trustrepair.models.base import Record
from trustrepair.plain import field
from trustrepair.vocab import Addressee, Area, Status


class GuidanceItem(Record):
    id: str
    addresses: Addressee
    title: str
    text: str
    source: str | None = None  # the article section it paraphrases; None: our own words


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
    phrases: list[str] = field(default_factory=list)


class AreaResult(Record):
    area: Area
    title: str
    status: Status
    status_label: str
    reasons: list[Reason]
    guidance: list[GuidanceItem]
    notes: list[AreaNote] = field(default_factory=list)


class AlertItem(Record):
    id: str
    kind: Literal["safety", "stop"]
    guidance: GuidanceItem
    evidence: list[str] = field(default_factory=list)


class HorizonInfo(Record):
    """The span repair commonly takes, and where this person stands on it (shown from day one)."""

    from_months: int
    to_months: int
    position: Literal["unknown", "before", "within", "after"]
    text: str
    brief: str = ""
    source: str | None = None


class TimelineInfo(Record):
    horizon: HorizonInfo | None = None
    discovered: dt.date | None = None
    discovered_from: Literal["profile", "checkin"] | None = None
    # Only the month is known: `discovered` is its middle, views say "around September 2025".
    discovered_approximate: bool = False
    months_elapsed: int | None = None
    phase: str | None = None
    phase_title: str | None = None
    phase_brief: str | None = None
    guidance: list[GuidanceItem] = field(default_factory=list)
    next_anniversary: dt.date | None = None
    days_to_anniversary: int | None = None
    anniversary_number: int | None = None
    expect_at_anniversary: GuidanceItem | None = None
