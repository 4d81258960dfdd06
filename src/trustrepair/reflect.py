"""Reflect on an accountability statement: phrases that work against it, and what helps.

Transparent on purpose: every flag comes from a pattern in the bank's [reflect] table, and a
match is set aside, not flagged, when it is not the writer's own words:
- inside quotation marks ("you said 'get over it' and that was wrong");
- inside reported speech of someone else ("you said", "my mum told me") or the writer's own
  disowned words ("I kept telling myself"), from the cue to the end of the clause; the writer's
  own "I've said sorry, so let's stop" stays in;
- governed by a negation: after it in the same clause, within a few words, and before any
  scope break (a comma, "and", "so" ...), so "I didn't plan it, things got out of hand" keeps
  its second half. A negated modal that asks rather than denies ("why can't we ...", "can't
  we ...") is a rhetorical question, read as the assertion it makes, so it negates nothing.
For what the affected partner was told (heard=True) quotes and reported speech are the
partner's words, so they count; negation still applies.

Pure functions: text in, a Reflection out. It describes phrases, never the person.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice
from typing import Literal

from trustrepair import messages
from trustrepair.bank import Bank
from trustrepair.bank_reflect import FlagCategory, Matcher, Patterned, Reflect
from trustrepair.errors import BadInputError
from trustrepair.models import (
    ReflectFlag,
    ReflectGap,
    Reflection,
    ReflectStrength,
    SetAside,
)
from trustrepair.spans import Span, Spans

# Curly and angled quotes read as straight ones, one character for one, so offsets still
# point into the original text.
_STRAIGHTEN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2039": "'",
        "\u203a": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u00a0": " ",
    }
)
_DOUBLE_QUOTED = re.compile(r'"[^"\n]{1,500}"')
# A single quote opens after a non-word character and closes before one, so the apostrophes in
# "don't" or "partner's" neither open nor close a quotation.
_SINGLE_QUOTED = re.compile(r"(?<![\w'])'(?=\S)[^\n]{0,500}?(?<=\S)'(?!\w)")
_WORD = re.compile(r"[\w'-]+")
_WORD_CHAR = re.compile(r"[\w'-]")
EXTRA_WORDS = 4  # words shown after a match, so the phrase reads as a phrase
Why = Literal["quoted", "negated", "reported"]


@dataclass(frozen=True)
class Found:
    """One pattern match, before deciding whether it is the writer's own."""

    span: Span
    why_not: Why | None  # None when the words are the writer's own


@dataclass(frozen=True)
class Scene:
    """The text with everything the rules need, worked out once."""

    original: str
    text: str
    quotes: Spans
    breaks: Spans
    scope_breaks: Spans  # where a negation stops reaching
    negations: Spans  # for flags: without those inside a flagged phrase
    all_negations: Spans  # for strengths: "it's not like I slept" names nothing
    reported: Spans
    stops: frozenset[str] = frozenset()
    lowered: str = ""  # the text lower-cased, letter for letter, for the patterns
    category_matches: dict[str, list[Span]] | None = None  # found once, used twice


# --- input ---------------------------------------------------------------------------------


def statement_from_bytes(data: bytes, where: str, max_chars: int) -> str:
    """Bytes from a file or standard input as a statement, or one clear error line."""
    if len(data) > max_chars * 4:
        raise _bad(where, messages.reflect_too_long(max_chars))
    if b"\x00" in data:
        raise _bad(where, messages.REFLECT_BINARY)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _bad(where, messages.REFLECT_BINARY) from None
    return check_statement(text, max_chars, where)


def check_statement(text: str, max_chars: int, where: str | None = None) -> str:
    """A statement fit to reflect on: not empty, not too long, plain text."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes on the command line arrive as surrogates
        raise _bad(where, messages.REFLECT_BINARY) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise _bad(where, messages.REFLECT_EMPTY)
    if len(text) > max_chars:
        raise _bad(where, messages.reflect_too_long(max_chars))
    if any(ch not in "\n\t" and unicodedata.category(ch) == "Cc" for ch in text):
        raise _bad(where, messages.REFLECT_BINARY)
    return text


def _bad(where: str | None, problem: str) -> BadInputError:
    return BadInputError(f"{where}: {problem}" if where else problem)


# --- the engine ----------------------------------------------------------------------------


def rules_of(bank: Bank) -> Reflect:
    """The bank's [reflect] table; a bank written before it existed has none."""
    if bank.reflect is None:
        raise BadInputError(messages.REFLECT_NO_TABLE)
    return bank.reflect


