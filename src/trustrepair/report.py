"""Build the one Report that every renderer draws: pure functions, no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from typing import Literal

from trustrepair import assess, markers, timeline
from trustrepair.answers import stored_answers
from trustrepair.bank import Bank
from trustrepair.dates import LooseDate, read_stored
from trustrepair.models import (
    AreaNote,
    AreaResult,
    CheckIn,
    CheckInRef,
    Evidence,
    HistoryRow,
    HorizonInfo,
    Marker,
    MarkerCounts,
    MarkerDetail,
    MarkerRecord,
    MarkerSignals,
    MarkersSection,
    MarkerView,
    OwnPart,
    ProgressInfo,
    RecordItem,
    Report,
    StatementReflection,
    TimelineInfo,
    as_local,
    now_utc,
)
from trustrepair.plain import replace, values
from trustrepair.progress import overview
from trustrepair.vocab import PREREQUISITES, AnswerValue, Area, Role

# The written statement is one more input to this area, shown next to the answers.
REFLECTION_AREA: Area = "accountability"


def new_checkin(bank: Bank, role: Role, answers: dict[str, AnswerValue]) -> CheckIn:
    """A check-in ready to store: the answers with a snapshot of the statuses they lead to."""
    return CheckIn(
        role=Role(role),
        bank_version=bank.meta.version,
        answers=answers,
        statuses=assess.prerequisite_statuses(bank, role, answers),
    )


Source = Literal["profile", "checkin"]

# What to expect at an anniversary is said only this close to it (the day itself included).
ANNIVERSARY_NEAR_DAYS = 30


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


def horizon_info(bank: Bank, months: int | None) -> HorizonInfo:
    """Where a person stands against the span repair commonly takes, from the first day."""
    h = bank.report.horizon
    position = timeline.horizon_position(months, h.from_months, h.to_months)
    text = getattr(h, position)
    if months is not None:
        text = text.replace("{elapsed}", timeline.elapsed_words(months))
    return HorizonInfo(
        from_months=h.from_months,
        to_months=h.to_months,
        position=position,
        text=text,
        brief=h.brief[position],
        source=assess.source_title(bank, h.source),
    )


def timeline_info(
    bank: Bank,
    when: LooseDate | dt.date | None,
    today: dt.date,
    source: Source | None = None,
    *,
    safety_first: bool = False,
) -> TimelineInfo:
    """Dates, phase and horizon. While a person is afraid, only the dates: no repair road.

    A date known only to the month counts from its middle, and says so (`discovered_approximate`).
    """
    loose = LooseDate(when) if isinstance(when, dt.date) else when
    discovered = None if loose is None else loose.day
    months = None if discovered is None else timeline.months_between(discovered, today)
    horizon = None if safety_first else horizon_info(bank, months)
    if loose is None or discovered is None or months is None:
        return TimelineInfo(horizon=horizon)
    phase = timeline.phase_for(bank, months)
    anniversary = timeline.next_anniversary(discovered, today)
    guidance = [] if safety_first else [assess.guidance_item(bank, phase.guidance)]
    days = (anniversary - today).days
    # What to expect at the anniversary: only when it is near, and never while someone is afraid.
    near = days <= ANNIVERSARY_NEAR_DAYS and not safety_first
    expect = bank.report.anniversary_guidance if near else None
    if expect:
        guidance.append(assess.guidance_item(bank, expect))
    return TimelineInfo(
        horizon=horizon,
        discovered=discovered,
        discovered_from=source,
        discovered_approximate=loose.approximate,
        months_elapsed=months,
        phase=None if safety_first else phase.id,
        phase_title=None if safety_first else phase.title,
        phase_brief=None if safety_first else phase.brief,
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
        from trustrepair.reflect import reflect_statement  # only for a written statement

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
    return replace(area, notes=notes, guidance=[*area.guidance, *extra])


def prerequisites(
    bank: Bank,
    role: Role,
    answers: Mapping[str, AnswerValue],
    statements: list[StatementReflection],
) -> dict[Area, AreaResult]:
    out = {a: assess.assess_area(bank, role, a, answers) for a in PREREQUISITES}
    out[REFLECTION_AREA] = with_reflection_notes(bank, out[REFLECTION_AREA], statements)
    return out


def own_side(
    bank: Bank, role: Role, answers: Mapping[str, AnswerValue], *, safety_first: bool
) -> tuple[AreaResult | None, OwnPart | None]:
    """Each partner's own part. The partner who broke trust keeps a status for their side;
    the affected partner is offered what may help, never graded (and nothing while afraid)."""
    if role == Role.betraying:
        result = assess.assess_area(bank, role, "your_part", answers)
        return (result if result.reasons else None), None
    if safety_first:
        return None, None
    guidance = assess.invitations(bank, role, answers)
    text = bank.report
    return None, OwnPart(title=text.own_part_title, intro=text.own_part_intro, guidance=guidance)


def free_text(bank: Bank, answers: dict[str, AnswerValue]) -> list[Evidence]:
    asked = [q for q in bank.questions if q.kind == "text" and isinstance(answers.get(q.id), str)]
    return [Evidence(question=q.short, answer=str(answers[q.id])) for q in asked]


def marker_view(
    coach: markers.MarkerCoach, marker: Marker, counts: MarkerCounts | None, today: dt.date
) -> MarkerView:
    """One marker as every view shows it: its words, the coach's verdict, its consistency."""
    coaching = coach.check(marker.text)
    # A checking marker is surveillance: however concrete, it is never counted as evidence.
    added = local_date(marker.created_utc, marker.utc_offset_minutes)
    retired = marker.retired_utc
    return MarkerView(
        id=marker.id,
        text=marker.text,
        added=added,
        retired=None if retired is None else local_date(retired, marker.utc_offset_minutes),
        concrete=coaching.concrete and not coaching.checking,
        checking=coaching.checking,
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
    return MarkerDetail(**values(view), recent_records=recent)


def markers_section(
    bank: Bank,
    role: Role,
    views: Sequence[MarkerView],
    skip: Collection[str] = (),
    *,
    quiet: bool = False,
) -> MarkersSection:
    """The summary's markers part: counts, each active marker, and guidance that fits them.

    Guidance ids in `skip` (already shown elsewhere in the report) are left out; `quiet`
    (while someone is afraid) leaves out all repair guidance and keeps only the records.
    """
    rules = bank.markers
    active = [v for v in views if v.retired is None]
    # What the hurt partner checks is kept as their note, never counted as evidence.
    recent = [v.consistency.last_30_days for v in active if not v.checking]
    ids: list[str] = []
    if active:
        if rules.checking_guidance and any(v.checking for v in active):
            ids.append(rules.checking_guidance)
        ids += rules.guidance
        if rules.vague_guidance and any(not v.concrete and not v.checking for v in active):
            ids.append(rules.vague_guidance)
        if rules.missed_guidance and any(t.shown < t.recorded for t in recent):
            ids.append(rules.missed_guidance)
    elif rules.none_guidance and bank.question(rules.from_question).applies_to(role):
        ids.append(rules.none_guidance)
    return MarkersSection(
        active=len(active),
        concrete=sum(v.concrete and not v.checking for v in active),
        checking=sum(v.checking for v in active),
        last_30_days=markers.tally_sum(recent),
        markers=active,
        guidance=[]
        if quiet
        else assess.guidance_for(bank, role, (g for g in ids if g not in skip)),
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
    answers = stored_answers(bank, dict(checkin.answers))
    safety_first = assess.afraid(answers)
    all_alerts = assess.alerts(bank, role, answers)
    warnings = [a for a in all_alerts if a.kind == "stop"]
    shown = {a.id for a in warnings}
    if not safety_first:  # while someone is afraid, no verdict of any kind
        warnings += [a for a in (progress.stops if progress else []) if a.id not in shown]
    now = spikes_now(bank, answers)
    # While someone is afraid, no reading of anyone's words either: no verdict of any kind.
    statements = [] if safety_first else statement_reflections(bank, role, answers)
    your_part, own = own_side(bank, role, answers, safety_first=safety_first)
    shown_above = {g.id for g in own.guidance} if own is not None else set()
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
        opening=bank.report.safety_reason if safety_first else bank.report.openings[role],
        safety_first=safety_first,
        safety=[a for a in all_alerts if a.kind == "safety"],
        prerequisites=prerequisites(bank, role, answers, statements),
        your_part=your_part,
        own_part=own,
        timeline=timeline_info(bank, discovered, today, discovered_from, safety_first=safety_first),
        warnings=warnings,
        support=assess.support(bank, role, answers),
        spikes_now=now,
        spikes_guidance=assess.guidance_for(bank, role, bank.report.spikes_guidance) if now else [],
        notes=free_text(bank, answers),
        markers=markers_section(bank, role, marker_list, skip=shown_above, quiet=safety_first),
        progress=overview(progress) if progress is not None else None,
        disclaimer=bank.report.disclaimer,
        reflections=statements,
    )


def history_rows(
    bank: Bank, checkins: Sequence[CheckIn], ids: Sequence[str] | None = None
) -> list[HistoryRow]:
    """One row per check-in, in the order given, with its short id (c12) when known."""
    return [
        HistoryRow(
            uid=c.uid,
            id=None if ids is None else ids[n],
            when_local=as_local(c.created_utc, c.utc_offset_minutes),
            role=c.role,
            role_label=bank.report.role_labels[c.role],
            statuses=c.statuses,
        )
        for n, c in enumerate(checkins)
    ]
