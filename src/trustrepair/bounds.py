"""The bounds every stored value keeps, whether typed, imported or read back from disk.

Typed input is checked where it is parsed (moments.py, markers.py, spikes.py); an import is
held to the same bounds here, record by record, before anything is written. A store is held to
looser bounds (store/bounds.py): records age, so "at most 10 years back" applies on the day
they are written, not forever.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator

from trustrepair import messages
from trustrepair.errors import ImportFileError
from trustrepair.models import BackupData
from trustrepair.moments import MAX_YEARS_BACK

# Answers to questions this bank does not know are kept as they are, within these limits.
UNKNOWN_ANSWER_MAX = 5000
NUMBER_LIMIT = 2**53


def earliest_day(today: dt.date) -> dt.date:
    """The first day an imported record may fall on: the same reach as `spike --at`."""
    return dt.date(today.year - MAX_YEARS_BACK - 1, 1, 1)


def check_import(data: BackupData, today: dt.date, name: str) -> None:
    """One clear line naming the first record out of bounds; nothing is written before this."""
    first, last = earliest_day(today), today + dt.timedelta(days=1)
    for what, day in _days(data):
        if not first <= day <= last:
            raise ImportFileError(messages.IMPORT_DAY_OUT_OF_BOUNDS.format(name=name, what=what))
    for what, value in _answers(data):
        if not _answer_fits(value):
            raise ImportFileError(messages.IMPORT_VALUE_OUT_OF_BOUNDS.format(name=name, what=what))


def _days(data: BackupData) -> Iterator[tuple[str, dt.date]]:
    for n, c in enumerate(data.checkins, start=1):
        yield f"check-in {n}", c.created_utc.date()
    for n, m in enumerate(data.markers, start=1):
        yield f"marker {n}", m.created_utc.date()
        if m.retired_utc is not None:
            yield f"marker {n} (retired)", m.retired_utc.date()
    for n, r in enumerate(data.marker_records, start=1):
        yield f"marker record {n}", r.on_date
        yield f"marker record {n}", r.created_utc.date()
    for n, s in enumerate(data.spikes, start=1):
        yield f"spike {n}", s.at_utc.date()


def _answers(data: BackupData) -> Iterator[tuple[str, object]]:
    for n, c in enumerate(data.checkins, start=1):
        for qid, value in c.answers.items():
            yield f"check-in {n}, answers.{qid}", value


def _answer_fits(value: object) -> bool:
    from trustrepair.text import has_control

    if isinstance(value, str):
        return len(value) <= UNKNOWN_ANSWER_MAX and not has_control(value)
    if isinstance(value, float):
        return math.isfinite(value) and abs(value) < NUMBER_LIMIT
    if isinstance(value, int) and not isinstance(value, bool):
        return abs(value) < NUMBER_LIMIT
    return True
