"""The TOML backup: every stored record, human-readable, written with tomli-w."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from itertools import chain
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
    lists: list[tuple[str, Iterable[object]]] = []
    for kind, given in [] if streamed is None else streamed.lists():
        first, rest = _first(given)
        if first is not None:  # an empty list stays in the head, as `kind = []`
            data["data"].pop(kind, None)
            lists.append((kind, chain([first], rest)))
    yield HEADER + tomli_w.dumps(data)
    for kind, records in lists:
        for batch in _batches(records):
            yield "\n" + record_tables(kind, batch)


def record_tables(kind: str, batch: list[dict[str, Any]]) -> str:
    """[[data.<kind>]] tables, the same text tomli-w writes for them, about seven times faster:
    marker records and spikes are flat (strings, whole numbers, booleans, dates, times), and a
    ten-year store has tens of thousands. Anything else is left to tomli-w."""
    try:
        tables = [
            f"[[data.{kind}]]\n" + "".join(f"{key} = {_literal(v)}\n" for key, v in row.items())
            for row in batch
        ]
    except TypeError:
        return tomli_w.dumps({"data": {kind: batch}})
    return "\n".join(tables)


# What tomli-w escapes in a basic string: quote, backslash and control characters but tab.
_ESCAPES = {c: f"\\u{c:04x}" for c in (*range(32), 127) if c != ord("\t")} | {
    ord("\b"): "\\b",
    ord("\n"): "\\n",
    ord("\f"): "\\f",
    ord("\r"): "\\r",
    ord('"'): '\\"',
    ord("\\"): "\\\\",
}


def _literal(value: object) -> str:
    if isinstance(value, str):
        return '"' + value.translate(_ESCAPES) + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(
        value, int | dt.date
    ):  # a datetime is a date: str() gives "2026-03-01 21:00:00+00:00"
        return str(value)
    raise TypeError(type(value).__name__)


def _first(records: Iterable[object]) -> tuple[object | None, Iterator[object]]:
    rest = iter(records)
    return next(rest, None), rest


def _batches(records: Iterable[object]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for record in records:
        batch.append(to_data(record, toml=True))
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
