"""`trustrepair summary` and `trustrepair history`."""

from __future__ import annotations

from typing import Annotated

import typer

from trustrepair.cli.common import (
    JsonFlag,
    PromptsOption,
    load_bank,
    print_data,
    say,
    show,
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
    from trustrepair.cli.views import show_summary

    show_summary(workspace(ctx), load_bank(prompts), as_json=as_json, full=full)


def history(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List every check-in, newest first, with the three statuses.

    Example: trustrepair history
    """
    from trustrepair import messages
    from trustrepair.report import history_rows

    bank = load_bank(None)
    with workspace(ctx).reading() as store:
        rows = history_rows(bank, store.checkins()) if store is not None else []
    if as_json:
        from trustrepair.render.jsonout import list_json

        print_data(list_json(rows))
        return
    if not rows:
        say(messages.NO_CHECKIN_YET)
        return
    from trustrepair.render.terminal import history_view

    show(history_view(rows, bank.report.area_titles, bank.report.status_labels))
