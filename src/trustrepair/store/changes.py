"""The change log behind `trustrepair undo`, kept inside the store (schema step 4).

Triggers write down every row a change touches: the key of a row added, the whole row as it
was before an edit or a delete. Undoing the latest change plays those notes back in reverse,
in one transaction, and forgets the change. The same step gives check-ins, spikes and marker
records a short number that never changes and is never reused (markers keep their id).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from trustrepair.store.rows import (
    CHECKIN_COLUMNS,
    MARKER_COLUMNS,
    RECORD_COLUMNS,
    SPIKE_COLUMNS,
    from_ts,
    ts,
)

CHANGE_LOG_VERSION = 4  # the schema step that adds the log; older stores write without it
KEEP_CHANGES = 200  # undo reaches this far back; older notes are dropped

NUMBERED = ("checkins", "spikes", "marker_records")
KEYS = {"checkins": "uid", "spikes": "uid", "marker_records": "uid", "markers": "uid"}
KEYS["settings"] = "key"
COLUMNS: dict[str, tuple[str, ...]] = {
    "checkins": (*CHECKIN_COLUMNS, "n"),
    "spikes": (*SPIKE_COLUMNS, "n"),
    "marker_records": (*RECORD_COLUMNS, "n"),
    "markers": MARKER_COLUMNS,
    "settings": ("key", "value"),
}


@dataclass(frozen=True, slots=True)
class RowNote:
    """One row a change touched: its table, what happened, and its number (id for markers)."""

    table: str
    verb: str  # insert, update or delete
    number: int | None


@dataclass(frozen=True, slots=True)
class ChangeInfo:
    verb: str  # what the person did: add, edit, delete, import, retire, setting
    made_utc: dt.datetime
    rows: tuple[RowNote, ...]
    waiting: int  # changes that can be undone, this one included


def create_change_log(db: sqlite3.Connection) -> None:
    """Schema step 4: the change log, and short numbers for check-ins, spikes and records."""
    db.execute(
        """CREATE TABLE changes (
            n INTEGER PRIMARY KEY,
            made_utc TEXT NOT NULL,
            verb TEXT NOT NULL,
            open INTEGER NOT NULL DEFAULT 0)"""
    )
    db.execute(
        """CREATE TABLE change_rows (
            seq INTEGER PRIMARY KEY,
            change_n INTEGER NOT NULL REFERENCES changes (n) ON DELETE CASCADE,
            tbl TEXT NOT NULL,
            verb TEXT NOT NULL,
            key TEXT NOT NULL,
            old TEXT)"""
    )
    db.execute("CREATE INDEX change_rows_by_change ON change_rows (change_n)")
    db.execute("CREATE TABLE id_counters (tbl TEXT PRIMARY KEY, last INTEGER NOT NULL)")
    for table in NUMBERED:
        db.execute(f"ALTER TABLE {table} ADD COLUMN n INTEGER")
        db.execute(f"UPDATE {table} SET n = rowid")  # noqa: S608 - our own table names
        db.execute(f"CREATE UNIQUE INDEX {table}_by_n ON {table} (n)")
        db.execute(
            f"INSERT INTO id_counters (tbl, last) SELECT '{table}', coalesce(max(n), 0)"  # noqa: S608
            f" FROM {table}"
        )
    for table in COLUMNS:
        _create_triggers(db, table)


def _create_triggers(db: sqlite3.Connection, table: str) -> None:
    key = KEYS[table]
    old_row = "json_object(" + ", ".join(f"'{c}', OLD.{c}" for c in COLUMNS[table]) + ")"
    log = "INSERT INTO change_rows (change_n, tbl, verb, key, old) SELECT n, '{t}', '{v}', {k}, {o}"
    numbering = ""
    if table in NUMBERED:
        numbering = (
            f"UPDATE id_counters SET last = last + 1 WHERE tbl = '{table}' AND NEW.n IS NULL;"  # noqa: S608
            f" UPDATE {table} SET n = (SELECT last FROM id_counters WHERE tbl = '{table}')"
            " WHERE rowid = NEW.rowid AND NEW.n IS NULL;"
        )
    inserted = log.format(t=table, v="insert", k=f"NEW.{key}", o="NULL")
    db.execute(
        f"CREATE TRIGGER {table}_noted_insert AFTER INSERT ON {table} BEGIN {numbering}"
        f" {inserted} FROM changes WHERE open = 1; END"
    )
    # Giving a new row its number is part of adding it, not an edit.
    when = " WHEN OLD.n IS NOT NULL" if table in NUMBERED else ""
    updated = log.format(t=table, v="update", k=f"OLD.{key}", o=old_row)
    db.execute(
        f"CREATE TRIGGER {table}_noted_update AFTER UPDATE ON {table}{when} BEGIN"
        f" {updated} FROM changes WHERE open = 1; END"
    )
    deleted = log.format(t=table, v="delete", k=f"OLD.{key}", o=old_row)
    db.execute(
        f"CREATE TRIGGER {table}_noted_delete AFTER DELETE ON {table} BEGIN"
        f" {deleted} FROM changes WHERE open = 1; END"
    )


def has_change_log(db: sqlite3.Connection) -> bool:
    return int(db.execute("PRAGMA user_version").fetchone()[0]) >= CHANGE_LOG_VERSION


@contextmanager
def noted(db: sqlite3.Connection, verb: str) -> Iterator[None]:
    """Inside an open transaction: note every row the block touches as one change."""
    if not has_change_log(db):
        yield
        return
    db.execute(
        "INSERT INTO changes (made_utc, verb, open) VALUES (?, ?, 1)",
        (ts(dt.datetime.now(dt.UTC)), verb),
    )
    yield
    n = db.execute("SELECT n FROM changes WHERE open = 1").fetchone()[0]
    touched = db.execute("SELECT count(*) FROM change_rows WHERE change_n = ?", (n,)).fetchone()
    if touched[0] == 0:
        db.execute("DELETE FROM changes WHERE n = ?", (n,))  # nothing changed: nothing to undo
    else:
        db.execute("UPDATE changes SET open = 0 WHERE n = ?", (n,))
    _forget_old(db)


def _forget_old(db: sqlite3.Connection) -> None:
    cutoff = db.execute("SELECT max(n) FROM changes").fetchone()[0]
    if cutoff is not None and cutoff > KEEP_CHANGES:
        db.execute("DELETE FROM change_rows WHERE change_n <= ?", (cutoff - KEEP_CHANGES,))
        db.execute("DELETE FROM changes WHERE n <= ?", (cutoff - KEEP_CHANGES,))


def last_change(db: sqlite3.Connection) -> ChangeInfo | None:
    if not has_change_log(db):
        return None
    row = db.execute(
        "SELECT n, made_utc, verb FROM changes WHERE open = 0 ORDER BY n DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    n, made, verb = row
    notes = [
        RowNote(table, action, _number(db, table, action, key, old))
        for table, action, key, old in db.execute(
            "SELECT tbl, verb, key, old FROM change_rows WHERE change_n = ? ORDER BY seq", (n,)
        )
    ]
    waiting = int(db.execute("SELECT count(*) FROM changes WHERE open = 0").fetchone()[0])
    return ChangeInfo(verb, from_ts(made), tuple(notes), waiting)


def _number(db: sqlite3.Connection, table: str, verb: str, key: str, old: str | None) -> int | None:
    field = "id" if table == "markers" else "n"
    if table == "settings":
        return None
    if old is not None:
        value = json.loads(old).get(field)
        return int(value) if value is not None else None
    row = db.execute(
        f"SELECT {field} FROM {table} WHERE {KEYS[table]} = ?",  # noqa: S608 - our own names
        (key,),
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def undo_last(db: sqlite3.Connection) -> None:
    """Inside an open transaction: put back what the latest change altered, then forget it."""
    row = db.execute("SELECT n FROM changes WHERE open = 0 ORDER BY n DESC LIMIT 1").fetchone()
    if row is None:
        return
    notes = db.execute(
        "SELECT tbl, verb, key, old FROM change_rows WHERE change_n = ? ORDER BY seq DESC",
        (row[0],),
    ).fetchall()
    for table, verb, key, old in notes:
        _put_back(db, table, verb, key, None if old is None else json.loads(old))
    db.execute("DELETE FROM change_rows WHERE change_n = ?", (row[0],))
    db.execute("DELETE FROM changes WHERE n = ?", (row[0],))


def _put_back(
    db: sqlite3.Connection, table: str, verb: str, key: str, old: dict[str, object] | None
) -> None:
    columns = COLUMNS[table]  # only our own table and column names reach the SQL below
    where = f"{KEYS[table]} = ?"
    if verb == "insert":
        db.execute(f"DELETE FROM {table} WHERE {where}", (key,))  # noqa: S608
        return
    assert old is not None  # noqa: S101 - updates and deletes always note the old row
    values = tuple(old.get(c) for c in columns)
    if verb == "delete":
        marks = ", ".join("?" * len(columns))
        db.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",  # noqa: S608
            values,
        )
    else:
        sets = ", ".join(f"{c} = ?" for c in columns)
        db.execute(f"UPDATE {table} SET {sets} WHERE {where}", (*values, key))  # noqa: S608
