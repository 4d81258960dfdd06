"""The HTML export: one self-contained, printable page that makes no request of any kind.

No external fonts, scripts, images or links: inline CSS, inline SVG, and every piece of text
escaped. (Rich's own HTML/SVG export loads a web font, so it is not used here.) The page draws
the export's outline (render/document.py), section by section, like the Markdown file.

Made for print (A4 and US Letter) and for a phone: tables carry captions and row headers and
become stacked rows on a narrow screen; status marks are hidden from screen readers, which
read the words next to them; the chart has a text alternative tied to its table of figures.
"""

from __future__ import annotations

import re
from html import escape
from importlib import resources

from trustrepair.models import CourseStrip, Export, ProgressInfo
from trustrepair.render import words
from trustrepair.render.chart import chart_summary, peak_of, spikes_svg
from trustrepair.render.document import (
    cell_mark,
    cell_when,
    cell_words,
    change_words,
    document_outline,
    scope_words,
    strip_name,
)
from trustrepair.render.outline import CHART_FIGURES
from trustrepair.render.sections import Cell, Guide, Line, Section, Table

_CODE = re.compile(r"`([^`\n]+)`")


def _css() -> str:
    return (resources.files("trustrepair.render") / "export.css").read_text(encoding="utf-8")


def e(text: object) -> str:
    return escape(str(text), quote=True)


def text_html(text: str) -> str:
    """Escaped text in which `command` pairs become <code>, never stray backticks."""
    parts = _CODE.split(text)
    return "".join(f"<code>{e(part)}</code>" if i % 2 else e(part) for i, part in enumerate(parts))


def mark_html(status: str | None) -> str:
    """The status symbol, for the eye only: the words always sit next to it."""
    return f'<span class="mark" aria-hidden="true">{e(cell_mark(status))}</span>'


def status_html(status: str, label: str) -> str:
    return f'<span class="status {e(status)}">{mark_html(status)} {e(label)}</span>'


TONE_CLASS = {"plain": "", "muted": "muted", "strong": "strong", "quote": "note"}


def line_html(line: Line) -> str:
    if not (line.text or line.lead):
        return ""
    classes = " ".join(c for c in (TONE_CLASS[line.tone], "indent" if line.indent else "") if c)
    mark = ""
    if line.status:
        word = line.status.replace("_", " ")
        mark = f'<span class="status {e(line.status)}">{mark_html(line.status)}</span>'
        mark += f'<span class="sr">({e(word)})</span> '
    lead = f"<strong>{text_html(line.lead.strip())}</strong> " if line.lead.strip() else ""
    text = (
        f"<strong>{text_html(line.text)}</strong>"
        if line.tone == "strong"
        else text_html(line.text)
    )
    attr = f' class="{classes}"' if classes else ""
    return f"<p{attr}>{lead}{mark}{text}</p>"


