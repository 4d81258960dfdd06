"""Rows to models and models to rows: the one place that knows how each record is laid out."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from trustrepair import messages
from trustrepair.errors import NotFoundError
from trustrepair.models import CheckIn, Marker, MarkerRecord, Spike
from trustrepair.models.base import OFFSET_LIMIT
from trustrepair.plain import replace
from trustrepair.vocab import Role

# SQLite's date functions read "-300 minutes" and "60 minutes" alike: no printf needed.
TO_LOCAL = "utc_offset_minutes || ' minutes'"


def local_time(column: str) -> str:
    """SQL for a stored UTC time as the local wall-clock time it was recorded in."""
    return f"datetime({column}, {TO_LOCAL})"


# The Monday that starts a spike's local week: weeks are cut where the person lives, not in
# UTC. One date() call with its modifiers; years of spikes are grouped by it.
LOCAL_WEEK = f"date(at_utc, {TO_LOCAL}, 'weekday 0', '-6 days')"


def ts(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def from_ts(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def offset(minutes: int) -> int:
    """A stored UTC offset; past any real time zone (a hand edit) it cannot be computed with."""
    if not -OFFSET_LIMIT <= minutes <= OFFSET_LIMIT:
        raise ValueError("a UTC offset out of range")
    return minutes


def ints(joined: str | None) -> tuple[int, ...]:
    return tuple(int(v) for v in joined.split(",")) if joined else ()


CHECKIN_COLUMNS = (
    "uid",
    "created_utc",
    "utc_offset_minutes",
    "role",
    "bank_version",
    "answers",
    "statuses",
)
RECORD_COLUMNS = ("uid", "marker_uid", "on_date", "shown", "note", "created_utc")
SPIKE_COLUMNS = ("uid", "at_utc", "utc_offset_minutes", "minutes", "intensity", "trigger", "note")
MARKER_COLUMNS = ("id", "uid", "text", "created_utc", "utc_offset_minutes", "retired_utc")


def insert_sql(table: str, columns: tuple[str, ...], *, verb: str = "INSERT") -> str:
    """An INSERT that names its columns, so a later column added to the table cannot shift them."""
    marks = ", ".join("?" * len(columns))
    return f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({marks})"


def checkin_values(c: CheckIn) -> tuple[object, ...]:
    return (
        c.uid,
        ts(c.created_utc),
        c.utc_offset_minutes,
        c.role,
        c.bank_version,
        json.dumps(c.answers, ensure_ascii=False),
        json.dumps(c.statuses),
    )


def record_values(r: MarkerRecord) -> tuple[object, ...]:
    return (r.uid, r.marker_uid, r.on_date.isoformat(), int(r.shown), r.note, ts(r.created_utc))


def spike_values(s: Spike) -> tuple[object, ...]:
    return (s.uid, ts(s.at_utc), s.utc_offset_minutes, s.minutes, s.intensity, s.trigger, s.note)


def marker_values(m: Marker) -> tuple[object, ...]:
    retired = None if m.retired_utc is None else ts(m.retired_utc)
    return (m.id, m.uid, m.text, ts(m.created_utc), m.utc_offset_minutes, retired)


def insert_marker(db: sqlite3.Connection, marker: Marker) -> Marker:
    """The one marker insert: its id is kept when given, otherwise the next free one."""
    cur = db.execute(insert_sql("markers", MARKER_COLUMNS), marker_values(marker))
    return replace(marker, id=cur.lastrowid)


def find_marker(db: sqlite3.Connection, marker_id: int) -> Marker:
    row = db.execute("SELECT * FROM markers WHERE id = ?", (marker_id,)).fetchone()
    if row is None:
        raise NotFoundError(messages.MARKER_NOT_FOUND.format(id=marker_id))
    return marker_from_row(row)


def checkin_from_row(row: sqlite3.Row) -> CheckIn:
    return CheckIn(
        uid=row["uid"],
        created_utc=from_ts(row["created_utc"]),
        utc_offset_minutes=offset(row["utc_offset_minutes"]),
        role=Role(row["role"]),
        bank_version=row["bank_version"],
        answers=json.loads(row["answers"]),
        statuses=json.loads(row["statuses"]),
    )


def marker_from_row(row: sqlite3.Row) -> Marker:
    retired = row["retired_utc"]
    return Marker(
        id=row["id"],
        uid=row["uid"],
        text=row["text"],
        created_utc=from_ts(row["created_utc"]),
        utc_offset_minutes=offset(row["utc_offset_minutes"]),
        retired_utc=None if retired is None else from_ts(retired),
    )


def record_from_row(row: sqlite3.Row) -> MarkerRecord:
    return MarkerRecord(
        uid=row["uid"],
        marker_uid=row["marker_uid"],
        on_date=dt.date.fromisoformat(row["on_date"]),
        shown=bool(row["shown"]),
        note=row["note"],
        created_utc=from_ts(row["created_utc"]),
    )


def spike_from_row(row: sqlite3.Row) -> Spike:
    return Spike(
        uid=row["uid"],
        at_utc=from_ts(row["at_utc"]),
        utc_offset_minutes=offset(row["utc_offset_minutes"]),
        minutes=row["minutes"],
        intensity=row["intensity"],
        trigger=row["trigger"],
        note=row["note"],
    )
