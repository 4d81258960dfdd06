"""The summary as one ordered list of sections. Terminal, Markdown and HTML only draw this list.

This is the one place that decides what the summary says, in which order, and how often: every
guidance entry appears once (the first section to reach it keeps it), each with a short credit,
and the article's parts are named once, at the end. A new section is one entry in SECTIONS.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from trustrepair.models import (
    AlertItem,
    AreaResult,
    Export,
    MarkersSection,
    ProgressInfo,
    ProgressOverview,
    Report,
    StatementReflection,
    TimelineInfo,
)
from trustrepair.render import words
from trustrepair.render.sections import Cell, Guide, Kind, Line, Section, Table, Telling


@dataclass(slots=True)
class Inputs:
    """What the outline is drawn from: the report, and the full progress when an export has it."""

    report: Report
    progress: ProgressInfo | None = None


Builder = Callable[[Inputs, Telling], Iterable[Section]]


# --- the sections, in order ------------------------------------------------------------------


def checkin_section(inputs: Inputs, tell: Telling) -> Iterable[Section]:
    ref = inputs.report.checkin
    lead = f"Check-in {ref.id}: " if ref.id else "Check-in: "
    lines = [Line(f"{words.moment(ref.when_local)}, answered as {ref.role_label}.", lead=lead)]
    if not ref.bank_matches:
        lines.append(
            Line(
                f"This check-in used question bank {ref.bank_version}; the wording shown is "
                "from the current bank.",
                tone="muted",
            )
        )
    yield Section(key="checkin", title="", lines=lines)


def opening_sections(inputs: Inputs, tell: Telling) -> Iterable[Section]:
    """The one idea that matters most for this role (or that safety comes first)."""
    opening = inputs.report.opening
    return (
        [Section(key="opening", title="", lines=[Line(opening, tone="strong")])] if opening else []
    )


def alert_section(alert: AlertItem, tell: Telling) -> Section:
    tell.said.update(alert.evidence)
    lines = (
        [Line("; ".join(alert.evidence), lead="Because: ", tone="muted")] if alert.evidence else []
    )
    guide = tell.guides([alert.guidance])
    body = [Guide(title="", text=g.text, credit=g.credit) for g in guide]
    kind: Kind = "safety" if alert.kind == "safety" else "warning"
    return Section(key=alert.id, title=alert.guidance.title, kind=kind, lines=lines, guidance=body)


def safety_sections(inputs: Inputs, tell: Telling) -> Iterable[Section]:
    return [alert_section(a, tell) for a in inputs.report.safety]


def warning_sections(inputs: Inputs, tell: Telling) -> Iterable[Section]:
    return [alert_section(a, tell) for a in inputs.report.warnings]


def area_section(result: AreaResult, tell: Telling) -> Section:
    lines: list[Line] = []
    for reason in result.reasons:
        lines.append(Line(reason.text, status=reason.status))
        named = [f"{e.question}: {e.answer}" for e in reason.evidence]
        answers = "; ".join(n for n in named if n not in tell.said)
        if answers:
            lines.append(Line(answers, lead="Your answers: ", tone="muted", indent=2))
    if not result.reasons:
        lines.append(Line("Not enough answers to say yet.", tone="muted"))
    for note in result.notes:  # the statement's phrases are quoted once, in its own section
        lines.append(Line(note.text, lead=f"{words.NOTE_MARK} "))
    return Section(
        key=result.area,
        title=result.title,
        kind="area",
        status=result.status,
        status_label=result.status_label,
        lines=lines,
        guidance=tell.guides(result.guidance),
    )


def prerequisite_sections(inputs: Inputs, tell: Telling) -> Iterable[Section]:
    report = inputs.report
    if report.safety_first:  # every verdict is withheld: the statuses once, no reasons
        graded = [*report.prerequisites.values(), *([report.your_part] if report.your_part else [])]
        return [standing_section(graded, reasons=False)]
    return [area_section(r, tell) for r in report.prerequisites.values()]


def standing_section(areas: Sequence[AreaResult], *, reasons: bool) -> Section:
    """Each area's status on a line, with its most important reason (reasons come most
    cautious first) when `reasons`."""
    lines: list[Line] = []
    for area in areas:
        lines.append(Line(area.status_label, lead=f"{area.title}: ", status=area.status))
        if reasons and area.reasons:
            lines.append(Line(area.reasons[0].text, indent=2))
    return Section(key="standing", title="Where things stand", lines=lines)


def reflection_sections(inputs: Inputs, tell: Telling) -> Iterable[Section]:
    return [reflection_section(st, tell) for st in inputs.report.reflections]


def reflection_section(st: StatementReflection, tell: Telling) -> Section:
    r = st.reflection
    lines = [Line(r.summary)]
    if r.flags:
        lines.append(Line("Phrases to look at again", tone="strong"))
    for f in r.flags:
        lines.append(Line(f"“{f.phrase}”", lead=f"{f.label}: ", status="not_yet"))
        credit = tell.credit(f.source)
        lines.append(Line(f"{f.explanation}" + (f" ({credit})" if credit else ""), indent=2))
    if r.strengths:
        lines.append(Line("What helps it carry weight", tone="strong"))
    lines += [Line(f"“{s.phrase}”", lead=f"{s.label}: ", status="in_place") for s in r.strengths]
    if r.not_found:
        lines.append(Line("Not found in these words", tone="strong"))
    for g in r.not_found:
        lines += [Line(g.label, lead="· "), Line(g.hint, indent=2)]
    lines.append(Line(r.caveat, tone="muted"))
    return Section(key=f"reflection-{st.question}", title=st.heading, lines=lines)


def your_part_sections(inputs: Inputs, tell: Telling) -> Iterable[Section]:
    """The partner who broke trust: their own side, with a status. The affected partner: an
    invitation, never graded."""
    report = inputs.report
    graded = report.your_part if not report.safety_first else None  # else in the statuses
    out = [] if graded is None else [area_section(graded, tell)]
    own = report.own_part
    if own is not None:
        guides = tell.guides(own.guidance)
        out.append(
            Section(key="own_part", title=own.title, lines=[Line(own.intro)], guidance=guides)
        )
    return out


def markers_sections(inputs: Inputs, tell: Telling) -> Iterable[Section]:
    return markers_part(inputs.report.markers, tell)


def markers_part(section: MarkersSection, tell: Telling) -> list[Section]:
    if not section.markers and not section.guidance:
        return []
    lines: list[Line] = []
    tables: list[Table] = []
    if section.markers:
        count = words.plural(section.active, "active marker")
        lines.append(Line(f"{count}, {section.concrete} of them concrete and observable."))
        if section.checking:
            lines.append(Line(words.checking_count(section.checking)))
        tables.append(markers_table(section))
    return [
        Section(
            key="markers",
            title="Markers",
            lines=lines,
            tables=tables,
            guidance=tell.guides(section.guidance),
        )
    ]


def markers_table(section: MarkersSection) -> Table:
    rows = []
    for m in section.markers:
        rows.append(
            [
                Cell("" if m.id is None else str(m.id)),
                Cell(m.text),
                Cell("checking" if m.checking else "yes" if m.concrete else "not yet"),
                *[Cell(f) for f in words.marker_figures(m)],
            ]
        )
    headers = ["#", "Marker", "Concrete", "Last 30 days", "Last 90 days", "Since added", "Weeks"]
    caption = "How often each marker was shown, out of the days recorded"
    return Table(headers=headers, rows=rows, caption=caption, row_header=1)


def notes_sections(inputs: Inputs, tell: Telling) -> Iterable[Section]:
    report = inputs.report
    named = {m.text for m in report.markers.markers}  # shown once, as markers
    notes = [n for n in report.notes if not set(n.answer.splitlines()) <= named]
    if not notes:
        return []
    lines: list[Line] = []
    for note in notes:
        lines += [Line(note.question, tone="strong"), Line(note.answer, tone="quote", indent=2)]
    return [Section(key="notes", title="In your words", lines=lines)]


def waves_sections(inputs: Inputs, tell: Telling) -> Iterable[Section]:
    """How often distrust flares: the check-in's answers, then the logged spikes and trend."""
    report, full = inputs.report, inputs.progress
    lines = [Line(e.answer, lead=f"{e.question}: ") for e in report.spikes_now]
    guidance = list(report.spikes_guidance)
    tables: list[Table] = []
    info: ProgressOverview | ProgressInfo | None = report.progress
    if full is not None and full.spikes_logged:
        info = full
        guidance += full.guidance
    if info is not None:
        lines += progress_lines(info)
        tables += [chart_table(info)] if info.spikes_logged else []
    if not lines:
        return []
    chart = full if full is not None and full.spikes_logged else None
    section = Section(key="waves", title="Waves of distrust", lines=lines, tables=tables)
    section.guidance, section.chart = tell.guides(guidance), chart
    return [section]


