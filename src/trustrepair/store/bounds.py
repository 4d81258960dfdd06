"""Finding a record that an older version or a hand edit left out of bounds.

Views and exports compute with every stored value (local times, weeks, dates), so one value
out of range would end in a traceback. This scan (about 5 ms on the 3-year store) runs when
reading a store has failed, so the error can name the record in one line instead, and before
every export, so no export carries a value an import would refuse.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from trustrepair import messages
from trustrepair.errors import StoreError
from trustrepair.models.base import MARKER_ID_MAX, OFFSET_LIMIT

# A store is read with looser bounds than an import is checked with: records age, so the
# "10 years back" of typed input applies on the day they are written, not forever.
FIRST_YEAR, LAST_YEAR = 1900, 2199


def _moment(column: str, *, nullable: bool = False) -> str:
    """SQL true when column is not a readable time (or date) within the stored years."""
    bad = (
        f"typeof({column}) != 'text' OR datetime({column}) IS NULL"
        f" OR CAST(substr({column}, 1, 4) AS INTEGER) NOT BETWEEN {FIRST_YEAR} AND {LAST_YEAR}"
    )
    return f"({column} IS NOT NULL AND ({bad}))" if nullable else f"({column} IS NULL OR {bad})"


def _day(column: str) -> str:
    return f"({_moment(column)} OR date({column}) != {column})"


def _offset(column: str) -> str:
    return _whole(column, -OFFSET_LIMIT, OFFSET_LIMIT)


def _whole(column: str, low: int, high: int) -> str:
    return f"(typeof({column}) != 'integer' OR {column} NOT BETWEEN {low} AND {high})"


def _text(column: str) -> str:
    """SQL true when an optional text column holds something else (a number, bytes)."""
    return f"({column} IS NOT NULL AND typeof({column}) != 'text')"


def _between(column: str, low: int, high: int) -> str:
    return f"({column} IS NOT NULL AND {_whole(column, low, high)})"


# (table, what a person calls it, the condition that makes a row out of bounds)
CHECKS: list[tuple[str, str, str]] = [
    (
        "checkins",
        "check-in",
        " OR ".join(
            [
                _moment("created_utc"),
                _offset("utc_offset_minutes"),
                "role NOT IN ('affected', 'betraying')",
                "json_valid(answers) = 0 OR json_type(answers) != 'object'",
                "json_valid(statuses) = 0 OR json_type(statuses) != 'object'",
            ]
        ),
    ),
    (
        "markers",
        "marker",
        " OR ".join(
            [
                f"typeof(id) != 'integer' OR id NOT BETWEEN 1 AND {MARKER_ID_MAX}",
                _moment("created_utc"),
                _moment("retired_utc", nullable=True),
                _offset("utc_offset_minutes"),
                "typeof(text) != 'text' OR length(trim(text)) = 0",
            ]
        ),
    ),
    (
        "marker_records",
        "marker record",
        " OR ".join(
            [
                _day("on_date"),
                _moment("created_utc"),
                "shown NOT IN (0, 1)",
                "marker_uid NOT IN (SELECT uid FROM markers)",
                _text("note"),
            ]
        ),
    ),
    (
        "spikes",
        "spike",
        " OR ".join(
            [
                _moment("at_utc"),
                _offset("utc_offset_minutes"),
                _between("minutes", 0, 7 * 24 * 60),
                _between("intensity", 1, 10),
                _text("trigger"),
                _text("note"),
            ]
        ),
    ),
]


def first_out_of_bounds(db: sqlite3.Connection) -> tuple[str, str] | None:
    """(what, uid) of the first record a view could not compute with, or None."""
    for table, kind, condition in CHECKS:
        row = db.execute(f"SELECT uid FROM {table} WHERE {condition} LIMIT 1").fetchone()  # noqa: S608
        if row is not None:
            return kind, str(row[0])
    return None


# What reading or computing with an out-of-range value raises (dates, offsets, JSON, models).
OUT_OF_RANGE = (ValueError, OverflowError, TypeError, ValidationError)


def refuse_out_of_bounds(db: sqlite3.Connection, path: Path) -> None:
    found = first_out_of_bounds(db)
    if found is not None:
        kind, uid = found
        raise StoreError(messages.STORE_OUT_OF_BOUNDS.format(path=path, kind=kind, uid=uid))


@contextmanager
def naming_bad_records(db: sqlite3.Connection, path: Path) -> Iterator[None]:
    """Turn a failure to read or compute with a stored value into one line naming the record."""
    try:
        yield
    except OUT_OF_RANGE:
        refuse_out_of_bounds(db, path)
        raise
