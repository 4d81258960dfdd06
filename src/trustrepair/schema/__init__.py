"""The JSON Schemas shipped with the package: exports, and `records list/show --json`."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMA_FILE = "export.schema.json"
SCHEMA_FILES = {
    "export": SCHEMA_FILE,
    "records-list": "records-list.schema.json",
    "records-show": "records-show.schema.json",
}


def export_schema_text() -> str:
    return schema_text("export")


def schema_text(name: str) -> str:
    return (resources.files(__name__) / SCHEMA_FILES[name]).read_text(encoding="utf-8").rstrip("\n")


def generate_export_schema() -> str:
    """The schema as the models define it now (tests keep the shipped file equal to this)."""
    return generate_schema("export")


def generate_schema(name: str) -> str:
    """One shipped schema as the models define it now."""
    from trustrepair.models import Export, RecordDetail, RecordEntry
    from trustrepair.plain import json_schema

    titles = {
        "export": "trustrepair export",
        "records-list": "trustrepair records list --json",
        "records-show": "trustrepair records show --json",
    }
    schema: dict[str, Any]
    if name == "export":
        schema = json_schema(Export)
    elif name == "records-list":
        schema = json_schema(list[RecordEntry])
    else:
        schema = json_schema(RecordDetail)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = titles[name]
    return json.dumps(schema, indent=2, sort_keys=True)
