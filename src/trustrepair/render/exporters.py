"""Export formats: each a pure `Export -> str` function. Writing the file is the caller's job."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from trustrepair.models import Export
from trustrepair.render.html import export_html
from trustrepair.render.jsonout import export_json
from trustrepair.render.markdown import export_markdown
from trustrepair.render.tomlout import export_toml

Format = Literal["markdown", "html", "json", "toml"]

EXPORTERS: dict[Format, Callable[[Export], str]] = {
    "markdown": export_markdown,
    "html": export_html,
    "json": export_json,
    "toml": export_toml,
}

SUFFIXES: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".toml": "toml",
}
