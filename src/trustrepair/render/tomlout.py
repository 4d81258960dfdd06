"""The TOML backup: every stored record, human-readable, written with tomli-w."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import tomli_w

from trustrepair.plain import to_data

if TYPE_CHECKING:
    from trustrepair.backup import Streamed
    from trustrepair.models import Export

HEADER = (
    "# trustrepair backup. Restore with: trustrepair import FILE\n"
    "# It holds private answers and notes: keep it somewhere only you can read.\n\n"
)
BATCH = 500


def export_toml(export: Export) -> str:
    return "".join(export_toml_chunks(export))


def export_toml_chunks(export: Export, streamed: Streamed | None = None) -> Iterator[str]:
    """The backup as TOML; streamed records follow the rest as [[data.…]] tables, a batch at
    a time. TOML lets an array of tables be added to after other tables, so the file reads
    back to the same records as one written all at once."""
    data = to_data(export, toml=True)
    data.pop("summary", None)  # derived views: the backup is the records themselves
    data.pop("progress", None)
    lists = [] if streamed is None else streamed.lists()
    for kind, _records in lists:
        data["data"].pop(kind, None)
    yield HEADER + tomli_w.dumps(data)
    for kind, records in lists:
        for batch in _batches(records):
            yield "\n" + tomli_w.dumps({"data": {kind: batch}})


def _batches(records: Iterable[object]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for record in records:
        batch.append(to_data(record, toml=True))
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
