"""The `about` screen: the ideas behind trustrepair, from the bank's [about] table."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from trustrepair.bank import About


def about_view(about: About, credit: str | None) -> RenderableType:
    parts: list[RenderableType] = [Rule(Text(about.title, style="bold"), align="left")]
    parts += [Padding(Text(p), (0, 0, 1, 0), expand=False) for p in about.paragraphs]
    if credit:
        from trustrepair.render.terminal import credit_text

        parts.append(credit_text(credit))
    return Group(*parts)
