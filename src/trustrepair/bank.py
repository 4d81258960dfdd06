"""Load and validate the question bank (data/prompts.toml) into plain records.

The bank is content, not code: questions, the rules that turn answers into prerequisite
statuses, and every piece of guidance with the article section it comes from. A bank file is
checked in full by Pydantic where it is read; the shipped one once per version of its file,
then read back from a cache of plain data (see bank_cache.py).
"""

from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from trustrepair.bank_calendar import CalendarText
from trustrepair.bank_fields import Check, Id, Limits, Words
from trustrepair.bank_markers import CheckedMarkerRules, ProgressText
from trustrepair.bank_reflect import CheckedReflect
from trustrepair.errors import BankError
from trustrepair.plain import Plain, field
from trustrepair.vocab import (
    BANK_VERSION_MAX,
    UNKNOWN,
    Addressee,
    Agreement,
    AnswerValue,
    Area,
    Role,
    Status,
)

Kind = Literal["scale", "choice", "yes_no", "date", "number", "text"]
Roles = Annotated[list[Role], Limits(min_length=1)]
MAX_BANK_BYTES = 4_000_000  # the shipped bank is under 200 kB


class Meta(Plain):
    version: Annotated[str, Limits(max_length=BANK_VERSION_MAX)]  # kept with each check-in
    language: str = "en"
    name: str = "trustrepair default bank"


class Source(Plain):
    title: str
    note: str = ""


class Section(Plain):
    id: Id
    title: str
    intro: str = ""


class Option(Plain):
    value: str
    label: str


class Question(Plain):
    id: Id
    section: Id
    roles: Roles
    kind: Kind
    text: Words
    short: Words
    help: str = ""
    optional: bool = False
    options: list[Option] = field(default_factory=list)
    min: int | None = None
    max: int | None = None
    min_label: str = ""
    max_label: str = ""
    unknown_label: str = ""  # a scale that also takes "unknown" (I don't know yet)
    default: AnswerValue | None = None
    max_length: Annotated[int, Limits(ge=1, le=20000)] = 2000

    def applies_to(self, role: Role) -> bool:
        return role in self.roles

    def option_label(self, value: str) -> str:
        if value == UNKNOWN and self.unknown_label:
            return self.unknown_label
        return next((o.label for o in self.options if o.value == value), value)


def _kind_fits(q: Question) -> None:
    if q.kind == "choice" and len(q.options) < 2:
        raise ValueError("a choice question needs at least two options")
    if q.kind != "choice" and q.options:
        raise ValueError(f"only choice questions have options, this one is {q.kind}")
    if q.kind == "scale" and (q.min is None or q.max is None):
        raise ValueError("a scale question needs min and max")
    if q.min is not None and q.max is not None and q.min >= q.max:
        raise ValueError("min must be below max")
    values = [o.value for o in q.options]
    if len(set(values)) != len(values):
        raise ValueError("option values must be unique")


class Condition(Plain):
    """One test on one answer. Exactly one of is_one_of, at_least, at_most, answered."""

    question: Id
    is_one_of: list[AnswerValue] | None = None
    at_least: float | None = None
    at_most: float | None = None
    answered: bool | None = None


def _one_test(c: Condition) -> None:
    tests = [c.is_one_of, c.at_least, c.at_most, c.answered]
    if sum(t is not None for t in tests) != 1:
        raise ValueError("give exactly one of is_one_of, at_least, at_most, answered")


Conditions = list[Annotated[Condition, Check(_one_test)]]
SomeConditions = Annotated[Conditions, Limits(min_length=1)]


class Rule(Plain):
    id: Id
    area: Area
    status: Status
    roles: Roles
    when: SomeConditions
    reason: Words
    guidance: list[Id] = field(default_factory=list)


class Guidance(Plain):
    """One piece of advice. `source` names the article section it paraphrases; without one,
    the text is trustrepair's own and carries no article credit."""

    id: Id
    addresses: Addressee
    title: str
    text: str
    source: Id | None = None

    def reaches(self, role: Role) -> bool:
        return self.addresses in ("both", role)


class Alert(Plain):
    id: Id
    kind: Literal["safety", "stop"]
    roles: Roles
    when: SomeConditions
    guidance: Id


class Support(Plain):
    id: Id
    roles: Roles
    when: Conditions = field(default_factory=list)
    guidance: Id


