"""Glue shared by commands: gather what a view needs from the store, then render it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from trustrepair.cli.common import console, load_bank, print_data, say, show

if TYPE_CHECKING:
    from trustrepair.bank import AnswerValue, Bank, Role
    from trustrepair.models import CheckIn, Export, Report
    from trustrepair.store import Store
    from trustrepair.workspace import Workspace


def interactive_check(bank: Bank, role: Role | None) -> tuple[Role, dict[str, AnswerValue]] | None:
    """Run the walk-through; None when the person stops after the safety guidance."""
    from trustrepair import messages
    from trustrepair.cli.interactive import StoppedForSafety, Walkthrough, summary_heading
    from trustrepair.errors import BadInputError

    ui = console(stderr=True)
    walk = Walkthrough(bank=bank, ui=ui, role=role, fixed_role=role is not None)
    try:
        result = walk.run()
    except StoppedForSafety:
        say(messages.STOPPED_FOR_SAFETY)
        return None
    except EOFError:
        raise BadInputError(messages.OUT_OF_INPUT) from None
    ui.print(summary_heading())
    return result


def report_for(bank: Bank, store: Store | None, checkin: CheckIn) -> Report:
    from trustrepair.report import build_report, discovered_date

    setting = store.setting("discovered") if store is not None else None
    discovered = discovered_date(checkin, setting)
    return build_report(bank, checkin, discovered=discovered, today=dt.date.today())


def render_report(report: Report, *, as_json: bool) -> None:
    if as_json:
        from trustrepair.render.jsonout import model_json

        print_data(model_json(report))
    else:
        from trustrepair.render.terminal import report_view

        show(report_view(report))


def show_checkin_result(bank: Bank, space: Workspace, checkin: CheckIn, *, as_json: bool) -> None:
    store = space.open_for_reading()
    try:
        render_report(report_for(bank, store, checkin), as_json=as_json)
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
    from trustrepair.store_backup import read_all

    bank = load_bank(None)
    store = space.open_for_reading()
    try:
        data = read_all(store) if store is not None else BackupData()
        summary = latest_report(bank, store)
    finally:
        if store is not None:
            store.close()
    return build_export(
        data, bank=bank, profile=space.profile, summary=summary, notes=notes, start=start
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


def save_checkin(space: Workspace, checkin: CheckIn) -> None:
    store = space.open_for_writing()
    try:
        store.add_checkin(checkin)
    finally:
        store.close()


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
