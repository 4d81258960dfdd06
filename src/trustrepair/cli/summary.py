"""`trustrepair summary` and `trustrepair history`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Group

    from trustrepair.bank import Bank
    from trustrepair.models import CourseStrip, HistoryRow

from trustrepair.cli.common import (
    LATEST,
    JsonFlag,
    PromptsOption,
    SinceOption,
    load_bank,
    since_date,
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
    full: Annotated[
        bool, typer.Option("--full", help="Every reason, the answers behind it, all guidance.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Show the latest check-in on one screen: statuses, why, and one next step.

    Example: trustrepair summary --full --id c3
    """
    from trustrepair.cli.output import emit
    from trustrepair.cli.views import summary_result

    space, bank = workspace(ctx), load_bank(prompts)
    emit(summary_result(space, bank, full=full, record_id=record_id), as_json=as_json)


def history(
    ctx: typer.Context,
    since: SinceOption = None,
    show_all: Annotated[
        bool, typer.Option("--all", help=f"List every check-in, not only the latest {LATEST}.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Show how each prerequisite has moved, then every check-in, newest first.

    The table lists the latest check-ins; the course above it, and --json, cover them all.

    Example: trustrepair history --since 2026-01
    """
    from trustrepair import messages
    from trustrepair.cli.output import Result, emit
    from trustrepair.services import history as gather_history

    bank = load_bank(None)
    rows, strips = gather_history(workspace(ctx), bank, since_date(since))
    if not rows:
        emit(Result(rows, messages=[messages.NO_CHECKIN_YET]), as_json=as_json)
        return
    listed = rows if show_all else rows[:LATEST]

    def view() -> Group:
        return history_with_course(bank, listed, strips, hidden=len(rows) - len(listed))

    emit(Result(rows, view, long=True), as_json=as_json)


def history_with_course(
    bank: Bank, rows: list[HistoryRow], strips: list[CourseStrip], *, hidden: int = 0
) -> Group:
    """The course strip above the table of check-ins (and how many older ones --all adds)."""
    from rich.console import Group
    from rich.text import Text

    from trustrepair import messages
    from trustrepair.render import words
    from trustrepair.render.course import course_view
    from trustrepair.render.terminal import history_view

    labels = bank.report.status_labels
    older = words.plural(hidden, "older check-in")
    said = messages.LIST_MORE.format(older=older, command="history")
    more = [Text(said, style="dim")] if hidden else []
    return Group(
        course_view(strips, labels),
        Text(),
        history_view(rows, bank.report.area_short, bank.report.status_short),
        *more,
    )
