"""`records list` in SQL: the newest records of some kinds in local time, and how many there are.

Only the rows shown become models: each table gives at most `limit` rows in the list's order,
and the few candidates are merged here. A count answers how many the list leaves out.
"""

from __future__ import annotations

import datetime as dt
import heapq
import sqlite3
from collections.abc import Callable, Sequence
from itertools import islice

from trustrepair.models import CheckIn, Marker, MarkerRecord, Spike
from trustrepair.store.rows import (
    checkin_from_row,
    local_time,
    marker_from_row,
    record_from_row,
    spike_from_row,
)

Stored = CheckIn | Spike | MarkerRecord | Marker
# One listed record: its table, its short number, the record.
Listed = tuple[str, int, Stored]

# Per table: its short number, its local wall-clock time as sortable text, how to read a row.
# A marker record has a day, not a time: it sorts at that day's midnight.
_LISTING: dict[str, tuple[str, str, Callable[[sqlite3.Row], Stored]]] = {
    "checkins": ("n", local_time("created_utc"), checkin_from_row),
    "spikes": ("n", local_time("at_utc"), spike_from_row),
    "marker_records": ("n", "datetime(on_date)", record_from_row),
    "markers": ("id", local_time("created_utc"), marker_from_row),
}


def newest(
    db: sqlite3.Connection, tables: Sequence[str], since: dt.date | None, limit: int | None
) -> list[Listed]:
    """The newest records of these tables (local time, then the higher number, then the
    tables' order), from the local day `since` on; `limit` None means all of them."""
    ranked = [_ranked(db, rank, table, since, limit) for rank, table in enumerate(tables)]
    merged = heapq.merge(*ranked, key=lambda found: found[0], reverse=True)
    # Only the rows shown become records.
    return [
        (table, number, _LISTING[table][2](row))
        for (_at, number, _rank), table, row in islice(merged, limit)
    ]


def count(db: sqlite3.Connection, tables: Sequence[str], since: dt.date | None) -> int:
    """How many records of these tables there are from the local day `since` on."""
    total = 0
    for table in tables:
        _number, local, _from_row = _LISTING[table]
        where, args = _since(local, since)
        total += int(db.execute(f"SELECT count(*) FROM {table}{where}", args).fetchone()[0])  # noqa: S608
    return total


def _ranked(
    db: sqlite3.Connection, rank: int, table: str, since: dt.date | None, limit: int | None
) -> list[tuple[tuple[str, int, int], str, sqlite3.Row]]:
    """One table's rows, newest first, each with its key in the whole list's order."""
    number, local, _from_row = _LISTING[table]
    where, args = _since(local, since)
    rows = db.execute(
        f"SELECT *, {local} AS local_at FROM {table}{where}"  # noqa: S608 - our own names
        f" ORDER BY local_at DESC, {number} DESC LIMIT ?",
        (*args, -1 if limit is None else limit),
    )
    return [((row["local_at"] or "", int(row[number]), -rank), table, row) for row in rows]


def _since(local: str, since: dt.date | None) -> tuple[str, tuple[str, ...]]:
    # 'YYYY-MM-DD HH:MM:SS' >= 'YYYY-MM-DD' exactly when its day is that day or later.
    if since is None:
        return "", ()
    return f" WHERE {local} >= ?", (since.isoformat(),)
