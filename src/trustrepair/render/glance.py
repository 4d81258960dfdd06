"""The short summary: one screen for someone opening it in a hard moment.

Safety, any warning, each prerequisite with its one most important reason, the one next step,
then one line each for the timeline, the waves of distrust, the markers and support. Everything
else is in `trustrepair summary --full`, drawn from the same outline pieces.
"""

from __future__ import annotations

from trustrepair.models import AreaResult, GuidanceItem, Report
from trustrepair.render import words
from trustrepair.render.outline import (
    Inputs,
    alert_section,
    checkin_section,
    opening_sections,
    standing_section,
)
from trustrepair.render.sections import Guide, Line, Section, Telling

# The most cautious status first, as the assessment ranks them.
RANK = {"not_yet": 0, "unclear": 1, "partial": 2, "in_place": 3}
FULL_HINT = "Every reason and all the guidance: trustrepair summary --full"


def glance(report: Report) -> list[Section]:
    tell = Telling(named=True)
    sections = [alert_section(a, tell) for a in report.safety]
    sections += opening_sections(Inputs(report), tell)
    sections += checkin_section(Inputs(report), tell)
    sections += [brief_alert(a.guidance.title, a.evidence, a.id) for a in report.warnings]
    sections.append(standing(report))
    step = next_step(report)
    if report.safety_first:  # support of one's own is the step: said in full
        guides = tell.guides(report.support)
        sections.append(Section(key="support", title="Support", guidance=guides))
    elif step is not None:
        guide = tell.guides([step])
        if report.warnings:  # its title is the warning's, just above
            guide = [Guide(title="", text=g.text, credit=g.credit) for g in guide]
        sections.append(Section(key="next", title="One next step", guidance=guide))
    sections.append(Section(key="glance", title="", lines=[Line(""), *at_a_glance(report)]))
    hint = [Line(FULL_HINT, tone="muted"), Line(report.disclaimer, tone="muted")]
    sections.append(Section(key="more", title="", kind="footer", lines=hint))
    return sections


def brief_alert(title: str, evidence: list[str], key: str) -> Section:
    lines = [Line("; ".join(evidence), lead="Because: ", tone="muted")] if evidence else []
    return Section(key=key, title=title, kind="warning", lines=lines)


def areas(report: Report) -> list[AreaResult]:
    found = list(report.prerequisites.values())
    return found + ([report.your_part] if report.your_part is not None else [])


def standing(report: Report) -> Section:
    return standing_section(areas(report), reasons=not report.safety_first)


def next_step(report: Report) -> GuidanceItem | None:
    """What matters most now: the first warning; else the guidance of the most cautious area
    (then their own part, then the timeline), addressed to this role first, then to both."""
    if report.safety:
        return None  # the safety guidance above is the step
    if report.warnings:
        return report.warnings[0].guidance
    role = report.checkin.role
    ranked = sorted(
        (a for a in areas(report) if a.status != "in_place"),
        key=lambda a: RANK.get(a.status, 1),
    )
    own = report.own_part.guidance if report.own_part is not None else []
    for group in [*(a.guidance for a in ranked), own, report.timeline.guidance]:
        # Within the most pressing group: what this person can do, then what speaks to both.
        fitting = [g for g in group if g.addresses == role] + [
            g for g in group if g.addresses == "both"
        ]
        if fitting:
            return fitting[0]
    return None


def at_a_glance(report: Report) -> list[Line]:
    lines = [timeline_line(report)]
    progress = report.progress
    if progress is not None and progress.spikes_logged:
        spark = words.sparkline(progress.chart)
        lines.append(Line(f"{spark}  {progress.trend_words}", lead="Waves of distrust: "))
    elif progress is not None:
        lines.append(
            Line("none logged yet. Log one with: trustrepair spike", lead="Waves of distrust: ")
        )
    for st in report.reflections:  # the phrases themselves are quoted once, in the full view
        if st.reflection.flags:
            said = words.plural(len(st.reflection.flags), "phrase")
            lines.append(
                Line(f"{said} to look at again (in the full view)", lead=f"{st.heading}: ")
            )
    markers = report.markers
    if markers.markers:
        recent = markers.last_30_days  # the markers that count as evidence, never checking
        count = f"{markers.active} active, {markers.concrete} concrete"
        if recent.recorded:
            shown = words.tally(recent.shown, recent.recorded)
            count += f"; shown {shown} times in the last 30 days"
        lines.append(Line(count, lead="Markers: "))
    if report.support and not report.safety_first:
        lines.append(Line("; ".join(g.title for g in report.support), lead="Support: "))
    return lines


def timeline_line(report: Report) -> Line:
    t = report.timeline
    if t.discovered is None or t.months_elapsed is None:
        undated = ["no date yet (trustrepair profile set discovered YYYY-MM-DD)"]
        return Line(
            " · ".join([*undated, *([t.horizon.brief] if t.horizon else [])]), lead="Timeline: "
        )
    parts = [f"came to light {words.months_ago(t.months_elapsed)}"]
    parts.append(t.phase_brief or "")
    if t.horizon is not None:
        parts.append(t.horizon.brief)
    if t.days_to_anniversary is not None and t.anniversary_number:
        nth = words.ordinal(t.anniversary_number)
        if t.discovered_approximate and t.next_anniversary is not None:
            parts.append(f"{nth} anniversary {words.around_month(t.next_anniversary)}")
        else:
            parts.append(f"{nth} anniversary {words.in_days(t.days_to_anniversary)}")
    return Line(" · ".join(p for p in parts if p), lead="Timeline: ")
