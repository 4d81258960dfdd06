"""The store's spike queries: weeks cut in local time, sums in SQL, the check-in trail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import open_home_store
from trustrepair.gather import checkin_trail
from trustrepair.models import CheckIn, Spike
from trustrepair.spikes import spike_weeks


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def spike(local: str, **fields: object) -> Spike:
    moment = at(local)
    offset = moment.utcoffset()
    assert offset is not None
    return Spike(
        at_utc=moment.astimezone(dt.UTC),
        utc_offset_minutes=int(offset.total_seconds() // 60),
        **fields,  # type: ignore[arg-type]
    )


def test_weeks_are_cut_in_the_local_time_each_spike_was_logged_in(home: Path) -> None:
    store = open_home_store(home)
    # Sunday 23:30 at +02:00 is Sunday 21:30 UTC: that week (UTC agrees).
    store.add_spike(spike("2026-03-08T23:30+02:00", minutes=10, intensity=4))
    # Monday 00:30 at +02:00 is still Sunday in UTC, but locally it is the next week.
    store.add_spike(spike("2026-03-09T00:30+02:00", minutes=30))
    # Sunday 23:30 at -05:00 is already Monday in UTC, but locally it is still Sunday.
    store.add_spike(spike("2026-03-08T23:30-05:00", minutes=20, intensity=8, trigger="reminder"))
    weeks = spike_weeks(store.spike_weeks())
    store.close()
    assert [(w.week_start, w.count) for w in weeks] == [
        (dt.date(2026, 3, 2), 2),
        (dt.date(2026, 3, 9), 1),
    ]
    first = weeks[0]
    assert sorted(first.minutes) == [10, 20]
    assert sorted(first.intensities) == [4, 8]
    assert first.known_triggers == 1


def test_unknown_and_missing_triggers_are_not_known(home: Path) -> None:
    store = open_home_store(home)
    for trigger in (None, "unknown", "anniversary", "a smell of that perfume"):
        store.add_spike(spike("2026-03-04T10:00+01:00", trigger=trigger))
    (week,) = spike_weeks(store.spike_weeks())
    counts = store.spike_trigger_counts()
    store.close()
    assert week.count == 4 and week.known_triggers == 2
    assert week.minutes == () and week.intensities == ()
    assert counts == {"unknown": 1, "anniversary": 1, "a smell of that perfume": 1}


def test_the_span_is_shown_in_the_local_time_of_each_end(home: Path) -> None:
    store = open_home_store(home)
    assert store.spike_span() is None
    store.add_spike(spike("2026-03-08T23:30+02:00"))
    store.add_spike(spike("2026-01-05T07:00-05:00"))
    span = store.spike_span()
    store.close()
    assert span is not None
    first, last = span
    assert (f"{first:%Y-%m-%d %H:%M %z}", f"{last:%Y-%m-%d %H:%M %z}") == (
        "2026-01-05 07:00 -0500",
        "2026-03-08 23:30 +0200",
    )


def test_spikes_are_counted_between_two_moments(home: Path) -> None:
    store = open_home_store(home)
    for local in ("2026-03-08T00:10+01:00", "2026-03-08T23:50+01:00", "2026-03-09T00:10+01:00"):
        store.add_spike(spike(local))
    day = at("2026-03-08T00:00+01:00")
    assert store.count_spikes_between(day, day + dt.timedelta(days=1)) == 2
    store.close()


def test_checkin_trail_reads_status_snapshots_oldest_first(home: Path) -> None:
    store = open_home_store(home)
    for month, status, ongoing in ((3, "partial", "ended"), (1, "not_yet", "reduced")):
        store.add_checkin(
            CheckIn(
                created_utc=dt.datetime(2026, month, 1, 12, tzinfo=dt.UTC),
                utc_offset_minutes=60,
                role="affected",
                bank_version="test",
                answers={"ongoing": ongoing},
                statuses={"accountability": status},  # type: ignore[dict-item]
            )
        )
    trail = checkin_trail(store)
    store.close()
    assert [(f"{w:%m-%d %H:%M}", acc, ongoing) for w, acc, ongoing in trail] == [
        ("01-01 13:00", "not_yet", "reduced"),
        ("03-01 13:00", "partial", "ended"),
    ]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(
            st.datetimes(min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2030, 1, 1)),
            st.integers(min_value=-12 * 60, max_value=14 * 60),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_every_spike_lands_in_the_monday_week_of_its_own_local_day(
    home: Path, logged: list[tuple[dt.datetime, int]]
) -> None:
    store = open_home_store(home)
    store.db.execute("DELETE FROM spikes")
    expected: dict[dt.date, int] = {}
    for utc, offset in logged:
        moment = utc.replace(microsecond=0, tzinfo=dt.UTC)
        store.add_spike(Spike(at_utc=moment, utc_offset_minutes=offset))
        local_day = (moment + dt.timedelta(minutes=offset)).date()
        monday = local_day - dt.timedelta(days=local_day.weekday())
        expected[monday] = expected.get(monday, 0) + 1
    weeks = spike_weeks(store.spike_weeks())
    store.close()
    assert {w.week_start: w.count for w in weeks} == expected
