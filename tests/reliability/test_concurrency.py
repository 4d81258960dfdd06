"""Concurrency: four writers and an exporter at once; four first commands on an empty home."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from harness import child_env, integrity, rows, start

from conftest import EXAMPLES

WRITES_EACH, EXPORTS, FIRST_USE_ROUNDS = 45, 12, 10


def test_four_writers_and_an_exporter_lose_nothing_and_every_export_agrees(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    cli = [sys.executable, "-m", "trustrepair", "--home", str(home)]
    subprocess.run(
        [*cli, "check", "--answers", str(EXAMPLES / "answers-affected.toml")],
        check=True,
        env=child_env(),
        capture_output=True,
    )
    subprocess.run(
        [*cli, "markers", "add", "Calls when running late"],
        check=True,
        env=child_env(),
        capture_output=True,
    )
    err = tmp_path / "stderr.txt"
    writers = [start("writer", home, str(WRITES_EACH), stderr=err) for _ in range(4)]
    exporter = start("exporter", home, str(EXPORTS), stderr=err)
    outputs = [p.communicate(timeout=300)[0].split() for p in [*writers, exporter]]
    assert [p.returncode for p in [*writers, exporter]] == [0] * 5, err.read_text()
    acked = {uid for out in outputs[:4] for uid in out[1:]}
    assert len(acked) == 4 * WRITES_EACH
    db = home / "profiles" / "default" / "trustrepair.db"
    stored = rows(
        db,
        "SELECT uid FROM spikes UNION ALL SELECT uid FROM checkins"
        " UNION ALL SELECT uid FROM marker_records",
    )
    assert acked <= {uid for (uid,) in stored}
    assert outputs[4][1:] == ["consistent"] * EXPORTS
    assert integrity(db) == "ok"


def test_four_first_commands_at_once_all_succeed(tmp_path: Path) -> None:
    failures = []
    for n in range(FIRST_USE_ROUNDS):
        home = tmp_path / f"home{n}"
        spike = [sys.executable, "-m", "trustrepair", "--home", str(home), "spike"]
        procs = [
            subprocess.Popen(
                [*spike, "--intensity", str(k + 1)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                stdin=subprocess.DEVNULL,
                text=True,
                env=child_env(),
            )
            for k in range(4)
        ]
        failures += [p.communicate(timeout=120)[1] for p in procs if p.wait() != 0]
        db = home / "profiles" / "default" / "trustrepair.db"
        assert rows(db, "SELECT count(*) FROM spikes") == [(4,)], failures
    assert failures == []
