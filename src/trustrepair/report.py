"""Build the one Report that every renderer draws: pure functions, no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from typing import Literal

from trustrepair import assess, markers, timeline
from trustrepair.answers import stored_answers
from trustrepair.bank import PREREQUISITES, AnswerValue, Area, Bank, Role
from trustrepair.dates import LooseDate, read_stored
from trustrepair.models import (
    AreaNote,
    AreaResult,
    CheckIn,
    CheckInRef,
    Evidence,
    HistoryRow,
    Marker,
    MarkerCounts,
    MarkerDetail,
    MarkerRecord,
    MarkerSignals,
    MarkersSection,
    MarkerView,
    ProgressInfo,
    RecordItem,
    Report,
    StatementReflection,
    TimelineInfo,
    as_local,
    now_utc,
)
from trustrepair.progress import overview
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


Source = Literal["profile", "checkin"]


def discovered_date(checkin: CheckIn | None, setting: str | None) -> dt.date | None:
    """The profile setting wins over the check-in answer (it can be corrected later)."""
    found = discovered_with_source(checkin, setting)
    return found[0].day if found else None


def discovered_with_source(
    checkin: CheckIn | None, setting: str | None
) -> tuple[LooseDate, Source] | None:
    # Stored dates are checked on the way in; a damaged one reads as "no date", never a crash.
    if setting and (day := read_stored(setting)) is not None:
        return day, "profile"
    raw = checkin.answers.get("discovered") if checkin is not None else None
    found = read_stored(raw) if isinstance(raw, str) else None
    return (found, "checkin") if found is not None else None


def timeline_info(
    bank: Bank,
    when: LooseDate | dt.date | None,
    today: dt.date,
    source: Source | None = None,
) -> TimelineInfo:
    if when is None:
        return TimelineInfo()
    loose = when if isinstance(when, LooseDate) else LooseDate(when)
    discovered = loose.day
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
        discovered_approximate=loose.approximate,
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


def free_text(bank: Bank, answers: dict[str, AnswerValue]) -> list[Evidence]:
    asked = [q for q in bank.questions if q.kind == "text" and isinstance(answers.get(q.id), str)]
    return [Evidence(question=q.short, answer=str(answers[q.id])) for q in asked]


def marker_view(
    coach: markers.MarkerCoach, marker: Marker, counts: MarkerCounts | None, today: dt.date
) -> MarkerView:
    """One marker as every view shows it: its words, the coach's verdict, its consistency."""
    coaching = coach.check(marker.text)
    added = local_date(marker.created_utc, marker.utc_offset_minutes)
    retired = marker.retired_utc
    return MarkerView(
        id=marker.id,
        text=marker.text,
        added=added,
        retired=None if retired is None else local_date(retired, marker.utc_offset_minutes),
        concrete=coaching.concrete,
        advice=list(coaching.advice),
        found=MarkerSignals(
            actions=list(coaching.actions),
            timing=list(coaching.timing),
            vague=list(coaching.vague),
        ),
        consistency=markers.consistency(added, counts or MarkerCounts(), today),
    )


def local_date(moment: dt.datetime, offset_minutes: int) -> dt.date:
    return as_local(moment, offset_minutes).date()


def marker_views(
    bank: Bank, items: Sequence[Marker], counts: Mapping[str, MarkerCounts], today: dt.date
) -> list[MarkerView]:
    coach = markers.MarkerCoach(bank.markers)
    return [marker_view(coach, m, counts.get(m.uid), today) for m in items]


def marker_detail(view: MarkerView, records: Sequence[MarkerRecord]) -> MarkerDetail:
    recent = [
        RecordItem(
            on_date=r.on_date,
            shown=r.shown,
            outcome="shown" if r.shown else "not shown",
            note=r.note,
        )
        for r in records
    ]
    return MarkerDetail(**dict(view), recent_records=recent)


def markers_section(
    bank: Bank, role: Role, views: Sequence[MarkerView], skip: Collection[str] = ()
) -> MarkersSection:
    """The summary's markers part: counts, each active marker, and guidance that fits them.

    Guidance ids in `skip` (already shown elsewhere in the report) are left out.
    """
    rules = bank.markers
    active = [v for v in views if v.retired is None]
    ids: list[str] = []
    if active:
        ids += rules.guidance
        if rules.vague_guidance and any(not v.concrete for v in active):
            ids.append(rules.vague_guidance)
        recent = [v.consistency.last_30_days for v in active]
        if rules.missed_guidance and any(t.shown < t.recorded for t in recent):
            ids.append(rules.missed_guidance)
    elif rules.none_guidance and bank.question(rules.from_question).applies_to(role):
        ids.append(rules.none_guidance)
    return MarkersSection(
        active=len(active),
        concrete=sum(v.concrete for v in active),
        markers=active,
        guidance=[assess.guidance_item(bank, g) for g in dict.fromkeys(ids) if g not in skip],
    )


def build_report(
    bank: Bank,
    checkin: CheckIn,
    *,
    discovered: LooseDate | dt.date | None,
    today: dt.date,
    marker_list: Sequence[MarkerView] = (),
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
    statements = statement_reflections(bank, role, answers)

    shown_above = {g.id for g in your_part.guidance} if your_part.reasons else set()
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
        timeline=timeline_info(bank, discovered, today, discovered_from),
        warnings=warnings,
        support=assess.support(bank, role, answers),
        spikes_now=now,
        spikes_guidance=[assess.guidance_item(bank, g) for g in bank.report.spikes_guidance]
        if now
        else [],
        notes=free_text(bank, answers),
        markers=markers_section(bank, role, marker_list, skip=shown_above),
        progress=overview(progress) if progress is not None else None,
        disclaimer=bank.report.disclaimer,
        reflections=statements,
    )


def history_rows(bank: Bank, numbered: Sequence[tuple[int, object]]) -> list[HistoryRow]:
    """One row per check-in, newest first as given, each with its short id (c12)."""
    checkins = [(n, c) for n, c in numbered if isinstance(c, CheckIn)]
    return [
        HistoryRow(
            uid=c.uid,
            id=f"c{n}",
            when_local=as_local(c.created_utc, c.utc_offset_minutes),
            role=c.role,
            role_label=bank.report.role_labels[c.role],
            statuses=c.statuses,
        )
        for n, c in checkins
    ]
