"""Backup and restore at the SQL level.

A backup is a consistent copy of the database made with SQLite's online backup API, encrypted
with the store's passphrase when the store is. An import is all or nothing: one transaction,
records matched by their stable uid so that importing the same file twice adds nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import tempfile
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from trustrepair import messages
from trustrepair.errors import (
    BadInputError,
    ImportFileError,
    PassphraseError,
    StoreError,
    checked_as,
)
from trustrepair.models import BackupData, ImportCounts, Marker, MarkerRecord, Spike
from trustrepair.plain import replace, to_data
from trustrepair.store.cipher import SQLITE_HEADER, Unlock, driver, looks_encrypted, prepare
from trustrepair.store.core import Store
from trustrepair.store.guard import connect
from trustrepair.store.rows import (
    CHECKIN_COLUMNS,
    RECORD_COLUMNS,
    SPIKE_COLUMNS,
    checkin_values,
    insert_marker,
    insert_sql,
    record_from_row,
    record_values,
    spike_from_row,
    spike_values,
)

COLUMNS = {
    "checkins": CHECKIN_COLUMNS,
    "marker_records": RECORD_COLUMNS,
    "spikes": SPIKE_COLUMNS,
}


def read_all(store: Store) -> BackupData:
    """Every record, refusing (one line naming it) a record an import would refuse."""
    return replace(
        read_small(store),
        marker_records=list(each_marker_record(store)),
        spikes=list(each_spike(store)),
    )


def read_small(store: Store) -> BackupData:
    """Settings, check-ins and markers, the parts of a backup that stay small as years pass;
    marker records and spikes are left for `each_marker_record` and `each_spike` to stream.
    A record an import would refuse is refused here (one line naming it), as for read_all."""
    from trustrepair.store.bounds import refuse_out_of_bounds

    refuse_out_of_bounds(store.db, store.path)
    settings = {str(k): str(v) for k, v in store.db.execute("SELECT key, value FROM settings")}
    return BackupData(
        settings=settings, checkins=store.checkins(newest_first=False), markers=store.markers()
    )


def each_marker_record(store: Store, since: dt.date | None = None) -> Generator[MarkerRecord]:
    """Every marker record (from `since` on), oldest first, read one row at a time."""
    order = "on_date, created_utc, rowid"
    with _rows_from(store, "marker_records", "on_date", order, since) as rows:
        yield from map(record_from_row, rows)


def each_spike(store: Store, since: dt.date | None = None) -> Generator[Spike]:
    """Every spike (from `since` on, by its UTC day), oldest first, read one row at a time."""
    with _rows_from(store, "spikes", "at_utc", "at_utc", since) as rows:
        yield from map(spike_from_row, rows)


@contextmanager
def _rows_from(
    store: Store, table: str, day: str, order: str, since: dt.date | None
) -> Iterator[sqlite3.Cursor]:
    """A cursor over a table's rows from a day on (ISO text compares as dates do). It is
    closed when the reading stops, finished or not, so no statement outlives its read."""
    where = "" if since is None else f" WHERE {day} >= ?"
    args = () if since is None else (since.isoformat(),)
    cursor = store.db.execute(f"SELECT * FROM {table}{where} ORDER BY {order}", args)  # noqa: S608
    try:
        yield cursor
    finally:
        cursor.close()


def records_have_notes(store: Store, since: dt.date | None = None) -> bool:
    """Whether any marker record or spike from `since` on carries a note."""
    day = "" if since is None else since.isoformat()
    row = store.db.execute(
        "SELECT EXISTS (SELECT 1 FROM marker_records WHERE note IS NOT NULL AND on_date >= ?)"
        " OR EXISTS (SELECT 1 FROM spikes WHERE note IS NOT NULL AND at_utc >= ?)",
        (day, day),
    ).fetchone()
    return bool(row[0])


def write_backup(store: Store, target: Path) -> None:
    """A consistent copy of the store at target (0600), under the store's passphrase if any.

    The copy is made beside target and renamed into place, so target is whole or absent.
    """
    if target.exists():
        raise BadInputError(messages.BACKUP_EXISTS.format(path=target))
    partial = target.with_name(f".{target.name}.partial")
    try:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as exc:
        raise BadInputError(f"cannot write {target} ({exc.strerror})") from None
    try:
        module = driver() if store.encrypted else sqlite3
        copy = connect(module, f"file:{partial}?mode=rw", partial)
        try:
            if store.encrypted:
                prepare(copy, store.passphrase)
            store.db.backup(copy)
        except store.errors as exc:
            raise BadInputError(f"cannot write {target} ({exc.__class__.__name__})") from None
        finally:
            copy.close()
        fd = os.open(partial, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def is_database_file(path: Path) -> bool:
    """Whether path looks like a store or a backup of one (plain or encrypted)."""
    from trustrepair.safe_read import head

    return head(path, len(SQLITE_HEADER)) == SQLITE_HEADER or looks_encrypted(path)


def read_backup(path: Path, unlock: Unlock) -> BackupData:
    """Everything in a backup made by `data backup`, asking unlock for its passphrase.

    The backup is opened as a copy in a private temporary folder, so migrating an older one
    never touches the file itself. The copy holds the same bytes: encrypted if the backup is.
    """
    from trustrepair.backup import MAX_IMPORT_BYTES
    from trustrepair.safe_read import read_file
    from trustrepair.store.connection import open_store

    # Read safely first: a regular file within the import limit (a sparse terabyte that
    # happens to look encrypted is refused here, not copied).
    raw = read_file(path, ImportFileError, limit=MAX_IMPORT_BYTES)
    with tempfile.TemporaryDirectory(prefix="trustrepair-") as folder:
        copy = Path(folder) / "backup.db"
        try:
            copy.touch(mode=0o600)
            copy.write_bytes(raw)
        except OSError as exc:
            raise ImportFileError(f"{path}: cannot be copied to read it ({exc.strerror})") from None
        try:
            store = open_store(copy, unlock=unlock)
        except PassphraseError:
            raise PassphraseError(messages.PASSPHRASE_WRONG.format(path=path)) from None
        except StoreError:
            raise ImportFileError(messages.BACKUP_DAMAGED.format(path=path)) from None
        try:
            data = read_all(store)
        finally:
            store.close()
    # Rows from a file made elsewhere are data arriving: checked as an import file's are.
    return checked_as(BackupData, to_data(data), ImportFileError, path)


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What an import would do, worked out before anything is written."""

    new: dict[str, int]  # per table: records the file adds
    present: dict[str, int]  # per table: records already here (matched by uid)
    differing: dict[str, tuple[str, str]]  # setting key: (value here, value in the file)
    roles_here: frozenset[str]
    roles_in_file: frozenset[str]


