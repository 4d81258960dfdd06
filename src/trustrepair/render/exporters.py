"""Export formats: `Export -> str` functions, and `export_chunks` for writing one a piece at a
time. Writing the file is the caller's job."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Literal

from trustrepair.models import Export

if TYPE_CHECKING:
    from trustrepair.backup import Streamed

Format = Literal["markdown", "html", "json", "toml"]
DOCUMENTS: tuple[Format, ...] = ("markdown", "html")  # read for people: no record lists


def exporter(fmt: Format) -> Callable[[Export], str]:
    """The whole-text writer of one format, importing only that format's renderer."""
    if fmt == "markdown":
        from trustrepair.render.markdown import export_markdown

        return export_markdown
    if fmt == "html":
        from trustrepair.render.html import export_html

        return export_html
    if fmt == "json":
        from trustrepair.render.jsonout import export_json

        return export_json
    from trustrepair.render.tomlout import export_toml

    return export_toml


def export_chunks(fmt: Format, export: Export, streamed: Streamed | None = None) -> Iterator[str]:
    """The export's text a piece at a time; the JSON and TOML backups take streamed records."""
    if fmt == "json":
        from trustrepair.render.jsonout import export_json_chunks

        return export_json_chunks(export, streamed)
    if fmt == "toml":
        from trustrepair.render.tomlout import export_toml_chunks

        return export_toml_chunks(export, streamed)
    return iter([exporter(fmt)(export)])


SUFFIXES: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".toml": "toml",
}
