"""The course over time in the terminal: one strip of marks per prerequisite, oldest first."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from trustrepair import messages
from trustrepair.models import CourseCell, CourseStrip, StatusChange
from trustrepair.render import words
from trustrepair.render.words import STATUS_MARK
from trustrepair.vocab import Status

NO_CHECKIN_MARK = "·"


def cell_text(cell: CourseCell) -> Text:
    if cell.status is None:
        return Text(NO_CHECKIN_MARK, style="dim")
    mark, style = STATUS_MARK[cell.status]
    return Text(mark, style=style)


def change_words(changes: Sequence[StatusChange]) -> str:
    if not changes:
        return messages.COURSE_NO_CHANGE
    last = changes[-1]
    template = messages.COURSE_ONE_CHANGE if len(changes) == 1 else messages.COURSE_CHANGES
    return template.format(count=len(changes), on=words.day(last.on))


def checkins(strip: CourseStrip) -> int:
    return sum(c.checkins for c in strip.cells)


def scope_words(strip: CourseStrip) -> str:
    show = words.month if strip.by == "month" else words.day
    count = checkins(strip)
    if count == 1:  # one mark cannot change: say so plainly, not "no change"
        only = next(c for c in strip.cells if c.checkins)
        return messages.COURSE_ONLY_ONE.format(day=show(only.start))
    one, many = messages.COURSE_CHECKINS
    return messages.COURSE_SCOPE[strip.by].format(
        count=one if count == 1 else many.format(count=count),
        first=show(strip.cells[0].start),
        last=show(strip.cells[-1].end),
    )


def _first_up(line: str) -> str:
    return line[:1].upper() + line[1:]


def legend(labels: Mapping[Status, str], strips: Sequence[CourseStrip]) -> Text:
    """The marks the strips use, each with its words."""
    used = {c.status for s in strips for c in s.cells}
    parts: list[Text] = []
    for status, label in labels.items():
        if status in used:
            mark, style = STATUS_MARK[status]
            parts.append(Text.assemble((mark, style), f" {label}"))
    if None in used:
        parts.append(Text.assemble((NO_CHECKIN_MARK, "dim"), f" {messages.COURSE_NO_CHECKIN}"))
    return Text("   ").join(parts)


def course_view(strips: Sequence[CourseStrip], labels: Mapping[Status, str]) -> RenderableType:
    """One block per partner: a scope line, then title | strip | the changes, then a legend."""
    parts: list[RenderableType] = [Text(messages.COURSE_TITLE, style="bold")]
    roles = list(dict.fromkeys(s.role for s in strips))
    for role in roles:
        mine = [s for s in strips if s.role == role]
        scope = scope_words(mine[0])
        parts.append(
            Text(
                f"{mine[0].role_label}: {scope}" if len(roles) > 1 else _first_up(scope),
                style="dim",
            )
        )
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column()
        grid.add_column(style="dim")
        for strip in mine:
            marks = Text().join(cell_text(c) for c in strip.cells)
            changed = "" if checkins(strip) == 1 else change_words(strip.changes)
            grid.add_row(Text(strip.title), marks, Text(changed))
        parts.append(grid)
    parts.append(legend(labels, strips))
    return Group(*parts)
