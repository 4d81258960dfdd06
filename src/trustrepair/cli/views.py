"""Glue shared by commands and the demo: run the walk-through, gather, then render."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from trustrepair.cli.common import console, print_data, say, show
from trustrepair.gather import (
    latest_checkin,
    latest_report,
    marker_views_for,
    progress_for,
    report_for,
)

if TYPE_CHECKING:
    from pathlib import Path

    from trustrepair.bank import AnswerValue, Bank, Role
    from trustrepair.models import CheckIn, Marker, MarkerView, Report
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
    with space.writing() as store:
        store.add_checkin(checkin, markers)


def render_report(report: Report, *, as_json: bool, full: bool = True) -> None:
    if as_json:
        from trustrepair.render.jsonout import model_json

        print_data(model_json(report))
    else:
        from trustrepair.render.terminal import report_view

        show(report_view(report, full=full))


def show_checkin_result(
    bank: Bank,
    space: Workspace,
    checkin: CheckIn,
    *,
    unsaved: Sequence[Marker] = (),
    as_json: bool,
) -> None:
    with space.reading() as store:
        report = report_for(bank, store, checkin, unsaved)
    render_report(report, as_json=as_json)


def show_summary(space: Workspace, bank: Bank, *, as_json: bool, full: bool = False) -> None:
    from trustrepair import messages

    with space.reading() as store:
        report = latest_report(bank, store)
    if report is None:
        say(messages.NO_CHECKIN_YET)
        if as_json:
            print_data("null")
        return
    render_report(report, as_json=as_json, full=full)


def show_comparison(bank: Bank, first: Workspace, second: Workspace) -> None:
    from trustrepair.compare import compare
    from trustrepair.errors import BadInputError
    from trustrepair.render.compare import comparison_view

    pair = []
    for space in (first, second):
        latest = latest_checkin(space)
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
