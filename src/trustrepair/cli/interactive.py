"""The interactive walk-through behind `trustrepair check`: prompts, help, back and skip."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from trustrepair import messages
from trustrepair.answers import AnswerProblem, parse_typed
from trustrepair.assess import answer_label, safety_alert
from trustrepair.cli.rewrite import reflect_and_offer_rewrite
from trustrepair.errors import BadInputError
from trustrepair.markers import MarkerCoach, clean_marker_text
from trustrepair.render.markers import coaching_view
from trustrepair.render.terminal import alert_panel
from trustrepair.vocab import Q_ROLE, Role

if TYPE_CHECKING:
    from trustrepair.bank import Bank, Question
    from trustrepair.vocab import AnswerValue

HELP, BACK, SKIP = "?", "<", "-"
MAX_EXTRA_MARKERS = 10  # a check-in is not the place to list dozens; `markers add` is


class StoppedForSafety(Exception):
    """The person chose to stop after seeing the safety guidance."""


@dataclass
class Walkthrough:
    bank: Bank
    ui: Console
    role: Role | None = None
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    fixed_role: bool = False
    extra_markers: list[str] = field(default_factory=list)
    offer_markers: bool = True  # editing a check-in does not ask for new markers

    def sequence(self) -> list[Question]:
        """Safety first, then the role (unless given), then that role's questions."""
        first = [q for q in self.bank.questions if q.section == "safety"]
        if not self.fixed_role:
            first += [q for q in self.bank.questions if q.id == "role"]
        if self.role is None:
            return first
        rest = [q for q in self.bank.questions_for(self.role) if q not in first and q.id != "role"]
        return first + rest

    def run(self) -> tuple[Role, dict[str, AnswerValue]]:
        self.ui.print(Text(messages.CHECK_INTRO, style="dim"))
        index, section = 0, ""
        while index < len(seq := self.sequence()):
            q = seq[index]
            if q.section != section:
                section = q.section
                self._section_header(q.section)
            step = self._ask(q, index, len(seq))
            if step == BACK:
                index, section = max(index - 1, 0), ""
                continue
            self._after_answer(q, is_last=index == len(seq) - 1)
            index += 1
        assert self.role is not None  # noqa: S101 - the sequence always asks for a role
        if self.offer_markers:
            self._offer_more_markers()
        # The role is kept once, on the check-in, not again among the answers.
        return self.role, {k: v for k, v in self.answers.items() if k != Q_ROLE}

    def _section_header(self, sid: str) -> None:
        s = self.bank.section(sid)
        self.ui.print()
        self.ui.print(Rule(Text(s.title, style="bold"), align="left"))
        if s.intro:
            self.ui.print(Text(s.intro, style="dim"))

    def _ask(self, q: Question, index: int, total: int) -> str:
        known = self.role is not None
        counter = f"Question {index + 1} of {total}" if known else f"Question {index + 1}"
        self.ui.print()
        self.ui.print(Text(counter, style="dim"))
        self.ui.print(Text(q.text, style="bold"))
        self._show_choices(q)
        while True:
            typed = self._read(q)
            outcome = self._handle(q, typed, index)
            if outcome is not None:
                return outcome

    def _handle(self, q: Question, typed: str, index: int) -> str | None:
        command = typed.strip()
        if command == HELP:
            self.ui.print(
                Padding(Text(q.help or "No extra help for this question."), (0, 2), expand=False)
            )
            return None
        if command == BACK:
            if index == 0:
                self.ui.print(Text("This is the first question.", style="dim"))
                return None
            return BACK
        # Enter keeps what the prompt showed: the earlier answer after `<`, else the default.
        shown = self.answers.get(q.id, q.default)
        if command == SKIP or (not command and shown is None):
            if q.optional:
                self.answers.pop(q.id, None)
                return "skipped"
            self.ui.print(Text("This one needs an answer (? shows help).", style="yellow"))
            return None
        try:
            value = parse_typed(q, command) if command else shown
        except AnswerProblem as problem:
            self.ui.print(Text(messages.SORRY.format(reason=problem), style="yellow"))
            return None
        assert value is not None  # noqa: S101 - empty input with nothing shown returned above
        self.answers[q.id] = value
        return "answered"

    def _show_choices(self, q: Question) -> None:
        if q.kind == "choice":
            for n, option in enumerate(q.options, start=1):
                self.ui.print(Text(f"  {n}. {option.label}"))
        elif q.kind == "scale":
            self.ui.print(Text(f"  {q.min} = {q.min_label}, {q.max} = {q.max_label}", style="dim"))
            if q.unknown_label:
                dont_know = messages.SCALE_DONT_KNOW.format(label=q.unknown_label)
                self.ui.print(Text(dont_know, style="dim"))

    def _read(self, q: Question) -> str:
        hint = _hint(q, self.answers.get(q.id, q.default))
        if q.kind == "text":
            return self._read_text(hint)
        return self.ui.input(Text(f"{hint} > ", style="cyan"))

    def _read_text(self, hint: str) -> str:
        self.ui.print(Text(f"{hint} (finish with an empty line)", style="dim"))
        lines: list[str] = []
        while line := self.ui.input(Text("| ", style="cyan")):
            lines.append(line)
            if len(lines) == 1 and line.strip() in (HELP, BACK, SKIP):
                break
        return "\n".join(lines)

    def _after_answer(self, q: Question, *, is_last: bool = False) -> None:
        if q.id == Q_ROLE and isinstance(role := self.answers.get(Q_ROLE), str):
            self.role = Role(role)
        marker = self.answers.get(q.id) if q.id == self.bank.markers.from_question else None
        if isinstance(marker, str):
            self._coach(marker)
            if not is_last:
                self.ui.print(Text(messages.MARKER_REWRITE_HINT, style="dim"))
        if q.section == "safety":
            alert = safety_alert(self.bank, self.role, self.answers)
            if alert is not None:
                self.ui.print(alert_panel(alert))
                self._offer_to_stop()
        self._reflect_on(q)

    def _reflect_on(self, q: Question) -> None:
        """Right after a written statement: the phrases in it, and a chance to rewrite it."""
        reflect_and_offer_rewrite(self.bank, self.ui, q, self.answers, self._read_text)

    def _coach(self, text: str) -> None:
        coaching = MarkerCoach(self.bank.markers).check(text)
        rules = self.bank.markers
        note = rules.concrete_note if coaching.concrete else rules.keep_anyway
        self.ui.print(
            coaching_view(coaching.concrete, coaching.advice, note, checking=coaching.checking)
        )

    def _offer_more_markers(self) -> None:
        """Only for the role the marker question is for, and only if they named one already."""
        q = self.bank.question(self.bank.markers.from_question)
        if self.role is None or not q.applies_to(self.role) or q.id not in self.answers:
            return
        while len(self.extra_markers) < MAX_EXTRA_MARKERS:
            self.ui.print()
            typed = self.ui.input(Text(messages.MARKER_MORE_OFFER, style="cyan"))
            if typed.strip().lower() not in ("y", "yes"):
                return
            self.ui.print(Text(messages.MARKER_MORE_PROMPT, style="dim"))
            written = self._read_text("your words")
            if written.strip() in ("", BACK, SKIP):
                return
            try:
                text = clean_marker_text(written)
            except BadInputError as problem:
                self.ui.print(Text(messages.SORRY.format(reason=problem.message), style="yellow"))
                continue
            self.extra_markers.append(text)
            self._coach(text)

    def _offer_to_stop(self) -> None:
        typed = self.ui.input(Text("Continue with the check-in? (y/N) > ", style="cyan"))
        if typed.strip().lower() not in ("y", "yes"):
            raise StoppedForSafety


def _hint(q: Question, current: AnswerValue | None) -> str:
    shown = ""
    if current is not None:
        shown = f" [{_choice_no(q, current) if q.kind == 'choice' else answer_label(q, current)}]"
    base = {
        "yes_no": "y/n",
        "choice": f"1-{len(q.options)}",
        "scale": f"{q.min}-{q.max}",
        "date": "2025-09-14, or a month: 2025-09",
        "number": "a number",
        "text": "your words",
    }[q.kind]
    optional = ", - to skip" if q.optional else ""
    return f"{base}{optional}{shown}"


def _choice_no(q: Question, value: AnswerValue | None) -> str:
    values = [o.value for o in q.options]
    return str(values.index(value) + 1) if value in values else ""


def summary_heading() -> Group:
    return Group(Text(""), Rule(Text("Your summary", style="bold"), align="left"))
