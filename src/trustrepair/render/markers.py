"""Rich views of markers: the list, one marker in detail, coaching, and the summary section.

Marker text and notes are the person's own words: they always go in as Text, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from trustrepair import messages
from trustrepair.models import MarkerDetail, MarkersSection, MarkerView, Tally
from trustrepair.render import words

LEVELS, NO_RECORDS, LEGEND = words.LEVELS, words.NO_RECORDS, words.WEEKS_LEGEND
week_glyph, week_strip = words.week_glyph, words.week_strip


def tally_text(t: Tally) -> str:
    return words.tally(t.shown, t.recorded)


def _marker_cell(view: MarkerView) -> Text:
    cell = Text(view.text)
    if view.checking:
        cell.append(f"\n{messages.MARKER_CHECKING_HINT}", style="dim italic")
    elif not view.concrete:
        hint = "could be easier to see"
        if view.id is not None:
            hint += f": trustrepair markers show {view.id}"
        cell.append(f"\n{hint}", style="dim italic")
    if view.retired is not None:
        cell.append(f"\nretired {words.day(view.retired)}", style="dim")
    return cell


def markers_table(views: Sequence[MarkerView]) -> Table:
    table = Table(expand=False, caption=Text(LEGEND, style="dim"), caption_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Marker", ratio=1, min_width=20)
    table.add_column("30 days", no_wrap=True)
    table.add_column("90 days", no_wrap=True)
    table.add_column("Since added", no_wrap=True)
    table.add_column("Weeks", no_wrap=True)
    for v in views:
        figures = [Text(f, style="dim" if v.checking else "") for f in words.marker_figures(v)]
        table.add_row(Text("new" if v.id is None else str(v.id)), _marker_cell(v), *figures)
    return table


def coaching_view(
    concrete: bool, advice: Sequence[str], note: str, *, checking: bool = False
) -> RenderableType:
    """What the coach says about one marker. `note` is the bank's concrete or keep-anyway line."""
    if concrete and not checking:
        return Text.assemble(("● ", "green"), note)
    body: list[RenderableType] = [Text.assemble(("○ ", "yellow"), a) for a in advice]
    body.append(Text(note, style="dim"))
    heading = messages.MARKER_CHECKING_TITLE if checking else "Could this be easier to see?"
    title = Text(heading, style="bold yellow")
    return Panel(Group(*body), title=title, title_align="left", border_style="yellow")


def marker_detail_view(detail: MarkerDetail, note: str) -> RenderableType:
    status = f"retired {words.day(detail.retired)}" if detail.retired else "active"
    parts: list[RenderableType] = [
        Text.assemble(
            (f"Marker {detail.id}", "bold"), f"  ·  added {words.day(detail.added)}  ·  {status}"
        ),
        Padding(Text(detail.text), (1, 0, 1, 2), expand=False),
        coaching_view(detail.concrete, detail.advice, note, checking=detail.checking),
        Text(""),
        *_shown_lines(detail),
    ]
    if detail.recent_records:
        parts += [Text(""), Text("Latest records", style="bold")]
        for r in detail.recent_records:
            line = Text(f"  {words.weekday(r.on_date)}  {r.outcome}")
            if r.note:
                line.append(f"  {r.note}", style="dim")
            parts.append(line)
    return Group(*parts)


def _figures(last_30: Tally, last_90: Tally, since: Tally) -> str:
    return (
        f"{tally_text(last_30)} in the last 30 days, {tally_text(last_90)} in the last 90, "
        f"{tally_text(since)} since added"
    )


def markers_section_view(section: MarkersSection) -> RenderableType:
    """The markers part of the summary; nothing at all when there is nothing to say."""
    from trustrepair.render.terminal import guidance_block

    if not section.markers and not section.guidance:
        return Group()
    parts: list[RenderableType] = [
        Rule(Text("What you would like to see", style="bold"), align="left")
    ]
    if section.markers:
        count = f"{section.active} active marker" + ("" if section.active == 1 else "s")
        parts.append(Text(f"{count}, {section.concrete} of them concrete and observable."))
        if section.checking:
            parts.append(Text(words.checking_count(section.checking)))
        parts.append(markers_table(section.markers))
    parts += [Text(""), guidance_block(section.guidance)]
    return Group(*parts)


def consistency_view(view: MarkerView) -> RenderableType:
    """The figures and weekly strip for one marker, as shown after a record."""
    if view.checking:  # the record's own line has said it is kept, not counted
        return Group()
    return Group(*_shown_lines(view, legend=False))


def _shown_lines(view: MarkerView, *, legend: bool = True) -> list[RenderableType]:
    """Its figures and weekly strip; a checking marker is kept but never counted."""
    if view.checking:
        return [Text.assemble(("Shown: ", "bold"), messages.MARKER_CHECKING_FIGURES)]
    c = view.consistency
    return [
        Text.assemble(("Shown: ", "bold"), _figures(c.last_30_days, c.last_90_days, c.since_added)),
        Text.assemble(("Weeks: ", "bold"), week_strip(c.weeks) or "–"),
        *([Text(LEGEND, style="dim")] if legend else []),
    ]
