"""SIGKILL during writes, imports, exports and first creation: nothing acknowledged is lost.

Every kill lands at a random (seeded) moment while a child process works in a loop. After each
one the store must pass SQLite's integrity_check and hold every record the child acknowledged;
an import must be there whole or not at all; an export file whole or absent, with no temp file
left once the next run has started. 215 kills in all (see KILLS).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from harness import integrity, kill_during, rng, rows, start, temps

from trustrepair.store import SCHEMA_VERSION

KILLS = {"writes": 60, "imports": 50, "exports": 55, "first_use": 50}


def db_of(home: Path, profile: str = "default") -> Path:
    return home / "profiles" / profile / "trustrepair.db"


def stored_uids(db: Path) -> set[object]:
    found = rows(db, "SELECT uid FROM spikes UNION ALL SELECT uid FROM marker_records")
    return {uid for (uid,) in found}


def test_kills_during_writes_lose_no_acknowledged_record(tmp_path: Path) -> None:
    home, chance, acked, mid_write = tmp_path / "home", rng("writes"), set(), 0
    for n in range(KILLS["writes"]):
        proc = start("writes", home, stderr=tmp_path / "stderr.txt")
        acked |= set(kill_during(proc, chance.uniform(0.0, 0.3)))
        mid_write += hot_journal(db_of(home))
        assert integrity(db_of(home)) == "ok", n
        assert acked <= stored_uids(db_of(home)), n
    assert len(acked) > KILLS["writes"]  # the kills landed while work was being done
    print(
        f"\nwrites: {KILLS['writes']} kills, {len(acked)} acknowledged records, all kept;"
        f" {mid_write} kills left a transaction half-done (rolled back)"
    )


def hot_journal(db: Path) -> bool:
    """A rollback journal left behind: the kill landed inside a write transaction."""
    journal = db.with_name(db.name + "-journal")
    return journal.exists() and journal.stat().st_size > 0


@pytest.fixture(scope="module")
def backup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A JSON backup of four months of generated history, and how many spikes it holds."""
    import datetime as dt
    from dataclasses import replace

    from harness import child_env

    from trustrepair.bank import load_bank
    from trustrepair.generate import history, three_years
    from trustrepair.workspace import Workspace, fill_profile

    folder = tmp_path_factory.mktemp("backup")
    space = Workspace(folder / "home", "default")
    shape = replace(three_years(), days=120)
    fill_profile(
        space, history(load_bank(), "affected", seed=3, today=dt.date.today(), shape=shape)
    )
    target = folder / "backup.json"
    import subprocess
    import sys

    subprocess.run(
        [
            sys.executable,
            "-m",
            "trustrepair",
            "--home",
            str(space.home),
            "export",
            "-o",
            str(target),
        ],
        check=True,
        env=child_env(),
        capture_output=True,
    )
    spikes = len(json.loads(target.read_text())["data"]["spikes"])
    assert spikes > 100
    return target, spikes


def test_kills_during_imports_leave_all_of_it_or_none(
    tmp_path: Path, backup: tuple[Path, int]
) -> None:
    file, spikes = backup
    home, chance, whole, none = tmp_path / "home", rng("imports"), 0, 0
    for n in range(KILLS["imports"]):
        shutil.rmtree(home, ignore_errors=True)
        proc = start("imports", home, str(file), stderr=tmp_path / "stderr.txt")
        acked = set(kill_during(proc, chance.uniform(0.0, 0.6)))
        for profile in (
            sorted((home / "profiles").iterdir()) if (home / "profiles").exists() else []
        ):
            db = profile / "trustrepair.db"
            if not db.exists():
                continue
            assert integrity(db) == "ok", (n, profile.name)
            (count,) = rows(db, "SELECT count(*) FROM spikes")[0]
            assert count in (0, spikes), (n, profile.name, count)  # never half an import
            if profile.name in acked:
                assert count == spikes
            whole, none = whole + (count == spikes), none + (count == 0)
    print(
        f"\nimports: {KILLS['imports']} kills, {whole} imports whole, {none} stores left with"
        " none of the import, 0 half"
    )


def test_kills_during_exports_leave_a_whole_file_or_none(tmp_path: Path) -> None:
    home, out, chance = tmp_path / "home", tmp_path / "out", rng("exports")
    out.mkdir()
    _seed_store(home)
    target = out / "backup.json"
    left_temp = 0
    for n in range(KILLS["exports"]):
        proc = start("exports", home, str(target), stderr=tmp_path / "stderr.txt")
        kill_during(proc, chance.uniform(0.0, 0.4))
        if target.exists():
            assert json.loads(target.read_text())["app"] == "trustrepair", n  # whole, never cut
        left_temp += len(temps(out))
        assert sorted(p.name for p in out.iterdir() if p.name != target.name) == [
            p.name for p in temps(out)
        ], n  # nothing but marked temps, which the next run removes
    import subprocess
    import sys

    from harness import child_env

    next_run = [sys.executable, "-m", "trustrepair", "--home", str(home), "export"]
    subprocess.run([*next_run, "-o", str(target), "--force"], check=True, env=child_env())
    assert [p.name for p in out.iterdir()] == [target.name]  # the next run cleaned up
    print(f"exports: {KILLS['exports']} kills, {left_temp} left a marked temp file")


def _seed_store(home: Path) -> None:
    from trustrepair.models import now_utc
    from trustrepair.spikes import new_spike
    from trustrepair.workspace import Workspace

    with Workspace(home, "default").writing() as store:
        for n in range(200):
            store.add_spike(new_spike(now_utc(), intensity=n % 10 + 1, note=f"note {n}"))


def test_kills_during_first_creation_leave_a_whole_store_or_none(tmp_path: Path) -> None:
    from trustrepair.workspace import Workspace

    chance = rng("first_use")
    for n in range(KILLS["first_use"]):
        home = tmp_path / f"home{n}"
        proc = start("first_use", home, stderr=tmp_path / "stderr.txt")
        acked = set(kill_during_or_finish(proc, chance.uniform(0.0, 0.04)))
        db = db_of(home)
        if db.exists():
            assert integrity(db) == "ok", n
            assert rows(db, "PRAGMA user_version") == [(SCHEMA_VERSION,)], n
        assert acked <= (stored_uids(db) if db.exists() else set()), n
        with Workspace(home, "default").writing() as store:  # the next run
            store.schema_version  # noqa: B018
        assert temps(home) == [], n  # whatever the kill left, the next run cleaned up


def kill_during_or_finish(proc, delay):  # type: ignore[no-untyped-def]
    """First creation is quick: the child may finish before the kill lands; both are fine."""
    import signal
    import time

    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=60)
    return [line for line in out.splitlines() if line]
