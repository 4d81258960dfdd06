"""The schema, versioned with PRAGMA user_version and moved forward by named steps.

Append only: step N moves a store from user_version N-1 to N. Each step is tested on a store
made by the version before it (tests/test_store.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

APPLICATION_ID = 0x54525052  # "TRPR": marks a file as a trustrepair database


def create_checkins(db: sqlite3.Connection) -> None:
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


def create_markers(db: sqlite3.Connection) -> None:
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


def create_spikes(db: sqlite3.Connection) -> None:
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


def create_change_log(db: sqlite3.Connection) -> None:
    from trustrepair.store import changes  # the log's own module, loaded only to migrate

    changes.create_change_log(db)


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("create_checkins", create_checkins),
    ("create_markers", create_markers),
    ("create_spikes", create_spikes),
    ("create_change_log", create_change_log),
]
SCHEMA_VERSION = len(MIGRATIONS)


def is_trustrepair_database(path: Path) -> bool:
    """Whether a file is one of ours, read from its header without opening it as a database.

    An empty file counts: the store creates one moments before giving it its schema. So does
    an encrypted one, which cannot be read without its passphrase.
    """
    from trustrepair.store.cipher import looks_encrypted

    if looks_encrypted(path):
        return True
    from trustrepair.safe_read import head

    header = head(path, 72)
    if not header:
        return path.is_file() and not path.is_symlink() and path.stat().st_size == 0
    app_id = int.from_bytes(header[68:72], "big") if len(header) >= 72 else 0
    return header.startswith(b"SQLite format 3\x00") and app_id == APPLICATION_ID
