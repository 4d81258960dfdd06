"""The TOML backup: every stored record, human-readable, written with tomli-w."""

from __future__ import annotations

import tomli_w

from trustrepair.models import Export

HEADER = (
    "# trustrepair backup. Restore with: trustrepair import FILE\n"
    "# It holds private answers and notes: keep it somewhere only you can read.\n\n"
)


def export_toml(export: Export) -> str:
    data = export.model_dump(mode="python", exclude_none=True, exclude={"summary"})
    return HEADER + tomli_w.dumps(data)
