"""Load and validate the question bank (data/prompts.toml) into models.

The bank is content, not code: questions, the rules that turn answers into prerequisite
statuses, and every piece of guidance with the article section it comes from.
"""

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from trustrepair.answers import AnswerProblem, coerce_answer
from trustrepair.bank_calendar import CalendarText
from trustrepair.bank_markers import MarkerRules, ProgressText
from trustrepair.bank_reflect import Reflect
from trustrepair.errors import BankError, describe_validation_error
from trustrepair.vocab import (
    MARKER_TEXT_MAX,
    UNKNOWN,
    Addressee,
    Agreement,
    AnswerValue,
    Area,
    Role,
    Status,
)

Kind = Literal["scale", "choice", "yes_no", "date", "number", "text"]
Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
MAX_BANK_BYTES = 4_000_000  # the shipped bank is under 100 kB


class BankModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Meta(BankModel):
    version: str
    language: str = "en"
    name: str = "trustrepair default bank"


class Source(BankModel):
    title: str
    note: str = ""


class Section(BankModel):
    id: Id
    title: str
    intro: str = ""


class Option(BankModel):
    value: str
    label: str


class Question(BankModel):
    id: Id
    section: Id
    roles: list[Role] = Field(min_length=1)
    kind: Kind
    text: str = Field(min_length=1)
    short: str = Field(min_length=1)
    help: str = ""
    optional: bool = False
    options: list[Option] = []
    min: int | None = None
    max: int | None = None
    min_label: str = ""
    max_label: str = ""
    unknown_label: str = ""  # a scale that also takes "unknown" (I don't know yet)
    default: AnswerValue | None = None
    max_length: int = Field(default=2000, ge=1, le=20000)

    @model_validator(mode="after")
    def _kind_fits(self) -> Self:
        if self.kind == "choice" and len(self.options) < 2:
            raise ValueError("a choice question needs at least two options")
        if self.kind != "choice" and self.options:
            raise ValueError(f"only choice questions have options, this one is {self.kind}")
        if self.kind == "scale" and (self.min is None or self.max is None):
            raise ValueError("a scale question needs min and max")
        if self.min is not None and self.max is not None and self.min >= self.max:
            raise ValueError("min must be below max")
        values = [o.value for o in self.options]
        if len(set(values)) != len(values):
            raise ValueError("option values must be unique")
        return self

    def applies_to(self, role: Role) -> bool:
        return role in self.roles

    def option_label(self, value: str) -> str:
        if value == UNKNOWN and self.unknown_label:
            return self.unknown_label
        return next((o.label for o in self.options if o.value == value), value)


class Condition(BankModel):
    """One test on one answer. Exactly one of is_one_of, at_least, at_most, answered."""

    question: Id
    is_one_of: list[AnswerValue] | None = None
    at_least: float | None = None
    at_most: float | None = None
    answered: bool | None = None

    @model_validator(mode="after")
    def _one_test(self) -> Self:
        tests = [self.is_one_of, self.at_least, self.at_most, self.answered]
        if sum(t is not None for t in tests) != 1:
            raise ValueError("give exactly one of is_one_of, at_least, at_most, answered")
        return self


class Rule(BankModel):
    id: Id
    area: Area
    status: Status
    roles: list[Role] = Field(min_length=1)
    when: list[Condition] = Field(min_length=1)
    reason: str = Field(min_length=1)
    guidance: list[Id] = []


class Guidance(BankModel):
    """One piece of advice. `source` names the article section it paraphrases; without one,
    the text is trustrepair's own and carries no article credit."""

    id: Id
    addresses: Addressee
    title: str
    text: str
    source: Id | None = None

    def reaches(self, role: Role) -> bool:
        return self.addresses in ("both", role)


class Alert(BankModel):
    id: Id
    kind: Literal["safety", "stop"]
    roles: list[Role] = Field(min_length=1)
    when: list[Condition] = Field(min_length=1)
    guidance: Id


class Support(BankModel):
    id: Id
    roles: list[Role] = Field(min_length=1)
    when: list[Condition] = []
    guidance: Id


class Phase(BankModel):
    id: Id
    title: str
    from_months: int = Field(ge=0)
    to_months: int | None = None
    guidance: Id
    # A few words for the short summary's timeline line; a phase without them is left out there.
    brief: str | None = None


class Horizon(BankModel):
    """The span the article gives for repair, and how to say where a person stands on it."""

    from_months: int = Field(ge=1)
    to_months: int = Field(ge=1)
    source: Id | None = None
    unknown: str
    before: str
    within: str
    after: str
    # The same, in a few words for the one-line timeline of the short summary.
    brief: dict[Literal["unknown", "before", "within", "after"], str]


class ReportText(BankModel):
    disclaimer: str
    role_labels: dict[Role, str]
    area_titles: dict[Area, str]
    status_labels: dict[Status, str]
    # A word or two each, for narrow table columns (`history` at 80 columns).
    area_short: dict[Area, str]
    status_short: dict[Status, str]
    spikes_guidance: list[Id] = []
    anniversary_guidance: Id | None = None
    compare_guidance: dict[Agreement, Id] = {}
    safety_reason: str
    safety_support: list[Id] = []
    compare_safety: str  # said instead of a comparison while either partner is afraid
    own_part_title: str
    own_part_intro: str
    openings: dict[Role, str]
    horizon: Horizon


class About(BankModel):
    title: str
    paragraphs: list[str] = Field(min_length=1)
    source: Id | None = None


