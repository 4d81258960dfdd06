"""The [reflect] table of the question bank: the patterns behind `trustrepair reflect`.

Patterns are content, not code, so a therapist can extend them and another language can bring
its own. Each one is a Python regular expression, matched case-insensitively, and may name
slots such as {you} or {partner}: word lists kept once in [reflect.slots], so a pattern reads as
a sentence form ("if {you} had ..., {i_would_not} ...") rather than a list of sentences. In a
record of what the affected partner was told, [reflect.heard_slots] widens a slot ({you} also
matches "I"), because "you" in the partner's words is written down as "I". A bank given by path
is checked pattern by pattern, slots filled in, when it is validated; every pattern is compiled
once per process, when it is first used.
"""

import re
from collections.abc import Iterator, Mapping
from typing import Annotated

from trustrepair.bank_fields import Check, Id, Limits, Words
from trustrepair.errors import BankError
from trustrepair.plain import Plain, field

PATTERN_FLAGS = re.IGNORECASE
WHAT = "{what}"
RECALL = "{recall}"
SLOT = re.compile(r"\{([a-z][a-z_]*)\}")
SLOT_DEPTH = 3  # a slot may name another slot, this many levels deep


def fill_slots(text: str, slots: Mapping[str, list[str]]) -> str:
    """The pattern with every {slot} replaced by its words as one group of alternatives."""
    for _ in range(SLOT_DEPTH + 1):
        if SLOT.search(text) is None:
            return text
        text = SLOT.sub(lambda m: _slot(m.group(1), slots), text)
    raise ValueError("slots name each other too deeply (a slot may name another, 3 levels)")


def _slot(name: str, slots: Mapping[str, list[str]]) -> str:
    if name not in slots:
        raise ValueError(f"the pattern names an unknown slot {{{name}}}")
    return "(?:" + "|".join(_alternatives(name, slots, SLOT_DEPTH)) + ")"


def _alternatives(name: str, slots: Mapping[str, list[str]], depth: int) -> list[str]:
    """A slot's words, with a word that is only another slot spliced in: one flat group of
    alternatives lets the regular expression engine skip ahead on their first letters."""
    out: list[str] = []
    for item in slots[name]:
        inner = SLOT.fullmatch(item)
        if inner is not None and inner.group(1) in slots and depth > 0:
            out += _alternatives(inner.group(1), slots, depth - 1)
        else:
            out.append(item)
    return out


def compile_pattern(text: str) -> re.Pattern[str]:
    """A pattern from the bank, checked: it must compile and must not match empty text."""
    try:
        compiled = re.compile(text, PATTERN_FLAGS)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression ({exc})") from None
    if compiled.search("") is not None:
        raise ValueError(f"the pattern {text!r} matches empty text, so it would match anywhere")
    return compiled


class Matcher:
    """A checked bank pattern, compiled to run fast on lower-cased text.

    Two things keep Python's regular expressions from skipping ahead quickly: a leading \\b and
    case-insensitive matching. So the leading \\b is checked after each match instead, and the
    pattern runs without IGNORECASE on lower-cased text (unless it spells an upper-case letter).
    """

    __slots__ = ("regex", "word_edge")

    def __init__(self, text: str) -> None:
        compile_pattern(text)
        self.word_edge = text.startswith(r"\b") and not text.startswith(r"\b(?<")
        body = text[2:] if self.word_edge else text
        cased = any(ch.isupper() for ch in _ESCAPE.sub("", body))
        self.regex = re.compile(body, PATTERN_FLAGS if cased else 0)

    def spans(self, lowered: str) -> Iterator[tuple[int, int]]:
        """Start and end of every match in the lower-cased text, left to right."""
        if not self.word_edge:
            yield from (found.span() for found in self.regex.finditer(lowered))
            return
        at = 0
        while (hit := self.regex.search(lowered, at)) is not None:
            if _word_edge(lowered, hit.start()):
                yield hit.span()
                at = max(hit.end(), hit.start() + 1)
            else:
                at = hit.start() + 1


