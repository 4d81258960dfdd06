"""Time `trustrepair markers list` and `summary` on a synthetic three-year store.

Eight markers, records on most days for three years (about 4,000 records). Run from the repo
root:  .venv/bin/python benchmarks/markers_list.py
Never used as a timed assertion in tests; it prints numbers for a person to read.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from trustrepair.models import Marker, MarkerRecord
from trustrepair.store import open_store

MARKERS = 8
YEARS = 3


def build(home: Path) -> int:
    rng = random.Random(7)
    store = open_store(home / "profiles" / "default" / "trustrepair.db")
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=365 * YEARS)
    made = [
        store.add_marker(
            Marker(text=f"Texts me before leaving work, marker {i}", created_utc=start)
        )
        for i in range(MARKERS)
    ]
    records = []
    for day in range(365 * YEARS):
        on = start.date() + dt.timedelta(days=day)
        for m in made:
            if rng.random() < 0.46:  # about 4,000 records over three years
                records.append(MarkerRecord(marker_uid=m.uid, on_date=on, shown=rng.random() < 0.8))
    with store.transaction() as db:
        for r in records:
            db.execute(
                "INSERT INTO marker_records (uid, marker_uid, on_date, shown, note, created_utc)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (r.uid, r.marker_uid, r.on_date.isoformat(), int(r.shown), r.note, "2026-01-01"),
            )
    store.close()
    return len(records)


def timed(args: list[str], home: Path, runs: int = 5) -> float:
    env = {**os.environ, "TRUSTREPAIR_HOME": str(home), "COLUMNS": "100"}
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "trustrepair", *args], env=env, check=True, capture_output=True
        )
        best = min(best, time.perf_counter() - began)
    return best


def in_process(home: Path, runs: int = 20) -> float:
    from trustrepair.bank import load_bank
    from trustrepair.markers import counted_since
    from trustrepair.report import marker_views
    from trustrepair.store import open_store

    bank, today = load_bank(), dt.date.today()
    best = float("inf")
    for _ in range(runs):
        began = time.perf_counter()
        store = open_store(home / "profiles" / "default" / "trustrepair.db", write=False)
        if not store.saved:
            raise SystemExit("the synthetic store is missing")
        marker_views(bank, store.markers(), store.marker_counts(counted_since(today)), today)
        store.close()
        best = min(best, time.perf_counter() - began)
    return best


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        n = build(home)
        print(f"{MARKERS} markers, {n} records over {YEARS} years")
        print(f"store + coach + consistency, in process: {in_process(home) * 1000:.1f} ms")
        listing = timed(["markers", "list"], home) * 1000
        baseline = timed(["--version"], home) * 1000
        print(f"`markers list`, whole process, best of 5: {listing:.0f} ms")
        print(f"`--version` start-up baseline, best of 5: {baseline:.0f} ms")


if __name__ == "__main__":
    main()
