"""`trustrepair spike`: log one spike of distrust in a few seconds."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from trustrepair.cli.common import console, say, workspace

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

    from trustrepair.models import Spike

WhenOption = Annotated[
    str | None,
    typer.Option(
        "--at",
        help="When it came: now (default), 21:00 (yesterday's if still to come today), "
        "'yesterday 21:00', '30 min ago', '3 days ago', 2026-03-01 21:00.",
        metavar="WHEN",
    ),
]
MinutesOption = Annotated[
    str | None,
    typer.Option("--minutes", help="How long until it eased: 20, 1h, 1h30.", metavar="MINUTES"),
]
IntensityOption = Annotated[
    str | None, typer.Option("--intensity", help="How strong, 1 to 10.", metavar="1-10")
]
TriggerOption = Annotated[
    str | None,
    typer.Option(
        "--trigger",
        help="anniversary, reminder, 'new stressor', \"partner's behaviour\", unknown, "
        "or your own words (- reads them from standard input).",
        metavar="TEXT",
    ),
]
NoteOption = Annotated[
    str | None,
    typer.Option(
        "--note",
        help="A few words for yourself: - reads them from standard input, --note alone asks.",
        metavar="TEXT",
    ),
]
EditOption = Annotated[
    bool, typer.Option("--edit", help="Write the note in your editor ($VISUAL or $EDITOR).")
]


def spike(
    ctx: typer.Context,
    at: WhenOption = None,
    minutes: MinutesOption = None,
    intensity: IntensityOption = None,
    trigger: TriggerOption = None,
    note: NoteOption = None,
    edit: EditOption = False,
) -> None:
    """Log one spike of distrust. Several a day is normal; each takes seconds.

    With no options in a terminal it asks three quick questions (Enter skips).

    Words typed on the command line can be seen by other users of this computer and stay in
    your shell history: give - to read them from standard input, or --note alone to be asked.

    Example: trustrepair spike --at "yesterday 21:00" --minutes 20 --intensity 6 --trigger reminder
    """
    from trustrepair import messages
    from trustrepair.cli.private_text import private_text
    from trustrepair.errors import BadInputError
    from trustrepair.models import now_utc
    from trustrepair.moments import parse_intensity, parse_minutes, read_moment
    from trustrepair.spikes import new_spike

    now = now_utc()
    trigger = private_text(trigger, what=messages.ASK_TRIGGER)
    note = private_text(note, what=messages.ASK_NOTE, edit=edit) or None
    if all(v is None for v in (at, minutes, intensity, trigger, note)) and stdin_is_terminal():
        try:
            intensity, minutes, trigger = quick_questions(console(stderr=True))
        except EOFError:
            raise BadInputError(messages.SPIKE_INPUT_ENDED) from None
    when = read_moment(at or "now", now)
    logged = new_spike(
        when.at,
        minutes=None if minutes is None else parse_minutes(minutes),
        intensity=None if intensity is None else parse_intensity(intensity),
        trigger=trigger,
        note=note,
    )
    from trustrepair.services import log_spike

    same_day = log_spike(workspace(ctx), logged)
    say(_confirmation(logged, same_day, read_as_yesterday=when.read_as_yesterday))
    say(messages.SPIKE_SEE_TREND)


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()


def _confirmation(logged: Spike, same_day: int, *, read_as_yesterday: bool) -> str:
    from trustrepair import messages
    from trustrepair.models import as_local
    from trustrepair.render import words

    local = as_local(logged.at_utc, logged.utc_offset_minutes)
    details = [
        "" if logged.minutes is None else messages.SPIKE_DETAIL_MINUTES.format(n=logged.minutes),
        ""
        if logged.intensity is None
        else messages.SPIKE_DETAIL_INTENSITY.format(n=logged.intensity),
        logged.trigger or "",
    ]
    when = words.moment(local)
    line = messages.spike_logged(
        when, ", ".join(d for d in details if d), same_day, words.short_weekday(local)
    )
    if read_as_yesterday:
        line += " " + messages.SPIKE_READ_AS_YESTERDAY.format(clock=words.clock(local))
    return line


def quick_questions(ui: Console) -> tuple[str | None, str | None, str | None]:
    """Intensity, minutes, trigger. Like `check`: ? helps, < goes back, - or Enter skips."""
    from rich.text import Text

    from trustrepair import messages
    from trustrepair.moments import parse_intensity, parse_minutes
    from trustrepair.spikes import TRIGGERS, canonical_trigger

    names = list(TRIGGERS)
    questions: list[tuple[str, str, Callable[[str], object], list[str]]] = [
        (messages.SPIKE_ASK_INTENSITY, messages.SPIKE_HELP_INTENSITY, parse_intensity, []),
        (messages.SPIKE_ASK_MINUTES, messages.SPIKE_HELP_MINUTES, parse_minutes, []),
        (
            messages.SPIKE_ASK_TRIGGER,
            messages.SPIKE_HELP_TRIGGER,
            lambda text: canonical_trigger(_trigger_choice(text, names)),
            names,
        ),
    ]
    ui.print(Text(messages.SPIKE_INTRO, style="dim"))
    given: list[str | None] = [None, None, None]
    index = 0
    while index < len(questions):
        ask, help_text, check, options = questions[index]
        ui.print(Text(ask, style="bold"))
        for n, name in enumerate(options, 1):  # one per line, as `check` lists its choices
            ui.print(Text(f"  {n}. {name}"))
        typed = _ask(ui, check, help_text, given[index])
        if typed is BACK_STEP:
            if index == 0:
                ui.print(Text(messages.FIRST_QUESTION, style="dim"))
            index = max(index - 1, 0)
            continue
        given[index] = typed if isinstance(typed, str) else None
        index += 1
    intensity, minutes, trigger = given
    return intensity, minutes, None if trigger is None else _trigger_choice(trigger, names)


def _trigger_choice(typed: str, names: list[str]) -> str:
    """A number from the list stands for that trigger; anything else is the person's words."""
    if typed.isdigit() and 1 <= int(typed) <= len(names):
        return names[int(typed) - 1]
    return typed


BACK_STEP = object()  # `<` at a quick question


def _ask(
    ui: Console, check: Callable[[str], object], help_text: str, earlier: str | None
) -> str | object | None:
    """One answer: the typed text, None for skipped, BACK_STEP for `<`; Enter keeps `earlier`."""
    from rich.text import Text

    from trustrepair import messages
    from trustrepair.cli.interactive import BACK, HELP, SKIP
    from trustrepair.errors import BadInputError

    hint = messages.SPIKE_PROMPT_HINT + ("" if earlier is None else f" [{earlier}]")
    while True:
        typed = ui.input(Text(f"{hint} > ", style="cyan")).strip()
        if typed == HELP:
            ui.print(Text(help_text))
            continue
        if typed == BACK:
            return BACK_STEP
        if typed == SKIP:
            return None
        if not typed:
            return earlier
        try:
            check(typed)
        except BadInputError as problem:
            reason = problem.message.removeprefix("--")  # no options at a question
            ui.print(Text(messages.SORRY.format(reason=reason), style="yellow"))
            continue
        return typed
