"""The Rich terminal view of a Report. Every piece of text goes in as Text, never as markup."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from trustrepair.messages import ROLE_SHORT
from trustrepair.models import (
    AlertItem,
    AreaNote,
    AreaResult,
    GuidanceItem,
    HistoryRow,
    Report,
    StatementReflection,
    TimelineInfo,
)
from trustrepair.render.markers import markers_section_view
from trustrepair.render.reflection import reflection_view
from trustrepair.vocab import PREREQUISITES, Area, Status

STATUS_MARK: dict[Status, tuple[str, str]] = {
    "in_place": ("●", "green"),
    "partial": ("◐", "yellow"),
    "not_yet": ("○", "red"),
    "unclear": ("?", "magenta"),
}


def status_text(status: Status, label: str) -> Text:
    mark, style = STATUS_MARK[status]
    return Text.assemble((f"{mark} ", style), (label, f"bold {style}"))


def guidance_block(items: Iterable[GuidanceItem]) -> RenderableType:
    parts: list[RenderableType] = []
    for g in items:
        parts.append(Text(g.title, style="bold"))
        parts.append(Padding(Text(g.text), (0, 0, 0 if g.source else 1, 2), expand=False))
        if g.source:
            parts.append(Padding(credit_text(g.source), (0, 0, 1, 2), expand=False))
    return Group(*parts)


def credit_text(source: str) -> Text:
    """The article credit: a section heading, exactly as the article writes it."""
    return Text(f"From the article: {source}", style="dim italic")


def alert_panel(alert: AlertItem) -> Panel:
    style = "red" if alert.kind == "safety" else "yellow"
    body: list[RenderableType] = [Text(alert.guidance.text)]
    if alert.evidence:
        body.append(Text("Because: " + "; ".join(alert.evidence), style="dim"))
    if alert.guidance.source:
        body.append(credit_text(alert.guidance.source))
    title = Text(alert.guidance.title, style=f"bold {style}")
    return Panel(Group(*body), title=title, title_align="left", border_style=style)


def area_panel(result: AreaResult) -> Panel:
    body: list[RenderableType] = []
    for reason in result.reasons:
        mark, style = STATUS_MARK[reason.status]
        body.append(Text.assemble((f"{mark} ", style), reason.text))
        for ev in reason.evidence:
            body.append(Text(f"    {ev.question}: {ev.answer}", style="dim"))
    if not result.reasons:
        body.append(Text("Not enough answers to say yet.", style="dim"))
    for note in result.notes:
        body += note_lines(note)
    if result.guidance:
        body.append(Text(""))
        body.append(guidance_block(result.guidance))
    _, style = STATUS_MARK[result.status]
    title = Text.assemble(
        (result.title, "bold"), ": ", status_text(result.status, result.status_label)
    )
    return Panel(Group(*body), title=title, title_align="left", border_style=style)


def note_lines(note: AreaNote) -> list[RenderableType]:
    """A note from another input (the written statement): marked apart from the reasons."""
    lines: list[RenderableType] = [Text.assemble(("✎ ", "cyan"), note.text)]
    lines += [Text.assemble("    “", phrase, "”", style="dim") for phrase in note.phrases]
    lines.append(Padding(Text(note.caption, style="dim italic"), (0, 0, 0, 2), expand=False))
    return lines


def statement_section(st: StatementReflection) -> RenderableType:
    heading = Rule(Text(st.heading, style="bold"), align="left")
    return Group(heading, reflection_view(st.reflection), Text(""))


def overview_table(report: Report) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column()
    table.add_column()
    areas = list(report.prerequisites.values())
    if report.your_part is not None:
        areas.append(report.your_part)
    for result in areas:
        table.add_row(Text(result.title), status_text(result.status, result.status_label))
    return table


def timeline_view(info: TimelineInfo, *, full: bool = False) -> RenderableType:
    """Where things stand in time; `full` adds what to expect at the next anniversary."""
    if info.discovered is None or info.months_elapsed is None:
        return Group(
            *horizon_lines(info),
            Text(
                "No date yet for when it came to light. Add one with: "
                "trustrepair profile set discovered YYYY-MM-DD",
                style="dim",
            ),
        )
    lines: list[RenderableType] = [
        Text.assemble(
            ("Came to light: ", "bold"),
            f"{_came_to_light(info)}, {_months(info.months_elapsed)} ago",
            (_SOURCE.get(info.discovered_from or "", ""), "dim"),
        ),
    ]
    if info.phase_title:
        lines.append(Text.assemble(("Where that puts you: ", "bold"), info.phase_title))
    if info.next_anniversary is not None and info.days_to_anniversary is not None:
        lines.append(
            Text.assemble(
                ("Next anniversary: ", "bold"),
                _nth(info.anniversary_number),
                _anniversary(info),
                (_leap_note(info), "dim"),
            )
        )
    lines.append(Text(""))
    if info.horizon is not None:
        lines += horizon_lines(info)
    lines.append(guidance_block(info.guidance))
    expect = info.expect_at_anniversary
    if full and expect is not None and expect not in info.guidance:
        lines.append(Text("What to expect around the anniversary", style="bold underline"))
        lines.append(guidance_block([expect]))
    return Group(*lines)


def _came_to_light(info: TimelineInfo) -> str:
    from trustrepair.dates import shown

    assert info.discovered is not None  # noqa: S101 - checked by the caller
    return shown(info.discovered, approximate=info.discovered_approximate)


def _anniversary(info: TimelineInfo) -> str:
    """A month known only roughly has no exact anniversary: say the month, not a day count."""
    from trustrepair.dates import shown

    day, days = info.next_anniversary, info.days_to_anniversary
    assert day is not None and days is not None  # noqa: S101 - checked by the caller
    if info.discovered_approximate:
        return shown(day, approximate=True)
    return f"{shown(day)} ({_days(days)})"


def horizon_lines(info: TimelineInfo) -> list[RenderableType]:
    h = info.horizon
    if h is None:
        return []
    lines: list[RenderableType] = [Text(h.text)]
    if h.source:
        lines.append(Padding(credit_text(h.source), (0, 0, 0, 2), expand=False))
    return [*lines, Text("")]


def own_part_view(report: Report) -> RenderableType:
    """The affected partner's own part: an invitation, outside the status table."""
    own = report.own_part
    if own is None:
        return Group()
    return Group(
        Rule(Text(own.title, style="bold"), align="left"),
        Text(own.intro),
        Text(""),
        guidance_block(own.guidance),
    )


