"""Glue shared by commands: gather what a view needs from the store, then render it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from trustrepair.cli.common import console, load_bank, print_data, say, show

if TYPE_CHECKING:
    from pathlib import Path

    from trustrepair.bank import AnswerValue, Bank, Role
    from trustrepair.models import CheckIn, Export, Marker, MarkerView, ProgressInfo, Report
    from trustrepair.progress import SpikeHistory
    from trustrepair.store import Store
    from trustrepair.workspace import Workspace


def interactive_check(
    bank: Bank, role: Role | None
) -> tuple[Role, dict[str, AnswerValue], list[str]] | None:
    """Run the walk-through: role, answers and any extra markers named at the end.

    None when the person stops after the safety guidance.
    """
    from trustrepair import messages
    from trustrepair.cli.interactive import StoppedForSafety, Walkthrough, summary_heading
    from trustrepair.errors import BadInputError

    ui = console(stderr=True)
    walk = Walkthrough(bank=bank, ui=ui, role=role, fixed_role=role is not None)
    try:
        answered_role, answers = walk.run()
    except StoppedForSafety:
        say(messages.STOPPED_FOR_SAFETY)
        return None
    except EOFError:
        raise BadInputError(messages.OUT_OF_INPUT) from None
    ui.print(summary_heading())
    return answered_role, answers, walk.extra_markers


def save_checkin(space: Workspace, checkin: CheckIn, markers: Sequence[Marker]) -> None:
    """The check-in and the markers named in it, in one transaction."""
    store = space.open_for_writing()
    try:
        store.add_checkin(checkin, markers)
    finally:
        store.close()


def report_for(
    bank: Bank, store: Store | None, checkin: CheckIn, unsaved: Sequence[Marker] = ()
) -> Report:
    """The report for a check-in: active markers (and any unsaved, for --no-save), progress."""
    from trustrepair.markers import counted_since
    from trustrepair.report import build_report, discovered_with_source, marker_views

    today = dt.date.today()
    setting = store.setting("discovered") if store is not None else None
    found = discovered_with_source(checkin, setting)
    stored = store.markers(include_retired=False) if store is not None else []
    counts = store.marker_counts(counted_since(today)) if store is not None else {}
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
    from trustrepair.progress import build_progress

    return build_progress(bank, spike_history(store, today, latest))


def render_report(report: Report, *, as_json: bool) -> None:
    if as_json:
        from trustrepair.render.jsonout import model_json

        print_data(model_json(report))
    else:
        from trustrepair.render.terminal import report_view

        show(report_view(report))


def show_checkin_result(
    bank: Bank,
    space: Workspace,
    checkin: CheckIn,
    *,
    unsaved: Sequence[Marker] = (),
    as_json: bool,
) -> None:
    store = space.open_for_reading()
    try:
        render_report(report_for(bank, store, checkin, unsaved), as_json=as_json)
    finally:
        if store is not None:
            store.close()


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
        summary = latest_report(bank, store)
        latest = store.latest_checkin() if store is not None else None
        progress = progress_for(bank, store, dt.date.today(), latest)
    return build_export(
        data,
        bank=bank,
        profile=space.profile,
        summary=summary,
        progress=progress if progress.spikes_logged else None,
        notes=notes,
        start=start,
    )


def show_summary(space: Workspace, bank: Bank, *, as_json: bool) -> None:
    from trustrepair import messages

    store = space.open_for_reading()
    try:
        report = latest_report(bank, store)
    finally:
        if store is not None:
            store.close()
    if report is None:
        say(messages.NO_CHECKIN_YET)
        if as_json:
            print_data("null")
        return
    render_report(report, as_json=as_json)


def show_comparison(bank: Bank, first: Workspace, second: Workspace) -> None:
    from trustrepair.compare import compare
    from trustrepair.errors import BadInputError
    from trustrepair.render.compare import comparison_view

    pair = []
    for space in (first, second):
        store = space.open_for_reading()
        latest = store.latest_checkin() if store is not None else None
        if store is not None:
            store.close()
        if latest is None:
            raise BadInputError(f"{space.profile} has no check-in yet")
        pair.append((space.profile, latest))
    show(comparison_view(compare(bank, pair[0], pair[1])))


def run_check(
    bank: Bank,
    space: Workspace,
    *,
    role: Role | None,
    answers_file: Path | None,
    save: bool,
    as_json: bool,
) -> bool:
    """A whole check-in: answers from a file or the walk-through, saved, then the summary.

    False when the person stopped after the safety guidance (nothing saved).
    """
    from trustrepair.answers import read_answers_file
    from trustrepair.errors import BadInputError
    from trustrepair.markers import markers_from_checkin
    from trustrepair.report import new_checkin

    extra: list[str] = []
    if answers_file is not None:
        answered_role, given = read_answers_file(answers_file, bank)
        if role is not None and role != answered_role:
            raise BadInputError(
                f"--role {role} does not match role = {answered_role!r} in {answers_file}"
            )
    else:
        outcome = interactive_check(bank, role)
        if outcome is None:
            return False
        answered_role, given, extra = outcome
    checkin = new_checkin(bank, answered_role, given)
    named = markers_from_checkin(bank, answered_role, given, extra)
    if save:
        save_checkin(space, checkin, named)
    show_checkin_result(bank, space, checkin, unsaved=[] if save else named, as_json=as_json)
    return True


def show_progress(space: Workspace, bank: Bank, *, as_json: bool) -> None:
    from trustrepair import messages

    with space.reading() as store:
        latest = store.latest_checkin() if store is not None else None
        info = progress_for(bank, store, dt.date.today(), latest)
    if as_json:
        from trustrepair.render.jsonout import model_json

        print_data(model_json(info))
    else:
        from trustrepair.render.progress import progress_view

        show(progress_view(info))
    if not info.spikes_logged:
        say(messages.NO_SPIKES_YET)


def show_timeline(space: Workspace, bank: Bank, *, as_json: bool) -> None:
    from trustrepair import messages
    from trustrepair.report import discovered_with_source, timeline_info

    with space.reading() as store:
        latest = store.latest_checkin() if store is not None else None
        setting = store.setting("discovered") if store is not None else None
    found = discovered_with_source(latest, setting)
    day, source = found or (None, None)
    info = timeline_info(bank, day, dt.date.today(), source)
    if as_json:
        from trustrepair.render.jsonout import model_json

        print_data(model_json(info))
    elif found is not None:
        from trustrepair.render.terminal import timeline_view

        show(timeline_view(info, full=True))
    if found is None:
        say(messages.NO_DATE_YET)


def marker_views_for(bank: Bank, store: Store, items: Sequence[Marker]) -> list[MarkerView]:
    from trustrepair.markers import counted_since
    from trustrepair.report import marker_views

    today = dt.date.today()
    return marker_views(bank, items, store.marker_counts(counted_since(today)), today)


def show_markers(space: Workspace, bank: Bank, *, show_all: bool, as_json: bool) -> None:
    from trustrepair import messages

    everything: list[Marker] = []
    views: list[MarkerView] = []
    with space.reading() as store:
        if store is not None:
            everything = store.markers(include_retired=True)
            wanted = [m for m in everything if show_all or m.retired_utc is None]
            views = marker_views_for(bank, store, wanted)
    if as_json:
        from trustrepair.render.jsonout import list_json

        print_data(list_json(views))
    elif views:
        from trustrepair.render.markers import markers_table

        show(markers_table(views))
    else:
        say(messages.NO_ACTIVE_MARKERS if everything else messages.NO_MARKERS)
