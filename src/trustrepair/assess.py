"""Answers -> prerequisite statuses, reasons and guidance. Pure functions over the bank."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from trustrepair.bank import Bank, Condition, Question, Rule
from trustrepair.models import AlertItem, AreaResult, CheckIn, Evidence, GuidanceItem, Reason
from trustrepair.plain import replace
from trustrepair.vocab import PREREQUISITES, Q_SAFETY, AnswerValue, Area, Role, Status

Answers = Mapping[str, AnswerValue]

# The most cautious status wins when several rules hold for one area.
CAUTION: dict[Status, int] = {"not_yet": 0, "unclear": 1, "partial": 2, "in_place": 3}


def condition_holds(c: Condition, answers: Answers) -> bool:
    value = answers.get(c.question)
    if c.answered is not None:
        return (value is not None) == c.answered
    if value is None:
        return False
    if c.is_one_of is not None:
        return any(value == v and type(value) is type(v) for v in c.is_one_of)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if c.at_least is not None:
        return value >= c.at_least
    return c.at_most is not None and value <= c.at_most


def all_hold(conditions: Iterable[Condition], answers: Answers) -> bool:
    return all(condition_holds(c, answers) for c in conditions)


def matching_rules(bank: Bank, role: Role, area: Area, answers: Answers) -> list[Rule]:
    """Rules for this role and area whose conditions all hold, most cautious first."""
    rules = [
        r for r in bank.rules if r.area == area and role in r.roles and all_hold(r.when, answers)
    ]
    return sorted(rules, key=lambda r: CAUTION[r.status])


def area_status(rules: list[Rule]) -> Status:
    return min((r.status for r in rules), key=CAUTION.__getitem__, default="unclear")


def answer_label(q: Question, value: AnswerValue) -> str:
    if q.kind in ("choice", "scale") and isinstance(value, str):
        return q.option_label(value)
    if q.kind == "yes_no":
        return "yes" if value else "no"
    if q.kind == "scale":
        return f"{value} of {q.max}"
    return str(value)


def evidence_for(bank: Bank, conditions: Iterable[Condition], answers: Answers) -> list[Evidence]:
    out: list[Evidence] = []
    for c in conditions:
        value = answers.get(c.question)
        q = bank.question(c.question)
        shown = "not answered" if value is None else answer_label(q, value)
        out.append(Evidence(question=q.short, answer=shown))
    return out


def source_title(bank: Bank, source: str | None) -> str | None:
    """The article section a text is credited to, or None for trustrepair's own words."""
    return None if source is None else bank.sources[source].title


def guidance_item(bank: Bank, gid: str) -> GuidanceItem:
    g = bank.guide(gid)
    return GuidanceItem(
        id=g.id,
        addresses=g.addresses,
        title=g.title,
        text=g.text,
        source=source_title(bank, g.source),
    )


def guidance_for(bank: Bank, role: Role, ids: Iterable[str]) -> list[GuidanceItem]:
    """Guidance for this role's report, each once; entries that speak to the other role
    never reach it (the bank already refuses such references; this is the backstop)."""
    ids = [gid for gid in dict.fromkeys(ids) if bank.guide(gid).reaches(role)]
    return [guidance_item(bank, gid) for gid in ids]


def afraid(answers: Answers) -> bool:
    """Safety comes first: a yes to the safety question withholds every verdict."""
    return answers.get(Q_SAFETY) is True


def afraid_now(latest: CheckIn | None) -> bool:
    """The one safety decision for views beyond the summary (timeline, calendar, compare,
    export): the latest check-in says the person is afraid of their partner."""
    return latest is not None and afraid(latest.answers)


def safety_result(bank: Bank, area: Area, answers: Answers) -> AreaResult:
    """An area while the person is afraid: unclear, because safety comes first."""
    q = bank.question(Q_SAFETY)
    reason = Reason(
        rule="safety_first",
        status="unclear",
        text=bank.report.safety_reason,
        evidence=[Evidence(question=q.short, answer=answer_label(q, answers[Q_SAFETY]))],
    )
    return AreaResult(
        area=area,
        title=bank.report.area_titles[area],
        status="unclear",
        status_label=bank.report.status_labels["unclear"],
        reasons=[reason],
        guidance=[],
    )