_ESCAPE = re.compile(r"\\.")
_WORD = re.compile(r"\w")


def _word_edge(text: str, at: int) -> bool:
    before = at > 0 and _WORD.match(text, at - 1) is not None
    after = at < len(text) and _WORD.match(text, at) is not None
    return before != after


# Checked pattern by pattern when a bank file is read (the shipped bank: by the tests).
Pattern = Annotated[str, Check(compile_pattern, skip_trusted=True)]


class _CompiledCache:
    """A slot beside the fields for the compiled patterns (never validated, never written)."""

    __slots__ = ("_compiled",)
    _compiled: dict[bool, tuple[Matcher, ...]]


class Patterned(Plain, _CompiledCache):
    """Something found by patterns; the compiled patterns are kept next to the text."""

    patterns: Annotated[list[Pattern], Limits(min_length=1)]

    def compiled(self, slots: Mapping[str, list[str]], *, heard: bool) -> tuple[Matcher, ...]:
        """Compiled on first use, once per process and way of filling the slots (own words,
        or what was heard)."""
        try:
            cache = self._compiled
        except AttributeError:
            cache = self._compiled = {}
        if heard not in cache:
            try:
                cache[heard] = tuple(Matcher(fill_slots(p, slots)) for p in self.patterns)
            except ValueError as exc:
                raise BankError(f"the question bank's [reflect] table: {exc}") from None
        return cache[heard]


class FlagCategory(Patterned):
    """A kind of phrase that works against accountability (blame-shifting, minimising ...)."""

    id: Id
    label: Words
    note: Words
    explanation: Words
    source: Id
    guidance: list[Id] = field(default_factory=list)


class StrengthKind(Patterned):
    """Something in a statement that helps it carry weight (naming the harm ...)."""

    id: Id
    label: Words
    explanation: Words
    hint: Words
    source: Id


class ReflectQuestion(Plain):
    """A text question in `check` whose answer gets a reflection."""

    question: Id
    heard: bool = False
    heading: Words
    note: Words


def _note_names_what(question: ReflectQuestion) -> None:
    if WHAT not in question.note:
        raise ValueError(f"note must contain {WHAT} (where the kinds of phrase go)")


class Cues(Patterned):
    """Words that change what a phrase means for the speaker (negation, reported speech)."""


class Measured(Plain):
    """How the patterns did on held-out wording; written by benchmarks/reflect_accuracy.py."""

    recall: Annotated[float, Limits(ge=0, le=1)]
    statements: Annotated[int, Limits(ge=1)]
    round: Words


