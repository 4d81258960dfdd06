"""The only module that speaks SQL, and the only one that touches the database file.

One SQLite database per profile. The folder is created 0700 and the file 0600. Every write is
one transaction, so an interrupted command leaves the store as it was. The schema is versioned
with PRAGMA user_version and moved forward by the named steps in MIGRATIONS.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from trustrepair import messages
from trustrepair.errors import NotFoundError, StoreError
from trustrepair.models import (
    CheckIn,
    DayTally,
    Marker,
    MarkerCounts,
    MarkerRecord,
    Spike,
    Tally,
    as_local,
)
from trustrepair.spikes import WeekTally

APPLICATION_ID = 0x54525052  # "TRPR": marks a file as a trustrepair database
DIR_MODE = 0o700
FILE_MODE = 0o600


def _create_checkins(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE checkins (
            uid TEXT PRIMARY KEY,
            created_utc TEXT NOT NULL,
            utc_offset_minutes INTEGER NOT NULL,
            role TEXT NOT NULL,
            bank_version TEXT NOT NULL,
            answers TEXT NOT NULL,
            statuses TEXT NOT NULL)"""
    )
    db.execute("CREATE INDEX checkins_by_time ON checkins (created_utc)")
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def _create_markers(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE markers (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            created_utc TEXT NOT NULL,
            utc_offset_minutes INTEGER NOT NULL,
            retired_utc TEXT)"""
    )
    db.execute(
        """CREATE TABLE marker_records (
            uid TEXT PRIMARY KEY,
            marker_uid TEXT NOT NULL REFERENCES markers (uid),
            on_date TEXT NOT NULL,
            shown INTEGER NOT NULL,
            note TEXT,
            created_utc TEXT NOT NULL)"""
    )
    db.execute("CREATE INDEX marker_records_by_marker ON marker_records (marker_uid, on_date)")


def _create_spikes(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE spikes (
            uid TEXT PRIMARY KEY,
            at_utc TEXT NOT NULL,
            utc_offset_minutes INTEGER NOT NULL,
            minutes INTEGER,
            intensity INTEGER,
            trigger TEXT,
            note TEXT)"""
    )
    db.execute("CREATE INDEX spikes_by_time ON spikes (at_utc)")


# Append only: step N moves a store from user_version N-1 to N.
MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("create_checkins", _create_checkins),
    ("create_markers", _create_markers),
    ("create_spikes", _create_spikes),
]
SCHEMA_VERSION = len(MIGRATIONS)

# A spike's local wall-clock time: weeks are cut where the person lives, not in UTC.
_LOCAL_AT = "datetime(at_utc, printf('%+d minutes', utc_offset_minutes))"


