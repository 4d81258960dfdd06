"""`trustrepair summary` and `trustrepair history`."""

from __future__ import annotations

import datetime as dt
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


def history(
    ctx: typer.Context,
    since: Annotated[
        dt.datetime | None,
        typer.Option(
            "--since",
            help="Only check-ins from this date on.",
            formats=["%Y-%m-%d"],
            metavar="DATE",
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Show how each prerequisite has moved, then every check-in, newest first.

    Example: trustrepair history --since 2026-01-01
    """
    from trustrepair import messages
    from trustrepair.course import build_course, in_period
    from trustrepair.report import history_rows

    bank = load_bank(None)
    with workspace(ctx).reading() as store:
        checkins = in_period(store.checkins(), since.date() if since else None) if store else []
    rows = history_rows(bank, checkins)
    if as_json:
        from trustrepair.render.jsonout import list_json

        print_data(list_json(rows))
        return
    if not rows:
        say(messages.NO_CHECKIN_YET)
        return
    from rich.console import Group
    from rich.text import Text

    from trustrepair.render.course import course_view
    from trustrepair.render.terminal import history_view

    strips = build_course(bank, checkins)
    show(
        Group(
            course_view(strips, bank.report.status_labels),
            Text(),
            history_view(rows, bank.report.area_titles, bank.report.status_labels),
        )
    )
