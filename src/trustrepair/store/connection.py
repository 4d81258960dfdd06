"""Opening a store: private folders and file, refusing strange files, migrating old ones."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from trustrepair.errors import StoreError
from trustrepair.store.cipher import Unlock, connect_encrypted, driver, looks_encrypted
from trustrepair.store.core import Store
from trustrepair.store.guard import connect
from trustrepair.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

DIR_MODE = 0o700
FILE_MODE = 0o600


def open_store(path: Path, *, write: bool = True, unlock: Unlock | None = None) -> Store:
    """Open the profile's database at path, plain or encrypted alike.

    For writing, the folder (0700) and file (0600) are created when missing. For reading, a
    profile with no database yet gets an empty read-only store, and nothing is created. An
    encrypted store asks `unlock` for its passphrase; a plain one never does.
    """
    if not write and not path.exists():
        return _empty_store(path)
    if write:
        _make_private_dir(path.parent)
        if not path.exists():
            _create_private_file(path)
    store = _connect(path, unlock)
    if write:
        _tighten(path)
    return store


def _empty_store(path: Path) -> Store:
    """A store with the current schema and nothing in it, held in memory and read-only."""
    db = connect(sqlite3, ":memory:", path)
    store = Store(db, path, saved=False)
    _check_and_migrate(store)
    db.execute("PRAGMA query_only = ON")
    return store


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


def _connect(path: Path, unlock: Unlock | None) -> Store:
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a trustrepair database")
    target = f"file:{path}?mode=rw"
    if looks_encrypted(path):
        db, passphrase = connect_encrypted(path, target, unlock)
        store = Store(db, path, errors=driver().Error, passphrase=passphrase)
    else:
        store = Store(connect(sqlite3, target, path), path)
        db = store.db
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


def _tighten(path: Path) -> None:
    """A store copied in or made by an older version may be readable by others: make it ours."""
    for f in [path, *(path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm"))]:
        try:
            if f.exists() and f.stat().st_mode & 0o077:
                f.chmod(FILE_MODE)
        except OSError:
            continue  # not ours to change (another owner); the store still works
