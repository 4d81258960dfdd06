"""The Rich terminal view of a Report. Every piece of text goes in as Text, never as markup."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from trustrepair.models import AlertItem, GuidanceItem, HistoryRow, Report, TimelineInfo
from trustrepair.render import words
from trustrepair.render.sections import Cell, Guide, Line, Section
from trustrepair.render.sections import Table as OutlineTable
from trustrepair.vocab import PREREQUISITES, Area, Status


def status_text(status: str, label: str) -> Text:
    return Text.assemble(
        (f"{words.mark(status)} ", words.colour(status)), (label, "bold " + words.colour(status))
    )


def guidance_block(items: Iterable[GuidanceItem]) -> RenderableType:
    """Guidance from the bank, each with its source (views outside the summary's outline)."""
    return Group(*[guide_view(Guide(g.title, g.text, words.named_credit(g.source))) for g in items])


def guide_view(g: Guide) -> RenderableType:
    body = Text(g.text)
    if g.credit:
        body.append(f" ({g.credit})", style="dim italic")
    if not g.title:
        return body
    return Group(Text(g.title, style="bold"), Padding(body, (0, 0, 0, 2), expand=False))


def credit_text(source: str) -> Text:
    """The article credit in a view of its own (about, alerts): a heading, as the article has it."""
    return Text(f"From {words.ARTICLE}: {source}", style="dim italic")


def alert_panel(alert: AlertItem) -> Panel:
    style = "red" if alert.kind == "safety" else "yellow"
    body: list[RenderableType] = [Text(alert.guidance.text)]
    if alert.evidence:
        body.append(Text("Because: " + "; ".join(alert.evidence), style="dim"))
    if alert.guidance.source:
        body.append(credit_text(alert.guidance.source))
    title = Text(alert.guidance.title, style=f"bold {style}")
    return Panel(Group(*body), title=title, title_align="left", border_style=style)


# --- the summary's outline, drawn for a terminal ---------------------------------------------

BLANK = Text("")
TONE = {"plain": "", "muted": "dim", "strong": "bold", "quote": "italic"}
KIND_STYLE = {"safety": "red", "warning": "yellow"}


def line_view(line: Line) -> RenderableType:
    text = Text()
    if line.lead:
        text.append(line.lead, style="bold")
    if line.status is not None:
        text.append(f"{words.mark(line.status)} ", style=words.colour(line.status))
    text.append(line.text, style=TONE[line.tone])
    return Padding(text, (0, 0, 0, line.indent), expand=False) if line.indent else text


def table_view(table: OutlineTable) -> Table:
    # Every column may wrap (fold), so a narrow terminal wraps a table instead of cutting it.
    out = Table(expand=False, show_edge=False, box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0))
    for header in table.headers:
        out.add_column(Text(header), overflow="fold")
    for row in table.rows:
        out.add_row(*[_cell(c) for c in row])
    return out


def _cell(cell: Cell) -> Text:
    if cell.status is None:
        return Text(cell.text)
    return status_text(cell.status, cell.text)


def section_view(section: Section) -> RenderableType:
    body: list[RenderableType] = [line_view(line) for line in section.lines]
    for table in section.tables:
        body += [BLANK, table_view(table)] if body else [table_view(table)]
    if section.guidance and body:
        body.append(Text(""))
    for i, g in enumerate(section.guidance):
        body += [Text("")] if i and g.title else []
        body.append(guide_view(g))
    if section.kind in KIND_STYLE:
        style = KIND_STYLE[section.kind]
        title = Text(section.title, style=f"bold {style}")
        return Panel(Group(*body), title=title, title_align="left", border_style=style)
    if not section.title:
        return Group(*body)
    heading = Text(section.title, style="bold")
    if section.status is not None:
        heading.append("  ")
        heading.append_text(status_text(section.status, section.status_label))
    return Group(BLANK, Rule(heading, align="left"), *body)


def outline_view(sections: Iterable[Section]) -> RenderableType:
    views = [section_view(s) for s in sections]
    if views and isinstance(views[0], Group) and views[0].renderables[:1] == [BLANK]:
        views[0] = Group(*views[0].renderables[1:])  # no blank line above the first heading
    return Group(*views)


def report_view(report: Report, *, full: bool = True) -> RenderableType:
    """The summary: the short view by default, every section with `full`."""
    if full:
        from trustrepair.render.outline import outline

        return outline_view(outline(report))
    from trustrepair.render.glance import glance

    return outline_view(glance(report))


def timeline_view(info: TimelineInfo, *, full: bool = False) -> RenderableType:
    """Where things stand in time; `full` adds what to expect at the next anniversary."""
    from trustrepair.render.outline import horizon_lines, timeline_section
    from trustrepair.render.sections import Telling

    tell = Telling(named=True)
    if info.discovered is None:  # the missing date is said on stderr; the span still shows
        return section_view(Section(key="timeline", title="", lines=horizon_lines(info, tell)))
    section = timeline_section(info, tell)
    expect = info.expect_at_anniversary
    if full and expect is not None:
        section.guidance += tell.guides([expect])
    section.title = ""
    return section_view(section)


def listing_table(title: str) -> Table:
    """A plain list of records: a left title, a rule under the header, no outer frame."""
    return Table(
        title=Text(title),
        title_justify="left",
        expand=False,
        show_edge=False,
        box=box.SIMPLE_HEAD,
        padding=(0, 1, 0, 0),
    )


def history_view(
    rows: list[HistoryRow], titles: Mapping[Area, str], labels: Mapping[Status, str]
) -> RenderableType:
    """One row per check-in. Pass the bank's short titles and status words: the table fits 80
    columns without breaking a word (the course view above names each in full)."""
    table = listing_table("Check-ins, newest first")
    with_ids = any(row.id for row in rows)
    if with_ids:
        table.add_column("Id", no_wrap=True)
    table.add_column("When", no_wrap=True)
    table.add_column("Role", overflow="fold")
    for area in PREREQUISITES:
        table.add_column(titles[area], overflow="fold")  # only below 80 columns
    for row in rows:
        cells = [Text(row.id or "")] if with_ids else []
        cells += [
            Text(words.moment(row.when_local)),
            Text(words.ROLE_SHORT[row.role]),
        ]
        for area in PREREQUISITES:
            status = row.statuses.get(area, "unclear")
            cells.append(status_text(status, labels[status]))
        table.add_row(*cells)
    return table