def progress_lines(info: ProgressOverview | ProgressInfo) -> list[Line]:
    if not info.spikes_logged:
        return [Line("No spikes logged yet. Log one with: trustrepair spike", tone="muted")]
    lines = [
        Line(words.plural(info.spikes_logged, "spike"), lead="Logged: "),
        Line(info.trend_words, lead="Trend: ", tone="strong"),
    ]
    if info.logging_gap is not None:
        lines.append(Line(info.logging_gap.text))
    return lines


def chart_table(info: ProgressOverview | ProgressInfo) -> Table:
    headers = [info.chart_unit.title(), "Spikes per week", "Median minutes", "Median intensity"]
    rows = [
        [
            Cell(b.label),
            Cell(words.number(b.per_week)),
            Cell(words.number(b.median_minutes)),
            Cell(words.number(b.median_intensity)),
            Cell(", ".join(b.notes)),
        ]
        for b in info.chart
    ]
    caption = f"Spikes of distrust per week, by {info.chart_unit}, in figures"
    return Table(headers=[*headers, "Notes"], rows=rows, caption=caption, key=CHART_FIGURES)


CHART_FIGURES = "waves-figures"

TIMELINE_SOURCE = {"profile": "set with profile set", "checkin": "from your check-in"}


def timeline_sections(inputs: Inputs, tell: Telling) -> Iterable[Section]:
    return [timeline_section(inputs.report.timeline, tell)]


