"""`trustrepair demo`: a tour with a fictional couple, in a throwaway store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from trustrepair.cli.common import load_bank, say
from trustrepair.vocab import Role

if TYPE_CHECKING:
    from trustrepair.bank import Bank
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
            fill_profile(robin, generate.history(bank, Role.affected, seed=seed, today=today))
            fill_profile(kai, generate.history(bank, Role.betraying, seed=seed, today=today))
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
        for title, view in tour(bank, robin, kai):
            _heading(title)
            view()
            if step:
                _pause()
    say(messages.DEMO_DONE)


def tour(bank: Bank, robin: Workspace, kai: Workspace) -> list[tuple[str, Callable[[], None]]]:
    from trustrepair import services
    from trustrepair.cli import views
    from trustrepair.cli.about import show_about
    from trustrepair.cli.output import emit

    return [
        ("The model behind the tool", lambda: show_about(bank)),
        (
            "Robin's latest check-in: each prerequisite, why, and the guidance",
            lambda: emit(views.summary_result(robin, bank)),
        ),
        (
            "Progress: how often the waves of distrust came, week by week",
            lambda: emit(views.progress_result(robin, bank)),
        ),
        (
            "Timeline: where 14 months puts them, and the next anniversary",
            lambda: emit(views.timeline_result(robin, bank)),
        ),
        (
            "Markers: what Robin named as evidence, and how often it was shown",
            lambda: emit(views.markers_result(robin, bank, show_all=False)),
        ),
        (
            "Comparing Robin's view with Kai's",
            lambda: emit(views.comparison_result(services.compare_profiles(bank, robin, kai))),
        ),
    ]


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
