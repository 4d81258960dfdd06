"""`trustrepair records edit`: change what can honestly change, as one undoable change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from trustrepair.cli.common import PromptsOption, load_bank, say, workspace
from trustrepair.cli.records import IdArg, must_exist
from trustrepair.cli.spike import IntensityOption, MinutesOption, NoteOption, TriggerOption
from trustrepair.plain import replace

if TYPE_CHECKING:
    from trustrepair.bank import Bank
    from trustrepair.models import CheckIn, Marker, MarkerRecord, Spike
    from trustrepair.records import Stored

AtOption = Annotated[
    str | None,
    typer.Option("--at", help="A spike's time, as `spike --at` takes it.", metavar="WHEN"),
]
OnOption = Annotated[
    str | None,
    typer.Option(
        "--on", help="A marker record's day: 2025-09-14, yesterday, '3 days ago'.", metavar="DATE"
    ),
]
ShownFlag = Annotated[
    bool | None,
    typer.Option(
        "--shown/--missed", help="A marker record: shown, or not shown.", show_default=False
    ),
]
TextOption = Annotated[
    str | None,
    typer.Option(
        "--text",
        help="A marker's words: - reads them from standard input, --text alone asks.",
        metavar="TEXT",
    ),
]


def edit(
    ctx: typer.Context,
    record_id: IdArg,
    at: AtOption = None,
    minutes: MinutesOption = None,
    intensity: IntensityOption = None,
    trigger: TriggerOption = None,
    note: NoteOption = None,
    on: OnOption = None,
    shown: ShownFlag = None,
    text: TextOption = None,
    prompts: PromptsOption = None,
) -> None:
    """Correct one record. A check-in walks through its questions again, old answers kept.

    A spike: --at, --minutes, --intensity, --trigger, --note. A marker record: --on,
    --shown/--missed, --note. A marker: --text. --note "" clears a note.

    Words typed on the command line can be seen by other users of this computer and stay in
    your shell history: give - to read them from standard input, or --note/--text alone to be
    asked.

    Example: trustrepair records edit s12 --intensity 4
    """
    from trustrepair import messages
    from trustrepair.cli.private_text import private_text
    from trustrepair.errors import BadInputError
    from trustrepair.gather import find_record
    from trustrepair.models import CheckIn, Marker, MarkerRecord, Spike
    from trustrepair.records import NOUNS, table_of
    from trustrepair.records import record_id as short_id

    trigger = private_text(trigger, what=messages.ASK_TRIGGER)
    note = private_text(note, what=messages.ASK_NOTE)
    text = private_text(text, what=messages.ASK_MARKER)
    given = {
        "--at": at, "--minutes": minutes, "--intensity": intensity, "--trigger": trigger,
        "--note": note, "--on": on, "--shown/--missed": shown, "--text": text,
    }  # fmt: skip
    bank = load_bank(prompts)
    space = workspace(ctx)
    must_exist(space, record_id)
    with space.writing() as store:
        kind, number, found = find_record(store, record_id)
        allowed = _OPTIONS[kind]
        for option, value in given.items():
            if value is not None and option not in allowed:
                noun = NOUNS[kind][0]
                raise BadInputError(messages.RECORD_OPTION_NOT_FOR.format(option=option, noun=noun))
        if kind != "checkin" and all(given[o] is None for o in allowed):
            raise BadInputError(messages.RECORD_NOTHING_TO_EDIT)
        changed: Stored
        if isinstance(found, Spike):
            changed = _spike(found, at, minutes, intensity, trigger, note)
        elif isinstance(found, MarkerRecord):
            changed = _marker_record(found, on, shown, note)
        elif isinstance(found, Marker):
            changed = _marker(found, text)
        else:
            assert isinstance(found, CheckIn)  # noqa: S101
            changed = _checkin(bank, found)
        store.replace_record(table_of(kind), changed)
    say(messages.RECORD_EDITED.format(id=short_id(kind, number)))
    say(messages.RECORD_UNDO_HINT)


_OPTIONS = {
    "spike": ("--at", "--minutes", "--intensity", "--trigger", "--note"),
    "record": ("--on", "--shown/--missed", "--note"),
    "marker": ("--text",),
    "checkin": (),
}


def _spike(
    old: Spike,
    at: str | None,
    minutes: str | None,
    intensity: str | None,
    trigger: str | None,
    note: str | None,
) -> Spike:
    from trustrepair.models import as_local, now_utc
    from trustrepair.moments import parse_intensity, parse_minutes, read_moment
    from trustrepair.spikes import new_spike

    earlier = as_local(old.at_utc, old.utc_offset_minutes)
    when = earlier if at is None else read_moment(at, now_utc()).at
    fresh = new_spike(
        when,
        minutes=old.minutes if minutes is None else parse_minutes(minutes),
        intensity=old.intensity if intensity is None else parse_intensity(intensity),
        trigger=old.trigger if trigger is None else (trigger or None),
        note=old.note if note is None else (note or None),
    )
    return replace(fresh, uid=old.uid)


def _marker_record(
    old: MarkerRecord, on: str | None, shown: bool | None, note: str | None
) -> MarkerRecord:
    import datetime as dt

    from trustrepair.markers import clean_note, parse_on_date

    update: dict[str, object] = {}
    if on is not None:
        update["on_date"] = parse_on_date(on, dt.date.today())
    if shown is not None:
        update["shown"] = shown
    if note is not None:
        update["note"] = clean_note(note) if note.strip() else None
    return replace(old, **update)


def _marker(old: Marker, text: str | None) -> Marker:
    from trustrepair.markers import clean_marker_text

    assert text is not None  # noqa: S101 - checked by the caller
    return replace(old, text=clean_marker_text(text))


def _checkin(bank: Bank, old: CheckIn) -> CheckIn:
    """The same walk-through, old answers shown and kept on Enter; statuses worked out again."""
    from rich.text import Text

    from trustrepair import messages
    from trustrepair.answers import stored_answers
    from trustrepair.cli.common import console
    from trustrepair.cli.interactive import StoppedForSafety, Walkthrough
    from trustrepair.errors import BadInputError
    from trustrepair.report import new_checkin

    ui = console(stderr=True)
    ui.print(Text(messages.RECORD_CHECKIN_EDIT_INTRO, style="dim"))
    earlier = stored_answers(bank, dict(old.answers))
    walk = Walkthrough(
        bank=bank, ui=ui, role=old.role, fixed_role=True, answers=earlier, offer_markers=False
    )
    try:
        role, answers = walk.run()
    except (StoppedForSafety, EOFError):
        raise BadInputError(messages.RECORD_NOT_EDITED) from None
    fresh = new_checkin(bank, role, answers)
    return replace(
        fresh, uid=old.uid, created_utc=old.created_utc, utc_offset_minutes=old.utc_offset_minutes
    )
