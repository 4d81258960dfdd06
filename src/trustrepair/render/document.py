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
    SECTIONS,
    Inputs,
    export_outline,
    markers_sections,
    prerequisite_sections,
    timeline_sections,
    waves_sections,
)
from trustrepair.render.sections import Cell, Section, Table, Telling

GLANCE_TITLE = "At a glance"
COURSE_TITLE = "How things have moved"
FIGURES_TITLE = "Waves of distrust, week by week"
CHANGES_TITLE = "How things have moved, change by change"
READING_TITLE = "Reading the waves and the markers"
NO_CHECKIN_MARK = "·"
NO_CHECKIN_WORDS = "no check-in that month"


def document_outline(export: Export) -> list[Section]:
    """The summary's sections (outline.SECTIONS), reordered for paper, plus the export's own."""
    if export.summary is None:
        return _without_checkin(export)
    inputs, tell = Inputs(export.summary, export.progress), Telling()
    split = SECTIONS.index(prerequisite_sections)
    first = [s for build in SECTIONS[:split] for s in build(inputs, tell)]
    first += [glance_section(export.summary), *course_sections(export.course)]
    waves, figures = _split_figures(list(waves_sections(inputs, tell)))
    up_front = [*waves, *markers_sections(inputs, tell)]
    details = [*course_change_sections(export.course), *_guidance_later(up_front)]
    for build in SECTIONS[split:]:
        if build in UP_FRONT:
            continue
        if build is timeline_sections:
            details += figures
        details += build(inputs, tell)
    return first + up_front + details


UP_FRONT = (waves_sections, markers_sections)


def _without_checkin(export: Export) -> list[Section]:
    sections = export_outline(export)
    return [*sections[:1], *course_sections(export.course), *sections[1:]]


def glance_section(report: Report) -> Section:
    areas = [*report.prerequisites.values()]
    if report.your_part is not None:
        areas.append(report.your_part)
    # One row across: four statuses take two lines on paper; a phone stacks them.
    rows = [[Cell("Status"), *(Cell(a.status_label, status=a.status) for a in areas)]]
    table = Table(
        headers=["Area", *(a.title for a in areas)],
        rows=rows,
        caption=f"Where things stand at the check-in of {words.day(report.checkin.when_local)}",
        key="glance-table",
    )
    return Section(key="glance", title=GLANCE_TITLE, tables=[table])


def _guidance_later(sections: list[Section]) -> list[Section]:
    """The article's guidance on the waves and the markers moves after the first page."""
    guides = [g for section in sections for g in section.guidance]
    for section in sections:
        section.guidance = []
    return [Section(key="reading", title=READING_TITLE, guidance=guides)] if guides else []


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
    return [Section(key="course", title=COURSE_TITLE, course=list(strips))]


def strip_name(strips: Sequence[CourseStrip], strip: CourseStrip) -> str:
    """The prerequisite, and whose view it is when both partners' check-ins are included."""
    both = len({s.role for s in strips}) > 1
    return f"{strip.title} ({strip.role_label})" if both else strip.title


def course_change_sections(strips: Sequence[CourseStrip]) -> list[Section]:
    """Every date a status changed, in order, for the details part."""
    found = sorted(
        ((c.on, strip_name(strips, s), c.after_label, c.after) for s in strips for c in s.changes),
        key=lambda row: row[0],
    )
    if not found:
        return []
    rows = [
        [Cell(words.day(on)), Cell(name), Cell(label, status=status)]
        for on, name, label, status in found
    ]
    table = Table(
        headers=["Date", "Prerequisite", "Became"],
        rows=rows,
        caption="Each check-in where a status changed, oldest first",
        row_header=0,
    )
    return [Section(key="course-changes", title=CHANGES_TITLE, tables=[table])]


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
    """The last change and how many there were: '2 Mar 2026 (2 changes)', or 'none'."""
    if not strip.changes:
        return "none"
    count = words.plural(len(strip.changes), "change")
    return f"{words.day(strip.changes[-1].on)} ({count})"


def cell_words(label: str | None) -> str:
    return NO_CHECKIN_WORDS if label is None else label


def cell_mark(status: str | None) -> str:
    return NO_CHECKIN_MARK if status is None else words.mark(status)


def cell_when(strip: CourseStrip, index: int) -> str:
    cell = strip.cells[index]
    return words.month(cell.start) if strip.by == "month" else words.day(cell.start)
