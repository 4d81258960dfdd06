"""One record of any kind, as `records list` and `records show` describe it."""

import datetime as dt
from typing import Literal

from trustrepair.models.base import Record
from trustrepair.models.report import Report
from trustrepair.models.stored import CheckIn, Marker, MarkerRecord, Spike

RecordKind = Literal["checkin", "spike", "record", "marker"]


class RecordEntry(Record):
    """One line of `records list`: a short id whose letter says the kind, when, and what."""

    id: str
    kind: RecordKind
    when: dt.datetime | dt.date
    summary: str


class RecordDetail(Record):
    """`records show`: the record as stored; for a check-in, also its full summary."""

    id: str
    kind: RecordKind
    record: CheckIn | Spike | MarkerRecord | Marker
    marker: Marker | None = None  # for a marker record: the marker it belongs to
    report: Report | None = None  # for a check-in: its summary as it was
