"""Backup and restore at the SQL level.

An import is all or nothing: one transaction, records matched by their stable uid so that
importing the same file twice adds nothing.
"""

from __future__ import annotations

import sqlite3

from trustrepair.errors import ImportFileError
from trustrepair.models import BackupData, ImportCounts, Marker
from trustrepair.store.core import Store
from trustrepair.store.rows import (
    CHECKIN_COLUMNS,
    RECORD_COLUMNS,
    SPIKE_COLUMNS,
    checkin_values,
    insert_marker,
    insert_sql,
    record_values,
    spike_values,
)

COLUMNS = {
    "checkins": CHECKIN_COLUMNS,
    "marker_records": RECORD_COLUMNS,
    "spikes": SPIKE_COLUMNS,
}


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


def _insert_setting(db: sqlite3.Connection, key: str, value: str) -> int:
    # The settings already in this store win: an import never overwrites them.
    sql = "INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)"
    return db.execute(sql, (key, value)).rowcount


def _insert_marker(db: sqlite3.Connection, marker: Marker) -> int:
    if db.execute("SELECT 1 FROM markers WHERE uid = ?", (marker.uid,)).fetchone():
        return 0
    taken = (
        marker.id is not None
        and db.execute("SELECT 1 FROM markers WHERE id = ?", (marker.id,)).fetchone()
    )
    insert_marker(db, marker.model_copy(update={"id": None}) if taken else marker)
    return 1
