"""Starting, killing and inspecting the child processes of the reliability suite."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORKER = HERE / "worker.py"
TEMP_MARK = "trustrepair-tmp"
# The same random choices on every run, so a failure can be reproduced.
SEED = 17


def child_env() -> dict[str, str]:
    """The environment for children: the network blocked (netblock/sitecustomize.py)."""
    path = os.pathsep.join(p for p in (str(HERE / "netblock"), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, "PYTHONPATH": path, "PYDANTIC_DISABLE_PLUGINS": "__all__"}
    env.pop("TRUSTREPAIR_HOME", None)
    return env


def start(mode: str, home: Path, *args: str, stderr: Path) -> subprocess.Popen[str]:
    with stderr.open("a") as err:
        return subprocess.Popen(
            [sys.executable, str(WORKER), mode, str(home), *args],
            stdout=subprocess.PIPE,
            stderr=err,
            stdin=subprocess.DEVNULL,
            text=True,
            env=child_env(),
        )


def kill_during(proc: subprocess.Popen[str], delay: float) -> list[str]:
    """Wait for "ready", let it work for `delay` seconds, SIGKILL it; the lines it acknowledged."""
    assert proc.stdout is not None
    first = proc.stdout.readline().strip()
    assert first == "ready", first
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "the work ended before it could be killed"
    return [line for line in out.splitlines() if line]


def integrity(db: Path) -> str:
    """SQLite's full check, after it rolls back whatever a kill left half-done (a hot journal)."""
    return str(rows(db, "PRAGMA integrity_check")[0][0])


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = sqlite3.connect(f"file:{db}?mode=rw", uri=True)
    try:
        return list(con.execute(sql))
    finally:
        con.close()


def temps(folder: Path) -> list[Path]:
    return sorted(folder.rglob(f"*{TEMP_MARK}")) if folder.exists() else []


def rng(name: str) -> random.Random:
    return random.Random(f"{SEED}-{name}")  # noqa: S311 (timing, not secrets)
