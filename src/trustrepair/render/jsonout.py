"""The JSON export, written a piece at a time so that years of records never sit in memory."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from trustrepair.plain import json_text, to_data, to_json

if TYPE_CHECKING:
    from trustrepair.backup import Streamed
    from trustrepair.models import Export

BATCH = 500  # records serialised together: fewer calls, memory still flat


def export_json(export: Export) -> str:
    return to_json(export)


def export_json_chunks(export: Export, streamed: Streamed | None = None) -> Iterator[str]:
    """The export's JSON text, with the streamed records written where their lists belong.

    The result is exactly the text `export_json` gives for the same export with its lists
    filled in; the head is written with a mark in place of each list, then split at it.
    """
    if streamed is None:
        yield export_json(export)
        return
    head = to_data(export)
    marks = {}
    for kind, records in streamed.lists():
        mark = f"\x00stream {kind}"
        head["data"][kind] = mark
        marks[json_text(mark)] = records
    text = json_text(head)
    done = 0
    for at, mark in sorted((text.index(mark), mark) for mark in marks):
        key_indent = at - text.rindex("\n", 0, at) - 1 - len(f'"{_kind(mark)}": ')
        yield text[done:at]
        yield from _array(marks[mark], key_indent)
        done = at + len(mark)
    yield text[done:]


def _kind(mark: str) -> str:
    return mark.removeprefix('"\\u0000stream ').removesuffix('"')


def _array(records: Iterable[object], indent: int) -> Iterator[str]:
    """A JSON array at this indent, one batch of records at a time."""
    pad = "\n" + " " * indent  # items sit two spaces further in: json_text puts them at two
    batch: list[object] = []
    opened = False
    for record in records:
        batch.append(to_data(record))
        if len(batch) == BATCH:
            yield ("[" if not opened else ",") + _items(batch, pad)
            opened, batch = True, []
    if batch:
        yield ("[" if not opened else ",") + _items(batch, pad)
        opened = True
    yield pad + "]" if opened else "[]"


def _items(batch: list[object], pad: str) -> str:
    """The items of a JSON array, each line moved in to sit under its key."""
    inner = json_text(batch)[2:-2]  # without "[\n" and "\n]": items at two spaces
    return pad + inner.replace("\n", pad)
