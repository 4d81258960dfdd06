"""Glue shared by commands: gather what a view needs from the store, then render it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from trustrepair.cli.common import console, print_data, say, show

if TYPE_CHECKING:
    from trustrepair.bank import AnswerValue, Bank, Role
    from trustrepair.models import CheckIn, Marker, Report
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
    """The report for a check-in, with the active markers (and any not saved, for --no-save)."""
    from trustrepair.markers import counted_since
    from trustrepair.report import build_report, discovered_date, marker_views

    today = dt.date.today()
    setting = store.setting("discovered") if store is not None else None
    discovered = discovered_date(checkin, setting)
    stored = store.markers(include_retired=False) if store is not None else []
    counts = store.marker_counts(counted_since(today)) if store is not None else {}
    views = marker_views(bank, [*stored, *unsaved], counts, today)
    return build_report(bank, checkin, discovered=discovered, today=today, marker_list=views)


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
