"""What each command asks of the store and the domain, returned as data (nothing prints here).

Beside gather.py: gather builds reports from an open store; these open the workspace, apply the
rules that used to sit in the CLI (a spike's local day, a compare source that is a file or a
profile, no records on a retired marker) and hand back models for `emit()` to show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trustrepair.gather import (
    latest_checkin,
    latest_report,
    marker_views_for,
    progress_for,
    report_for,
)
from trustrepair.plain import replace

if TYPE_CHECKING:
    from trustrepair.bank import Bank
    from trustrepair.models import (
        CheckIn,
        Comparison,
        CourseStrip,
        HistoryRow,
        Marker,
        MarkerView,
        ProgressInfo,
        Report,
        Spike,
        TimelineInfo,
    )
    from trustrepair.store import Store
    from trustrepair.vocab import AnswerValue, Role
    from trustrepair.workspace import Workspace


def save_checkin(space: Workspace, checkin: CheckIn, markers: Sequence[Marker]) -> None:
    """The check-in and the markers named in it, in one transaction."""
    with space.writing() as store:
        store.add_checkin(checkin, markers)


def record_checkin(
    bank: Bank,
    space: Workspace,
    role: Role,
    answers: dict[str, AnswerValue],
    extra_markers: Sequence[str] = (),
    *,
    save: bool,
    wanted: Callable[[list[Marker]], list[Marker]] | None = None,
) -> Report:
    """A new check-in and the markers named in it: saved (or not, for --no-save), then its
    report, with unsaved markers shown as they would be."""
    from trustrepair.markers import markers_from_checkin
    from trustrepair.report import new_checkin

    checkin = new_checkin(bank, role, answers)
    named = markers_from_checkin(bank, role, answers, list(extra_markers))
    if wanted is not None:
        named = wanted(named)  # e.g. not a second marker worded like an active one
    if save:
        save_checkin(space, checkin, named)
    return checkin_report(bank, space, checkin, [] if save else named)


def checkin_report(
    bank: Bank, space: Workspace, checkin: CheckIn, unsaved: Sequence[Marker] = ()
) -> Report:
    with space.reading() as store:
        return report_for(bank, store, checkin, unsaved)


def summary_report(space: Workspace, bank: Bank, record_id: str | None = None) -> Report | None:
    """The latest check-in's report, or the one with this short id (c3)."""
    from trustrepair import messages
    from trustrepair.errors import BadInputError
    from trustrepair.gather import record_detail

    if record_id is not None and not record_id.strip().lower().startswith("c"):
        raise BadInputError(messages.SUMMARY_ID_NOT_CHECKIN)
    with space.reading() as store:
        if record_id is None:
            return latest_report(bank, store)
        return record_detail(bank, store, record_id).report


def active_markers(space: Workspace) -> list[Marker]:
    with space.reading() as store:
        return store.markers(include_retired=False)


def progress_info(space: Workspace, bank: Bank) -> ProgressInfo:
    with space.reading() as store:
        latest = store.latest_checkin()
        return progress_for(bank, store, dt.date.today(), latest)


def timeline(space: Workspace, bank: Bank) -> TimelineInfo:
    """Where things stand in time; without a date, only the span repair commonly takes."""
    from trustrepair.assess import afraid_now, guidance_for
    from trustrepair.report import discovered_with_source, timeline_info

    with space.reading() as store:
        latest = store.latest_checkin()
        setting = store.setting("discovered")
    found = discovered_with_source(latest, setting)
    day, source = found or (None, None)
    if latest is None or not afraid_now(latest):
        return timeline_info(bank, day, dt.date.today(), source)
    # Safety first: the dates only, and where support of one's own is (never a joint step).
    info = timeline_info(bank, day, dt.date.today(), source, safety_first=True)
    pointer = guidance_for(bank, latest.role, bank.report.safety_support)
    return replace(info, guidance=pointer)


@dataclass(slots=True)
class MarkerList:
    views: list[MarkerView]
    stored: int  # every marker in the store, retired ones included


def marker_list(space: Workspace, bank: Bank, *, show_all: bool) -> MarkerList:
    with space.reading() as store:
        everything = store.markers(include_retired=True)
        wanted = [m for m in everything if show_all or m.retired_utc is None]
        return MarkerList(marker_views_for(bank, store, wanted), len(everything))


