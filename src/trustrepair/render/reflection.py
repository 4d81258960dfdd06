"""The Rich view of a Reflection. The person's own words always go in as Text, never markup."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from trustrepair.models import Reflection

ASIDE_SHOWN = 6  # the full list is in the JSON
WHY_LABEL = {
    "quoted": "in quotation marks",
    "negated": "negated",
    "reported": "reported speech",
}


def reflection_view(reflection: Reflection) -> RenderableType:
    """Phrases to look at again, what helps, what was not found, and what was set aside."""
    parts: list[RenderableType] = [Text(reflection.summary), Text("")]
    if reflection.flags:
        parts.append(Text("Phrases to look at again", style="bold"))
        for f in reflection.flags:
            parts.append(_item("○", "yellow", f.label, f.phrase))
            parts.append(_indented(Text(f.explanation)))
            parts.append(_indented(Text(f"From the article: {f.source}", style="dim italic")))
        parts.append(Text(""))
    if reflection.strengths:
        parts.append(Text("What helps it carry weight", style="bold"))
        for s in reflection.strengths:
            parts.append(_item("●", "green", s.label, s.phrase))
    if reflection.not_found:
        if reflection.strengths:
            parts.append(Text(""))
        parts.append(Text("Not found in these words", style="bold"))
        for g in reflection.not_found:
            parts.append(Text.assemble(("· ", "dim"), (g.label, "bold")))
            parts.append(_indented(Text(g.hint)))
    if reflection.set_aside:
        parts.append(Text(""))
        shown = reflection.set_aside[:ASIDE_SHOWN]
        aside = "; ".join(f"“{a.phrase}” ({WHY_LABEL[a.why]})" for a in shown)
        more = len(reflection.set_aside) - len(shown)
        aside += f"; and {more} more (see --json)" if more else ""
        parts.append(Text(f"Not counted as the writer's own words: {aside}", style="dim"))
    parts.append(Text(""))
    parts.append(Text(reflection.caveat, style="dim italic"))
    return Group(*parts)


def _item(mark: str, style: str, label: str, phrase: str) -> Text:
    return Text.assemble(
        (f"{mark} ", style), (label, "bold"), ": ", ("“", "dim"), phrase, ("”", "dim")
    )


def _indented(text: Text) -> Padding:
    return Padding(text, (0, 0, 0, 2), expand=False)