_SOURCE = {"profile": "  (set with profile set)", "checkin": "  (from your check-in)"}


def _nth(n: int | None) -> str:
    if not n:
        return ""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"the {n}{suffix}, on "


def _leap_note(info: TimelineInfo) -> str:
    discovered, anniversary = info.discovered, info.next_anniversary
    if discovered and anniversary and (discovered.month, discovered.day) == (2, 29):
        return "  (29 February is marked on 28 February outside leap years)"
    return ""


def _months(n: int) -> str:
    if n < 1:
        return "less than a month"
    return f"{n} month" + ("" if n == 1 else "s")


def _days(n: int) -> str:
    return "today" if n == 0 else ("tomorrow" if n == 1 else f"in {n} days")


def report_view(report: Report) -> RenderableType:
    ref = report.checkin
    parts: list[RenderableType] = [alert_panel(a) for a in report.safety]
    parts.append(Text(report.opening, style="bold"))
    parts.append(
        Text.assemble(
            ("Your check-in ", "bold"),
            (f"{ref.id} " if ref.id else "", "bold"),
            ("of ", "bold"),
            (f"{ref.when_local:%d %b %Y, %H:%M}", "bold"),
            f"  (answered as {ref.role_label})",
        )
    )
    if not ref.bank_matches:
        parts.append(
            Text(
                f"This check-in used question bank {ref.bank_version}; the wording shown is from "
                "the current bank.",
                style="dim",
            )
        )
    parts += [Text(""), overview_table(report), Text("")]
    parts += [alert_panel(a) for a in report.warnings]
    if not report.safety_first:  # afraid: the table and the opening line say it once
        parts += [area_panel(r) for r in report.prerequisites.values()]
    parts += [statement_section(st) for st in report.reflections]
    if report.your_part is not None:
        parts.append(area_panel(report.your_part))
    parts.append(own_part_view(report))
    parts.append(markers_section_view(report.markers))
    if report.spikes_now:
        parts.append(Rule(Text("Waves of distrust", style="bold"), align="left"))
        parts += [Text(f"{e.question}: {e.answer}") for e in report.spikes_now]
        parts += [Text(""), guidance_block(report.spikes_guidance)]
    if report.notes:
        parts.append(Rule(Text("In your words", style="bold"), align="left"))
        for note in report.notes:
            parts.append(Text(note.question, style="bold"))
            parts.append(Padding(Text(note.answer), (0, 0, 1, 2), expand=False))
    if report.progress is not None:
        from trustrepair.render.progress import overview_line

        title = Text("Progress: spikes of distrust per week", style="bold")
        parts.append(Rule(title, align="left"))
        parts.append(overview_line(report.progress))
    parts.append(Rule(Text("Timeline", style="bold"), align="left"))
    parts.append(timeline_view(report.timeline))
    parts.append(Rule(Text("Support", style="bold"), align="left"))
    parts.append(guidance_block(report.support))
    parts.append(Text(report.disclaimer, style="dim italic"))
    return Group(*parts)


def history_view(rows: list[HistoryRow], titles: Mapping[Area, str]) -> RenderableType:
    table = Table(
        title=Text("Check-ins, newest first"), title_justify="left", expand=False, show_edge=False
    )
    table.add_column("Id", no_wrap=True)
    table.add_column("When", no_wrap=True)
    table.add_column("Role", no_wrap=True)
    for area in PREREQUISITES:
        table.add_column(titles[area])
    for row in rows:
        cells = [
            Text(row.id or ""),
            Text(f"{row.when_local:%Y-%m-%d %H:%M}"),
            Text(ROLE_SHORT[row.role]),
        ]
        for area in PREREQUISITES:
            status = row.statuses.get(area, "unclear")
            cells.append(status_text(status, status.replace("_", " ")))
        table.add_row(*cells)
    return table
