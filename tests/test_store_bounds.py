"""A store left out of bounds by an older version or a hand edit: one line naming the record."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import EXAMPLES, Cli
from trustrepair.cli import app

VIEWS = [["summary"], ["progress"], ["history"], ["markers", "list", "--all"]]
EXPORTS = [["export", "--format", f] for f in ("markdown", "html", "json", "toml")]

EDITS = [
    ("spikes", "utc_offset_minutes", 1440),
    ("spikes", "at_utc", "9999-12-31T23:59:59+00:00"),
    ("spikes", "at_utc", "yesterday"),
    ("spikes", "intensity", 99),
    ("checkins", "utc_offset_minutes", -1440),
    ("checkins", "created_utc", "0001-01-01T00:00:00+00:00"),
    ("checkins", "answers", "{not json"),
    ("markers", "utc_offset_minutes", 100_000),
    ("markers", "id", 2**62),
    ("markers", "retired_utc", "9999-12-31T23:00:00+00:00"),
    ("marker_records", "on_date", "0001-01-01"),
    ("marker_records", "on_date", "2026-13-45"),
    ("marker_records", "created_utc", 12),
    ("marker_records", "note", b"\x00bytes"),
    ("spikes", "note", b"\x00bytes"),
    ("spikes", "trigger", b"bytes"),
]


@pytest.fixture
def store(cli: Cli, home: Path) -> Path:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    cli("markers", "add", "Tells me the same day when plans change")
    cli("markers", "record", "1", "--shown")
    cli("spike", "--intensity", "5")
    return home / "profiles" / "default" / "trustrepair.db"


def hand_edit(path: Path, table: str, column: str, value: object) -> str:
    db = sqlite3.connect(path)
    uid = db.execute(f"SELECT uid FROM {table}").fetchone()[0]  # noqa: S608
    db.execute(f"UPDATE {table} SET {column} = ?", (value,))  # noqa: S608
    db.commit()
    db.close()
    return str(uid)


@pytest.mark.parametrize(("table", "column", "value"), EDITS, ids=[f"{t}.{c}" for t, c, _ in EDITS])
def test_views_show_or_name_the_record_and_exports_name_it(
    cli: Cli, store: Path, table: str, column: str, value: object
) -> None:
    uid = hand_edit(store, table, column, value)
    for view in VIEWS:
        result = cli.runner.invoke(app, view)
        assert "Traceback" not in result.output
        assert result.exit_code in (0, 3), (view, result.output, result.exception)
        if result.exit_code == 3:
            assert uid in result.stderr, view
            assert len(result.stderr.strip().splitlines()) == 1, (view, result.stderr)
    # An export must be importable again, so it names the record rather than carry it on.
    for export in EXPORTS:
        result = cli(*export, code=3)
        assert uid in result.stderr, export
        assert len(result.stderr.strip().splitlines()) == 1, (export, result.stderr)
