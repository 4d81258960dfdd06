"""JSON views of reports and lists."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, TypeAdapter

from trustrepair.models import Export


def model_json(model: BaseModel) -> str:
    return model.model_dump_json(indent=2)


def list_json(items: list[Any]) -> str:
    data = TypeAdapter(list[object]).dump_python(items, mode="json")
    return json.dumps(data, indent=2, ensure_ascii=False)


def export_json(export: Export) -> str:
    return export.model_dump_json(indent=2)
