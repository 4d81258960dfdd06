"""Build the one Report that every renderer draws: pure functions, no I/O."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from trustrepair import assess, timeline
from trustrepair.answers import stored_answers
from trustrepair.bank import PREREQUISITES, AnswerValue, Bank, Role
from trustrepair.models import (
    CheckIn,
    CheckInRef,
    Evidence,
    HistoryRow,
    ProgressInfo,
    Report,
    TimelineInfo,
    as_local,
    now_utc,
)
from trustrepair.progress import overview


def new_checkin(bank: Bank, role: Role, answers: dict[str, AnswerValue]) -> CheckIn:
    """A check-in ready to store: the answers with a snapshot of the statuses they lead to."""
    return CheckIn(
        role=role,
        bank_version=bank.meta.version,
        answers=answers,
        statuses=assess.prerequisite_statuses(bank, role, answers),
    )


Source = Literal["profile", "checkin"]


def discovered_date(checkin: CheckIn | None, setting: str | None) -> dt.date | None:
    """The profile setting wins over the check-in answer (it can be corrected later)."""
    found = discovered_with_source(checkin, setting)
    return found[0] if found else None


def discovered_with_source(
    checkin: CheckIn | None, setting: str | None
) -> tuple[dt.date, Source] | None:
    if setting:
        return dt.date.fromisoformat(setting), "profile"
    raw = checkin.answers.get("discovered") if checkin is not None else None
    return (dt.date.fromisoformat(raw), "checkin") if isinstance(raw, str) else None


def timeline_info(
    bank: Bank, discovered: dt.date | None, today: dt.date, source: Source | None = None
) -> TimelineInfo:
    if discovered is None:
        return TimelineInfo()
    months = timeline.months_between(discovered, today)
    phase = timeline.phase_for(bank, months)
    anniversary = timeline.next_anniversary(discovered, today)
    guidance = [assess.guidance_item(bank, phase.guidance)]
    days = (anniversary - today).days
    expect = bank.report.anniversary_guidance
    if days <= 30 and expect:
        guidance.append(assess.guidance_item(bank, expect))
    return TimelineInfo(
        discovered=discovered,
        discovered_from=source,
        months_elapsed=months,
        phase=phase.id,
        phase_title=phase.title,
        guidance=guidance,
        next_anniversary=anniversary,
        days_to_anniversary=days,
        anniversary_number=anniversary.year - discovered.year,
        expect_at_anniversary=assess.guidance_item(bank, expect) if expect else None,
    )


def spikes_now(bank: Bank, answers: dict[str, AnswerValue]) -> list[Evidence]:
    asked = [q for q in bank.questions if q.section == "spikes" and q.id in answers]
    return [Evidence(question=q.short, answer=assess.answer_label(q, answers[q.id])) for q in asked]


def build_report(
    bank: Bank,
    checkin: CheckIn,
    *,
    discovered: dt.date | None,
    today: dt.date,
    progress: ProgressInfo | None = None,
    discovered_from: Source | None = None,
) -> Report:
    """The summary. With `progress`, it gains the chart and trend line, and the stop
    conditions read from the whole history join the latest check-in's warnings."""
    role = checkin.role
    answers = stored_answers(bank, role, dict(checkin.answers))
    all_alerts = assess.alerts(bank, role, answers)
    warnings = [a for a in all_alerts if a.kind == "stop"]
    shown = {a.id for a in warnings}
    warnings += [a for a in (progress.stops if progress else []) if a.id not in shown]
    now = spikes_now(bank, answers)
    your_part = assess.assess_area(bank, role, "your_part", answers)
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
        prerequisites={a: assess.assess_area(bank, role, a, answers) for a in PREREQUISITES},
        your_part=your_part if your_part.reasons else None,
        timeline=timeline_info(bank, discovered, today, discovered_from),
        warnings=warnings,
        support=assess.support(bank, role, answers),
        spikes_now=now,
        spikes_guidance=[assess.guidance_item(bank, g) for g in bank.report.spikes_guidance]
        if now
        else [],
        progress=overview(progress) if progress is not None else None,
        disclaimer=bank.report.disclaimer,
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
