"""`records list` in SQL: the newest records by local time, read only as far as shown."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from trustrepair.models import CheckIn, Marker, MarkerRecord, Spike, as_local
from trustrepair.store import Store, open_store

TABLES = ["checkins", "spikes", "markers", "marker_records"]
START = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)


def local_key(record: object) -> dt.datetime:
    """The order people see: the wall-clock time where each record was made."""
    if isinstance(record, MarkerRecord):
        return dt.datetime.combine(record.on_date, dt.time.min)
    assert isinstance(record, CheckIn | Spike | Marker)
    moment = record.at_utc if isinstance(record, Spike) else record.created_utc
    return as_local(moment, record.utc_offset_minutes).replace(tzinfo=None)


def every_record_sorted(store: Store, tables: list[str]) -> list[tuple[str, int, object]]:
    """Every record read and sorted in Python: what the SQL must agree with."""
    found = [(t, n, r) for t in tables for n, r in store.numbered(t)]
    return sorted(found, key=lambda e: (local_key(e[2]), e[1]), reverse=True)


@pytest.fixture
def mixed(tmp_path: Path) -> Store:
    """Records made in time zones from UTC-10 to UTC+14, so UTC order is not local order."""
    rng = random.Random(15)  # noqa: S311 - a fixed seed: the same mix every run
    store = open_store(tmp_path / "s" / "trustrepair.db")
    marker = store.add_marker(
        Marker(text="Calls when late", created_utc=START, utc_offset_minutes=0)
    )
    for i in range(40):
        at = START + dt.timedelta(hours=rng.randrange(0, 24 * 12))
        offset = rng.choice([-600, -300, 0, 60, 330, 840])
        store.add_spike(Spike(at_utc=at, utc_offset_minutes=offset, intensity=1 + i % 10))
        if i % 8 == 0:
            store.add_checkin(
                CheckIn(
                    created_utc=at,  # the same moment as a spike: the higher number goes first
                    utc_offset_minutes=offset,
                    role="affected",
                    bank_version="test",
                    answers={},
                    statuses={},
                )
            )
        if i % 5 == 0:
            day = (START + dt.timedelta(days=rng.randrange(0, 12))).date()
            store.add_marker_record(MarkerRecord(marker_uid=marker.uid, on_date=day, shown=True))
    return store


@pytest.mark.parametrize("limit", [1, 7, 20, None])
def test_the_newest_are_those_every_record_sorted_would_show_first(
    mixed: Store, limit: int | None
) -> None:
    expected = every_record_sorted(mixed, TABLES)
    assert mixed.newest_numbered(TABLES, limit=limit) == expected[:limit]
    assert mixed.count_numbered(TABLES) == len(expected) == 40 + 5 + 1 + 8


def test_kinds_and_since_are_chosen_in_sql_before_the_limit(mixed: Store) -> None:
    since = dt.date(2026, 3, 7)
    wanted = [
        e
        for e in every_record_sorted(mixed, ["spikes", "checkins"])
        if local_key(e[2]).date() >= since
    ]
    found = mixed.newest_numbered(["spikes", "checkins"], since=since, limit=5)
    assert found == wanted[:5]
    assert mixed.count_numbered(["spikes", "checkins"], since=since) == len(wanted)
    assert mixed.newest_numbered(["marker_records"], since=dt.date(2027, 1, 1)) == []