def table_html(table: Table) -> str:
    ident = f' id="{e(table.key)}"' if table.key else ""
    caption = (
        f'<caption id="{e(table.key)}-caption">{e(table.caption)}</caption>'
        if table.key
        else f"<caption>{e(table.caption)}</caption>"
        if table.caption
        else ""
    )
    headers = [h or "Notes" for h in table.headers]  # never an empty header cell
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in headers)
    rows = "".join(
        "<tr>" + "".join(_cell_html(table, headers, i, c) for i, c in enumerate(row)) + "</tr>"
        for row in table.rows
    )
    return (
        f'<table class="data"{ident}>{caption}<thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def _cell_html(table: Table, headers: list[str], index: int, cell: Cell) -> str:
    body = status_html(cell.status, cell.text) if cell.status else text_html(cell.text)
    label = e(headers[index]) if index < len(headers) else ""
    if index == table.row_header:
        return f'<th scope="row" data-label="{label}">{body}</th>'
    empty = " empty" if not cell.text else ""
    return f'<td data-label="{label}" class="cell{empty}">{body}</td>'


def guide_html(g: Guide) -> str:
    title = f"<p><strong>{text_html(g.title)}</strong></p>" if g.title else ""
    credit = f' <span class="source">({e(g.credit)})</span>' if g.credit else ""
    return f'<div class="guidance">{title}<p>{text_html(g.text)}{credit}</p></div>'


def chart_html(progress: ProgressInfo | None) -> str:
    if progress is None or not progress.chart:
        return ""
    bars = progress.chart
    peak = peak_of(progress)
    ticks = _ticks([b.label for b in bars])
    marked = any(b.notes for b in bars)
    key = (
        " Banded bars with a triangle: a harder stretch with an expected reason (an"
        " anniversary or a named trigger)."
        if marked
        else ""
    )
    return (
        '<figure class="chart-figure">'
        f"{spikes_svg(progress, described_by=f'{CHART_FIGURES}-caption')}"
        f'<div class="ticks" aria-hidden="true">{ticks}</div>'
        f"<figcaption>Spikes per week, by {e(progress.chart_unit)}, oldest on the left; dashed"
        f" lines at {e(words.number(peak))} and {e(words.number(peak / 2))} a week.{e(key)}"
        " Figures: the table “Waves of distrust, week by week”.</figcaption>"
        f'<p class="sr">{e(chart_summary(progress))}</p>'
        "</figure>"
    )


def _ticks(labels: list[str], most: int = 5) -> str:
    """A few evenly spread labels under the chart, in HTML so they stay readable."""
    if len(labels) <= most:
        chosen = labels
    else:
        step = (len(labels) - 1) / (most - 1)
        chosen = [labels[round(i * step)] for i in range(most)]
    return "".join(f"<span>{e(label)}</span>" for label in chosen)


def strip_html(strips: list[CourseStrip]) -> str:
    """One row per prerequisite, one cell per check-in or month: a mark and its words."""
    if not strips:
        return ""
    first = strips[0]
    heads = "".join(f'<th scope="col">{_when_html(first, i)}</th>' for i in range(len(first.cells)))
    rows = []
    for strip in strips:
        cells = "".join(
            f'<td class="cell {e(c.status or "none")}" title="{e(cell_when(strip, i))}: '
            f'{e(cell_words(c.label))}">{mark_html(c.status)}'
            f'<span class="sr">{e(cell_words(c.label))}</span></td>'
            for i, c in enumerate(strip.cells)
        )
        change = f'<td class="change">{e(change_words(strip))}</td>'
        rows.append(f'<tr><th scope="row">{e(strip_name(strips, strip))}</th>{cells}{change}</tr>')
    caption = scope_words(first)
    return (
        f'<table class="strip"><caption>{e(caption)}</caption>'
        f'<thead><tr><th scope="col">Prerequisite</th>{heads}'
        '<th scope="col" class="change">Latest change</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>{_strip_key(strips)}"
    )


def _when_html(strip: CourseStrip, index: int) -> str:
    start = strip.cells[index].start
    top = words.month_name(start) if strip.by == "month" else words.week_label(start)
    return f'<span class="when">{e(top)}</span> <span class="year">{words.year(start)}</span>'


def _strip_key(strips: list[CourseStrip]) -> str:
    used = {c.status: c.label for s in strips for c in s.cells}
    items = "".join(
        f'<li><span class="status {e(st or "none")}">{mark_html(st)}</span> '
        f"{e(cell_words(label))}</li>"
        for st, label in used.items()
    )
    return f'<ul class="key" aria-label="Key">{items}</ul>'


KIND_CLASS = {"safety": "alert safety", "warning": "alert stop", "area": "area", "footer": "about"}


def section_html(section: Section) -> str:
    heading = ""
    if section.title:
        status = f": {status_html(section.status, section.status_label)}" if section.status else ""
        heading = f"<h2>{text_html(section.title)}{status}</h2>"
    body = strip_html(section.course)
    body += "".join(line_html(line) for line in section.lines)
    body += chart_html(section.chart)
    body += "".join(table_html(t) for t in section.tables)
    body += "".join(guide_html(g) for g in section.guidance)
    kind = KIND_CLASS.get(section.kind, "")
    role = ' role="note"' if section.kind in ("safety", "warning") else ""
    return f'<section class="{e(kind)}" id="{e(section.key)}"{role}>{heading}{body}</section>'


def page_css(export: Export) -> str:
    """The margin of every printed page: the export date and the page number."""
    date = words.day(export.exported_utc)
    return (
        "@page { size: auto; margin: 14mm 13mm 16mm;"
        f' @bottom-left {{ content: "trustrepair summary, exported {date}"; }}'
        ' @bottom-right { content: "Page " counter(page) " of " counter(pages); } }'
    )


def export_html(export: Export) -> str:
    notice = words.export_notice(export)
    notes = f" {e(notice)}" if notice else ""
    body = "".join(section_html(s) for s in document_outline(export))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # Forbid every fetch: the page must work, and stay private, fully offline.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        '<meta name="referrer" content="no-referrer">'
        f"<title>trustrepair summary</title><style>{_css()}{page_css(export)}</style></head>"
        f'<body><main><header class="top"><h1>trustrepair summary</h1><p class="muted">Exported '
        f"{words.day(export.exported_utc)} from profile {e(export.profile)}.{notes}</p>"
        f"</header>{body}</main></body></html>\n"
    )
