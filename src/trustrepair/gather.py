"""Read what a view needs from a store and assemble it into domain results (one report).

The CLI and the demo call these; they read through the store's queries and hand everything to
the pure builders in report.py, progress.py and markers.py. Nothing here prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from trustrepair.plain import Plain, replace
from trustrepair.vocab import Q_ONGOING, Role

if TYPE_CHECKING:
    from trustrepair.backup import Streamed
    from trustrepair.bank import Bank
    from trustrepair.dates import LooseDate
    from trustrepair.models import (
        CheckIn,
        Export,
        Marker,
        MarkersSection,
        MarkerView,
        ProgressInfo,
        RecordDetail,
        RecordEntry,
        RecordKind,
        Report,
    )
    from trustrepair.progress import SpikeHistory
    from trustrepair.records import Stored
    from trustrepair.store import Store
    from trustrepair.workspace import Workspace


def report_for(
    bank: Bank,
    store: Store,
    checkin: CheckIn,
    unsaved: Sequence[Marker] = (),
    progress: ProgressInfo | None = None,
) -> Report:
    """The report for a check-in: active markers (and any unsaved, for --no-save), progress.

    Pass `progress` when the caller has already built it, so it is not built twice.
    """
    from trustrepair.markers import counted_since
    from trustrepair.report import build_report, discovered_with_source, marker_views

    today = dt.date.today()
    found = discovered_with_source(checkin, store.setting("discovered"))
    stored = store.markers(include_retired=False)
    counts = store.marker_counts(counted_since(today))
    if progress is None:
        progress = progress_for(bank, store, today, checkin)
    # Spikes are the affected partner's log; the other partner sees the section only if used.
    shown_progress = progress if progress.spikes_logged or checkin.role == "affected" else None
    return build_report(
        bank,
        checkin,
        discovered=found[0] if found else None,
        discovered_from=found[1] if found else None,
        today=today,
        marker_list=marker_views(bank, [*stored, *unsaved], counts, today),
        progress=shown_progress,
    )


def spike_history(store: Store, today: dt.date, latest: CheckIn | None) -> SpikeHistory:
    """A few small queries: weekly sums in SQL, never one model per spike."""
    from trustrepair.progress import SpikeHistory
    from trustrepair.report import discovered_date
    from trustrepair.spikes import spike_weeks

    return SpikeHistory(
        tallies=spike_weeks(store.spike_weeks()),
        today=today,
        discovered=discovered_date(latest, store.setting("discovered")),
        span=store.spike_span(),
        trigger_counts=store.spike_trigger_counts(),
        checkin_trail=checkin_trail(store),
    )


def checkin_trail(store: Store) -> list[tuple[dt.datetime, str | None, str | None]]:
    """Oldest first: when, the accountability status and the `ongoing` answer of each check-in."""
    return store.checkin_trail("accountability", Q_ONGOING)


def progress_for(bank: Bank, store: Store, today: dt.date, latest: CheckIn | None) -> ProgressInfo:
    from trustrepair.assess import afraid
    from trustrepair.progress import build_progress

    info = build_progress(bank, spike_history(store, today, latest))
    if latest is not None and afraid(latest.answers):
        # Safety comes first: while someone is afraid, no stop condition is read out either.
        return replace(info, stops=[])
    return info


def latest_report(bank: Bank, store: Store) -> Report | None:
    from trustrepair.models import CheckIn

    found = store.numbered("checkins", limit=1)
    if not found:
        return None
    number, latest = found[0]
    assert isinstance(latest, CheckIn)  # noqa: S101 - the checkins table holds check-ins
    return numbered_report(report_for(bank, store, latest), f"c{number}")


class ExportParts(Plain):
    """What an export writes, and whether it carries words the person wrote (said first)."""

    export: Export
    streamed: Streamed | None  # marker records and spikes, read from the open store
    has_notes: bool


@contextmanager
def exporting(
    space: Workspace,
    *,
    notes: bool,
    start: dt.date | None,
    marker_words: bool = True,
    partner: Workspace | None = None,
    records: bool = True,
) -> Iterator[ExportParts]:
    """Everything an export needs, from one consistent read of the store.

    The store stays open while the caller writes: marker records and spikes, the lists that
    grow with the years, are streamed from it rather than held in memory, and a document
    (records=False) never reads them. With a partner's profile, their check-ins' statuses join
    the course (nothing else of theirs).
    """
    from trustrepair.assess import afraid_now
    from trustrepair.backup import Streamed, build_export, has_notes, shared_record, shared_spike
    from trustrepair.bank import load_bank
    from trustrepair.store import backup as stored

    bank = load_bank(None)
    with space.reading() as store, store.snapshot():
        data = stored.read_small(store)
        latest = store.latest_checkin()
        progress = progress_for(bank, store, dt.date.today(), latest)
        summary = None if latest is None else report_for(bank, store, latest, progress=progress)
        # Without a check-in there is no summary, but markers still belong in the document.
        markers = None if summary is not None else markers_only(bank, store)
        others = partner_checkins(partner, data.checkins) if partner is not None else []
        if others and (afraid_now(latest) or afraid_now(max(others, key=lambda c: c.created_utc))):
            others = []  # safety first: no side-by-side course while either partner is afraid
        export = build_export(
            data,
            bank=bank,
            profile=space.profile,
            partner_checkins=others,
            summary=summary,
            progress=progress if progress.spikes_logged else None,
            markers=markers,
            notes=notes,
            start=start,
            marker_words=marker_words,
        )
        carries = notes and (
            has_notes(export.data, export.summary) or stored.records_have_notes(store, start)
        )
        if not records:
            yield ExportParts(export=export, streamed=None, has_notes=carries)
            return
        kept = stored.each_marker_record(store, start)
        spikes = stored.each_spike(store, start)
        streamed = Streamed(
            marker_records=kept if notes else map(shared_record, kept),
            spikes=spikes if notes else map(shared_spike, spikes),
        )
        try:
            yield ExportParts(export=export, streamed=streamed, has_notes=carries)
        finally:  # a write that stopped half-way leaves no read open past the snapshot
            kept.close()
            spikes.close()


def partner_checkins(partner: Workspace, own: Sequence[CheckIn]) -> list[CheckIn]:
    """The other partner's check-ins, for the course: they must have answered as the other role."""
    from trustrepair import messages
    from trustrepair.errors import BadInputError

    with partner.reading() as store:
        found = store.checkins()
    if not found:
        raise BadInputError(messages.PARTNER_NO_CHECKIN.format(name=partner.profile))
    if {c.role for c in found} & {c.role for c in own}:
        raise BadInputError(messages.PARTNER_SAME_ROLE.format(name=partner.profile))
    return found