class Reflect(Plain):
    max_chars: Annotated[int, Limits(ge=100, le=100_000)] = 20_000
    negation_window: Annotated[int, Limits(ge=0, le=12)] = 4
    # {recall} in the caveat is replaced by the measured recall below, in plain words.
    caveat: Words
    measured: Measured | None = None
    note_caption: Words
    no_flags: Words
    summary: Words
    and_word: str = "and"
    # Words that end the few words of context shown after a phrase (and, but ...).
    phrase_stops: list[str] = field(default_factory=list)
    slots: dict[Id, list[str]] = field(default_factory=dict)
    heard_slots: dict[Id, list[str]] = field(default_factory=dict)
    negations: Cues
    # Negated modals that ask rather than deny ("why can't we ..."): not negations.
    rhetorical: Cues | None = None
    reported_speech: Cues
    clause_breaks: Cues
    # Where a negation stops reaching, besides the clause breaks (a comma, "and", "so" ...).
    scope_breaks: Cues | None = None
    questions: list[Annotated[ReflectQuestion, Check(_note_names_what)]] = field(
        default_factory=list
    )
    categories: Annotated[list[FlagCategory], Limits(min_length=1)]
    strengths: list[StrengthKind] = field(default_factory=list)

    def patterned(self) -> Iterator[tuple[str, Patterned]]:
        """Every set of patterns in the table, with where it lives."""
        for name in ("negations", "rhetorical", "reported_speech", "clause_breaks", "scope_breaks"):
            cues = getattr(self, name)
            if cues is not None:
                yield name, cues
        for c in self.categories:
            yield f"category {c.id!r}", c
        for st in self.strengths:
            yield f"strength {st.id!r}", st

    def slots_for(self, *, heard: bool) -> dict[str, list[str]]:
        return {**self.slots, **self.heard_slots} if heard else dict(self.slots)

    def compiled(self, kind: Patterned, *, heard: bool = False) -> tuple[Matcher, ...]:
        return kind.compiled(self.slots_for(heard=heard), heard=heard)

    def plain_caveat(self) -> str:
        """The caveat with the measured recall in words ("about 8 in 10 (78%)")."""
        if self.measured is None:
            return self.caveat
        share = self.measured.recall
        return self.caveat.replace(RECALL, f"about {round(share * 10)} in 10 ({share:.0%})")

    def describe(self, category_ids: list[str], template: str) -> str:
        """The template with {what} replaced by the notes of these categories, in bank order."""
        notes = [c.note for c in self.categories if c.id in category_ids]
        what = (
            notes[0] if len(notes) == 1 else f"{', '.join(notes[:-1])} {self.and_word} {notes[-1]}"
        )
        return template.replace(WHAT, what)

    def check_references(
        self, sources: set[str], guidance: set[str], questions: set[str], texts: set[str]
    ) -> None:
        """Ids are unique and every source, guidance entry and question named exists."""
        _unique("reflect category", [c.id for c in self.categories])
        _unique("reflect strength", [s.id for s in self.strengths])
        _unique("reflect question", [q.question for q in self.questions])
        for c in self.categories:
            _known(f"reflect category {c.id!r}", "source", c.source, sources)
            for gid in c.guidance:
                _known(f"reflect category {c.id!r}", "guidance", gid, guidance)
        for st in self.strengths:
            _known(f"reflect strength {st.id!r}", "source", st.source, sources)
        for rq in self.questions:
            _known("reflect.questions", "question", rq.question, questions)
            if rq.question not in texts:
                raise ValueError(f"reflect.questions names {rq.question!r}, not a text question")

    def category(self, cid: str) -> FlagCategory:
        return next(c for c in self.categories if c.id == cid)

    def for_question(self, qid: str) -> ReflectQuestion | None:
        return next((q for q in self.questions if q.question == qid), None)


def _summary_names_what(rules: Reflect) -> None:
    if WHAT not in rules.summary:
        raise ValueError(f"summary must contain {WHAT} (where the kinds of phrase go)")
    if RECALL in rules.caveat and rules.measured is None:
        raise ValueError(f"caveat contains {RECALL} but there is no [reflect.measured]")


def _slots_fill_in(rules: Reflect) -> None:
    """Every pattern, with its slots filled both ways, compiles."""
    for where, kind in rules.patterned():
        for heard in (False, True):
            for p in kind.patterns:
                try:
                    compile_pattern(fill_slots(p, rules.slots_for(heard=heard)))
                except ValueError as exc:
                    raise ValueError(f"{where}: {exc}") from None


# The table as a bank file's [reflect] is checked: the whole-table tests run once its fields
# are valid, the slow one (every pattern with its slots filled in) only for a bank by path.
CheckedReflect = Annotated[
    Reflect, Check(_summary_names_what), Check(_slots_fill_in, skip_trusted=True)
]


def _unique(kind: str, ids: list[str]) -> None:
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ValueError(f"duplicate {kind} id {dupes[0]!r}")


def _known(owner: str, kind: str, ref: str, known: set[str]) -> None:
    if ref not in known:
        raise ValueError(f"{owner} names a missing {kind} {ref!r}")
