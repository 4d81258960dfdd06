"""The Markdown export: the summary's outline as a clean CommonMark document for a therapist."""

from __future__ import annotations

import re

from trustrepair.models import Export
from trustrepair.render import words
from trustrepair.render.document import (
    cell_mark,
    cell_words,
    change_words,
    document_outline,
    scope_words,
    strip_name,
)
from trustrepair.render.sections import Guide, Line, Section, Table

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&])")
_LINE_START = re.compile(r"^(\s*\d*)([-+=.)])", re.MULTILINE)


_CODE = re.compile(r"`([^`\n]+)`")


def esc(text: str) -> str:
    """Text shown literally (no links, HTML, emphasis, lists or headings); `command` pairs
    become code spans, so a command reads as code and never as stray backticks."""
    parts = _CODE.split(text)
    return "".join(_code_span(part) if i % 2 else _literal(part) for i, part in enumerate(parts))


def _code_span(code: str) -> str:
    return f"`{code}`"  # inside a code span nothing is interpreted, so nothing to escape


def _literal(text: str) -> str:
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return text.replace("\r", "").replace("\n", "  \n")


def line_md(line: Line) -> str:
    text = esc(line.text)
    if line.tone in ("muted", "quote"):
        text = f"*{text}*" if text else text
    elif line.tone == "strong":
        text = f"**{text}**" if text else text
    lead = f"**{esc(line.lead.strip())}** " if line.lead.strip() else ""
    status = f"{words.mark(line.status)} " if line.status else ""
    return lead + status + text


def lines_md(lines: list[Line]) -> list[str]:
    """Each unindented line starts a paragraph; indented lines continue the one above."""
    paragraphs: list[str] = []
    for line in lines:
        if not (line.text or line.lead):
            continue
        if line.indent and paragraphs:
            paragraphs[-1] += "  \n" + line_md(line)
        else:
            paragraphs.append(line_md(line))
    return [part for para in paragraphs for part in (para, "")]


def table_md(table: Table) -> list[str]:
    caption = [f"*{esc(table.caption)}*", ""] if table.caption else []
    head = "| " + " | ".join(esc(h) for h in table.headers) + " |"
    rule = "|" + "---|" * len(table.headers)
    rows = ["| " + " | ".join(_cell(c.text, c.status) for c in row) + " |" for row in table.rows]
    return [*caption, head, rule, *rows, ""]


def _cell(text: str, status: str | None) -> str:
    return (f"{words.mark(status)} " if status else "") + esc(text).replace("  \n", " ")


def guide_md(g: Guide) -> list[str]:
    title = [f"**{esc(g.title)}**", ""] if g.title else []
    credit = f" *({esc(g.credit)})*" if g.credit else ""
    return [*title, f"{esc(g.text)}{credit}", ""]


def section_md(section: Section) -> list[str]:
    out: list[str] = []
    if section.title:
        status = (
            f": {words.mark(section.status)} {esc(section.status_label)}" if section.status else ""
        )
        out += [f"## {esc(section.title)}{status}", ""]
    body = course_md(section) + lines_md(section.lines)
    for table in section.tables:
        body += table_md(table)
    for g in section.guidance:
        body += guide_md(g)
    if section.kind in ("safety", "warning"):
        body = [f"> {b}" if b else ">" for b in body]
        body.append("")
    return out + body


def course_md(section: Section) -> list[str]:
    """One row per prerequisite: its marks, oldest first, then a legend in words."""
    if not section.course:
        return []
    caption = f"*{esc(scope_words(section.course[0]))}*"
    rows = [caption, "", "| Prerequisite | Oldest to newest | Latest change |", "|---|---|---|"]
    for strip in section.course:
        name = strip_name(section.course, strip)
        marks = "".join(cell_mark(c.status) for c in strip.cells)
        rows.append(f"| {esc(name)} | {marks} | {esc(change_words(strip))} |")
    used = {c.status: c.label for s in section.course for c in s.cells}
    key = [f"{cell_mark(st)} {esc(cell_words(label))}" for st, label in used.items()]
    return [*rows, "", "Key: " + ", ".join(sorted(key)) + ".", ""]


def export_markdown(export: Export) -> str:
    notice = words.export_notice(export)
    notes = f" {esc(notice)}" if notice else ""
    lines = [
        "# trustrepair summary",
        "",
        f"Exported {words.day(export.exported_utc)} from profile *{esc(export.profile)}*." + notes,
        "",
    ]
    for section in document_outline(export):
        lines += section_md(section)
    return "\n".join(lines).rstrip("\n") + "\n"
