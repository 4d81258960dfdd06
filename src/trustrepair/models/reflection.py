"""The reflection on an accountability statement: flagged phrases and strengths."""

from typing import Literal

from trustrepair.models.base import Count, Record


class ReflectFlag(Record):
    """A phrase that works against accountability: what kind, the words, why it matters."""

    category: str
    label: str
    phrase: str
    explanation: str
    source: str
    start: Count


class ReflectStrength(Record):
    id: str
    label: str
    phrase: str
    explanation: str
    source: str


class ReflectGap(Record):
    """A strength that was not found, with a hint about it."""

    id: str
    label: str
    hint: str


class SetAside(Record):
    """A phrase that matched but is not the writer's own: quoted, negated or reported."""

    category: str
    phrase: str
    why: Literal["quoted", "negated", "reported"]


class Reflection(Record):
    heard: bool
    summary: str
    flags: list[ReflectFlag]
    strengths: list[ReflectStrength]
    not_found: list[ReflectGap]
    set_aside: list[SetAside]
    caveat: str


class StatementReflection(Record):
    """The reflection on one text answer in a check-in (acc_statement, acc_heard)."""

    question: str
    heading: str
    reflection: Reflection
