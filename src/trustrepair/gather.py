"""Read what a view needs from a store and assemble it into domain results (one report).

The CLI and the demo call these; they read through the store's queries and hand everything to
the pure builders in report.py, progress.py and markers.py. Nothing here prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from trustrepair.bank import load_bank
from trustrepair.vocab import Role

if TYPE_CHECKING:
    from trustrepair.bank import Bank
    from trustrepair.models import (
        CheckIn,
        Export,
        Marker,
        MarkersSection,
        MarkerView,
        ProgressInfo,
        Report,
    )
    from trustrepair.progress import SpikeHistory
    from trustrepair.store import Store
    from trustrepair.workspace import Workspace


def report_for(
    bank: Bank,
    store: Store | None,
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
    setting = store.setting("discovered") if store is not None else None
    found = discovered_with_source(checkin, setting)
    stored = store.markers(include_retired=False) if store is not None else []
    counts = store.marker_counts(counted_since(today)) if store is not None else {}
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


def spike_history(store: Store | None, today: dt.date, latest: CheckIn | None) -> SpikeHistory:
    """A few small queries: weekly sums in SQL, never one model per spike."""
    from trustrepair.progress import SpikeHistory
    from trustrepair.report import discovered_date

    if store is None:
        return SpikeHistory(tallies=[], today=today)
    return SpikeHistory(
        tallies=store.spike_weeks(),
        today=today,
        discovered=discovered_date(latest, store.setting("discovered")),
        span=store.spike_span(),
        trigger_counts=store.spike_trigger_counts(),
        checkin_trail=store.checkin_trail(),
    )


def progress_for(
    bank: Bank, store: Store | None, today: dt.date, latest: CheckIn | None
) -> ProgressInfo:
    from trustrepair.assess import afraid
    from trustrepair.progress import build_progress

    info = build_progress(bank, spike_history(store, today, latest))
    if latest is not None and afraid(latest.answers):
        # Safety comes first: while someone is afraid, no stop condition is read out either.
        return info.model_copy(update={"stops": []})
    return info


def latest_report(bank: Bank, store: Store | None) -> Report | None:
    latest = store.latest_checkin() if store is not None else None
    return None if latest is None else report_for(bank, store, latest)


def gather_export(space: Workspace, *, notes: bool, start: dt.date | None) -> Export:
    """Everything an export needs from the store, read in one go."""
    from trustrepair.backup import build_export
    from trustrepair.models import BackupData
    from trustrepair.store.backup import read_all

    bank = load_bank(None)
    with space.reading() as store:
        data = read_all(store) if store is not None else BackupData()
        latest = store.latest_checkin() if store is not None else None
        progress = progress_for(bank, store, dt.date.today(), latest)
        summary = None if latest is None else report_for(bank, store, latest, progress=progress)
        # Without a check-in there is no summary, but markers still belong in the document.
        markers = None if summary is not None or store is None else markers_only(bank, store)
    return build_export(
        data,
        bank=bank,
        profile=space.profile,
        summary=summary,
        progress=progress if progress.spikes_logged else None,
        markers=markers,
        notes=notes,
        start=start,
    )


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
        return store.latest_checkin() if store is not None else None
