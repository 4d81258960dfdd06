"""Turning SQLite's errors into one clear line with advice, for every statement."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from trustrepair import messages
from trustrepair.errors import DiskFullError, StoreError


class GuardedConnection(sqlite3.Connection):
    """Every statement's database error becomes a StoreError with advice, never a traceback."""

    path: Path

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        try:
            return super().execute(sql, parameters)
        except sqlite3.Error as exc:
            raise store_error(self.path, exc) from None


def store_error(path: Path, exc: sqlite3.Error) -> StoreError | DiskFullError:
    text = str(exc).lower()
    if "not a database" in text:
        return StoreError(messages.STORE_NOT_OURS.format(path=path))
    if "malformed" in text or "corrupt" in text:
        return StoreError(messages.STORE_DAMAGED.format(path=path))
    if "disk is full" in text or "disk i/o" in text:
        return DiskFullError(messages.DISK_FULL_STORE.format(path=path))
    if isinstance(exc, sqlite3.IntegrityError):
        return StoreError(
            f"{path}: that record already exists (the same id twice); nothing changed"
        )
    if "locked" in text or "busy" in text:
        return StoreError(f"{path} is in use by another trustrepair command; try again")
    if "readonly" in text or "unable to open" in text:
        return StoreError(f"{path} cannot be written; check its permissions")
    return StoreError(f"{path}: database error ({exc.__class__.__name__})")
