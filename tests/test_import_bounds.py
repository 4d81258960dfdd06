"""Imports hold every value to the same bounds as typed input, so no import can poison a store."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, Cli

VIEWS = [
    ["summary"],
    ["progress"],
    ["history"],
    ["markers", "list", "--all"],
    *[["export", "--format", f] for f in ("markdown", "html", "json", "toml")],
]


@pytest.fixture
def backup(cli: Cli, home: Path, tmp_path: Path) -> dict[str, Any]:
    """A full backup with one of every record, made by the tool itself."""
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    cli("markers", "add", "Tells me the same day when plans change")
    cli("markers", "record", "1", "--shown", "--note", "on time")
    cli("spike", "--intensity", "5", "--minutes", "20", "--note", "at the station")
    data = cli.json("export", "--format", "json")
    assert isinstance(data, dict)
    import shutil

    shutil.rmtree(home)
    return data


def mutated(data: dict[str, Any], where: str, value: object) -> dict[str, Any]:
    out = copy.deepcopy(data)
    *path, last = where.split(".")
    node: Any = out["data"]
    for step in path:
        node = node[int(step)] if step.isdigit() else node[step]
    node[last] = value
    return out


POISON = [
    ("spikes.0.utc_offset_minutes", 1440),
    ("checkins.0.utc_offset_minutes", -1440),
    ("markers.0.utc_offset_minutes", 10**6),
    ("checkins.0.created_utc", "0001-01-01T00:00:00+00:00"),
    ("checkins.0.created_utc", "9999-12-31T23:59:59+00:00"),
    ("marker_records.0.on_date", "2099-01-01"),
    ("marker_records.0.created_utc", "9999-12-31T23:00:00+00:00"),
    ("markers.0.created_utc", "0001-01-01T00:00:00+00:00"),
    ("markers.0.retired_utc", "9999-12-31T23:00:00+00:00"),
    ("spikes.0.at_utc", "2099-06-01T12:00:00+00:00"),
    ("markers.0.id", 2**70),
    ("markers.0.id", -5),
    ("checkins.0.bank_version", "x" * 100_000),
]


@pytest.mark.parametrize(("where", "value"), POISON, ids=[f"{w}={str(v)[:12]}" for w, v in POISON])
def test_an_out_of_bounds_value_is_refused_and_nothing_is_written(
    cli: Cli, home: Path, tmp_path: Path, backup: dict[str, Any], where: str, value: object
) -> None:
    file = tmp_path / "backup.json"
    file.write_text(json.dumps(mutated(backup, where, value)), encoding="utf-8")
    result = cli("import", "--yes", str(file), code=2)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "backup.json" in result.stderr
    assert not (home / "profiles" / "default" / "trustrepair.db").exists()


def test_the_unmutated_backup_imports_and_every_view_works(
    cli: Cli, tmp_path: Path, backup: dict[str, Any]
) -> None:
    file = tmp_path / "backup.json"
    file.write_text(json.dumps(backup), encoding="utf-8")
    cli("import", "--yes", str(file))
    for view in VIEWS:
        cli(*view)


SQL_POISON = [
    ("spikes", "note", "'MYSECRET' || char(27) || ']0;pwned' || char(7)"),
    ("markers", "text", "'MYSECRET ' || printf('%.3200c', 'x')"),
    ("spikes", "uid", "'MYSECRET'"),
]


@pytest.mark.parametrize(("table", "column", "value"), SQL_POISON, ids=[p[1] for p in SQL_POISON])
def test_a_data_backup_made_elsewhere_is_checked_like_an_export(
    cli: Cli, home: Path, tmp_path: Path, table: str, column: str, value: str
) -> None:
    # A backup file is data arriving: its rows are held to the bounds an import file is.
    import sqlite3

    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    cli("markers", "add", "Tells me the same day when plans change")
    cli("spike", "--minutes", "20", "--note", "at the station")
    file = tmp_path / "backup.db"
    cli("data", "backup", str(file))
    db = sqlite3.connect(file)
    with db:
        db.execute(f"UPDATE {table} SET {column} = {value}")  # noqa: S608 - the test's own SQL
    db.close()
    result = cli("--profile", "other", "import", "--yes", str(file), code=2)
    assert len(result.stderr.strip().splitlines()) == 1
    assert "backup.db" in result.stderr and "MYSECRET" not in result.stderr
    assert not (home / "profiles" / "other" / "trustrepair.db").exists()


def test_an_overlong_marker_in_an_import_is_named_in_characters(
    cli: Cli, tmp_path: Path, backup: dict[str, Any]
) -> None:
    file = tmp_path / "backup.json"
    file.write_text(json.dumps(mutated(backup, "markers.0.text", "x" * 560)), encoding="utf-8")
    result = cli("import", "--yes", str(file), code=2)
    assert "data.markers.0.text: String should have at most 500 characters" in result.stderr
