"""Export files: written whole or not at all, never a temp file left, a full disk said plainly."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, Cli

TEMP_MARK = "trustrepair-tmp"


@pytest.fixture
def filled(cli: Cli) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_full_disk_during_export_says_so_and_leaves_nothing(
    cli: Cli, filled: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    real_write = os.write
    calls = []

    def full_after_one_chunk(fd: int, data: bytes) -> int:
        calls.append(len(data))
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data[:100])

    monkeypatch.setattr(os, "write", full_after_one_chunk)
    result = cli("export", "-o", str(out / "summary.json"), code=1)
    assert "not enough disk space" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert list(out.iterdir()) == []


def test_a_full_store_disk_says_so() -> None:
    import sqlite3

    from trustrepair.store.guard import store_error

    full = sqlite3.OperationalError("database or disk is full")
    assert "not enough disk space" in store_error(Path("trustrepair.db"), full).message


def test_export_to_a_full_stdout_says_so(filled: None, home: Path) -> None:
    with open("/dev/full", "w") as full:  # noqa: PTH123
        done = subprocess.run(
            [sys.executable, "-m", "trustrepair", "export"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "TRUSTREPAIR_HOME": str(home)},
            check=False,
        )
    assert done.returncode != 0
    assert "not enough disk space" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_stale_temp_file_from_a_killed_export_is_cleaned_up(
    cli: Cli, filled: None, tmp_path: Path
) -> None:
    stale = tmp_path / f".summary.md.x1y2z3.{TEMP_MARK}"
    stale.write_text("# half a summ")
    cli("export", "-o", str(tmp_path / "summary.md"))
    assert not stale.exists()
    assert (tmp_path / "summary.md").read_text().startswith("#")


def test_an_export_leaves_no_temp_file(cli: Cli, filled: None, tmp_path: Path) -> None:
    cli("export", "-o", str(tmp_path / "summary.md"))
    cli("export", "-o", str(tmp_path / "summary.md"), "--force")
    assert leftovers(tmp_path) == []


@pytest.fixture
def tiny_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 256 kB tmpfs (root only; skipped elsewhere): a disk that really fills up."""
    folder = tmp_path / "tiny"
    folder.mkdir(mode=0o700)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_a_store_on_a_full_disk_says_so_and_keeps_what_it_had(
    cli: Cli, tiny_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    monkeypatch.setenv("TRUSTREPAIR_HOME", str(tiny_disk / "home"))
    note = "n" * 1900
    saved = 0
    for _ in range(400):
        result = cli.runner.invoke(cli_app(), ["spike", "--intensity", "3", "--note", note])
        assert "Traceback" not in result.output
        if result.exit_code != 0:
            break
        saved += 1
    else:
        pytest.fail("the disk never filled")
    assert "not enough disk space" in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    db = sqlite3.connect(tiny_disk / "home" / "profiles" / "default" / "trustrepair.db")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT count(*) FROM spikes").fetchone()[0] == saved
    db.close()
    out = cli.runner.invoke(cli_app(), ["export", "-o", str(tiny_disk / "backup.json")])
    assert out.exit_code != 0 and "not enough disk space" in out.stderr
    assert not [p for p in tiny_disk.iterdir() if p.name != "home"]  # nothing half-written


def cli_app():  # type: ignore[no-untyped-def]
    from trustrepair.cli import app

    return app