def markers_only(bank: Bank, store: Store) -> MarkersSection | None:
    from trustrepair.report import markers_section

    active = store.markers(include_retired=False)
    if not active:
        return None
    return markers_section(bank, Role.affected, marker_views_for(bank, store, active))


def marker_views_for(bank: Bank, store: Store, items: Sequence[Marker]) -> list[MarkerView]:
    from trustrepair.markers import counted_since
    from trustrepair.report import marker_views

    today = dt.date.today()
    return marker_views(bank, items, store.marker_counts(counted_since(today)), today)


def latest_checkin(space: Workspace) -> CheckIn | None:
    """A profile's newest check-in, or None (nothing is created just by looking)."""
    with space.reading() as store:
        return store.latest_checkin()


def record_entries(
    bank: Bank,
    store: Store,
    kinds: Sequence[RecordKind],
    since: dt.date | None,
    limit: int | None = None,
) -> tuple[list[RecordEntry], int]:
    """`records list`: the newest `limit` records of the chosen kinds (None: all of them), from
    `since` on (local days), and how many there are in all."""
    from trustrepair.records import entry, kind_of, table_of

    tables = [table_of(kind) for kind in kinds]
    found = store.newest_numbered(tables, since=since, limit=limit)
    marker_ids = {m.uid: m.id for m in store.markers() if m.id is not None}
    entries = [
        entry(bank, kind_of(record), number, record, marker_ids) for _, number, record in found
    ]
    if limit is None or len(found) < limit:
        return entries, len(found)
    return entries, store.count_numbered(tables, since=since)


def find_record(store: Store, record_id: str) -> tuple[RecordKind, int, Stored]:
    """The record with this short id, or one clear NotFoundError."""
    from trustrepair import messages
    from trustrepair.errors import NotFoundError
    from trustrepair.records import NOUNS, parse_record_id, table_of

    kind, number = parse_record_id(record_id)
    found = store.find_numbered(table_of(kind), number)
    if found is None:
        noun = NOUNS[kind][0]
        raise NotFoundError(messages.RECORD_NOT_FOUND.format(noun=noun, id=record_id.lower()))
    return kind, number, found


def record_detail(bank: Bank, store: Store, record_id: str) -> RecordDetail:
    """`records show`: the record; a check-in's full summary as it was; a record's marker."""
    from trustrepair.models import CheckIn, MarkerRecord, RecordDetail
    from trustrepair.records import record_id as short_id

    kind, number, found = find_record(store, record_id)
    report = None
    marker = None
    if isinstance(found, CheckIn):
        report = numbered_report(report_for(bank, store, found), short_id(kind, number))
    if isinstance(found, MarkerRecord):
        marker = next((m for m in store.markers() if m.uid == found.marker_uid), None)
    return RecordDetail(
        id=short_id(kind, number), kind=kind, record=found, marker=marker, report=report
    )


def numbered_report(report: Report, record_id: str | None) -> Report:
    """The report with its check-in's short id filled in."""
    ref = replace(report.checkin, id=record_id)
    return replace(report, checkin=ref)


@dataclass(frozen=True, slots=True)
class CalendarInputs:
    discovered: LooseDate | None
    seed: str
    safety_first: bool  # the latest check-in says the person is afraid


def calendar_inputs(space: Workspace) -> CalendarInputs:
    """The discovery date, a seed for stable event ids that no other store shares, and
    whether safety comes first.

    The seed is the oldest check-in's random id (hashed again before use), so importing the
    calendar twice updates its events; a store without check-ins falls back to the profile.
    """
    from trustrepair.assess import afraid_now
    from trustrepair.report import discovered_with_source

    with space.reading() as store:
        latest = store.latest_checkin()
        oldest = store.checkins(newest_first=False, limit=1)
        found = discovered_with_source(latest, store.setting("discovered"))
    return CalendarInputs(
        discovered=found[0] if found else None,
        seed=oldest[0].uid if oldest else space.profile,
        safety_first=afraid_now(latest),
    )