def reflect_statement(bank: Bank, text: str, *, heard: bool = False) -> Reflection:
    """Flags, strengths and what was set aside, for one statement."""
    rules = rules_of(bank)
    sources = {sid: src.title for sid, src in bank.sources.items()}
    scene = read_scene(rules, text, heard=heard)
    flags: list[ReflectFlag] = []
    set_aside: list[SetAside] = []
    for category in rules.categories:
        found = find(rules, scene, category, heard=heard, strength=False)
        kept = _one_per_phrase(scene, _without_overlaps(f for f in found if f.why_not is None))
        taken = Spans(f.span for f in kept)
        aside = _without_overlaps(
            f for f in found if f.why_not is not None and not taken.overlaps(f.span)
        )
        flags += [_flag(scene, category.id, rules, sources, f.span) for f in kept]
        set_aside += [
            SetAside(category=category.id, phrase=phrase(scene, f.span), why=why)
            for f in aside
            if (why := f.why_not) is not None
        ]
    strengths, not_found = _strengths(rules, sources, scene, heard=heard)
    categories = [f.category for f in flags]
    return Reflection(
        heard=heard,
        summary=rules.describe(categories, rules.summary) if categories else rules.no_flags,
        flags=sorted(flags, key=lambda f: f.start),
        strengths=strengths,
        not_found=not_found,
        set_aside=set_aside,
        caveat=rules.plain_caveat(),
    )


def read_scene(rules: Reflect, original: str, *, heard: bool = False) -> Scene:
    text = original.translate(_STRAIGHTEN)
    lowered = _lower(text)

    def spans(cues: Patterned | None) -> list[Span]:
        return [] if cues is None else _spans(rules.compiled(cues, heard=heard), lowered)

    # A negation that is part of a flagged phrase ("if you hadn't", "didn't mean anything")
    # belongs to that phrase, and one inside a rhetorical question ("why can't we") asks
    # rather than denies; neither cancels another phrase.
    matches = {c.id: spans(c) for c in rules.categories}
    phrases = Spans(sp for found in matches.values() for sp in found)
    rhetorical = Spans(spans(rules.rhetorical))
    all_negations = Spans(n for n in spans(rules.negations) if not rhetorical.contains(n))
    breaks = spans(rules.clause_breaks)
    return Scene(
        original=original,
        text=text,
        breaks=Spans(breaks),
        scope_breaks=Spans([*breaks, *spans(rules.scope_breaks)]),
        negations=Spans(n for n in all_negations if not phrases.contains(n)),
        all_negations=all_negations,
        quotes=_quote_spans(text),
        # What was heard counts reported words as the partner's own, so needs no cues.
        reported=Spans([]) if heard else Spans(spans(rules.reported_speech)),
        stops=frozenset(w.lower() for w in rules.phrase_stops),
        lowered=lowered,
        category_matches=matches,
    )


def _lower(text: str) -> str:
    """Lower case, one character for one, so offsets still point into the text."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def find(
    rules: Reflect, scene: Scene, kind: Patterned, *, heard: bool, strength: bool
) -> list[Found]:
    """Every match of one category or strength, each marked with why it is not the writer's."""
    window = rules.negation_window
    if isinstance(kind, FlagCategory) and scene.category_matches is not None:
        spans = scene.category_matches[kind.id]  # found while reading the scene
    else:
        spans = _spans(rules.compiled(kind, heard=heard), scene.lowered)
    return [Found(sp, why_not(scene, sp, window, heard=heard, strength=strength)) for sp in spans]


def why_not(scene: Scene, span: Span, window: int, *, heard: bool, strength: bool) -> Why | None:
    """Quoted, reported or negated: the reason a match is not the writer's own, or None."""
    if not heard and scene.quotes.holds_point(span.start):
        return "quoted"
    start = clause_start(scene, span.start)
    cues = scene.all_negations if strength else scene.negations
    if _negated(scene, cues, start, span.start, window):
        return "negated"
    # Reported speech matters for flags only: "I told you I lied" still names what happened.
    if not heard and not strength and _any_within(scene.reported, start, span.start):
        return "reported"
    return None


def _negated(scene: Scene, cues: Spans, start: int, at: int, window: int) -> bool:
    """A negation in the same clause, at most `window` words before `at`, with no scope break
    between them: "I didn't plan it, things got out of hand" negates only the first part."""
    for cue in cues.ending_by(at):
        if cue.end < start or _words_more_than(scene.text, cue.end, at, window):
            return False  # cues further back are further away still
        if cue.start >= start:
            return not scene.scope_breaks.overlaps(Span(cue.end, at))
    return False


