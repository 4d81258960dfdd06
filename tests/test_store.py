"""The store: private files, one transaction per write, versioned schema, refusing strange files."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest

from conftest import EXAMPLES, Cli
from trustrepair import store as store_mod
from trustrepair.errors import NotFoundError, StoreError
from trustrepair.models import CheckIn, Marker, MarkerRecord, Spike, now_utc


def db_path(home: Path) -> Path:
    return home / "profiles" / "default" / "trustrepair.db"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def a_checkin() -> CheckIn:
    return CheckIn(
        role="affected",
        bank_version="test",
        answers={"afraid": False, "ongoing": "ended"},
        statuses={"accountability": "partial"},
    )


def test_folders_are_0700_and_the_file_0600(cli: Cli, home: Path) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    for folder in (home, home / "profiles", home / "profiles" / "default"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(db_path(home).stat().st_mode) == 0o600


def test_existing_loose_folder_is_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "loose" / "profiles" / "default"
    folder.mkdir(parents=True, mode=0o755)
    store_mod.open_store(folder / "trustrepair.db").close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_checkins_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "s" / "trustrepair.db"
    s = store_mod.open_store(path)
    saved = a_checkin()
    s.add_checkin(saved)
    s.close()
    again = store_mod.open_store(path, write=False)
    assert again.checkins() == [saved]
    again.close()


def test_an_interrupted_write_leaves_nothing(tmp_path: Path) -> None:
    s = store_mod.open_store(tmp_path / "trustrepair.db")
    with pytest.raises(KeyboardInterrupt), s.transaction() as db:
        db.execute("INSERT INTO settings VALUES ('discovered', '2025-01-01')")
        raise KeyboardInterrupt
    assert s.setting("discovered") is None
    s.close()


def test_reading_a_missing_store_gives_an_empty_one_and_creates_nothing(home: Path) -> None:
    empty = store_mod.open_store(db_path(home), write=False)
    assert not empty.saved
    assert (empty.checkins(), empty.markers(), empty.spikes()) == ([], [], [])
    with pytest.raises(StoreError):
        empty.set_setting("discovered", "2025-01-01")
    empty.close()
    assert not home.exists()


def test_a_text_file_is_refused_and_left_alone(cli: Cli, home: Path) -> None:
    path = db_path(home)
    path.parent.mkdir(parents=True)
    path.write_text("my diary, not a database\n" * 100)
    before = digest(path)
    result = cli("summary", code=3)
    assert "not a trustrepair database" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"), code=3)
    assert digest(path) == before


def test_another_apps_sqlite_database_is_refused(cli: Cli, home: Path) -> None:
    path = db_path(home)
    path.parent.mkdir(parents=True)
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE photos (id INTEGER)")
    other.commit()
    other.close()
    before = digest(path)
    assert "not a trustrepair database" in cli("history", code=3).stderr
    assert digest(path) == before


def test_a_damaged_database_is_refused_and_left_alone(cli: Cli, home: Path) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    path = db_path(home)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # trash the first page after the header
    path.write_bytes(bytes(data))
    before = digest(path)
    result = cli("summary", code=3)
    assert "damaged" in result.stderr or "not a trustrepair database" in result.stderr
    assert digest(path) == before


def test_a_store_from_a_newer_version_is_refused(cli: Cli, home: Path) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    path = db_path(home)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {store_mod.SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = digest(path)
    result = cli("summary", code=3)
    assert "newer trustrepair" in result.stderr
    assert "upgrade" in result.stderr
    assert digest(path) == before


def make_store_at(path: Path, version: int) -> None:
    """A store as an older trustrepair left it: the first `version` migration steps."""
    db = sqlite3.connect(path, isolation_level=None)
    for _name, step in store_mod.MIGRATIONS[:version]:
        step(db)
    db.execute(f"PRAGMA application_id = {store_mod.APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {version}")
    db.close()


def fill(s: store_mod.Store, version: int) -> None:
    """Put a record in every table that exists at this version."""
    if version >= 1:
        s.add_checkin(a_checkin())
        s.set_setting("discovered", "2025-02-28")
    if version >= 2:
        marker = s.add_marker(Marker(text="Texts me when plans change"))
        s.add_marker_record(
            MarkerRecord(marker_uid=marker.uid, on_date=now_utc().date(), shown=True)
        )
    if version >= 3:
        s.add_spike(Spike(at_utc=now_utc(), utc_offset_minutes=60, minutes=20, intensity=6))


@pytest.mark.parametrize(
    "version", range(1, store_mod.SCHEMA_VERSION), ids=[n for n, _ in store_mod.MIGRATIONS[1:]]
)
def test_each_migration_step_keeps_what_the_previous_version_stored(
    tmp_path: Path, version: int
) -> None:
    path = tmp_path / "trustrepair.db"
    make_store_at(path, version)
    # Write this version's data through a store object that only knows these tables.
    old = store_mod.Store(sqlite3.connect(path, isolation_level=None), path)
    old.db.row_factory = sqlite3.Row
    fill(old, version)
    before = {
        t: old.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
        for (t,) in old.db.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    old.close()
    upgraded = store_mod.open_store(path)
    assert upgraded.schema_version == store_mod.SCHEMA_VERSION
    for table, count in before.items():
        now = upgraded.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        assert now == count, table
    assert upgraded.checkins()[0].answers == {"afraid": False, "ongoing": "ended"}
    fill(upgraded, store_mod.SCHEMA_VERSION)  # and the new tables work
    upgraded.close()


def test_a_fresh_store_is_at_the_latest_version(tmp_path: Path) -> None:
    s = store_mod.open_store(tmp_path / "trustrepair.db")
    assert s.schema_version == store_mod.SCHEMA_VERSION
    s.close()


def test_unknown_marker_is_a_clear_error(tmp_path: Path) -> None:
    s = store_mod.open_store(tmp_path / "trustrepair.db")
    with pytest.raises(NotFoundError, match="no marker with id 42"):
        s.marker(42)
    s.close()
