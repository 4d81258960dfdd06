"""Exports and backups, and the comparison of two partners' views."""

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from trustrepair.models.base import Record
from trustrepair.models.course import CourseStrip
from trustrepair.models.progress import ProgressInfo
from trustrepair.models.report import MarkersSection, Report
from trustrepair.models.report_parts import Evidence, GuidanceItem
from trustrepair.models.stored import CheckIn, Marker, MarkerRecord, Spike
from trustrepair.plain import field
from trustrepair.vocab import Agreement, Area, Role, Status

EXPORT_SCHEMA_VERSION = 1


class BackupData(Record):
    """Every stored record of one profile: what a backup carries and an import restores."""

    settings: dict[str, str] = field(default_factory=dict)
    checkins: list[CheckIn] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    marker_records: list[MarkerRecord] = field(default_factory=list)
    spikes: list[Spike] = field(default_factory=list)


class Export(Record):
    """One export file. `summary` is the derived report (JSON and documents); backups omit it."""

    app: Literal["trustrepair"] = "trustrepair"
    schema_version: Annotated[int, Field(ge=1)] = EXPORT_SCHEMA_VERSION
    app_version: str
    exported_utc: dt.datetime
    profile: str
    includes_notes: bool
    includes_marker_words: bool = True  # --no-notes keeps them; --no-markers-text leaves them out
    since: dt.date | None = None
    data: BackupData
    summary: Report | None = None
    progress: ProgressInfo | None = None
    markers: MarkersSection | None = None  # when there is no check-in (else in summary)
    course: list[CourseStrip] = field(
        default_factory=list
    )  # how things have moved, over every check-in exported


class ImportCounts(Record):
    added: dict[str, int]
    skipped: dict[str, int]


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
    warnings: list[GuidanceItem] = field(
        default_factory=list
    )  # the gravest disagreements, said first
    areas: list[AreaComparison]
    notes: dict[Role, list[Evidence]] | None = None  # only with --include-notes
    disclaimer: str
    # Either partner's latest check-in says they are afraid: no areas, statuses or guidance.
    # Held back without saying why: the JSON must not tell one partner the other is afraid.
    withheld: bool = False
    safety_note: str | None = None
