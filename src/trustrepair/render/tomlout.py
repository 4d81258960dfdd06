"""The TOML backup: every stored record, human-readable, written with tomli-w."""

from __future__ import annotations

import tomli_w

from trustrepair.models import Export
from trustrepair.plain import to_data

HEADER = (
    "# trustrepair backup. Restore with: trustrepair import FILE\n"
    "# It holds private answers and notes: keep it somewhere only you can read.\n\n"
)


def export_toml(export: Export) -> str:
    data = to_data(export, toml=True)
    data.pop("summary", None)  # derived views: the backup is the records themselves
    data.pop("progress", None)
    return HEADER + tomli_w.dumps(data)
