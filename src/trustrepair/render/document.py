"""The exported document's outline: what a therapist reads in a minute first, the details after.

Markdown and HTML both draw this one list, so they always hold the same sections in the same
order. It reuses the summary's section builders (render/outline.py) and adds what only an
export has: the statuses at a glance and how things have moved over every check-in exported.
The first part is: who and when, any safety notice and warnings, the statuses, the course,
the waves of distrust (the chart) and the markers. Then the details: each prerequisite's
reasons, the person's words, the chart's figures, the timeline, support and credits.
"""

from __future__ import annotations

from collections.abc import Sequence

from trustrepair.models import CourseStrip, Export, Report
from trustrepair.render import words
from trustrepair.render.outline import (
    Cell,
    Inputs,
    Line,
    Section,
    Table,
    Telling,
    checkin_section,
    export_outline,
    footer_sections,
    markers_sections,
    notes_sections,
    prerequisite_sections,
    reflection_sections,
    safety_sections,
    support_sections,
    timeline_sections,
    warning_sections,
    waves_sections,
    your_part_sections,
)

GLANCE_TITLE = "At a glance"
COURSE_TITLE = "How things have moved"
FIGURES_TITLE = "Waves of distrust, week by week"
NO_CHECKIN_MARK = "·"
NO_CHECKIN_WORDS = "no check-in that month"


def document_outline(export: Export) -> list[Section]:
    if export.summary is None:
        return _without_checkin(export)
    inputs, tell = Inputs(export.summary, export.progress), Telling()
    first = [
        *checkin_section(inputs, tell),
        *safety_sections(inputs, tell),
        *warning_sections(inputs, tell),
        glance_section(export.summary),
        *course_sections(export.course),
    ]
    waves, figures = _split_figures(list(waves_sections(inputs, tell)))
    first += [*waves, *markers_sections(inputs, tell)]
    details = [
        *prerequisite_sections(inputs, tell),
        *reflection_sections(inputs, tell),
        *your_part_sections(inputs, tell),
        *notes_sections(inputs, tell),
        *figures,
        *timeline_sections(inputs, tell),
        *support_sections(inputs, tell),
        *footer_sections(inputs, tell),
    ]
    return first + details


def _without_checkin(export: Export) -> list[Section]:
    sections = export_outline(export)
    return [*sections[:1], *course_sections(export.course), *sections[1:]]


def glance_section(report: Report) -> Section:
    areas = [*report.prerequisites.values()]
    if report.your_part is not None:
        areas.append(report.your_part)
    rows = [[Cell(a.title), Cell(a.status_label, status=a.status)] for a in areas]
    table = Table(
        headers=["Area", "Status"],
        rows=rows,
        caption=f"Where things stand at the check-in of {words.day(report.checkin.when_local)}",
    )
    return Section(key="glance", title=GLANCE_TITLE, tables=[table])


def _split_figures(waves: list[Section]) -> tuple[list[Section], list[Section]]:
    """The chart stays up front; its table of figures goes with the details."""
    if not waves or not waves[0].tables:
        return waves, []
    section = waves[0]
    figures = Section(key="waves-week-by-week", title=FIGURES_TITLE, tables=section.tables)
    section.tables = []
    return [section], [figures]


def course_sections(strips: Sequence[CourseStrip]) -> list[Section]:
    if not strips:
        return []
    lines = [Line(scope_words(strips[0]), tone="muted")]
    roles = list(dict.fromkeys(s.role for s in strips))
    for strip in strips:
        who = f"{strip.role_label}, " if len(roles) > 1 else ""
        lines.append(Line(change_words(strip), lead=f"{who}{strip.title}: "))
    return [Section(key="course", title=COURSE_TITLE, lines=lines, course=list(strips))]


def scope_words(strip: CourseStrip) -> str:
    count = words.plural(sum(c.checkins for c in strip.cells), "check-in")
    first, last = strip.cells[0], strip.cells[-1]
    if strip.by == "month":
        span = f"{words.month(first.start)} to {words.month(last.end)}"
        return f"{count}, one mark per month (its latest check-in), {span}, oldest first."
    return (
        f"{count}, one mark each, {words.day(first.start)} to {words.day(last.end)}, oldest first."
    )


def change_words(strip: CourseStrip) -> str:
    """Every change, dated: 'partly in place on 2 Feb 2026, in place on 2 Mar 2026'."""
    if not strip.changes:
        return "no change over the period"
    said = [f"{c.after_label} on {words.day(c.on)}" for c in strip.changes]
    return f"became {', '.join(said)}"


def cell_words(label: str | None) -> str:
    return NO_CHECKIN_WORDS if label is None else label


def cell_mark(status: str | None) -> str:
    return NO_CHECKIN_MARK if status is None else words.mark(status)


def cell_when(strip: CourseStrip, index: int) -> str:
    cell = strip.cells[index]
    return words.month(cell.start) if strip.by == "month" else words.day(cell.start)