def check_can_record(marker: Marker) -> None:
    """Records go on active markers only: a retired one keeps its history as it was."""
    from trustrepair import messages
    from trustrepair.errors import BadInputError

    if marker.retired_utc is not None:
        raise BadInputError(messages.MARKER_IS_RETIRED.format(id=marker.id))


# --- comparing two views -----------------------------------------------------------------------


def compare_sources(
    bank: Bank, space: Workspace, first: str, second: str, *, include_notes: bool = False
) -> Comparison:
    from trustrepair.compare import compare

    a, b = latest_from(space, first), latest_from(space, second)
    return compare(bank, a, b, include_notes=include_notes)


def compare_profiles(bank: Bank, first: Workspace, second: Workspace) -> Comparison:
    from trustrepair.compare import compare
    from trustrepair.errors import BadInputError

    pair = []
    for space in (first, second):
        latest = latest_checkin(space)
        if latest is None:
            raise BadInputError(f"{space.profile} has no check-in yet")
        pair.append((space.profile, latest))
    return compare(bank, pair[0], pair[1])


def latest_from(space: Workspace, source: str) -> tuple[str, CheckIn]:
    """The newest check-in from a json export file, or else from a profile of this home."""
    from trustrepair.errors import BadInputError
    from trustrepair.workspace import Workspace

    path = Path(source)
    if path.suffix.lower() in (".json", ".toml") or path.is_file():
        from trustrepair.backup import read_export_file

        checkins = read_export_file(path, full_backup=False).data.checkins
    else:
        other = Workspace.resolve(space.home, source, space.unlock)
        if not other.database.exists():
            raise BadInputError(f"there is no profile or json export named {source!r}")
        latest = latest_checkin(other)
        checkins = [latest] if latest is not None else []
    if not checkins:
        raise BadInputError(f"{source} has no check-in yet")
    return source, max(checkins, key=lambda c: c.created_utc)


# --- spikes --------------------------------------------------------------------------------------


def local_day(spike: Spike) -> tuple[dt.datetime, dt.datetime]:
    """The spike's local calendar day, as the two moments that bound it."""
    from trustrepair.models import as_local

    local = as_local(spike.at_utc, spike.utc_offset_minutes)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight, midnight + dt.timedelta(days=1)


def log_spike(space: Workspace, spike: Spike) -> int:
    """Store the spike; return how many are logged on its local day, this one included."""
    with space.writing() as store:
        store.add_spike(spike)
        return same_day_count(store, spike)


def same_day_count(store: Store, spike: Spike) -> int:
    start, end = local_day(spike)
    return store.count_spikes_between(start, end)


# --- the demo's story ----------------------------------------------------------------------------


def all_checkins(space: Workspace) -> list[CheckIn]:
    """Every check-in, oldest first."""
    with space.reading() as store:
        return store.checkins(newest_first=False)


def report_as_it_was(bank: Bank, checkin: CheckIn) -> Report:
    """A past check-in's report as it read that day: its own answers and date, nothing logged."""
    from trustrepair.models import as_local
    from trustrepair.report import build_report, discovered_with_source

    found = discovered_with_source(checkin, None)
    return build_report(
        bank,
        checkin,
        discovered=found[0] if found else None,
        discovered_from=found[1] if found else None,
        today=as_local(checkin.created_utc, checkin.utc_offset_minutes).date(),
    )


def history(
    space: Workspace, bank: Bank, since: dt.date | None
) -> tuple[list[HistoryRow], list[CourseStrip]]:
    """Every check-in from `since` on as a row with its short id (newest first), and the
    course strips drawn from the same check-ins."""
    from trustrepair.course import build_course, in_period
    from trustrepair.models import CheckIn
    from trustrepair.report import history_rows

    with space.reading() as store:
        numbered = [(n, c) for n, c in store.numbered("checkins") if isinstance(c, CheckIn)]
    checkins = in_period([c for _, c in numbered], since)
    ids = {c.uid: f"c{n}" for n, c in numbered}
    rows = history_rows(bank, checkins, [ids[c.uid] for c in checkins])
    return rows, build_course(bank, checkins[::-1])  # oldest first: same-second order kept