def _any_within(cues: Spans, start: int, at: int) -> bool:
    """A cue in the clause before `at`, or one that runs into it ("you asked me if ...")."""
    nearest = next(cues.ending_by(at), None)
    return nearest is not None and nearest.end >= start


def clause_start(scene: Scene, at: int) -> int:
    """Where the clause holding position `at` begins (a match may start with a break: "if")."""
    return max(min(scene.breaks.reach_before(at), at), 0)


def clause_end(scene: Scene, at: int) -> int:
    return scene.breaks.first_start_from(at, default=len(scene.text))


def phrase(scene: Scene, span: Span) -> str:
    """The matched words, whole, plus a few words after them within the same clause."""
    start, end = shown(scene, span)
    return " ".join(scene.original[start:end].split()).strip(" ,'\"\u2018\u2019\u201c\u201d")


def shown(scene: Scene, span: Span) -> tuple[int, int]:
    """Where the phrase shown for a match starts and ends."""
    text = scene.text
    start, end = span.start, span.end
    while start > 0 and _WORD_CHAR.match(text[start - 1]):
        start -= 1
    while end < len(text) and _WORD_CHAR.match(text[end]):
        end += 1
    limit = clause_end(scene, end)
    quote = scene.quotes.around(span.start)
    if quote is not None:
        limit = min(limit, quote.end)  # a quoted phrase ends with its quotation
    for word in islice(_WORD.finditer(text, end, limit), EXTRA_WORDS):
        # Stop at punctuation or a joining word: the phrase should read as one phrase.
        if text[end : word.start()].strip() or word.group().lower() in scene.stops:
            break
        end = word.end()
    return start, end


def _flag(
    scene: Scene, category_id: str, rules: Reflect, sources: dict[str, str], span: Span
) -> ReflectFlag:
    c = rules.category(category_id)
    return ReflectFlag(
        category=c.id,
        label=c.label,
        phrase=phrase(scene, span),
        explanation=c.explanation,
        source=sources[c.source],
        start=span.start,
    )


def _strengths(
    rules: Reflect, sources: dict[str, str], scene: Scene, *, heard: bool
) -> tuple[list[ReflectStrength], list[ReflectGap]]:
    present: list[ReflectStrength] = []
    missing: list[ReflectGap] = []
    for s in rules.strengths:
        found = find(rules, scene, s, heard=heard, strength=True)
        own = sorted(f.span for f in found if f.why_not is None)
        if own:
            present.append(
                ReflectStrength(
                    id=s.id,
                    label=s.label,
                    phrase=phrase(scene, own[0]),
                    explanation=s.explanation,
                    source=sources[s.source],
                )
            )
        else:
            missing.append(ReflectGap(id=s.id, label=s.label, hint=s.hint))
    return present, missing


def _quote_spans(text: str) -> Spans:
    double = Spans(Span(m.start(), m.end()) for m in _DOUBLE_QUOTED.finditer(text))
    single = (Span(m.start(), m.end()) for m in _SINGLE_QUOTED.finditer(text))
    return Spans([*double, *(s for s in single if not double.overlaps(s))])


def _spans(matchers: Iterable[Matcher], lowered: str) -> list[Span]:
    return [Span(start, end) for m in matchers for start, end in m.spans(lowered)]


def _words_more_than(text: str, start: int, end: int, limit: int) -> bool:
    """More than `limit` words between start and end (stops counting once past the limit)."""
    for n, _ in enumerate(_WORD.finditer(text, start, max(start, end)), start=1):
        if n > limit:
            return True
    return False


def _one_per_phrase(scene: Scene, kept: list[Found]) -> list[Found]:
    """A match inside the words shown for the one before it is one flag with it, shown whole."""
    out: list[Found] = []
    for f in kept:
        if out and f.span.start < shown(scene, out[-1].span)[1]:
            last = out[-1].span
            out[-1] = Found(Span(last.start, max(last.end, f.span.end)), None)
        else:
            out.append(f)
    return out


def _without_overlaps(found: Iterable[Found]) -> list[Found]:
    """One flag per stretch of text: the earliest, longest match wins."""
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (f.span.start, f.span.start - f.span.end)):
        # Sorted by start and kept apart, so only the last kept match can overlap this one.
        if not kept or not kept[-1].span.overlaps(f.span):
            kept.append(f)
    return kept
