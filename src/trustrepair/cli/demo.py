"""`trustrepair demo`: a tour with a fictional couple, in a throwaway store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from trustrepair.cli.common import load_bank, say, show
from trustrepair.vocab import Role

if TYPE_CHECKING:
    from trustrepair.bank import Bank
    from trustrepair.models import CheckIn, StatementReflection
    from trustrepair.workspace import Workspace

app = typer.Typer(
    rich_markup_mode=None,
)
SeedOption = Annotated[int, typer.Option("--seed", help="Make the generated data repeatable.")]
AFFECTED, BETRAYING = "robin", "kai"


@contextmanager
def demo_home(seed: int) -> Iterator[tuple[Workspace, Workspace]]:
    """Two fictional profiles in a temporary folder that is removed afterwards."""
    import datetime as dt
    import signal
    import tempfile
    from pathlib import Path

    from trustrepair import generate
    from trustrepair.workspace import Workspace, fill_profile

    bank = load_bank(None)
    today = dt.date.today()
    # A plain `kill` must not leave the fictional store behind: turn it into a clean exit.
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        with tempfile.TemporaryDirectory(prefix="trustrepair-demo-") as tmp:
            robin, kai = Workspace(Path(tmp), AFFECTED), Workspace(Path(tmp), BETRAYING)
            shape = generate.Shape(checkin_every_days=28, story=True)
            for space, role in ((robin, Role.affected), (kai, Role.betraying)):
                made = generate.history(bank, role, seed=seed, today=today, shape=shape)
                fill_profile(space, made)
            yield robin, kai
    finally:
        signal.signal(signal.SIGTERM, previous)


def _exit_on_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


@app.callback(invoke_without_command=True)
def demo(
    ctx: typer.Context,
    step: Annotated[
        bool, typer.Option("--step", help="Pause between views (Enter to go on).")
    ] = False,
    seed: SeedOption = 7,
) -> None:
    """Tour the tool with a fictional couple: summary, progress, timeline, markers, comparison.

    Example: trustrepair demo --step
    """
    if ctx.invoked_subcommand is not None:
        return
    from trustrepair import messages
    from trustrepair.cli.output import Paging

    Paging.allowed = False  # each view is sized for one screen; --step does the pausing
    bank = load_bank(None)
    with demo_home(seed) as (robin, kai):
        say(messages.DEMO_INTRO)
        views = tour(bank, robin, kai)
        for n, (title, view) in enumerate(views, start=1):
            _heading(f"{n} of {len(views)}: {title}")
            view()
            if step and n < len(views):  # no "next view" after the last one
                _pause()
    say(messages.DEMO_DONE)


def tour(bank: Bank, robin: Workspace, kai: Workspace) -> list[tuple[str, Callable[[], None]]]:
    """The story in views, oldest first; each fits one screen at 80x40."""
    from trustrepair import services
    from trustrepair.cli import views
    from trustrepair.cli.about import show_about
    from trustrepair.cli.output import emit
    from trustrepair.compare import compare
    from trustrepair.render.terminal import report_view

    robin_all, kai_all = services.all_checkins(robin), services.all_checkins(kai)
    first = services.report_as_it_was(bank, robin_all[0])
    statement = services.report_as_it_was(bank, kai_all[0]).reflections
    apart = compare(bank, (AFFECTED, robin_all[4]), (BETRAYING, kai_all[4]))
    return [
        ("What trustrepair is for", lambda: show_about(bank)),
        ("The first weeks: Robin's first check-in", lambda: show(report_view(first, full=False))),
        ("Kai's written statement, and what a reflection notices", lambda: _statement(statement)),
        (
            "A few months in: they see transparency differently",
            lambda: emit(views.comparison_result(apart, bank)),
        ),
        (
            "The markers Robin named, and how often they were shown",
            lambda: emit(views.markers_result(robin, bank, show_all=False)),
        ),
        (
            "Waves of distrust, and a setback near the anniversary",
            lambda: emit(views.progress_result(robin, bank, brief=True)),
        ),
        ("Robin's check-ins over time", lambda: _history(bank, robin_all)),
        ("Today: Robin's summary", lambda: emit(views.summary_result(robin, bank))),
        (
            "Today: the two views side by side",
            lambda: emit(
                views.comparison_result(services.compare_profiles(bank, robin, kai), bank)
            ),
        ),
    ]


def _statement(reflections: list[StatementReflection]) -> None:
    from trustrepair.render.reflection import reflection_view

    for st in reflections:
        show(reflection_view(st.reflection))


def _history(bank: Bank, checkins: list[CheckIn]) -> None:
    from trustrepair.render.terminal import history_view
    from trustrepair.report import history_rows

    rows = history_rows(bank, list(reversed(checkins)))
    show(history_view(rows, bank.report.area_short, bank.report.status_short))


def _heading(title: str) -> None:
    from rich.rule import Rule
    from rich.text import Text

    from trustrepair.cli.common import console

    out = console()
    out.print()
    out.print(Rule(Text(f"Demo: {title}", style="bold cyan"), align="left"))


def _pause() -> None:
    try:
        typer.prompt("Press Enter for the next view", default="", show_default=False, err=True)
    except typer.Abort:
        raise KeyboardInterrupt from None


@app.command("check")
def demo_check(seed: SeedOption = 7) -> None:
    """Try the interactive check-in against the demo store (nothing is kept).

    Example: trustrepair demo check
    """
    from trustrepair import messages
    from trustrepair.cli.output import emit
    from trustrepair.cli.views import run_check

    with demo_home(seed) as (robin, _kai):
        say(messages.DEMO_CHECK_INTRO)
        result = run_check(load_bank(None), robin, role=None, answers_file=None, save=True)
        if result is not None:
            emit(result)
    say(messages.DEMO_DONE)
