"""Pure functions over backups: leave out notes, cut by date, read a backup file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from trustrepair.errors import ImportFileError, checked_as
from trustrepair.models import (
    EXPORT_SCHEMA_VERSION,
    BackupData,
    Export,
    MarkerRecord,
    MarkersSection,
    ProgressInfo,
    Report,
    Spike,
)
from trustrepair.plain import Plain, replace

if TYPE_CHECKING:
    from collections.abc import Sequence

    from trustrepair.bank import Bank
    from trustrepair.models import CheckIn

MAX_IMPORT_BYTES = 64_000_000
NOTE_PLACEHOLDER = "(left out of this export)"


class Streamed(Plain):
    """The records an export writes one at a time from the open store: the lists that grow
    with the years. They take the place of the export data's empty lists of the same name."""

    marker_records: Iterable[MarkerRecord]
    spikes: Iterable[Spike]

    def lists(self) -> list[tuple[str, Iterable[Plain]]]:
        return [("marker_records", self.marker_records), ("spikes", self.spikes)]


def shareable_answers(bank: Bank) -> set[str]:
    """Answers a --no-notes export may carry: known, not free text, not the safety question.

    Anything else (free text, answers to questions this bank does not know, which may be
    free text from a custom bank, and whether someone said they are afraid) stays private.
    """
    return {q.id for q in bank.questions if q.kind != "text" and q.section != "safety"}


def without_notes(data: BackupData, bank: Bank, *, marker_words: bool = True) -> BackupData:
    """Every free-text field removed or replaced, for sharing with less exposure.

    A marker's wording is what the record is about, so it stays unless marker_words is False.
    """
    keep = shareable_answers(bank)
    checkins = [
        replace(c, answers={k: v for k, v in c.answers.items() if k in keep}) for c in data.checkins
    ]
    markers = data.markers
    if not marker_words:
        markers = [replace(m, text=f"Marker {m.id} {NOTE_PLACEHOLDER}") for m in data.markers]
    records = [shared_record(r) for r in data.marker_records]
    spikes = [shared_spike(s) for s in data.spikes]
    return replace(data, checkins=checkins, markers=markers, marker_records=records, spikes=spikes)


def shared_record(record: MarkerRecord) -> MarkerRecord:
    """A marker record without its note."""
    return replace(record, note=None)


def shared_spike(spike: Spike) -> Spike:
    """A spike without its note, and with "other" for a trigger in the person's own words."""
    return replace(spike, note=None, trigger=_known_trigger(spike.trigger))


def summary_without_notes(summary: Report, *, marker_words: bool = True) -> Report:
    """The summary without the person's own words (free-text answers, the reflection on a
    written statement and the phrases quoted from it; marker wording and the coaching that
    quotes it unless marker_words) and without the safety alert, which is for the person,
    not for sharing."""
    areas = {
        area: replace(result, notes=[replace(n, phrases=[]) for n in result.notes])
        for area, result in summary.prerequisites.items()
    }
    if summary.safety_first:
        return _withheld_quietly(replace(summary, prerequisites=areas))
    return replace(
        summary,
        safety=[],
        notes=[],
        reflections=[],
        prerequisites=areas,
        markers=summary.markers if marker_words else _markers_without_words(summary.markers),
    )


def _withheld_quietly(summary: Report) -> Report:
    """A shared copy of a summary made while someone was afraid: still no verdict and no joint
    therapy, and nothing that says why (the copy may be read by someone else)."""
    from trustrepair import messages
    from trustrepair.models import Reason

    quiet = Reason(
        rule="withheld", status="unclear", text=messages.SHARED_WITHHELD_REASON, evidence=[]
    )
    areas = {
        area: replace(result, reasons=[quiet], notes=[], guidance=[])
        for area, result in summary.prerequisites.items()
    }
    own = summary.your_part
    return replace(
        summary,
        opening=messages.SHARED_WITHHELD_OPENING,
        safety_first=False,
        safety=[],
        notes=[],
        reflections=[],
        prerequisites=areas,
        your_part=None if own is None else replace(own, reasons=[quiet]),
        support=[],
        markers=_markers_without_words(summary.markers),
    )


def _known_trigger(trigger: str | None) -> str | None:
    """A named trigger is kept; the person's own words become "other"."""
    from trustrepair.spikes import TRIGGERS

    return trigger if trigger in TRIGGERS else (None if trigger is None else "other")


def since(data: BackupData, start: dt.date) -> BackupData:
    """Only what happened on or after start (markers stay, so their records make sense)."""
    return replace(
        data,
        checkins=[c for c in data.checkins if c.created_utc.date() >= start],
        marker_records=[r for r in data.marker_records if r.on_date >= start],
        spikes=[s for s in data.spikes if s.at_utc.date() >= start],
    )


