"""Every record by one short id: c12 (check-in), s340 (spike), r77 (marker record), m3 (marker).

The letter says the kind; the number never changes and is never given to another record.
Pure functions: reading ids, one line per record, and what a change in the log did.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from trustrepair import messages
from trustrepair.errors import BadInputError
from trustrepair.models import (
    CheckIn,
    Marker,
    MarkerRecord,
    RecordEntry,
    RecordKind,
    Spike,
    as_local,
)

if TYPE_CHECKING:
    from trustrepair.bank import Bank
    from trustrepair.store.changes import ChangeInfo

Stored = CheckIn | Spike | MarkerRecord | Marker

KINDS: dict[RecordKind, tuple[str, str]] = {
    "checkin": ("c", "checkins"),
    "spike": ("s", "spikes"),
    "marker": ("m", "markers"),
    "record": ("r", "marker_records"),
}
_BY_LETTER = {letter: kind for kind, (letter, _table) in KINDS.items()}
_BY_TABLE = {table: kind for kind, (_letter, table) in KINDS.items()}
_ID = re.compile(r"^([csrm])(\d{1,9})$")
NOUNS: dict[RecordKind, tuple[str, str]] = {
    "checkin": ("check-in", "check-ins"),
    "spike": ("spike", "spikes"),
    "record": ("marker record", "marker records"),
    "marker": ("marker", "markers"),
}


def parse_record_id(typed: str) -> tuple[RecordKind, int]:
    """'s12' -> ('spike', 12). Anything else is one clear line naming the form."""
    found = _ID.match(typed.strip().lower())
    if found is None or int(found[2]) < 1:
        raise BadInputError(messages.RECORD_BAD_ID)
    return _BY_LETTER[found[1]], int(found[2])


def record_id(kind: RecordKind, number: int) -> str:
    return f"{KINDS[kind][0]}{number}"


def table_of(kind: RecordKind) -> str:
    return KINDS[kind][1]


def kind_of(record: Stored) -> RecordKind:
    match record:
        case CheckIn():
            return "checkin"
        case Spike():
            return "spike"
        case MarkerRecord():
            return "record"
        case _:
            return "marker"


def entry(
    bank: Bank, kind: RecordKind, number: int, record: Stored, marker_ids: dict[str, int]
) -> RecordEntry:
    """One line of `records list`."""
    when: dt.datetime | dt.date
    match record:
        case CheckIn():
            when = as_local(record.created_utc, record.utc_offset_minutes)
            what = messages.RECORD_CHECKIN.format(
                role=bank.report.role_labels[record.role], statuses=_tally(bank, record)
            )
        case Spike():
            when = as_local(record.at_utc, record.utc_offset_minutes)
            what = spike_line(record)
        case MarkerRecord():
            when = record.on_date
            shown = messages.RECORD_SHOWN if record.shown else messages.RECORD_MISSED
            marker = marker_ids.get(record.marker_uid)
            what = shown.format(marker=f"m{marker}" if marker else "?")
        case Marker():
            when = as_local(record.created_utc, record.utc_offset_minutes)
            what = record.text + (messages.RECORD_RETIRED if record.retired_utc else "")
    return RecordEntry(id=record_id(kind, number), kind=kind, when=when, summary=what)


def _tally(bank: Bank, checkin: CheckIn) -> str:
    """'2 partly in place, 1 in place': how the areas stood, in the bank's words."""
    counts: dict[str, int] = {}
    for status in checkin.statuses.values():
        label = bank.report.status_labels[status]
        counts[label] = counts.get(label, 0) + 1
    return ", ".join(f"{n} {label}" for label, n in counts.items())


def spike_line(spike: Spike) -> str:
    strength, minutes = spike.intensity, spike.minutes
    parts = [
        "" if strength is None else messages.SPIKE_DETAIL_INTENSITY.format(n=strength),
        "" if minutes is None else messages.SPIKE_DETAIL_MINUTES.format(n=minutes),
        spike.trigger or "",
    ]
    return ", ".join(p for p in parts if p) or messages.RECORD_SPIKE_PLAIN


def _rank(order: list[str], table: str) -> int:
    return order.index(table) if table in order else len(order)


def describe_change(change: ChangeInfo) -> str:
    """What one change in the log did, in a sentence's middle: 'added spike s12'."""
    counts: dict[tuple[str, str], list[str]] = {}
    for row in change.rows:
        kind = _BY_TABLE.get(row.table)
        name = "" if kind is None or row.number is None else record_id(kind, row.number)
        counts.setdefault((row.table, row.verb), []).append(name)
    verb = messages.CHANGE_VERBS.get(change.verb, change.verb)
    if change.verb == "setting":
        return verb
    parts = []
    order = [table for _letter, table in KINDS.values()]  # a marker before its records
    ranked = sorted(counts.items(), key=lambda item: _rank(order, item[0][0]))
    for (table, _row_verb), names in ranked:
        kind = _BY_TABLE.get(table)
        if kind is None:
            parts.append(messages.CHANGE_SETTINGS.format(n=len(names)))
            continue
        one, many = NOUNS[kind]
        if len(names) == 1 and change.verb != "import":
            parts.append(f"{one} {names[0]}".strip())
        else:
            parts.append(f"{len(names)} {one if len(names) == 1 else many}")
    return f"{verb} {' and '.join(parts)}"
