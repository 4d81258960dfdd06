"""Checking a bank file: Pydantic for each entry's shape, then the checks across entries.

Imported only where a bank file is read (a bank given by path, or the shipped one when its
cache is missing or stale), so a command that reads the cached bank never builds a schema.
Every problem becomes one line that names the file and the entry.
"""

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustrepair.bank import Bank, Condition, Guidance, Question
from trustrepair.errors import BankError, describe_validation_error
from trustrepair.vocab import MARKER_TEXT_MAX, Role

if TYPE_CHECKING:
    from pydantic import TypeAdapter


def validate_bank(raw: object, path: Path, *, trusted: bool = False) -> Bank:
    """The bank in raw (parsed TOML), checked in full; BankError names the file and entry.

    trusted: the shipped bank, whose patterns the tests compile instead.
    """
    from pydantic import ValidationError

    try:
        bank = _adapter().validate_python(raw, context={"trusted": trusted})
    except ValidationError as exc:
        raise BankError(f"{path}: {describe_validation_error(exc, raw)}") from None
    try:
        check_references(bank)
    except ValueError as exc:
        raise BankError(f"{path}: {exc}") from None
    return bank


@cache
def _adapter() -> "TypeAdapter[Bank]":
    from pydantic import ConfigDict, TypeAdapter

    return TypeAdapter(Bank, config=ConfigDict(hide_input_in_errors=True))


def check_references(bank: Bank) -> None:
    """Ids are unique, everything named exists, and guidance reaches only whom it addresses."""
    _unique("section", [s.id for s in bank.sections])
    _unique("question", [q.id for q in bank.questions])
    _unique("guidance", [g.id for g in bank.guidance])
    _unique("rule", [r.id for r in bank.rules])
    sections = {s.id for s in bank.sections}
    guidance = {g.id for g in bank.guidance}
    for q in bank.questions:
        _known(f"question {q.id!r}", "section", q.section, sections)
        if q.default is not None:
            _check_value(q, q.default, f"question {q.id!r} default")
    cited = [(f"guidance {g.id!r}", g.source) for g in bank.guidance]
    cited += [("report.horizon", bank.report.horizon.source), ("about", bank.about.source)]
    for owner, source in cited:
        if source is not None:
            _known(owner, "source", source, set(bank.sources))
    for owner, conditions, refs, roles in _referrers(bank):
        for gid in refs:
            _known(owner, "guidance", gid, guidance)
            _addressed_to(owner, bank.guide(gid), roles)
        for c in conditions:
            _check_condition(bank, owner, c)
    _check_marker_question(bank)
    if bank.reflect is not None:
        texts = {q.id for q in bank.questions if q.kind == "text"}
        bank.reflect.check_references(set(bank.sources), guidance, bank.question_ids, texts)


def _check_marker_question(bank: Bank) -> None:
    qid = bank.markers.from_question
    if qid not in bank.question_ids:
        raise ValueError(f"markers.from_question names a missing question {qid!r}")
    q = bank.question(qid)
    if q.kind != "text" or q.max_length > MARKER_TEXT_MAX:
        raise ValueError(
            f"markers.from_question {qid!r} must be a text question of at most "
            f"{MARKER_TEXT_MAX} characters"
        )


Referrer = tuple[str, list[Condition], list[str], list[Role]]


def _referrers(bank: Bank) -> list[Referrer]:
    """Everything that points at guidance, with the roles whose report it can reach.

    Entries shown to either role (phases, comparison, progress) must address both;
    markers and spikes are asked of the affected partner only.
    """
    both = list(Role)
    affected = [Role.affected]
    report = bank.report
    out: list[Referrer] = []
    out += [(f"rule {r.id!r}", r.when, r.guidance, r.roles) for r in bank.rules]
    out += [(f"alert {a.id!r}", a.when, [a.guidance], a.roles) for a in bank.alerts]
    out += [(f"support {s.id!r}", s.when, [s.guidance], s.roles) for s in bank.support]
    out += [(f"invitation {s.id!r}", s.when, [s.guidance], s.roles) for s in bank.invitations]
    out += [(f"phase {p.id!r}", [], [p.guidance], both) for p in bank.phases]
    extra = [*report.compare_guidance.values(), *report.safety_support]
    if report.anniversary_guidance:
        extra.append(report.anniversary_guidance)
    out.append(("report", [], extra, both))
    out.append(("report.spikes_guidance", [], report.spikes_guidance, affected))
    out.append(("markers", [], bank.markers.referenced_guidance(), affected))
    out.append(("progress", [], bank.progress.guidance_ids(), both))
    return out


def _check_condition(bank: Bank, owner: str, c: Condition) -> None:
    q = bank.question(c.question) if c.question in bank.question_ids else None
    if q is None:
        raise ValueError(f"{owner} names a missing question {c.question!r}")
    for value in c.is_one_of or []:
        _check_value(q, value, f"{owner} condition on {q.id!r}")


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


def _check_value(q: Question, value: Any, where: str) -> None:
    from trustrepair.answers import AnswerProblem, coerce_answer

    try:
        coerce_answer(q, value)
    except AnswerProblem as problem:
        raise ValueError(f"{where}: {problem}") from None
