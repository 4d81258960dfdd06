"""JSON views of reports, lists and exports."""

from __future__ import annotations

from trustrepair.models import Export
from trustrepair.plain import to_json


def export_json(export: Export) -> str:
    return to_json(export)
