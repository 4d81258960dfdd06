"""The pieces an outline is made of: sections with lines, tables and guidance, and the telling
that makes sure each guidance entry is said once, with its credit. No Rich: every renderer
draws these the same way."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from trustrepair.models import CourseStrip, GuidanceItem, ProgressInfo
from trustrepair.render import words

Kind = Literal["plain", "safety", "warning", "area", "footer"]
Tone = Literal["plain", "muted", "strong", "quote"]


@dataclass(slots=True)
class Line:
    """One line of text. `lead` is a short bold label; `status` puts a mark just before the text."""

    text: str
    lead: str = ""
    status: str | None = None
    tone: Tone = "plain"
    indent: int = 0


@dataclass(slots=True)
class Cell:
    text: str
    status: str | None = None


@dataclass(slots=True)
class Table:
    headers: list[str]
    rows: list[list[Cell]]
    caption: str = ""
    row_header: int = 0  # the column that names each row (a <th scope="row"> in HTML)
    key: str = ""  # an id, so a chart can point at the table that holds its figures


@dataclass(slots=True)
class Guide:
    title: str
    text: str
    credit: str


@dataclass(slots=True)
class Section:
    key: str
    title: str
    kind: Kind = "plain"
    status: str | None = None
    status_label: str = ""
    lines: list[Line] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    guidance: list[Guide] = field(default_factory=list)
    chart: ProgressInfo | None = None  # the HTML page draws it as a picture; others use the table
    course: list[CourseStrip] = field(default_factory=list)  # status strips, oldest first


def article_parts() -> list[str]:
    """The article's sections in the order of its headings (the bank lists them so)."""
    from trustrepair.bank import load_bank

    return [source.title for source in load_bank().sources.values()]


class Telling:
    """What has been said so far: guidance shown, and the article's parts in order of first use.

    A part's number is its place among the article's headings, so "part 4" is the same section
    in every document; a part the list does not know is numbered after the known ones."""

    def __init__(self, *, named: bool = False, order: Sequence[str] | None = None) -> None:
        self.shown: set[str] = set()
        self.said: set[str] = set()  # answers already named (a warning's "because")
        self.parts: list[str] = []
        self.named = named  # a view with one or two entries names the part in place
        self.order = list(article_parts() if order is None else order)

    def number(self, source: str) -> int:
        if source not in self.order:
            self.order.append(source)
        return self.order.index(source) + 1

    def numbered(self) -> list[tuple[int, str]]:
        """The parts credited so far with their numbers, in the article's order (the key)."""
        return sorted((self.number(part), part) for part in self.parts)

    def credit(self, source: str | None) -> str:
        if source is None:  # trustrepair's own words carry no credit
            return ""
        if self.named:
            return words.named_credit(source)
        if source not in self.parts:
            self.parts.append(source)
        return words.credit(self.number(source))

    def guides(self, items: Iterable[GuidanceItem]) -> list[Guide]:
        out: list[Guide] = []
        for g in items:
            if g.id in self.shown:
                continue
            self.shown.add(g.id)
            out.append(Guide(title=g.title, text=g.text, credit=self.credit(g.source)))
        return out