def horizon_lines(t: TimelineInfo, tell: Telling) -> list[Line]:
    h = t.horizon
    if h is None:
        return []
    credit = tell.credit(h.source)
    return [Line(h.text + (f" ({credit})" if credit else ""))]


def timeline_section(t: TimelineInfo, tell: Telling) -> Section:
    if t.discovered is None or t.months_elapsed is None:
        no_date = Line(
            "No date yet for when it came to light. Add one with: "
            "trustrepair profile set discovered YYYY-MM-DD",
            tone="muted",
        )
        lines = [*horizon_lines(t, tell), no_date]
        return Section(key="timeline", title="Timeline", lines=lines)
    source = TIMELINE_SOURCE.get(t.discovered_from or "")
    rough = t.discovered_approximate
    came = (
        f"{words.rough_day(t.discovered, approximate=rough)}, {words.months_ago(t.months_elapsed)}"
    )
    lines = [
        Line(came + (f" ({source})" if source else ""), lead="Came to light: "),
    ]
    if t.phase_title:
        lines.append(Line(t.phase_title, lead="Where that puts you: "))
    if t.next_anniversary is not None and t.days_to_anniversary is not None:
        nth = f"the {words.ordinal(t.anniversary_number)}, on " if t.anniversary_number else ""
        # A month known only roughly has no exact anniversary: the month, not a day count.
        when = (nth.removesuffix("on ") if rough else nth) + words.rough_day(
            t.next_anniversary, approximate=rough
        )
        if not rough:
            when += f" ({words.in_days(t.days_to_anniversary)}){leap_note(t.discovered)}"
        lines.append(Line(when, lead="Next anniversary: "))
    lines += horizon_lines(t, tell)
    return Section(key="timeline", title="Timeline", lines=lines, guidance=tell.guides(t.guidance))


def leap_note(discovered: object) -> str:
    month_day = (getattr(discovered, "month", 0), getattr(discovered, "day", 0))
    return (
        " (29 February is marked on 28 February outside leap years)" if month_day == (2, 29) else ""
    )


def support_sections(inputs: Inputs, tell: Telling) -> Iterable[Section]:
    guides = tell.guides(inputs.report.support)
    return [Section(key="support", title="Support", guidance=guides)] if guides else []


def footer_sections(inputs: Inputs, tell: Telling) -> Iterable[Section]:
    lines = [Line(words.credits_line(tell.numbered()), tone="muted")] if tell.parts else []
    lines.append(Line(inputs.report.disclaimer, tone="muted"))
    return [Section(key="about", title="About this summary", kind="footer", lines=lines)]


SECTIONS: tuple[Builder, ...] = (
    safety_sections,
    opening_sections,
    checkin_section,
    warning_sections,
    prerequisite_sections,
    reflection_sections,
    your_part_sections,
    markers_sections,
    waves_sections,
    notes_sections,
    timeline_sections,
    support_sections,
    footer_sections,
)


def outline(report: Report, progress: ProgressInfo | None = None) -> list[Section]:
    """Every section of the full summary, in order; `progress` adds the chart and its guidance."""
    inputs, tell = Inputs(report, progress), Telling()
    return [section for build in SECTIONS for section in build(inputs, tell)]


def export_outline(export: Export) -> list[Section]:
    """What the Markdown and HTML exports draw: the summary's outline, or, before any check-in,
    the markers and the waves of distrust."""
    if export.summary is not None:
        return outline(export.summary, export.progress)
    tell = Telling()
    sections = [Section(key="none", title="", lines=[Line("No check-in yet.")])]
    sections += markers_part(export.markers or MarkersSection(), tell)
    info = export.progress
    if info is not None and info.spikes_logged:
        lines, tables = progress_lines(info), [chart_table(info)]
        section = Section(key="waves", title="Waves of distrust", lines=lines, tables=tables)
        section.guidance, section.chart = tell.guides(info.guidance), info
        sections.append(section)
    if tell.parts:
        lines = [Line(words.credits_line(tell.numbered()), tone="muted")]
        sections.append(
            Section(key="about", title="About this summary", kind="footer", lines=lines)
        )
    return sections
