"""Build the one Report that every renderer draws: pure functions, no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from trustrepair import assess, timeline
from trustrepair.answers import stored_answers
from trustrepair.bank import PREREQUISITES, AnswerValue, Area, Bank, Role
from trustrepair.models import (
    AreaNote,
    AreaResult,
    CheckIn,
    CheckInRef,
    Evidence,
    HistoryRow,
    Report,
    StatementReflection,
    TimelineInfo,
    as_local,
    now_utc,
)
from trustrepair.reflect import reflect_statement

# The written statement is one more input to this area, shown next to the answers.
REFLECTION_AREA: Area = "accountability"


def new_checkin(bank: Bank, role: Role, answers: dict[str, AnswerValue]) -> CheckIn:
    """A check-in ready to store: the answers with a snapshot of the statuses they lead to."""
    return CheckIn(
        role=role,
        bank_version=bank.meta.version,
        answers=answers,
        statuses=assess.prerequisite_statuses(bank, role, answers),
    )


def discovered_date(checkin: CheckIn, setting: str | None) -> dt.date | None:
    """The profile setting wins over the check-in answer (it can be corrected later)."""
    raw = setting or checkin.answers.get("discovered")
    return dt.date.fromisoformat(raw) if isinstance(raw, str) else None


def timeline_info(bank: Bank, discovered: dt.date | None, today: dt.date) -> TimelineInfo:
    if discovered is None:
        return TimelineInfo()
    months = timeline.months_between(discovered, today)
    phase = timeline.phase_for(bank, months)
    anniversary = timeline.next_anniversary(discovered, today)
    guidance = [assess.guidance_item(bank, phase.guidance)]
    days = (anniversary - today).days
    if days <= 30 and bank.report.anniversary_guidance:
        guidance.append(assess.guidance_item(bank, bank.report.anniversary_guidance))
    return TimelineInfo(
        discovered=discovered,
        months_elapsed=months,
        phase=phase.id,
        phase_title=phase.title,
        guidance=guidance,
        next_anniversary=anniversary,
        days_to_anniversary=days,
    )


def spikes_now(bank: Bank, answers: dict[str, AnswerValue]) -> list[Evidence]:
    asked = [q for q in bank.questions if q.section == "spikes" and q.id in answers]
    return [Evidence(question=q.short, answer=assess.answer_label(q, answers[q.id])) for q in asked]


def statement_reflections(
    bank: Bank, role: Role, answers: Mapping[str, AnswerValue]
) -> list[StatementReflection]:
    """A reflection for each answered statement question in the bank's [reflect] table."""
    if bank.reflect is None:
        return []
    out: list[StatementReflection] = []
    for rq in bank.reflect.questions:
        value = answers.get(rq.question)
        if not bank.question(rq.question).applies_to(role) or not isinstance(value, str):
            continue
        reflection = reflect_statement(bank, value, heard=rq.heard)
        out.append(
            StatementReflection(question=rq.question, heading=rq.heading, reflection=reflection)
        )
    return out


def with_reflection_notes(
    bank: Bank, area: AreaResult, statements: list[StatementReflection]
) -> AreaResult:
    """Add a note (and its guidance) for each statement with flags. The status is left as is:
    it comes from the answers, and a pattern check is too blunt to overrule them."""
    rules = bank.reflect
    notes: list[AreaNote] = []
    guidance: list[str] = []
    for st in statements:
        found = [f.category for f in st.reflection.flags]
        question = rules.for_question(st.question) if rules is not None else None
        if rules is None or question is None or not found:
            continue
        notes.append(
            AreaNote(
                kind="reflection",
                text=rules.describe(found, question.note),
                caption=rules.note_caption,
                phrases=[f.phrase for f in st.reflection.flags],
            )
        )
        guidance += [g for c in found for g in rules.category(c).guidance]
    if not notes:
        return area
    shown = {g.id for g in area.guidance}
    extra = [assess.guidance_item(bank, g) for g in dict.fromkeys(guidance) if g not in shown]
    return area.model_copy(update={"notes": notes, "guidance": [*area.guidance, *extra]})


def prerequisites(
    bank: Bank,
    role: Role,
    answers: Mapping[str, AnswerValue],
    statements: list[StatementReflection],
) -> dict[Area, AreaResult]:
    out = {a: assess.assess_area(bank, role, a, answers) for a in PREREQUISITES}
    out[REFLECTION_AREA] = with_reflection_notes(bank, out[REFLECTION_AREA], statements)
    return out


def build_report(
    bank: Bank, checkin: CheckIn, *, discovered: dt.date | None, today: dt.date
) -> Report:
    role = checkin.role
    answers = stored_answers(bank, role, dict(checkin.answers))
    all_alerts = assess.alerts(bank, role, answers)
    now = spikes_now(bank, answers)
    your_part = assess.assess_area(bank, role, "your_part", answers)
    statements = statement_reflections(bank, role, answers)
    return Report(
        generated_utc=now_utc(),
        checkin=CheckInRef(
            uid=checkin.uid,
            when_local=as_local(checkin.created_utc, checkin.utc_offset_minutes),
            role=role,
            role_label=bank.report.role_labels[role],
            bank_version=checkin.bank_version,
            bank_matches=checkin.bank_version == bank.meta.version,
        ),
        safety=[a for a in all_alerts if a.kind == "safety"],
        prerequisites=prerequisites(bank, role, answers, statements),
        your_part=your_part if your_part.reasons else None,
        timeline=timeline_info(bank, discovered, today),
        warnings=[a for a in all_alerts if a.kind == "stop"],
        support=assess.support(bank, role, answers),
        spikes_now=now,
        spikes_guidance=[assess.guidance_item(bank, g) for g in bank.report.spikes_guidance]
        if now
        else [],
        disclaimer=bank.report.disclaimer,
        reflections=statements,
    )


def history_rows(checkins: list[CheckIn]) -> list[HistoryRow]:
    return [
        HistoryRow(
            uid=c.uid,
            when_local=as_local(c.created_utc, c.utc_offset_minutes),
            role=c.role,
            statuses=c.statuses,
        )
        for c in checkins
    ]
