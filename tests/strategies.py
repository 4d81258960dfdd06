"""Hypothesis strategies for whole stores: every kind of record trustrepair keeps."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from trustrepair.models import BackupData, CheckIn, Marker, MarkerRecord, Spike
from trustrepair.plain import replace

UTC = dt.UTC
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co")), min_size=1, max_size=60
).filter(lambda s: s.strip() == s and s != "")
moments = st.datetimes(
    min_value=dt.datetime(2020, 1, 1), max_value=dt.datetime(2026, 11, 1), timezones=st.just(UTC)
).map(lambda d: d.replace(microsecond=0))
offsets = st.integers(min_value=-12 * 60, max_value=14 * 60)
uids = st.uuids().map(lambda u: u.hex)

checkins = st.builds(
    CheckIn,
    uid=uids,
    created_utc=moments,
    utc_offset_minutes=offsets,
    role=st.sampled_from(["affected", "betraying"]),
    bank_version=st.just("2026.11.1"),
    answers=st.fixed_dictionaries(
        {"afraid": st.booleans(), "ongoing": st.sampled_from(["ended", "unsure", "reduced"])},
        optional={
            "acc_heard": text,
            "ces_confidence": st.integers(1, 5),
            "discovered": st.just("2025-02-28"),
        },
    ),
    statuses=st.fixed_dictionaries(
        {"accountability": st.sampled_from(["in_place", "partial", "not_yet", "unclear"])}
    ),
)


@st.composite
def stores(draw: st.DrawFn) -> BackupData:
    markers = draw(
        st.lists(
            st.builds(
                Marker,
                uid=uids,
                id=st.none(),
                text=text,
                created_utc=moments,
                utc_offset_minutes=offsets,
                retired_utc=st.none() | moments,
            ),
            max_size=3,
            unique_by=lambda m: m.uid,
        )
    )
    markers = [replace(m, id=n) for n, m in enumerate(markers, start=1)]
    records = (
        draw(
            st.lists(
                st.builds(
                    MarkerRecord,
                    uid=uids,
                    marker_uid=st.sampled_from([m.uid for m in markers]),
                    on_date=st.dates(dt.date(2020, 1, 1), dt.date(2026, 11, 1)),
                    shown=st.booleans(),
                    note=st.none() | text,
                    created_utc=moments,
                ),
                max_size=5,
                unique_by=lambda r: r.uid,
            )
        )
        if markers
        else []
    )
    spikes = draw(
        st.lists(
            st.builds(
                Spike,
                uid=uids,
                at_utc=moments,
                utc_offset_minutes=offsets,
                minutes=st.none() | st.integers(0, 600),
                intensity=st.none() | st.integers(1, 10),
                trigger=st.none() | st.sampled_from(["anniversary", "reminder"]) | text,
                note=st.none() | text,
            ),
            max_size=5,
            unique_by=lambda s: s.uid,
        )
    )
    return BackupData(
        settings=draw(st.dictionaries(st.sampled_from(["discovered"]), st.just("2024-02-29"))),
        checkins=draw(st.lists(checkins, max_size=3, unique_by=lambda c: c.uid)),
        markers=markers,
        marker_records=records,
        spikes=spikes,
    )
