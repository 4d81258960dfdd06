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

    from trustrepair.bank import Bank
    from trustrepair.models import CheckIn, Marker, Report
    from trustrepair.store import Store
    from trustrepair.vocab import AnswerValue, Role
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
    with space.reading() as store:
        report = report_for(bank, store, checkin, unsaved)
    render_report(report, as_json=as_json)


def show_summary(
    space: Workspace, bank: Bank, *, as_json: bool, record_id: str | None = None
) -> None:
    from trustrepair import messages

    with space.reading() as store:
        if record_id is None:
            report = latest_report(bank, store)
        else:
            report = _report_for_id(bank, store, record_id)
    if report is None:
        say(messages.NO_CHECKIN_YET)
        if as_json:
            print_data("null")
        return
    render_report(report, as_json=as_json)


def _report_for_id(bank: Bank, store: Store, record_id: str) -> Report:
    from trustrepair import messages
    from trustrepair.errors import BadInputError
    from trustrepair.gather import record_detail

    if not record_id.strip().lower().startswith("c"):
        raise BadInputError(messages.SUMMARY_ID_NOT_CHECKIN)
    detail = record_detail(bank, store, record_id)
    assert detail.report is not None  # noqa: S101 - a check-in always has one
    return detail.report


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
    if save and named:
        named = _without_unwanted_twins(space, named, ask=answers_file is None)
    if save:
        save_checkin(space, checkin, named)
    show_checkin_result(bank, space, checkin, unsaved=[] if save else named, as_json=as_json)
    return True


def _without_unwanted_twins(space: Workspace, named: list[Marker], *, ask: bool) -> list[Marker]:
    """A marker worded like an active one is added only if the person says it was meant.

    From an answers file there is no one to ask: the marker already there is kept as it is.
    """
    from trustrepair import messages
    from trustrepair.markers import same_words

    with space.reading() as store:
        active = store.markers(include_retired=False)
    kept: list[Marker] = []
    for marker in named:
        twin = same_words(active, marker.text)
        if twin is None or (ask and _yes(messages.MARKER_SAME_TEXT.format(id=twin.id))):
            kept.append(marker)
        else:
            say(messages.MARKER_NOT_ADDED.format(id=twin.id))
    return kept


def _yes(question: str) -> bool:
    """y/N on stderr; the input ending counts as no."""
    import typer

    try:
        typed = typer.prompt(f"{question} (y/N)", default="", show_default=False, err=True)
    except typer.Abort:
        return False
    return typed.strip().lower() in ("y", "yes")


def show_progress(space: Workspace, bank: Bank, *, as_json: bool) -> None:
    from trustrepair import messages

    with space.reading() as store:
        latest = store.latest_checkin()
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
    from trustrepair import assess, messages
    from trustrepair.report import discovered_with_source, timeline_info

    with space.reading() as store:
        latest = store.latest_checkin()
        setting = store.setting("discovered")
    found = discovered_with_source(latest, setting)
    day, source = found or (None, None)
    afraid = latest is not None and assess.afraid(latest.answers)
    info = timeline_info(bank, day, dt.date.today(), source, safety_first=afraid)
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

    with space.reading() as store:
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
