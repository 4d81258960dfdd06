"""The reflection after a written statement in the check-in, and the offer to rewrite it.

Offered only when phrases were flagged, and never forced: anything but y keeps the answer.
A new version becomes the answer; the old one is kept as an earlier draft (see drafts.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from trustrepair import messages
from trustrepair.answers import AnswerProblem, parse_typed
from trustrepair.assess import afraid
from trustrepair.drafts import with_rewrite
from trustrepair.reflect import reflect_statement
from trustrepair.render.reflection import reflection_view

if TYPE_CHECKING:
    from trustrepair.bank import Bank, Question
    from trustrepair.vocab import AnswerValue

MAX_REWRITES = 3  # enough to try again; not a loop to be caught in
KEEP = ("", "<", "-")


def reflect_and_offer_rewrite(
    bank: Bank,
    ui: Console,
    q: Question,
    answers: dict[str, AnswerValue],
    read_text: Callable[[str], str],
) -> None:
    """Show the reflection on a written answer; when it flags phrases, offer a rewrite.

    Not while someone is afraid: then no one's words are read, as in the summary.
    """
    asked = bank.reflect.for_question(q.id) if bank.reflect is not None else None
    if asked is None or not isinstance(answers.get(q.id), str) or afraid(answers):
        return
    for rewrites in range(MAX_REWRITES + 1):
        value = str(answers[q.id])
        reflection = reflect_statement(bank, value, heard=asked.heard)
        title = Text(asked.heading, style="bold")
        ui.print(Panel(reflection_view(reflection), title=title, title_align="left"))
        # What the hurt partner was told is their record of someone else's words: the flags
        # are about those words, so they are never invited to reword it.
        if asked.heard:
            return
        if not reflection.flags or rewrites == MAX_REWRITES:
            ui.print(Text(messages.REFLECT_REVISE, style="dim"))
            return
        offer = messages.REFLECT_REWRITE_OFFER
        if ui.input(Text(offer, style="cyan")).strip().lower() not in ("y", "yes"):
            return
        new = _new_version(ui, q, read_text)
        if new is None:
            ui.print(Text(messages.REFLECT_REWRITE_KEPT, style="dim"))
            return
        answers.update(with_rewrite(answers, q.id, new))
        ui.print(Text(messages.REFLECT_REWRITE_SAVED, style="dim"))


def _new_version(ui: Console, q: Question, read_text: Callable[[str], str]) -> str | None:
    """The rewritten text, checked like any answer; None keeps the one there is."""
    ui.print(Text(messages.REFLECT_REWRITE_PROMPT, style="dim"))
    while True:
        typed = read_text("your words")
        if typed.strip() in KEEP:
            return None
        try:
            value = parse_typed(q, typed)
        except AnswerProblem as problem:
            ui.print(Text(messages.SORRY.format(reason=problem), style="yellow"))
            continue
        return str(value)
