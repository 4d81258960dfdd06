"""Answers: turn what a person typed or wrote in a file into checked, canonical values.

Canonical values: scale -> int, number -> int or float, yes_no -> bool, choice -> the option
value, date -> "YYYY-MM-DD" or an approximate "YYYY-MM", text -> str. Error messages never
repeat the answer itself.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import TYPE_CHECKING

from trustrepair.errors import AnswersError, checked_as
from trustrepair.plain import Plain
from trustrepair.text import has_control
from trustrepair.vocab import Q_ROLE, UNKNOWN, AnswerValue, Role

if TYPE_CHECKING:
    from trustrepair.bank import Bank, Question

MAX_ANSWERS_FILE = 1_000_000
YES = {"y", "yes", "true"}
NO = {"n", "no", "false"}
# What a person may type for "I don't know yet" on a scale that offers it.
DONT_KNOW = {"?", UNKNOWN, "don't know", "dont know", "i don't know yet", "not sure"}


class AnswerProblem(ValueError):
    """Why one answer does not fit its question; safe to show (it never quotes the answer)."""


def coerce_answer(q: Question, raw: object) -> AnswerValue:
    """Check one answer from a file or the store against its question."""
    match q.kind:
        case "yes_no":
            if isinstance(raw, bool):
                return raw
            raise AnswerProblem("expected true or false")
        case "scale" | "number":
            if raw == UNKNOWN and q.unknown_label:
                return UNKNOWN
            return _number(q, raw)
        case "choice":
            values = [o.value for o in q.options]
            if isinstance(raw, str) and raw in values:
                return raw
            raise AnswerProblem(f"expected one of: {', '.join(values)}")
        case "date":
            return _date(raw)
        case _:
            return _text(q, raw)


def parse_typed(q: Question, typed: str) -> AnswerValue:
    """Check one answer typed at the prompt (always a string) against its question."""
    typed = typed.strip()
    match q.kind:
        case "yes_no":
            if typed.lower() in YES | NO:
                return typed.lower() in YES
            raise AnswerProblem("please answer y or n")
        case "scale" | "number":
            if q.unknown_label and typed.lower().replace("\u2019", "'") in DONT_KNOW:
                return UNKNOWN
            try:
                value: object = int(typed)
            except ValueError:
                try:
                    value = float(typed)
                except ValueError:
                    raise AnswerProblem("please type a number") from None
            return _number(q, value)
        case "choice":
            return _choice_typed(q, typed)
        case _:
            return coerce_answer(q, typed)


def _choice_typed(q: Question, typed: str) -> str:
    if typed.isdigit() and 1 <= int(typed) <= len(q.options):
        return q.options[int(typed) - 1].value
    for o in q.options:
        if typed.lower() in (o.value.lower(), o.label.lower()):
            return o.value
    raise AnswerProblem(f"please type a number from 1 to {len(q.options)}")


def _number(q: Question, raw: object) -> int | float:
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
        raise AnswerProblem("expected a number")
    if q.kind == "scale" and not float(raw).is_integer():
        raise AnswerProblem("expected a whole number")
    value: int | float = int(raw) if float(raw).is_integer() else raw
    if q.min is not None and value < q.min:
        raise AnswerProblem(f"expected {q.min} or more")
    if q.max is not None and value > q.max:
        raise AnswerProblem(f"expected {q.max} or less")
    return value


def _date(raw: object) -> str:
    """A day or an approximate month, read by the one date reader every command uses."""
    from trustrepair import messages
    from trustrepair.dates import DateProblem, parse_date

    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        raw = raw.isoformat()
    if not isinstance(raw, str):
        raise AnswerProblem(messages.DATE_FORMS)
    try:
        return parse_date(raw, dt.date.today()).stored
    except DateProblem as problem:
        raise AnswerProblem(str(problem)) from None


def _text(q: Question, raw: object) -> str:
    if not isinstance(raw, str):
        raise AnswerProblem("expected text")
    text = raw.strip()
    if not text:
        raise AnswerProblem("the text is empty")
    if len(text) > q.max_length:
        raise AnswerProblem(f"the text is longer than {q.max_length} characters")
    if has_control(text):
        raise AnswerProblem("the text contains control characters")
    return text


# --- answers files -------------------------------------------------------------------------


class AnswersFile(Plain):
    """The shape of an answers file (`check --answers`); values are checked against the bank."""

    role: Role
    answers: dict[str, object]  # each value is checked against its question below


def read_answers_file(path: Path, bank: Bank) -> tuple[Role, dict[str, AnswerValue]]:
    """Load an answers file and check every answer; any problem is one line naming the entry."""
    parsed = checked_as(AnswersFile, _read_toml(path), AnswersError, path)
    try:
        return parsed.role, check_answers(bank, parsed.role, dict(parsed.answers))
    except AnswersError as exc:
        raise AnswersError(f"{path}: {exc.message}") from None


def _read_toml(path: Path) -> dict[str, object]:
    from trustrepair.safe_read import loads_toml, read_file

    data = read_file(path, AnswersError, limit=MAX_ANSWERS_FILE)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise AnswersError(f"{path}: not a UTF-8 text file") from None
    return loads_toml(text, str(path), AnswersError)


def check_answers(bank: Bank, role: Role, raw: dict[str, object]) -> dict[str, AnswerValue]:
    """Every answer must belong to a question for this role and fit it; required ones present.

    The role itself is kept apart from the answers (a check-in stores it once)."""
    by_id = {q.id: q for q in bank.questions_for(role) if q.id != Q_ROLE}
    out: dict[str, AnswerValue] = {}
    for qid, value in raw.items():
        if qid == Q_ROLE:
            if value != role.value:
                raise AnswersError(f"answers.{qid}: does not match role = {role.value!r}")
            continue
        q = by_id.get(qid)
        if q is None:
            why = (
                "not a question in this bank"
                if qid not in bank.question_ids
                else "not asked of this role"
            )
            raise AnswersError(f"answers.{qid}: {why}")
        try:
            out[qid] = coerce_answer(q, value)
        except AnswerProblem as problem:
            raise AnswersError(f"answers.{qid}: {problem}") from None
    missing = [q.id for q in by_id.values() if not q.optional and q.id not in out]
    if missing:
        raise AnswersError(f"missing answers for: {', '.join(missing)}")
    return out


def stored_answers(bank: Bank, raw: dict[str, object]) -> dict[str, AnswerValue]:
    """Answers read back from the store: keep the ones that still fit the bank, drop the rest."""
    out: dict[str, AnswerValue] = {}
    for qid, value in raw.items():
        # Older stores kept the role among the answers too; the check-in's own role wins.
        if qid in bank.question_ids and qid != Q_ROLE:
            try:
                out[qid] = coerce_answer(bank.question(qid), value)
            except AnswerProblem:
                continue
    return out
