"""Results for commands and the demo: the service call, then the view that draws its data.

Each function returns a Result; the command (or the demo) hands it to `emit()`, which alone
chooses the terminal view or JSON.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from trustrepair import services
from trustrepair.cli.common import console, say
from trustrepair.cli.output import Result

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import RenderableType

    from trustrepair.bank import Bank
    from trustrepair.models import Comparison, Marker, Report
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


def report_result(report: Report | None, *, full: bool) -> Result:
    """The summary: one screen by default, every section (paged when long) with `full`."""
    from trustrepair import messages

    if report is None:
        return Result(None, messages=[messages.NO_CHECKIN_YET])

    def view() -> RenderableType:
        from trustrepair.render.terminal import report_view

        return report_view(report, full=full)

    return Result(report, view, long=full)


def summary_result(
    space: Workspace, bank: Bank, *, full: bool = False, record_id: str | None = None
) -> Result:
    """The latest check-in's summary, or (with `record_id`, like c3) that check-in's."""
    return report_result(services.summary_report(space, bank, record_id), full=full)


def comparison_result(comparison: Comparison, bank: Bank) -> Result:
    labels = bank.report.status_labels

    def view() -> RenderableType:
        from trustrepair.render.compare import comparison_view

        return comparison_view(comparison, labels)

    return Result(comparison, view)


def run_check(
    bank: Bank,
    space: Workspace,
    *,
    role: Role | None,
    answers_file: Path | None,
    save: bool,
    full: bool = False,
) -> Result | None:
    """A whole check-in: answers from a file or the walk-through, saved, then the summary.

    None when the person stopped after the safety guidance (nothing saved).
    """
    from trustrepair.answers import read_answers_file
    from trustrepair.errors import BadInputError

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
            return None
        answered_role, given, extra = outcome
    ask = answers_file is None

    def wanted(named: list[Marker]) -> list[Marker]:
        return _without_unwanted_twins(space, named, ask=ask)

    report = services.record_checkin(
        bank, space, answered_role, given, extra, save=save, wanted=wanted if save else None
    )
    return report_result(report, full=full)


def _without_unwanted_twins(space: Workspace, named: list[Marker], *, ask: bool) -> list[Marker]:
    """A marker worded like an active one is added only if the person says it was meant.

    From an answers file there is no one to ask: the marker already there is kept as it is.
    """
    from trustrepair import messages
    from trustrepair.markers import same_words

    active = services.active_markers(space) if named else []
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


def progress_result(space: Workspace, bank: Bank, *, brief: bool = False) -> Result:
    """Spikes week by week; `brief` (the demo) keeps the trend, the chart and the setbacks."""
    info = services.progress_info(space, bank)  # the view itself says when none are logged yet

    def view() -> RenderableType:  # Rich is loaded only to draw it, never for --json
        from trustrepair.render.progress import progress_view

        return progress_view(info, brief=brief)

    return Result(info, view, long=True)


def timeline_result(space: Workspace, bank: Bank) -> Result:
    from trustrepair import messages

    info = services.timeline(space, bank)
    notes = [messages.NO_DATE_YET] if info.discovered is None else []

    def view() -> RenderableType:
        from trustrepair.render.terminal import timeline_view

        return timeline_view(info, full=True)

    return Result(info, view, notes)


def markers_result(space: Workspace, bank: Bank, *, show_all: bool) -> Result:
    from trustrepair import messages

    found = services.marker_list(space, bank, show_all=show_all)
    if not found.views:
        note = messages.NO_ACTIVE_MARKERS if found.stored else messages.NO_MARKERS
        return Result(found.views, messages=[note])

    def view() -> RenderableType:
        from trustrepair.render.markers import markers_table

        return markers_table(found.views)

    return Result(found.views, view, long=True)
