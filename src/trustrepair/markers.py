"""Behavioural markers: the concreteness coach and the consistency of what was shown.

Pure functions over the bank's [markers] rules and stored models; no I/O. The coach is a
deliberately simple word matcher whose word lists live in data/prompts.toml, so anyone can
read why a marker was called vague and change the lists without touching code.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from trustrepair import messages
from trustrepair.bank import Bank
from trustrepair.bank_markers import MarkerRules
from trustrepair.errors import BadInputError
from trustrepair.models import (
    Consistency,
    DayTally,
    Marker,
    MarkerCounts,
    MarkerRecord,
    Tally,
    WeekTally,
)
from trustrepair.spikes import week_start
from trustrepair.text import has_control
from trustrepair.vocab import MARKER_TEXT_MAX, AnswerValue, Role

NOTE_MAX = 2000
WEEKS_SHOWN = 12
DAYS_COUNTED = 90  # the longest window; the store sends day totals for this many days
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
VOWELS = frozenset("aeiou")

# --- cleaning what was typed ---------------------------------------------------------------


def clean_marker_text(raw: str) -> str:
    """One line of text: runs of spaces and line breaks become one space."""
    text = " ".join(raw.split())
    if not text:
        raise BadInputError(messages.MARKER_TEXT_EMPTY)
    if len(text) > MARKER_TEXT_MAX:
        raise BadInputError(messages.MARKER_TEXT_TOO_LONG.format(max=MARKER_TEXT_MAX, n=len(text)))
    if has_control(text):
        raise BadInputError(messages.MARKER_TEXT_CONTROL)
    return text


def clean_note(raw: str | None) -> str | None:
    text = (raw or "").strip()
    if len(text) > NOTE_MAX:
        raise BadInputError(messages.MARKER_NOTE_TOO_LONG.format(max=NOTE_MAX, n=len(text)))
    if has_control(text):
        raise BadInputError(messages.MARKER_NOTE_CONTROL)
    return text or None


def same_words(markers: Iterable[Marker], text: str) -> Marker | None:
    """The first marker worded like `text`, ignoring case and spacing; None if there is none."""
    wanted = " ".join(text.casefold().split())
    return next((m for m in markers if " ".join(m.text.casefold().split()) == wanted), None)


def parse_marker_id(raw: str) -> int:
    text = raw.strip().removeprefix("#")
    if not (text.isascii() and text.isdigit()) or int(text) < 1 or len(text) > 9:
        raise BadInputError(messages.MARKER_BAD_ID)
    return int(text)


def parse_on_date(raw: str | None, today: dt.date) -> dt.date:
    """A day (2025-09-14, today, yesterday, 3 days ago); never in the future, 10 years back."""
    from trustrepair.dates import DateProblem, parse_date
    from trustrepair.moments import MAX_YEARS_BACK

    try:
        found = parse_date(raw or "today", today, month_ok=False, years_back=MAX_YEARS_BACK)
    except DateProblem as problem:
        if str(problem) == messages.DATE_TOO_OLD:
            raise BadInputError(messages.MARKER_OLD_DATE) from None
        raise BadInputError(f"--on: {problem}") from None
    return found.day


# --- the concreteness coach ----------------------------------------------------------------


@dataclass(frozen=True)
class Coaching:
    concrete: bool
    checking: bool
    advice: tuple[str, ...]
    actions: tuple[str, ...]
    timing: tuple[str, ...]
    vague: tuple[str, ...]


def word_forms(word: str) -> frozenset[str]:
    """A word and its usual English endings: text -> texts, texted, texting."""
    forms = {word, word + "s", word + "es", word + "d", word + "ed", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if len(word) > 2 and word.endswith("y") and word[-2] not in VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if _ends_consonant_vowel_consonant(word):
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return frozenset(forms)


def _ends_consonant_vowel_consonant(word: str) -> bool:
    if len(word) < 3 or word[-1] in VOWELS or word[-1] in "wxy":
        return False
    return word[-2] in VOWELS and word[-3] not in VOWELS


def _normalise(text: str) -> str:
    return text.lower().replace("\u2019", "'")


def words_of(text: str) -> list[str]:
    return WORD.findall(_normalise(text))


Phrase = tuple[frozenset[str], ...]
PhraseIndex = dict[str, list[Phrase]]


def _phrases(terms: Iterable[str]) -> PhraseIndex:
    """Phrases by every form of their first word, in the bank's order (so lookups are quick)."""
    index: PhraseIndex = {}
    for term in terms:
        forms = tuple(word_forms(w) for w in term.split())
        for first in forms[0]:
            index.setdefault(first, []).append(forms)
    return index


def _find(index: PhraseIndex, words: list[str]) -> list[str]:
    """The words of the text that match any phrase, in the order they appear."""
    found: list[str] = []
    for i, word in enumerate(words):
        for forms in index.get(word, ()):
            width = len(forms)
            if i + width <= len(words) and all(words[i + k] in forms[k] for k in range(1, width)):
                found.append(" ".join(words[i : i + width]))
                break
    return found


