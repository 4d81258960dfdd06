"""Turning database errors into one clear line with advice, for every statement.

Plain stores use the standard library's sqlite3, encrypted ones sqlcipher3. The two raise their
own exception classes, so a guarded connection class is made per driver and knows its errors.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from trustrepair.errors import StoreError


@cache
def guarded(driver: ModuleType) -> type[sqlite3.Connection]:
    """A connection class for driver whose every statement error becomes a StoreError."""
    errors: type[Exception] = driver.Error

    class Guarded(driver.Connection):  # type: ignore[misc,name-defined]
        path: Path

        def execute(self, sql: str, parameters: Any = (), /) -> Any:
            try:
                return super().execute(sql, parameters)
            except errors as exc:
                raise store_error(self.path, exc) from None

    Guarded.__name__ = Guarded.__qualname__ = "GuardedConnection"
    return Guarded


GuardedConnection = guarded(sqlite3)


def connect(driver: ModuleType, target: str, path: Path) -> sqlite3.Connection:
    """A guarded connection (autocommit, rows by name) whose errors name path."""
    try:
        db: sqlite3.Connection = driver.connect(
            target, uri=True, isolation_level=None, factory=guarded(driver)
        )
    except driver.Error as exc:
        raise store_error(path, exc) from None
    db.path = path  # type: ignore[attr-defined]
    db.row_factory = driver.Row
    return db


def store_error(path: Path, exc: Exception) -> StoreError:
    """One line for a database error: never the SQL, never a value from it."""
    text = str(exc).lower()
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError(
            f"{path} is damaged or not a trustrepair database; it was left untouched. "
            "Move it aside; a backup can be restored into a new store with trustrepair import"
        )
    if type(exc).__name__ == "IntegrityError":
        return StoreError(
            f"{path}: that record already exists (the same id twice); nothing changed"
        )
    if "locked" in text or "busy" in text:
        return StoreError(f"{path} is in use by another trustrepair command; try again")
    if "readonly" in text or "unable to open" in text:
        return StoreError(f"{path} cannot be written; check its permissions")
    return StoreError(f"{path}: database error ({exc.__class__.__name__})")
