"""Terminal views of `records list` and `records show` (a check-in shows its full summary)."""

from __future__ import annotations

import datetime as dt

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from trustrepair.models import Marker, MarkerRecord, RecordDetail, RecordEntry, Spike, as_local
from trustrepair.records import NOUNS, spike_line
from trustrepair.render.terminal import listing_table


def when_text(when: dt.datetime | dt.date) -> str:
    from trustrepair.render import words

    return words.moment(when) if isinstance(when, dt.datetime) else words.day(when)


def records_table(entries: list[RecordEntry], *, hidden: int = 0) -> RenderableType:
    """The table, and how many older records --all adds."""
    table = _table(entries)
    if not hidden:
        return table
    from trustrepair import messages
    from trustrepair.render import words

    older = words.plural(hidden, "older record")
    said = messages.LIST_MORE.format(older=older, command="records list")
    return Group(table, Text(said, style="dim"))


def _table(entries: list[RecordEntry]) -> Table:
    table = listing_table("Your records, newest first")
    table.add_column("Id", no_wrap=True)
    table.add_column("When", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    table.add_column("What", overflow="fold")
    for e in entries:
        table.add_row(Text(e.id), Text(when_text(e.when)), Text(NOUNS[e.kind][0]), Text(e.summary))
    return table


def record_view(detail: RecordDetail) -> RenderableType:
    """A spike, a marker record or a marker, field by field (never parsed as markup)."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    for label, value in _fields(detail):
        grid.add_row(Text(label), Text(value))
    return Group(Text(f"{NOUNS[detail.kind][0].capitalize()} {detail.id}", style="bold"), grid)


def _fields(detail: RecordDetail) -> list[tuple[str, str]]:
    r = detail.record
    match r:
        case Spike():
            return [
                ("When", when_text(as_local(r.at_utc, r.utc_offset_minutes))),
                ("What", spike_line(r)),
                ("Note", r.note or "-"),
            ]
        case MarkerRecord():
            marker = detail.marker
            return [
                ("Day", when_text(r.on_date)),
                ("Marker", f"m{marker.id}: {marker.text}" if marker else "-"),
                ("Shown", "yes" if r.shown else "no"),
                ("Note", r.note or "-"),
            ]
        case Marker():
            retired = r.retired_utc
            return [
                ("Added", when_text(as_local(r.created_utc, r.utc_offset_minutes))),
                ("Text", r.text),
                ("Retired", when_text(as_local(retired, 0).date()) if retired else "no"),
            ]
    return []
