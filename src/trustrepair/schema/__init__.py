"""The JSON Schema of `trustrepair export --format json`, shipped with the package."""

from __future__ import annotations

import json
from importlib import resources

SCHEMA_FILE = "export.schema.json"


def export_schema_text() -> str:
    return (resources.files(__name__) / SCHEMA_FILE).read_text(encoding="utf-8").rstrip("\n")


def generate_export_schema() -> str:
    """The schema as the models define it now (tests keep the shipped file equal to this)."""
    from trustrepair.models import Export

    schema = Export.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "trustrepair export"
    return json.dumps(schema, indent=2, sort_keys=True)
