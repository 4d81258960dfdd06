"""The HTML export: one self-contained, printable page that makes no request of any kind.

No external fonts, scripts, images or links: inline CSS, inline SVG, and every piece of text
escaped. (Rich's own HTML/SVG export loads a web font, so it is not used here.) The page draws
the summary's outline, section by section, like the terminal and Markdown.
"""

from __future__ import annotations

from html import escape
from importlib import resources

from trustrepair.models import Export
from trustrepair.render import words
from trustrepair.render.chart import spikes_svg
from trustrepair.render.outline import export_outline
from trustrepair.render.sections import Guide, Line, Section, Table


def _css() -> str:
    return (resources.files("trustrepair.render") / "export.css").read_text(encoding="utf-8")


def e(text: object) -> str:
    return escape(str(text), quote=True)


def status_html(status: str, label: str) -> str:
    return f'<span class="status {e(status)}">{words.mark(status)} {e(label)}</span>'


TONE_CLASS = {"plain": "", "muted": "muted", "strong": "strong", "quote": "note"}


def line_html(line: Line) -> str:
    if not (line.text or line.lead):
        return ""
    classes = " ".join(c for c in (TONE_CLASS[line.tone], "indent" if line.indent else "") if c)
    mark = (
        f'<span class="status {e(line.status)}">{words.mark(line.status)}</span> '
        if line.status
        else ""
    )
    lead = f"<strong>{e(line.lead.strip())}</strong> " if line.lead.strip() else ""
    text = f"<strong>{e(line.text)}</strong>" if line.tone == "strong" else e(line.text)
    attr = f' class="{classes}"' if classes else ""
    return f"<p{attr}>{lead}{mark}{text}</p>"


def table_html(table: Table) -> str:
    head = "".join(f"<th>{e(h)}</th>" for h in table.headers)
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{status_html(c.status, c.text) if c.status else e(c.text)}</td>" for c in row
        )
        + "</tr>"
        for row in table.rows
    )
    return f"<table><tr>{head}</tr>{rows}</table>"


def guide_html(g: Guide) -> str:
    title = f"<p><strong>{e(g.title)}</strong></p>" if g.title else ""
    credit = f' <span class="source">({e(g.credit)})</span>' if g.credit else ""
    return f'<div class="guidance">{title}<p>{e(g.text)}{credit}</p></div>'


def chart_html(section: Section) -> str:
    if section.chart is None:
        return ""
    unit = section.chart.chart_unit
    return (
        f"<figure>{spikes_svg(section.chart)}<figcaption>Spikes per week, by {e(unit)}. "
        "Amber bars mark harder stretches with an expected reason (an anniversary or a named "
        "trigger).</figcaption></figure>"
    )


KIND_CLASS = {"safety": "alert safety", "warning": "alert stop", "area": "area", "footer": "about"}


def section_html(section: Section) -> str:
    heading = ""
    if section.title:
        status = f": {status_html(section.status, section.status_label)}" if section.status else ""
        heading = f"<h2>{e(section.title)}{status}</h2>"
    body = "".join(line_html(line) for line in section.lines)
    body += chart_html(section)
    body += "".join(table_html(t) for t in section.tables)
    body += "".join(guide_html(g) for g in section.guidance)
    kind = KIND_CLASS.get(section.kind, "")
    role = ' role="note"' if section.kind in ("safety", "warning") else ""
    return f'<section class="{e(kind)}" id="{e(section.key)}"{role}>{heading}{body}</section>'


def export_html(export: Export) -> str:
    notes = "" if export.includes_notes else " Free-text notes were left out."
    body = "".join(section_html(s) for s in export_outline(export))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # Forbid every fetch: the page must work, and stay private, fully offline.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        '<meta name="referrer" content="no-referrer">'
        f"<title>trustrepair summary</title><style>{_css()}</style></head><body>"
        f'<h1>trustrepair summary</h1><p class="muted">Exported '
        f"{words.long_day(export.exported_utc)} from profile {e(export.profile)}.{notes}</p>"
        f"{body}</body></html>\n"
    )