class Bank(BankModel):
    meta: Meta
    sources: dict[Id, Source]
    report: ReportText
    sections: list[Section]
    questions: list[Question]
    guidance: list[Guidance]
    rules: list[Rule]
    alerts: list[Alert]
    support: list[Support]
    invitations: list[Support] = []
    phases: list[Phase]
    about: About
    markers: MarkerRules
    progress: ProgressText
    calendar: CalendarText
    reflect: Reflect | None = None

    @model_validator(mode="after")
    def _references_resolve(self) -> Self:
        _unique("section", [s.id for s in self.sections])
        _unique("question", [q.id for q in self.questions])
        _unique("guidance", [g.id for g in self.guidance])
        _unique("rule", [r.id for r in self.rules])
        sections = {s.id for s in self.sections}
        guidance = {g.id for g in self.guidance}
        for q in self.questions:
            _known(f"question {q.id!r}", "section", q.section, sections)
            if q.default is not None:
                _check_value(self, q, q.default, f"question {q.id!r} default")
        cited = [(f"guidance {g.id!r}", g.source) for g in self.guidance]
        cited += [("report.horizon", self.report.horizon.source), ("about", self.about.source)]
        for owner, source in cited:
            if source is not None:
                _known(owner, "source", source, set(self.sources))
        for owner, conditions, refs, roles in self._referrers():
            for gid in refs:
                _known(owner, "guidance", gid, guidance)
                _addressed_to(owner, self.guide(gid), roles)
            for c in conditions:
                self._check_condition(owner, c)
        self._check_marker_question()
        if self.reflect is not None:
            texts = {q.id for q in self.questions if q.kind == "text"}
            self.reflect.check_references(set(self.sources), guidance, self.question_ids, texts)
        return self

    def _check_marker_question(self) -> None:
        qid = self.markers.from_question
        if qid not in self.question_ids:
            raise ValueError(f"markers.from_question names a missing question {qid!r}")
        q = self.question(qid)
        if q.kind != "text" or q.max_length > MARKER_TEXT_MAX:
            raise ValueError(
                f"markers.from_question {qid!r} must be a text question of at most "
                f"{MARKER_TEXT_MAX} characters"
            )

    def _referrers(self) -> list[tuple[str, list[Condition], list[str], list[Role]]]:
        """Everything that points at guidance, with the roles whose report it can reach.

        Entries shown to either role (phases, comparison, progress) must address both;
        markers and spikes are asked of the affected partner only.
        """
        both = list(Role)
        affected = [Role.affected]
        out: list[tuple[str, list[Condition], list[str], list[Role]]] = []
        out += [(f"rule {r.id!r}", r.when, r.guidance, r.roles) for r in self.rules]
        out += [(f"alert {a.id!r}", a.when, [a.guidance], a.roles) for a in self.alerts]
        out += [(f"support {s.id!r}", s.when, [s.guidance], s.roles) for s in self.support]
        out += [(f"invitation {s.id!r}", s.when, [s.guidance], s.roles) for s in self.invitations]
        out += [(f"phase {p.id!r}", [], [p.guidance], both) for p in self.phases]
        extra = [*self.report.compare_guidance.values(), *self.report.safety_support]
        if self.report.anniversary_guidance:
            extra.append(self.report.anniversary_guidance)
        out.append(("report", [], extra, both))
        out.append(("report.spikes_guidance", [], self.report.spikes_guidance, affected))
        out.append(("markers", [], self.markers.referenced_guidance(), affected))
        out.append(("progress", [], self.progress.guidance_ids(), both))
        return out

    def _check_condition(self, owner: str, c: Condition) -> None:
        q = self.question(c.question) if c.question in self.question_ids else None
        if q is None:
            raise ValueError(f"{owner} names a missing question {c.question!r}")
        for value in c.is_one_of or []:
            _check_value(self, q, value, f"{owner} condition on {q.id!r}")

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


def _unique(kind: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ValueError(f"duplicate {kind} id {i!r}")
        seen.add(i)


def _known(owner: str, kind: str, ref: str, known: set[str]) -> None:
    if ref not in known:
        raise ValueError(f"{owner} names a missing {kind} {ref!r}")


def _addressed_to(owner: str, g: Guidance, roles: list[Role]) -> None:
    """Guidance that can reach a role's report must speak to that role (or to both)."""
    for role in roles:
        if not g.reaches(role):
            raise ValueError(
                f"{owner} can show guidance {g.id!r} to the {role.value} partner, "
                f"but it addresses the {g.addresses} partner"
            )


def _check_value(bank: Bank, q: Question, value: object, where: str) -> None:
    try:
        coerce_answer(q, value)
    except AnswerProblem as problem:
        raise ValueError(f"{where}: {problem}") from None


# --- loading -------------------------------------------------------------------------------


def default_bank_path() -> Path:
    """The shipped bank: inside the wheel, or data/ in a source checkout (editable install)."""
    packaged = resources.files("trustrepair") / "data" / "prompts.toml"
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "data" / "prompts.toml"
    if checkout.is_file():
        return checkout
    raise BankError("the built-in question bank is missing from this installation; reinstall it")


def load_bank(path: Path | None = None) -> Bank:
    """Read and validate a bank, failing with one line that names the file and the entry."""
    if path is None:
        return _load_default()
    return _load(path)


@cache
def _load_default() -> Bank:
    return _load(default_bank_path(), trusted=True)


def _load(path: Path, *, trusted: bool = False) -> Bank:
    """trusted: the shipped bank, whose patterns the tests compile; others are checked fully."""
    from trustrepair.safe_read import loads_toml, read_file

    try:
        text = read_file(path, BankError, limit=MAX_BANK_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        raise BankError(f"{path}: not a UTF-8 text file") from None
    raw = loads_toml(text, str(path), BankError)
    try:
        return Bank.model_validate(raw, context={"trusted": trusted})
    except ValidationError as exc:
        raise BankError(f"{path}: {describe_validation_error(exc, raw)}") from None
