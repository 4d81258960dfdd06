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
    record_id: Annotated[
        str | None,
        typer.Option(
            "--id", help="Show this check-in (c12, from `history`) instead of the latest."
        ),
    ] = None,
    prompts: PromptsOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show the latest check-in: each prerequisite, why, and what the article suggests.

    Example: trustrepair summary --id c3
    """
    from trustrepair.cli.views import show_summary

    show_summary(workspace(ctx), load_bank(prompts), as_json=as_json, record_id=record_id)


def history(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List every check-in, newest first, with the three statuses.

    Example: trustrepair history
    """
    from trustrepair import messages
    from trustrepair.report import history_rows

    bank = load_bank(None)
    with workspace(ctx).reading() as store:
        rows = history_rows(bank, store.numbered("checkins"))
    if as_json:
        from trustrepair.render.jsonout import list_json

        print_data(list_json(rows))
        return
    if not rows:
        say(messages.NO_CHECKIN_YET)
        return
    from trustrepair.render.terminal import history_view

    show(history_view(rows, bank.report.area_titles))
