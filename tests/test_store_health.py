"""A damaged store is refused for writes as well as reads, with a way to recover."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import Cli, insert_spikes
from trustrepair.models import now_utc
from trustrepair.spikes import new_spike

PAGE = 4096


def db_path(home: Path) -> Path:
    return home / "profiles" / "default" / "trustrepair.db"


def damaged_store(cli: Cli, home: Path) -> Path:
    """A store with a marker and 2,000 spikes, then 5 of its pages overwritten."""
    cli("markers", "add", "Tells me the same day when plans change")
    insert_spikes(home, [new_spike(now_utc(), intensity=5) for _ in range(2000)])
    path = db_path(home)
    size = path.stat().st_size
    assert size > 12 * PAGE
    with path.open("r+b") as handle:
        for page in range(4, 9):  # page 1 (the header) stays, so the file still looks like ours
            handle.seek(page * PAGE)
            handle.write(b"\xa5" * PAGE)
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["spike", "--intensity", "4"],
        ["markers", "record", "1", "--shown"],
        ["markers", "add", "Calls when running late"],
    ],
)
def test_a_damaged_store_refuses_writes(cli: Cli, home: Path, command: list[str]) -> None:
    path = damaged_store(cli, home)
    before = path.read_bytes()
    result = cli(*command, code=3)
    assert "damaged" in result.stderr
    assert "trustrepair import" in result.stderr  # the way back: restore from an export
    assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before


def test_a_healthy_store_takes_writes(cli: Cli, home: Path) -> None:
    cli("spike", "--intensity", "4")
    cli("spike", "--intensity", "5")
    assert db_path(home).is_file()


def test_marker_edits_on_a_damaged_store_are_refused(cli: Cli, home: Path) -> None:
    """`markers record/edit/retire` open an existing store: they are writes all the same."""
    from trustrepair.store import open_store

    path = damaged_store(cli, home)
    store = open_store(path, write=False)
    from trustrepair.errors import StoreError

    with pytest.raises(StoreError, match="damaged"):
        store.set_setting("discovered", "2025-01-01")
    store.close()