class MarkerCoach:
    """Built once from the bank's rules, then asked about any number of markers."""

    def __init__(self, rules: MarkerRules) -> None:
        self.rules = rules
        self.actions = _phrases(rules.action_words)
        self.general = _phrases(rules.general_verbs)
        self.timing = _phrases(rules.timing_words)
        self.vague = _phrases(rules.vague_words)
        self.patterns = [re.compile(p) for p in rules.timing_patterns]
        self.checking = [re.compile(p) for p in rules.checking_patterns]

    def is_checking(self, text: str) -> bool:
        """The writer (the hurt partner) does the looking, tracking, demanding or verifying."""
        lowered = " ".join(_normalise(text).split())
        return any(p.search(lowered) for p in self.checking)

    def check(self, text: str) -> Coaching:
        words = words_of(text)
        actions, general = _find(self.actions, words), _find(self.general, words)
        vague = _find(self.vague, words)
        lowered = _normalise(text)
        timing = _find(self.timing, words)
        timing += [m.group(0) for p in self.patterns for m in p.finditer(lowered)]
        # A general verb ("shows", "gives") only counts when nothing vague is its object.
        has_action = bool(actions) or (bool(general) and not vague)
        checking = self.is_checking(text)
        advice = [self.rules.advice.checking] if checking else []
        return Coaching(
            concrete=has_action and bool(timing) and not checking,
            checking=checking,
            advice=tuple(advice or self._advice(has_action, bool(timing), vague)),
            actions=tuple(dict.fromkeys(actions + general)),
            timing=tuple(dict.fromkeys(timing)),
            vague=tuple(dict.fromkeys(vague)),
        )

    def _advice(self, has_action: bool, has_timing: bool, vague: list[str]) -> list[str]:
        advice = self.rules.advice
        out: list[str] = []
        if not has_action:
            quoted = quote_words(list(dict.fromkeys(vague)))
            out.append(advice.feeling.replace("{words}", quoted) if vague else advice.no_action)
        if not has_timing:
            out.append(advice.no_timing)
        return out


def quote_words(words: list[str], limit: int = 3) -> str:
    shown = [f'"{w}"' for w in words[:limit]]
    if len(shown) < 2:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def markers_from_checkin(
    bank: Bank, role: Role, answers: Mapping[str, AnswerValue], extra: Iterable[str] = ()
) -> list[Marker]:
    """New markers named during a check-in: the marker question's answer, then any extras."""
    q = bank.question(bank.markers.from_question)
    texts = list(extra)
    answer = answers.get(q.id)
    if q.applies_to(role) and isinstance(answer, str):
        texts.insert(0, answer)
    return [Marker(text=clean_marker_text(t)) for t in texts]


# --- consistency ---------------------------------------------------------------------------


def counted_since(today: dt.date) -> dt.date:
    """The first day whose totals are needed for the windows and the weekly strip."""
    return today - dt.timedelta(days=DAYS_COUNTED - 1)


def day_tallies(records: Iterable[MarkerRecord]) -> list[DayTally]:
    by_day: dict[dt.date, list[int]] = {}
    for r in records:
        counts = by_day.setdefault(r.on_date, [0, 0])
        counts[0] += int(r.shown)
        counts[1] += 1
    return [DayTally(on_date=d, shown=s, recorded=n) for d, (s, n) in sorted(by_day.items())]


def counts_from_records(records: Iterable[MarkerRecord], since: dt.date) -> MarkerCounts:
    """The same figures the store computes in SQL, from records in memory."""
    days = day_tallies(records)
    return MarkerCounts(
        total=tally(days),
        first_on=days[0].on_date if days else None,
        days=[d for d in days if d.on_date >= since],
    )


def tally(
    days: Iterable[DayTally], start: dt.date | None = None, end: dt.date | None = None
) -> Tally:
    inside = [
        d
        for d in days
        if (start is None or d.on_date >= start) and (end is None or d.on_date <= end)
    ]
    return Tally(shown=sum(d.shown for d in inside), recorded=sum(d.recorded for d in inside))


def tally_sum(tallies: Iterable[Tally]) -> Tally:
    items = list(tallies)
    return Tally(shown=sum(t.shown for t in items), recorded=sum(t.recorded for t in items))


def weekly(days: list[DayTally], first: dt.date, last: dt.date) -> list[WeekTally]:
    """One tally per week from the week of `first` to the week of `last`, empty weeks included."""
    weeks: list[WeekTally] = []
    start = week_start(first)
    while start <= week_start(last):
        t = tally(days, start, start + dt.timedelta(days=6))
        weeks.append(WeekTally(week_start=start, shown=t.shown, recorded=t.recorded))
        start += dt.timedelta(weeks=1)
    return weeks


def consistency(added: dt.date, counts: MarkerCounts, today: dt.date) -> Consistency:
    """Shown against recorded over 30 days, 90 days and since added, plus recent weeks.

    "Last 30 days" means today and the 29 days before it. The weekly strip covers at most
    the last WEEKS_SHOWN weeks and never starts before the marker (or its first record).
    """
    days = counts.days
    began = min(added, counts.first_on or added)
    earliest = week_start(today) - dt.timedelta(weeks=WEEKS_SHOWN - 1)
    return Consistency(
        last_30_days=tally(days, today - dt.timedelta(days=29), today),
        last_90_days=tally(days, today - dt.timedelta(days=89), today),
        since_added=counts.total,
        weeks=weekly(days, max(began, earliest), today),
    )


def share(t: Tally) -> float | None:
    return None if t.recorded == 0 else t.shown / t.recorded
