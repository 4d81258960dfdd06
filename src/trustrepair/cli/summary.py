"""`trustrepair summary` and `trustrepair history`."""

from __future__ import annotations

from typing import Annotated

import typer

from trustrepair.cli.common import (
    JsonFlag,
    PromptsOption,
    load_bank,
    workspace,
)


def summary(
    ctx: typer.Context,
    prompts: PromptsOption = None,
    full: Annotated[
        bool, typer.Option("--full", help="Every reason, the answers behind it, all guidance.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Show the latest check-in on one screen: statuses, why, and one next step.

    Example: trustrepair summary --full
    """
    from trustrepair.cli.output import emit
    from trustrepair.cli.views import summary_result

    emit(summary_result(workspace(ctx), load_bank(prompts), full=full), as_json=as_json)


def history(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List every check-in, newest first, with the three statuses.

    Example: trustrepair history
    """
    from trustrepair import messages
    from trustrepair.cli.output import Result, emit
    from trustrepair.render.terminal import history_view
    from trustrepair.report import history_rows

    bank = load_bank(None)
    with workspace(ctx).reading() as store:
        rows = history_rows(bank, store.checkins()) if store is not None else []
    labels = bank.report.area_titles, bank.report.status_labels
    if not rows:
        emit(Result(rows, messages=[messages.NO_CHECKIN_YET]), as_json=as_json)
        return
    emit(Result(rows, lambda: history_view(rows, *labels), long=True), as_json=as_json)