def parse_export(raw: bytes, name: str, *, full_backup: bool = True) -> Export:
    """Read a JSON or TOML export; every problem is one line that names the file."""
    from trustrepair.safe_read import size_text

    if len(raw) > MAX_IMPORT_BYTES:
        raise ImportFileError(f"{name}: the file is larger than {size_text(MAX_IMPORT_BYTES)}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportFileError(f"{name}: not a UTF-8 text file") from None
    data = _decode(text, name)
    if not isinstance(data, dict) or data.get("app") != "trustrepair":
        raise ImportFileError(f"{name}: not a trustrepair export")
    version = data.get("schema_version")
    if isinstance(version, int) and version > EXPORT_SCHEMA_VERSION:
        raise ImportFileError(
            f"{name}: made by a newer trustrepair (export schema {version}); upgrade to import it"
        )
    data.pop("summary", None)  # derived views; rebuilt from the data after import
    data.pop("progress", None)
    data.pop("course", None)
    export = checked_as(Export, data, ImportFileError, name)
    if full_backup and not export.includes_notes:
        raise ImportFileError(
            f"{name}: made with --no-notes, so it is a shareable summary, not a full backup; "
            "export again without --no-notes to back up"
        )
    return export


def read_export_file(path: Path, *, full_backup: bool = True) -> Export:
    from trustrepair.safe_read import read_file

    raw = read_file(path, ImportFileError, limit=MAX_IMPORT_BYTES)
    return parse_export(raw, str(path), full_backup=full_backup)


def _decode(text: str, name: str) -> object:
    from trustrepair.safe_read import loads_json, loads_toml

    if text.lstrip().startswith("{"):
        return loads_json(text, name, ImportFileError)
    try:
        return loads_toml(text, name, ImportFileError)
    except ImportFileError as exc:
        raise ImportFileError(
            exc.message.replace("not valid TOML", "neither valid JSON nor valid TOML")
        ) from None


def build_export(
    data: BackupData,
    *,
    bank: Bank,
    profile: str,
    summary: Report | None,
    progress: ProgressInfo | None = None,
    markers: MarkersSection | None = None,
    notes: bool,
    start: dt.date | None,
    marker_words: bool = True,
    partner_checkins: Sequence[CheckIn] = (),
) -> Export:
    """One export: the data (cut and stripped as asked) plus the derived summary.

    Without notes, marker wording stays unless marker_words is False as well; with notes it
    always stays (a full backup carries everything).
    """
    from trustrepair import __version__
    from trustrepair.course import build_course, in_period
    from trustrepair.models import now_utc

    if start is not None:
        data = since(data, start)
    marker_words = notes or marker_words
    if not notes:
        data = without_notes(data, bank, marker_words=marker_words)
        if summary is not None:
            summary = summary_without_notes(summary, marker_words=marker_words)
    return Export(
        app_version=__version__,
        exported_utc=now_utc(),
        profile=profile,
        includes_notes=notes,
        includes_marker_words=marker_words,
        since=start,
        data=data,
        summary=summary,
        progress=progress,
        markers=markers if marker_words or markers is None else _markers_without_words(markers),
        course=build_course(bank, [*data.checkins, *in_period(partner_checkins, start)]),
    )


def has_notes(data: BackupData, summary: Report | None) -> bool:
    """Whether an export would carry any free text the person wrote."""
    return bool(
        (summary is not None and summary.notes)
        or any(r.note for r in data.marker_records)
        or any(s.note for s in data.spikes)
        or data.markers
    )


def check_against_bank(data: BackupData, bank: Bank, today: dt.date, name: str) -> None:
    """Every answer the bank knows, and every setting, must be valid before anything is written.

    Answers to questions this bank does not know (an older or a custom bank) are kept as they
    are: they are never shown, but they are the person's own record.
    """
    from trustrepair.answers import AnswerProblem, coerce_answer
    from trustrepair.errors import BadInputError
    from trustrepair.settings import checked_setting

    known = {q.id: q for q in bank.questions}
    for n, checkin in enumerate(data.checkins, start=1):
        for qid, value in checkin.answers.items():
            if qid in known:
                try:
                    coerce_answer(known[qid], value)
                except AnswerProblem as problem:
                    raise ImportFileError(
                        f"{name}: check-in {n}, answers.{qid}: {problem}"
                    ) from None
    for key, value in data.settings.items():
        try:
            checked_setting(key, value, today)
        except BadInputError as exc:
            raise ImportFileError(f"{name}: settings: {exc.message}") from None
    from trustrepair.bounds import check_import

    check_import(data, today, name)


def _markers_without_words(section: MarkersSection) -> MarkersSection:
    """Marker wording, and the coaching that quotes it, replaced by a placeholder."""
    hidden: dict[str, list[str]] = {"actions": [], "timing": [], "vague": []}
    markers = [
        replace(
            m, text=f"Marker {m.id} {NOTE_PLACEHOLDER}", advice=[], found=replace(m.found, **hidden)
        )
        for m in section.markers
    ]
    return replace(section, markers=markers)