def plan_import(store: Store, data: BackupData) -> ImportPlan:
    def here(table: str, uids: list[str]) -> int:
        return sum(
            store.db.execute(
                f"SELECT 1 FROM {table} WHERE uid = ?",  # noqa: S608 - our own table names
                (uid,),
            ).fetchone()
            is not None
            for uid in uids
        )

    given = {
        "checkins": [c.uid for c in data.checkins],
        "markers": [m.uid for m in data.markers],
        "marker_records": [r.uid for r in data.marker_records],
        "spikes": [s.uid for s in data.spikes],
    }
    present = {table: here(table, uids) for table, uids in given.items()}
    new = {table: len(uids) - present[table] for table, uids in given.items()}
    differing: dict[str, tuple[str, str]] = {}
    for key, value in data.settings.items():
        current = store.setting(key)
        if current is None:
            new["settings"] = new.get("settings", 0) + 1
        elif current != value:
            differing[key] = (current, value)
    roles = {str(r) for (r,) in store.db.execute("SELECT DISTINCT role FROM checkins")}
    return ImportPlan(
        new=new,
        present=present,
        differing=differing,
        roles_here=frozenset(roles),
        roles_in_file=frozenset(c.role for c in data.checkins),
    )


def import_data(store: Store, data: BackupData, *, replace_settings: bool = False) -> ImportCounts:
    known_markers = {m.uid for m in data.markers} | {m.uid for m in store.markers()}
    orphans = [r for r in data.marker_records if r.marker_uid not in known_markers]
    if orphans:
        raise ImportFileError("the file has marker records for a marker it does not contain")
    added: dict[str, int] = {}
    with store.change("import") as db:
        added["settings"] = sum(
            _insert_setting(db, k, v, replace=replace_settings) for k, v in data.settings.items()
        )
        added["checkins"] = sum(_insert(db, "checkins", checkin_values(c)) for c in data.checkins)
        added["markers"] = sum(_insert_marker(db, m) for m in data.markers)
        added["marker_records"] = sum(
            _insert(db, "marker_records", record_values(r)) for r in data.marker_records
        )
        added["spikes"] = sum(_insert(db, "spikes", spike_values(s)) for s in data.spikes)
    totals = {
        "settings": len(data.settings),
        "checkins": len(data.checkins),
        "markers": len(data.markers),
        "marker_records": len(data.marker_records),
        "spikes": len(data.spikes),
    }
    return ImportCounts(added=added, skipped={k: totals[k] - added[k] for k in totals})


def _insert(db: sqlite3.Connection, table: str, row: tuple[object, ...]) -> int:
    sql = insert_sql(table, COLUMNS[table], verb="INSERT OR IGNORE")
    return db.execute(sql, row).rowcount


def _insert_setting(db: sqlite3.Connection, key: str, value: str, *, replace: bool) -> int:
    # The settings already in this store win, unless the person asked for the file's.
    if replace:
        sql = "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE"
        sql += " SET value = excluded.value WHERE value != excluded.value"
        return db.execute(sql, (key, value)).rowcount
    sql = "INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)"
    return db.execute(sql, (key, value)).rowcount


def _insert_marker(db: sqlite3.Connection, marker: Marker) -> int:
    if db.execute("SELECT 1 FROM markers WHERE uid = ?", (marker.uid,)).fetchone():
        return 0
    taken = (
        marker.id is not None
        and db.execute("SELECT 1 FROM markers WHERE id = ?", (marker.id,)).fetchone()
    )
    insert_marker(db, replace(marker, id=None) if taken else marker)
    return 1
