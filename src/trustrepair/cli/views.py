"""Glue shared by commands: gather what a view needs from the store, then render it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from trustrepair.cli.common import console, print_data, say, show

if TYPE_CHECKING:
    from trustrepair.bank import AnswerValue, Bank, Role
    from trustrepair.models import CheckIn, ProgressInfo, Report
    from trustrepair.progress import SpikeHistory
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
    from trustrepair.report import build_report, discovered_with_source

    setting = store.setting("discovered") if store is not None else None
    found = discovered_with_source(checkin, setting)
    today = dt.date.today()
    return build_report(
        bank,
        checkin,
        discovered=found[0] if found else None,
        discovered_from=found[1] if found else None,
        today=today,
        progress=progress_for(bank, store, today, checkin),
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


def show_checkin_result(bank: Bank, space: Workspace, checkin: CheckIn, *, as_json: bool) -> None:
    store = space.open_for_reading()
    try:
        render_report(report_for(bank, store, checkin), as_json=as_json)
    finally:
        if store is not None:
            store.close()
