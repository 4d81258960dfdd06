"""The [markers] and [progress] tables of the question bank: how the marker coach and
`progress` speak. Content, not code: word lists, patterns and guidance ids live in
data/prompts.toml."""

import re
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
# A word or a short phrase in lowercase, as the marker coach matches them.
Term = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:['\- ][a-z0-9]+)*$", max_length=60)]


class BankModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class MarkerAdvice(BankModel):
    checking: str = Field(min_length=1)
    no_action: str = Field(min_length=1)
    feeling: str = Field(min_length=1)
    no_timing: str = Field(min_length=1)


class MarkerRules(BankModel):
    """How the marker coach tells an observable marker from a vague one (see prompts.toml)."""

    from_question: Id
    action_words: list[Term] = Field(min_length=1)
    general_verbs: list[Term] = []
    timing_words: list[Term] = Field(min_length=1)
    timing_patterns: list[str] = []
    vague_words: list[Term] = Field(min_length=1)
    checking_patterns: list[str] = []
    advice: MarkerAdvice
    concrete_note: str = Field(min_length=1)
    keep_anyway: str = Field(min_length=1)
    guidance: list[Id] = []
    checking_guidance: Id | None = None
    vague_guidance: Id | None = None
    missed_guidance: Id | None = None
    none_guidance: Id | None = None

    @model_validator(mode="after")
    def _lists_are_clean(self) -> Self:
        lists = {
            "action_words": self.action_words,
            "general_verbs": self.general_verbs,
            "timing_words": self.timing_words,
            "vague_words": self.vague_words,
        }
        seen: dict[str, str] = {}
        for name, terms in lists.items():
            for term in terms:
                if term in seen:
                    raise ValueError(f"{term!r} is in both {seen[term]} and {name}")
                seen[term] = name
        for pattern in [*self.timing_patterns, *self.checking_patterns]:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} is not a valid regex ({exc})") from None
        return self

    def referenced_guidance(self) -> list[str]:
        optional = [
            self.checking_guidance,
            self.vague_guidance,
            self.missed_guidance,
            self.none_guidance,
        ]
        return [*self.guidance, *(g for g in optional if g is not None)]


class TrendWords(BankModel):
    falling: str
    flat: str
    rising: str
    insufficient_data: str


class ProgressLabels(BankModel):
    so_far: str
    anniversary: str
    setback_anniversary: str
    setback_trigger: str
    setback_other: str
    own_words: str


class ProgressText(BankModel):
    """How `progress` speaks: trend words, chart labels, and the stop conditions' guidance."""

    trend_words: TrendWords
    labels: ProgressLabels
    guidance: list[Id] = []
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
