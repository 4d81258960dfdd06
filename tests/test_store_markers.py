"""Marker storage: counts in SQL agree with the pure functions; writes are all or nothing."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustrepair.errors import NotFoundError, StoreError
from trustrepair.markers import counts_from_records
from trustrepair.models import CheckIn, Marker, MarkerRecord
from trustrepair.store import open_store

SINCE = dt.date(2026, 1, 1)


def checkin() -> CheckIn:
    return CheckIn(
        role="affected",
        bank_version="test",
        answers={"ap_marker_text": "x"},
        statuses={"accountability": "unclear"},
    )


def test_a_checkin_and_its_markers_are_saved_together(tmp_path: Path) -> None:
    store = open_store(tmp_path / "t.db")
    saved = store.add_checkin(checkin(), [Marker(text="one"), Marker(text="two")])
    assert [m.id for m in saved] == [1, 2]
    assert [m.text for m in store.markers()] == ["one", "two"]
    assert len(store.checkins()) == 1


def test_a_failing_marker_rolls_the_checkin_back(tmp_path: Path) -> None:
    store = open_store(tmp_path / "t.db")
    first = store.add_marker(Marker(text="already here"))
    clash = Marker(uid=first.uid, text="same uid")
    with pytest.raises(StoreError, match="already exists"):
        store.add_checkin(checkin(), [Marker(text="fine"), clash])
    assert store.checkins() == []
    assert [m.text for m in store.markers()] == ["already here"]


def test_edit_and_retire_name_a_missing_marker(tmp_path: Path) -> None:
    store = open_store(tmp_path / "t.db")
    with pytest.raises(NotFoundError, match="no marker with id 3"):
        store.update_marker_text(3, "x")
    with pytest.raises(NotFoundError):
        store.retire_marker(3, dt.datetime.now(dt.UTC))


def test_retiring_twice_keeps_the_first_date(tmp_path: Path) -> None:
    store = open_store(tmp_path / "t.db")
    store.add_marker(Marker(text="m"))
    first = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    store.retire_marker(1, first)
    again = store.retire_marker(1, dt.datetime(2026, 2, 1, tzinfo=dt.UTC))
    assert again.retired_utc == first
    assert store.markers(include_retired=False) == []
    assert len(store.markers()) == 1


def test_latest_records_come_newest_first(tmp_path: Path) -> None:
    store = open_store(tmp_path / "t.db")
    m = store.add_marker(Marker(text="m"))
    for day in (3, 1, 2):
        store.add_marker_record(
            MarkerRecord(marker_uid=m.uid, on_date=dt.date(2026, 1, day), shown=True)
        )
    latest = store.marker_records(m.uid, newest_first=True, limit=2)
    assert [r.on_date.day for r in latest] == [3, 2]


days = st.dates(min_value=dt.date(2025, 10, 1), max_value=dt.date(2026, 3, 1))
entries = st.lists(st.tuples(st.integers(0, 2), days, st.booleans()), max_size=60)


@settings(max_examples=40, deadline=None)
@given(entries)
def test_sql_counts_equal_the_pure_computation(items: list[tuple[int, dt.date, bool]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "t.db")
        markers = [store.add_marker(Marker(text=f"m{i}")) for i in range(3)]
        recs = [MarkerRecord(marker_uid=markers[i].uid, on_date=d, shown=s) for i, d, s in items]
        for r in recs:
            store.add_marker_record(r)
        counted = store.marker_counts(SINCE)
        store.close()
    for m in markers:
        mine = [r for r in recs if r.marker_uid == m.uid]
        if mine:
            assert counted[m.uid] == counts_from_records(mine, SINCE)
        else:
            assert m.uid not in counted