def _ts(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def _from_ts(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


class _GuardedConnection(sqlite3.Connection):
    """Every statement's database error becomes a StoreError with advice, never a traceback."""

    path: Path

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        try:
            return super().execute(sql, parameters)
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc) from None


class Store:
    """An open trustrepair database. Use `open_store` (creates) or `open_existing` (reads)."""

    def __init__(self, db: sqlite3.Connection, path: Path) -> None:
        self.db = db
        self.path = path

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing: an exception or Ctrl-C inside rolls every change back."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc) from None
        try:
            yield self.db
        except BaseException:
            self.db.rollback()
            raise
        try:
            self.db.commit()
        except sqlite3.Error as exc:
            self.db.rollback()
            raise _store_error(self.path, exc) from None

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    # --- check-ins ---------------------------------------------------------------------------

    def add_checkin(self, checkin: CheckIn, markers: Iterable[Marker] = ()) -> list[Marker]:
        """Store a check-in and the markers named in it together: both or neither."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO checkins VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    checkin.uid,
                    _ts(checkin.created_utc),
                    checkin.utc_offset_minutes,
                    checkin.role,
                    checkin.bank_version,
                    json.dumps(checkin.answers, ensure_ascii=False),
                    json.dumps(checkin.statuses),
                ),
            )
            return [_insert_marker(db, m) for m in markers]

    def checkins(self, *, newest_first: bool = True, limit: int | None = None) -> list[CheckIn]:
        order = "DESC" if newest_first else "ASC"
        sql = f"SELECT * FROM checkins ORDER BY created_utc {order}, rowid {order}"  # noqa: S608
        rows = self.db.execute(sql + (" LIMIT ?" if limit else ""), (limit,) if limit else ())
        return [_checkin(row) for row in rows]

    def latest_checkin(self) -> CheckIn | None:
        found = self.checkins(limit=1)
        return found[0] if found else None

    # --- settings ----------------------------------------------------------------------------

    def setting(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO settings VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
                (key, value, value),
            )

    # --- markers -----------------------------------------------------------------------------

    def add_marker(self, marker: Marker) -> Marker:
        with self.transaction() as db:
            return _insert_marker(db, marker)

    def markers(self, *, include_retired: bool = True) -> list[Marker]:
        where = "" if include_retired else " WHERE retired_utc IS NULL"
        rows = self.db.execute(f"SELECT * FROM markers{where} ORDER BY id")  # noqa: S608
        return [_marker(row) for row in rows]

    def marker(self, marker_id: int) -> Marker:
        return _find_marker(self.db, marker_id)

    def update_marker_text(self, marker_id: int, text: str) -> Marker:
        with self.transaction() as db:
            _find_marker(db, marker_id)
            db.execute("UPDATE markers SET text = ? WHERE id = ?", (text, marker_id))
            return _find_marker(db, marker_id)

    def retire_marker(self, marker_id: int, when: dt.datetime) -> Marker:
        """Hide a marker from the active list; it and its records stay. Twice is a no-op."""
        with self.transaction() as db:
            if _find_marker(db, marker_id).retired_utc is None:
                db.execute(
                    "UPDATE markers SET retired_utc = ? WHERE id = ?", (_ts(when), marker_id)
                )
            return _find_marker(db, marker_id)

    def add_marker_record(self, record: MarkerRecord) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO marker_records VALUES (?, ?, ?, ?, ?, ?)",
                (
                    record.uid,
                    record.marker_uid,
                    record.on_date.isoformat(),
                    int(record.shown),
                    record.note,
                    _ts(record.created_utc),
                ),
            )

    def marker_records(
        self, marker_uid: str | None = None, *, newest_first: bool = False, limit: int = -1
    ) -> list[MarkerRecord]:
        sql = "SELECT * FROM marker_records"
        args: tuple[str | int, ...] = ()
        if marker_uid is not None:
            sql, args = sql + " WHERE marker_uid = ?", (marker_uid,)
        order = "DESC" if newest_first else "ASC"
        sql += f" ORDER BY on_date {order}, created_utc {order}, rowid {order} LIMIT ?"
        return [_marker_record(row) for row in self.db.execute(sql, (*args, limit))]

    def marker_counts(self, since: dt.date) -> dict[str, MarkerCounts]:
        """Per marker: all-time totals, first record date, and day totals from `since` on.

        Counting happens in SQL so a store with years of records stays quick to list.
        """
        counts: dict[str, MarkerCounts] = {}
        totals = self.db.execute(
            "SELECT marker_uid, SUM(shown), COUNT(*), MIN(on_date) FROM marker_records"
            " GROUP BY marker_uid"
        )
        for uid, shown, recorded, first in totals:
            counts[uid] = MarkerCounts(
                total=Tally(shown=shown, recorded=recorded),
                first_on=dt.date.fromisoformat(first),
            )
        days = self.db.execute(
            "SELECT marker_uid, on_date, SUM(shown), COUNT(*) FROM marker_records"
            " WHERE on_date >= ? GROUP BY marker_uid, on_date ORDER BY on_date",
            (since.isoformat(),),
        )
        for uid, on_date, shown, recorded in days:
            counts[uid].days.append(
                DayTally(on_date=dt.date.fromisoformat(on_date), shown=shown, recorded=recorded)
            )
        return counts

    # --- spikes ------------------------------------------------------------------------------

    def add_spike(self, spike: Spike) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO spikes VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    spike.uid,
                    _ts(spike.at_utc),
                    spike.utc_offset_minutes,
                    spike.minutes,
                    spike.intensity,
                    spike.trigger,
                    spike.note,
                ),
            )

    def spikes(self, since: dt.datetime | None = None) -> list[Spike]:
        sql, args = "SELECT * FROM spikes", tuple[str, ...]()
        if since is not None:
            sql, args = sql + " WHERE at_utc >= ?", (_ts(since),)
        return [_spike(row) for row in self.db.execute(sql + " ORDER BY at_utc", args)]

    def spike_weeks(self) -> list[WeekTally]:
        """Spikes summed per local week (Monday start) in one query, one row per week."""
        rows = self.db.execute(
            f"SELECT date({_LOCAL_AT}, 'weekday 0', '-6 days') AS week, count(*),"  # noqa: S608
            " group_concat(minutes), group_concat(intensity),"
            " sum(trigger IS NOT NULL AND trigger != 'unknown')"
            " FROM spikes GROUP BY week ORDER BY week"
        )
        return [
            WeekTally(dt.date.fromisoformat(w), n, _ints(m), _ints(i), k) for w, n, m, i, k in rows
        ]

    def spike_span(self) -> tuple[dt.datetime, dt.datetime] | None:
        """The first and the latest spike, each in the local time it was logged in."""
        ends = [
            self.db.execute(
                f"SELECT at_utc, utc_offset_minutes FROM spikes ORDER BY at_utc {order} LIMIT 1"  # noqa: S608
            ).fetchone()
            for order in ("ASC", "DESC")
        ]
        if ends[0] is None:
            return None
        first, last = (as_local(_from_ts(row[0]), row[1]) for row in ends)
        return first, last

    def spike_trigger_counts(self) -> dict[str, int]:
        rows = self.db.execute(
            "SELECT trigger, count(*) FROM spikes WHERE trigger IS NOT NULL GROUP BY trigger"
        )
        return {str(t): int(n) for t, n in rows}

    def count_spikes_between(self, start: dt.datetime, end: dt.datetime) -> int:
        row = self.db.execute(
            "SELECT count(*) FROM spikes WHERE at_utc >= ? AND at_utc < ?", (_ts(start), _ts(end))
        )
        return int(row.fetchone()[0])

    def checkin_trail(self) -> list[tuple[dt.datetime, str | None, str | None]]:
        """Oldest first: when (local), the accountability status, the `ongoing` answer."""
        rows = self.db.execute(
            "SELECT created_utc, utc_offset_minutes, json_extract(statuses, '$.accountability'),"
            " json_extract(answers, '$.ongoing') FROM checkins ORDER BY created_utc, rowid"
        )
        return [(as_local(_from_ts(c), off), acc, ongoing) for c, off, acc, ongoing in rows]


def _ints(joined: str | None) -> tuple[int, ...]:
    return tuple(int(v) for v in joined.split(",")) if joined else ()


# --- rows -> models --------------------------------------------------------------------------


def _insert_marker(db: sqlite3.Connection, marker: Marker) -> Marker:
    cur = db.execute(
        "INSERT INTO markers (uid, text, created_utc, utc_offset_minutes, retired_utc)"
        " VALUES (?, ?, ?, ?, ?)",
        (
            marker.uid,
            marker.text,
            _ts(marker.created_utc),
            marker.utc_offset_minutes,
            None if marker.retired_utc is None else _ts(marker.retired_utc),
        ),
    )
    return marker.model_copy(update={"id": cur.lastrowid})


def _find_marker(db: sqlite3.Connection, marker_id: int) -> Marker:
    row = db.execute("SELECT * FROM markers WHERE id = ?", (marker_id,)).fetchone()
    if row is None:
        raise NotFoundError(messages.MARKER_NOT_FOUND.format(id=marker_id))
    return _marker(row)


def _checkin(row: sqlite3.Row) -> CheckIn:
    return CheckIn(
        uid=row["uid"],
        created_utc=_from_ts(row["created_utc"]),
        utc_offset_minutes=row["utc_offset_minutes"],
        role=row["role"],
        bank_version=row["bank_version"],
        answers=json.loads(row["answers"]),
        statuses=json.loads(row["statuses"]),
    )


def _marker(row: sqlite3.Row) -> Marker:
    retired = row["retired_utc"]
    return Marker(
        id=row["id"],
        uid=row["uid"],
        text=row["text"],
        created_utc=_from_ts(row["created_utc"]),
        utc_offset_minutes=row["utc_offset_minutes"],
        retired_utc=None if retired is None else _from_ts(retired),
    )


def _marker_record(row: sqlite3.Row) -> MarkerRecord:
    return MarkerRecord(
        uid=row["uid"],
        marker_uid=row["marker_uid"],
        on_date=dt.date.fromisoformat(row["on_date"]),
        shown=bool(row["shown"]),
        note=row["note"],
        created_utc=_from_ts(row["created_utc"]),
    )


def _spike(row: sqlite3.Row) -> Spike:
    return Spike(
        uid=row["uid"],
        at_utc=_from_ts(row["at_utc"]),
        utc_offset_minutes=row["utc_offset_minutes"],
        minutes=row["minutes"],
        intensity=row["intensity"],
        trigger=row["trigger"],
        note=row["note"],
    )


# --- opening, checking and migrating ---------------------------------------------------------


def open_store(path: Path) -> Store:
    """Open the database at path for writing, creating folder (0700) and file (0600) if needed."""
    _make_private_dir(path.parent)
    if not path.exists():
        _create_private_file(path)
    return _connect(path)


def open_existing(path: Path) -> Store | None:
    """Open the database for reading if it exists; None when nothing has been stored yet."""
    if not path.exists():
        return None
    return _connect(path)


def _make_private_dir(folder: Path) -> None:
    """Create the folder and any missing parents as 0700 (the home and profiles/ are ours too)."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    try:
        for level in reversed(missing):
            level.mkdir(mode=DIR_MODE)
            level.chmod(DIR_MODE)  # mkdir's mode is filtered by the umask
        folder.chmod(DIR_MODE)
    except OSError as exc:
        raise StoreError(f"cannot create the data folder {folder} ({exc.strerror})") from None


def _create_private_file(path: Path) -> None:
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        os.close(fd)
    except FileExistsError:
        pass
    except OSError as exc:
        raise StoreError(f"cannot create {path} ({exc.strerror})") from None


def _connect(path: Path) -> Store:
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a trustrepair database")
    try:
        db = sqlite3.connect(
            f"file:{path}?mode=rw", uri=True, isolation_level=None, factory=_GuardedConnection
        )
    except sqlite3.Error as exc:
        raise _store_error(path, exc) from None
    db.path = path
    db.row_factory = sqlite3.Row
    store = Store(db, path)
    try:
        _check_and_migrate(store)
    except BaseException:
        db.close()
        raise
    return store


def _check_and_migrate(store: Store) -> None:
    db = store.db
    db.execute("PRAGMA foreign_keys = ON")
    app_id = int(db.execute("PRAGMA application_id").fetchone()[0])
    version = store.schema_version
    tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if app_id != APPLICATION_ID and (app_id != 0 or tables or version):
        raise StoreError(
            f"{store.path} is not a trustrepair database; move it aside or choose another --home"
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{store.path} was written by a newer trustrepair (schema {version}, this one reads "
            f"up to {SCHEMA_VERSION}); upgrade trustrepair to open it"
        )
    for step, (_name, migrate) in enumerate(MIGRATIONS[version:], start=version + 1):
        with store.transaction() as tx:
            migrate(tx)
            tx.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            tx.execute(f"PRAGMA user_version = {step}")


def _store_error(path: Path, exc: sqlite3.Error) -> StoreError:
    text = str(exc).lower()
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(
            f"{path} is damaged or not a trustrepair database; it was left untouched. "
            "Restore a backup (trustrepair import) or move it aside"
        )
    if isinstance(exc, sqlite3.IntegrityError):
        return StoreError(
            f"{path}: that record already exists (the same id twice); nothing changed"
        )
    if "locked" in text or "busy" in text:
        return StoreError(f"{path} is in use by another trustrepair command; try again")
    if "readonly" in text or "unable to open" in text:
        return StoreError(f"{path} cannot be written; check its permissions")
    return StoreError(f"{path}: database error ({exc.__class__.__name__})")
