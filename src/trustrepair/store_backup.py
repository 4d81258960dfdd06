"""Backup and restore at the SQL level (part of the store: the only other place SQL lives).

An import is all or nothing: one transaction, records matched by their stable uid so that
importing the same file twice adds nothing.
"""

from __future__ import annotations

import json
import sqlite3

from trustrepair.errors import ImportFileError
from trustrepair.models import BackupData, CheckIn, ImportCounts, Marker, MarkerRecord, Spike
from trustrepair.store import Store, _ts


def read_all(store: Store) -> BackupData:
    settings = {str(k): str(v) for k, v in store.db.execute("SELECT key, value FROM settings")}
    return BackupData(
        settings=settings,
        checkins=store.checkins(newest_first=False),
        markers=store.markers(),
        marker_records=store.marker_records(),
        spikes=store.spikes(),
    )


def import_data(store: Store, data: BackupData) -> ImportCounts:
    known_markers = {m.uid for m in data.markers} | {m.uid for m in store.markers()}
    orphans = [r for r in data.marker_records if r.marker_uid not in known_markers]
    if orphans:
        raise ImportFileError("the file has marker records for a marker it does not contain")
    added: dict[str, int] = {}
    with store.transaction() as db:
        added["settings"] = sum(_insert_setting(db, k, v) for k, v in data.settings.items())
        added["checkins"] = sum(_insert(db, "checkins", _checkin_row(c)) for c in data.checkins)
        added["markers"] = sum(_insert_marker(db, m) for m in data.markers)
        added["marker_records"] = sum(
            _insert(db, "marker_records", _record_row(r)) for r in data.marker_records
        )
        added["spikes"] = sum(_insert(db, "spikes", _spike_row(s)) for s in data.spikes)
    totals = {
        "settings": len(data.settings),
        "checkins": len(data.checkins),
        "markers": len(data.markers),
        "marker_records": len(data.marker_records),
        "spikes": len(data.spikes),
    }
    return ImportCounts(added=added, skipped={k: totals[k] - added[k] for k in totals})


def _insert(db: sqlite3.Connection, table: str, row: tuple[object, ...]) -> int:
    marks = ", ".join("?" * len(row))
    cur = db.execute(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", row)  # noqa: S608
    return cur.rowcount


def _insert_setting(db: sqlite3.Connection, key: str, value: str) -> int:
    # The settings already in this store win: an import never overwrites them.
    return db.execute("INSERT OR IGNORE INTO settings VALUES (?, ?)", (key, value)).rowcount


def _insert_marker(db: sqlite3.Connection, marker: Marker) -> int:
    if db.execute("SELECT 1 FROM markers WHERE uid = ?", (marker.uid,)).fetchone():
        return 0
    taken = (
        marker.id is None
        or db.execute("SELECT 1 FROM markers WHERE id = ?", (marker.id,)).fetchone()
    )
    retired = None if marker.retired_utc is None else _ts(marker.retired_utc)
    db.execute(
        "INSERT INTO markers (id, uid, text, created_utc, utc_offset_minutes, retired_utc)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            None if taken else marker.id,
            marker.uid,
            marker.text,
            _ts(marker.created_utc),
            marker.utc_offset_minutes,
            retired,
        ),
    )
    return 1


def _checkin_row(c: CheckIn) -> tuple[object, ...]:
    return (
        c.uid,
        _ts(c.created_utc),
        c.utc_offset_minutes,
        c.role,
        c.bank_version,
        json.dumps(c.answers, ensure_ascii=False),
        json.dumps(c.statuses),
    )


def _record_row(r: MarkerRecord) -> tuple[object, ...]:
    return (r.uid, r.marker_uid, r.on_date.isoformat(), int(r.shown), r.note, _ts(r.created_utc))


def _spike_row(s: Spike) -> tuple[object, ...]:
    return (s.uid, _ts(s.at_utc), s.utc_offset_minutes, s.minutes, s.intensity, s.trigger, s.note)
