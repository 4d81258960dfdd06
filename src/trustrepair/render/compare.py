"""The terminal view of a Comparison."""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from trustrepair.models import AlertItem, Comparison, GuidanceItem
from trustrepair.render import words
from trustrepair.render.terminal import alert_panel, guidance_block, status_text
from trustrepair.render.words import ROLE_SHORT
from trustrepair.vocab import Status

AGREEMENT = {
    "agree": ("= same view", "green"),
    "partly_agree": ("~ one step apart", "yellow"),
    "diverge": ("≠ far apart", "red"),
    "unclear": ("? unclear", "magenta"),
    "conflict": ("! disagree on whether it goes on", "bold red"),
}


def warning_panel(g: GuidanceItem) -> Panel:
    return alert_panel(AlertItem(id=g.id, kind="stop", guidance=g))


def comparison_view(c: Comparison, labels: Mapping[Status, str] | None = None) -> RenderableType:
    """Both views side by side; `labels` are the summary's status words (the bank's)."""
    if c.withheld:  # only the note: no table, no statuses, no joint guidance
        note = c.safety_note or ""
        return Group(Text(note, style="bold"), Text(""), Text(c.disclaimer, style="dim italic"))
    said = labels or {}
    caption = (
        f"Latest check-ins: {c.affected_source} {words.day(c.affected_when)}, "
        f"{c.betraying_source} {words.day(c.betraying_when)}"
    )
    table = Table(
        title=Text("Two views, side by side"),
        title_justify="left",
        caption=Text(caption),
        caption_justify="left",
    )
    table.add_column("", overflow="fold")
    table.add_column(Text(f"{c.affected_source}\n({ROLE_SHORT['affected']})"), overflow="fold")
    table.add_column(Text(f"{c.betraying_source}\n({ROLE_SHORT['betraying']})"), overflow="fold")
    table.add_column("Views", overflow="fold")
    for a in c.areas:
        label, style = AGREEMENT[a.agreement]
        table.add_row(
            Text(a.title, style="bold"),
            status_text(a.affected, said.get(a.affected, a.affected.replace("_", " "))),
            status_text(a.betraying, said.get(a.betraying, a.betraying.replace("_", " "))),
            Text(label, style=style),
        )
    parts: list[RenderableType] = [warning_panel(g) for g in c.warnings]
    parts += [table, Text("")]
    seen: set[str] = {g.id for g in c.warnings}
    for a in c.areas:
        if a.guidance is not None and a.guidance.id not in seen and a.agreement != "agree":
            seen.add(a.guidance.id)
            parts.append(guidance_block([a.guidance]))
    if c.notes is not None:
        for role, title in (
            ("affected", "Affected partner's words"),
            ("betraying", "Other partner's words"),
        ):
            notes = c.notes.get(role, [])  # type: ignore[call-overload]
            if notes:
                parts.append(Rule(Text(title, style="bold"), align="left"))
                parts += [Text.assemble((f"{n.question}: ", "bold"), n.answer) for n in notes]
    parts.append(Text(c.disclaimer, style="dim italic"))
    return Group(*parts)
