"""The [markers] and [progress] tables of the question bank: how the marker coach and
`progress` speak. Content, not code: word lists, patterns and guidance ids live in
data/prompts.toml."""

import re
from typing import Annotated

from trustrepair.bank_fields import Check, Id, Limits, Words
from trustrepair.plain import Plain, field
from trustrepair.vocab import Trend

# A word or a short phrase in lowercase, as the marker coach matches them.
Term = Annotated[str, Limits(pattern=r"^[a-z0-9]+(?:['\- ][a-z0-9]+)*$", max_length=60)]
Terms = Annotated[list[Term], Limits(min_length=1)]


class MarkerAdvice(Plain):
    checking: Words
    no_action: Words
    feeling: Words
    no_timing: Words


class MarkerRules(Plain):
    """How the marker coach tells an observable marker from a vague one (see prompts.toml)."""

    from_question: Id
    action_words: Terms
    general_verbs: list[Term] = field(default_factory=list)
    timing_words: Terms
    timing_patterns: list[str] = field(default_factory=list)
    vague_words: Terms
    checking_patterns: list[str] = field(default_factory=list)
    advice: MarkerAdvice
    concrete_note: Words
    keep_anyway: Words
    guidance: list[Id] = field(default_factory=list)
    checking_guidance: Id | None = None
    vague_guidance: Id | None = None
    missed_guidance: Id | None = None
    none_guidance: Id | None = None

    def referenced_guidance(self) -> list[str]:
        optional = [
            self.checking_guidance,
            self.vague_guidance,
            self.missed_guidance,
            self.none_guidance,
        ]
        return [*self.guidance, *(g for g in optional if g is not None)]


def lists_are_clean(rules: MarkerRules) -> None:
    """No term is in two word lists, and every pattern compiles."""
    lists = {
        "action_words": rules.action_words,
        "general_verbs": rules.general_verbs,
        "timing_words": rules.timing_words,
        "vague_words": rules.vague_words,
    }
    seen: dict[str, str] = {}
    for name, terms in lists.items():
        for term in terms:
            if term in seen:
                raise ValueError(f"{term!r} is in both {seen[term]} and {name}")
            seen[term] = name
    for pattern in [*rules.timing_patterns, *rules.checking_patterns]:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"pattern {pattern!r} is not a valid regex ({exc})") from None


CheckedMarkerRules = Annotated[MarkerRules, Check(lists_are_clean)]


class TrendWords(Plain):
    falling: str
    flat: str
    rising: str
    insufficient_data: str

    def word(self, trend: Trend) -> str:
        """The words for one trend."""
        return str(getattr(self, trend))


class ProgressLabels(Plain):
    so_far: str
    anniversary: str
    setback_anniversary: str
    setback_trigger: str
    setback_other: str
    own_words: str


class ProgressText(Plain):
    """How `progress` speaks: trend words, chart labels, and the stop conditions' guidance."""

    trend_words: TrendWords
    labels: ProgressLabels
    guidance: list[Id] = field(default_factory=list)
    setback_guidance: Id
    stop_accountability: Id
    stop_ongoing: Id
    stop_no_change_gentle: Id
    stop_no_change_clear: Id

    def guidance_ids(self) -> list[str]:
        return [
            *self.guidance,
            self.setback_guidance,
            self.stop_accountability,
            self.stop_ongoing,
            self.stop_no_change_gentle,
            self.stop_no_change_clear,
        ]