class Phase(Plain):
    id: Id
    title: str
    from_months: Annotated[int, Limits(ge=0)]
    to_months: int | None = None
    guidance: Id
    # A few words for the short summary's timeline line; a phase without them is left out there.
    brief: str | None = None


class Horizon(Plain):
    """The span the article gives for repair, and how to say where a person stands on it."""

    from_months: Annotated[int, Limits(ge=1)]
    to_months: Annotated[int, Limits(ge=1)]
    source: Id | None = None
    unknown: str
    before: str
    within: str
    after: str
    # The same, in a few words for the one-line timeline of the short summary.
    brief: dict[Literal["unknown", "before", "within", "after"], str]


class ReportText(Plain):
    disclaimer: str
    role_labels: dict[Role, str]
    area_titles: dict[Area, str]
    status_labels: dict[Status, str]
    # A word or two each, for narrow table columns (`history` at 80 columns).
    area_short: dict[Area, str]
    status_short: dict[Status, str]
    spikes_guidance: list[Id] = field(default_factory=list)
    anniversary_guidance: Id | None = None
    compare_guidance: dict[Agreement, Id] = field(default_factory=dict)
    safety_reason: str
    safety_support: list[Id] = field(default_factory=list)
    compare_safety: str  # said instead of a comparison while either partner is afraid
    own_part_title: str
    own_part_intro: str
    openings: dict[Role, str]
    horizon: Horizon


class About(Plain):
    title: str
    paragraphs: Annotated[list[str], Limits(min_length=1)]
    source: Id | None = None


class Bank(Plain):
    meta: Meta
    sources: dict[Id, Source]
    report: ReportText
    sections: list[Section]
    questions: list[Annotated[Question, Check(_kind_fits)]]
    guidance: list[Guidance]
    rules: list[Rule]
    alerts: list[Alert]
    support: list[Support]
    invitations: list[Support] = field(default_factory=list)
    phases: list[Phase]
    about: About
    markers: CheckedMarkerRules
    progress: ProgressText
    calendar: CalendarText
    reflect: CheckedReflect | None = None

    @property
    def question_ids(self) -> set[str]:
        return {q.id for q in self.questions}

    def question(self, qid: str) -> Question:
        return next(q for q in self.questions if q.id == qid)

    def guide(self, gid: str) -> Guidance:
        return next(g for g in self.guidance if g.id == gid)

    def section(self, sid: str) -> Section:
        return next(s for s in self.sections if s.id == sid)

    def questions_for(self, role: Role) -> list[Question]:
        return [q for q in self.questions if q.applies_to(role)]


# --- loading -------------------------------------------------------------------------------


def default_bank_path() -> Path:
    """The shipped bank: inside the wheel, or data/ in a source checkout (editable install)."""
    packaged = Path(__file__).resolve().parent / "data" / "prompts.toml"
    if packaged.is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "data" / "prompts.toml"
    if checkout.is_file():
        return checkout
    raise BankError("the built-in question bank is missing from this installation; reinstall it")


def load_bank(path: Path | None = None) -> Bank:
    """Read and validate a bank, failing with one line that names the file and the entry.

    A bank given by path is checked in full every time; the shipped one comes from the cache
    while its file is unchanged.
    """
    if path is None:
        return _load_default()
    return _load(path, read_bank_file(path))


@cache
def _load_default() -> Bank:
    from trustrepair import bank_cache

    path = default_bank_path()
    content = read_bank_file(path)
    key = bank_cache.key_for(content)
    bank = bank_cache.read(key, Bank)
    if bank is None:
        bank = _load(path, content, trusted=True)
        bank_cache.write(key, bank)
    return bank


def read_bank_file(path: Path) -> bytes:
    from trustrepair.safe_read import read_file

    return read_file(path, BankError, limit=MAX_BANK_BYTES)


def _load(path: Path, content: bytes, *, trusted: bool = False) -> Bank:
    """trusted: the shipped bank, whose patterns the tests compile; others are checked fully."""
    from trustrepair.bank_check import validate_bank
    from trustrepair.safe_read import loads_toml

    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise BankError(f"{path}: not a UTF-8 text file") from None
    raw = loads_toml(text, str(path), BankError)
    return validate_bank(raw, path, trusted=trusted)