def assess_area(bank: Bank, role: Role, area: Area, answers: Answers) -> AreaResult:
    if afraid(answers):
        return safety_result(bank, area, answers)
    rules = matching_rules(bank, role, area, answers)
    status = area_status(rules)
    reasons = merge_overlapping(
        [
            Reason(
                rule=r.id,
                status=r.status,
                text=r.reason,
                evidence=evidence_for(bank, r.when, answers),
            )
            for r in rules
        ]
    )
    return AreaResult(
        area=area,
        title=bank.report.area_titles[area],
        status=status,
        status_label=bank.report.status_labels[status],
        reasons=reasons,
        guidance=guidance_for(bank, role, (g for r in rules for g in r.guidance)),
    )


def merge_overlapping(reasons: list[Reason]) -> list[Reason]:
    """Say each point once: reasons that rest on a shared answer become one reason, the most
    cautious one's words, naming every answer behind the group. `reasons` is most cautious first."""
    merged: list[Reason] = []
    for reason in reasons:
        asked = {e.question for e in reason.evidence}
        home = next((m for m in merged if asked & {e.question for e in m.evidence}), None)
        if home is None:
            merged.append(replace(reason, evidence=list(reason.evidence)))
            continue
        known = {e.question for e in home.evidence}
        home.evidence.extend(e for e in reason.evidence if e.question not in known)
    return merged


def graded_areas(role: Role) -> tuple[Area, ...]:
    """The affected partner's own part is never graded; the other partner's side may be."""
    return (*PREREQUISITES, "your_part") if role == Role.betraying else PREREQUISITES


def prerequisite_statuses(bank: Bank, role: Role, answers: Answers) -> dict[Area, Status]:
    """The snapshot stored with each check-in: one status per graded area."""
    if afraid(answers):
        return dict.fromkeys(graded_areas(role), "unclear")
    return {a: area_status(matching_rules(bank, role, a, answers)) for a in graded_areas(role)}


def alerts(bank: Bank, role: Role, answers: Answers) -> list[AlertItem]:
    """Alerts that hold. While someone is afraid, only the safety alert: no other verdict."""
    held = [
        a
        for a in bank.alerts
        if role in a.roles and all_hold(a.when, answers) and a.kind in alert_kinds(answers)
    ]
    return [
        AlertItem(
            id=a.id,
            kind=a.kind,
            guidance=guidance_item(bank, a.guidance),
            evidence=[f"{e.question}: {e.answer}" for e in evidence_for(bank, a.when, answers)],
        )
        for a in held
    ]


def alert_kinds(answers: Answers) -> tuple[str, ...]:
    return ("safety",) if afraid(answers) else ("safety", "stop")


def safety_alert(bank: Bank, role: Role | None, answers: Answers) -> AlertItem | None:
    """The safety alert, checked right after the safety question (the role may be unknown)."""
    for a in bank.alerts:
        if a.kind == "safety" and (role is None or role in a.roles) and all_hold(a.when, answers):
            return AlertItem(id=a.id, kind="safety", guidance=guidance_item(bank, a.guidance))
    return None


def support(bank: Bank, role: Role, answers: Answers) -> list[GuidanceItem]:
    """Who could help. While a person is afraid: support of their own, never joint sessions."""
    if afraid(answers):
        return guidance_for(bank, role, bank.report.safety_support)
    ids = [s.guidance for s in bank.support if role in s.roles and all_hold(s.when, answers)]
    return guidance_for(bank, role, ids)


def invitations(bank: Bank, role: Role, answers: Answers) -> list[GuidanceItem]:
    """What may help the affected partner with their own part: offered, never graded."""
    ids = [s.guidance for s in bank.invitations if role in s.roles and all_hold(s.when, answers)]
    return guidance_for(bank, role, ids)
