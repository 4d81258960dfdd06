"""`trustrepair markers`: name what you would need to see, and note when it was shown."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from trustrepair.cli.common import (
    JsonFlag,
    PromptsOption,
    load_bank,
    say,
    workspace,
)

if TYPE_CHECKING:
    from trustrepair.bank import Bank
    from trustrepair.models import Marker, MarkerView
    from trustrepair.store import Store

app = typer.Typer(
    help=(
        "Name the behaviours that, shown over time, would count as evidence for you, "
        "and note on which days they were shown. Your own record: nothing here checks on anyone."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)

IdArg = Annotated[
    str, typer.Argument(help="The marker's number (see `markers list`).", metavar="ID")
]
TextArg = Annotated[
    str | None,
    typer.Argument(
        help="The behaviour, in your own words; - reads it from standard input, none asks.",
        metavar="[TEXT]",
        show_default=False,
    ),
]
EditFlag = Annotated[
    bool, typer.Option("--edit", help="Write it in your editor ($VISUAL or $EDITOR).")
]


@app.command("add")
def add(
    ctx: typer.Context,
    text: TextArg = None,
    edit: EditFlag = False,
    prompts: PromptsOption = None,
    as_json: JsonFlag = False,
    yes: Annotated[
        bool, typer.Option("--yes", help="Add it even if an active marker has the same words.")
    ] = False,
) -> None:
    """Name a behaviour that, shown again and again, would count as evidence for you.

    With no TEXT it asks for it: words typed on the command line can be seen by other users of
    this computer and stay in your shell history. `-` reads them from standard input.

    Example: trustrepair markers add "Tells me the same day, by text, when plans change"
    """
    from trustrepair import messages
    from trustrepair.cli.common import confirm
    from trustrepair.markers import clean_marker_text, same_words
    from trustrepair.models import Marker

    bank = load_bank(prompts)
    marker = Marker(text=clean_marker_text(_marker_words(text, edit=edit)))
    with workspace(ctx).writing() as store:
        twin = same_words(store.markers(include_retired=False), marker.text)
        if twin is not None and not confirm(messages.MARKER_SAME_TEXT.format(id=twin.id), yes=yes):
            say(messages.MARKER_NOT_ADDED.format(id=twin.id))
            return
        saved = store.add_marker(marker)
        view = _views(bank, store, [saved])[0]
    say(messages.MARKER_ADDED.format(id=saved.id))
    _show_coaching(bank, view, as_json=as_json)


@app.command("list")
def list_markers(
    ctx: typer.Context,
    show_all: Annotated[bool, typer.Option("--all", help="Include retired markers.")] = False,
    prompts: PromptsOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List your markers with how often each was shown over 30 days, 90 days and since added.

    Example: trustrepair markers list --all
    """
    from trustrepair.cli.output import emit
    from trustrepair.cli.views import markers_result

    emit(markers_result(workspace(ctx), load_bank(prompts), show_all=show_all), as_json=as_json)


@app.command("show")
def show_marker(
    ctx: typer.Context, marker_id: IdArg, prompts: PromptsOption = None, as_json: JsonFlag = False
) -> None:
    """Show one marker: suggestions for making it observable, its weeks and latest records.

    Example: trustrepair markers show 2
    """
    from trustrepair.markers import parse_marker_id
    from trustrepair.report import marker_detail

    number = parse_marker_id(marker_id)
    bank = load_bank(prompts)
    with _existing_store(ctx, number) as store:
        marker = store.marker(number)
        view = _views(bank, store, [marker])[0]
        detail = marker_detail(view, store.marker_records(marker.uid, newest_first=True, limit=10))
    from trustrepair.cli.output import Result, emit
    from trustrepair.render.markers import marker_detail_view

    note = bank.markers.concrete_note if detail.concrete else bank.markers.keep_anyway
    emit(Result(detail, lambda: marker_detail_view(detail, note)), as_json=as_json)


@app.command("edit")
def edit(
    ctx: typer.Context,
    marker_id: IdArg,
    text: TextArg = None,
    edit_words: EditFlag = False,
    prompts: PromptsOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Reword a marker. Its records stay with it.

    With no TEXT it asks for it: words typed on the command line can be seen by other users of
    this computer and stay in your shell history. `-` reads them from standard input.

    Example: trustrepair markers edit 2
    """
    from trustrepair import messages
    from trustrepair.markers import clean_marker_text, parse_marker_id

    number = parse_marker_id(marker_id)
    cleaned = clean_marker_text(_marker_words(text, edit=edit_words))
    bank = load_bank(prompts)
    with _existing_store(ctx, number) as store:
        view = _views(bank, store, [store.update_marker_text(number, cleaned)])[0]
    say(messages.MARKER_EDITED.format(id=number))
    _show_coaching(bank, view, as_json=as_json)


@app.command("retire")
def retire(
    ctx: typer.Context, marker_id: IdArg, prompts: PromptsOption = None, as_json: JsonFlag = False
) -> None:
    """Stop using a marker. It and its records stay in your history (`markers list --all`).

    Example: trustrepair markers retire 2
    """
    from trustrepair import messages
    from trustrepair.markers import parse_marker_id
    from trustrepair.models import now_utc
    from trustrepair.render import words

    number = parse_marker_id(marker_id)
    bank = load_bank(prompts)
    with _existing_store(ctx, number) as store:
        before = store.marker(number)
        view = _views(bank, store, [store.retire_marker(number, now_utc())])[0]
    if before.retired_utc is not None and view.retired is not None:
        say(messages.MARKER_ALREADY_RETIRED.format(id=number, date=words.day(view.retired)))
    else:
        say(messages.MARKER_RETIRED.format(id=number))
    from trustrepair.cli.output import Result, emit

    emit(Result(view), as_json=as_json)  # the terminal has said it above; --json gets the marker


@app.command("record")
def record(
    ctx: typer.Context,
    marker_id: IdArg,
    shown: Annotated[bool, typer.Option("--shown", help="The behaviour was shown.")] = False,
    missed: Annotated[
        bool, typer.Option("--missed", "--not-shown", help="The behaviour was not shown.")
    ] = False,
    on: Annotated[
        str | None,
        typer.Option(
            "--on", help="The day: 2025-09-14, today, yesterday or '3 days ago'.", metavar="DATE"
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option(
            "--note",
            help="A few words for yourself: - reads them from standard input, --note alone asks.",
        ),
    ] = None,
    prompts: PromptsOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Note whether a marker was shown on a day. Several notes on one day are fine.

    Example: trustrepair markers record 2 --shown --on yesterday
    """
    import datetime as dt

    from trustrepair import messages
    from trustrepair.errors import BadInputError
    from trustrepair.markers import clean_note, parse_marker_id, parse_on_date
    from trustrepair.models import MarkerRecord
    from trustrepair.render import words
    from trustrepair.services import check_can_record

    if shown == missed:
        raise BadInputError(messages.MARKER_SHOWN_OR_NOT)
    number, day = parse_marker_id(marker_id), parse_on_date(on, dt.date.today())
    from trustrepair.cli.private_text import private_text

    typed = private_text(note, what=messages.ASK_NOTE) or None
    cleaned, bank = clean_note(typed), load_bank(prompts)
    with _existing_store(ctx, number) as store:
        marker = store.marker(number)
        check_can_record(marker)
        store.add_marker_record(
            MarkerRecord(marker_uid=marker.uid, on_date=day, shown=shown, note=cleaned)
        )
        view = _views(bank, store, [marker])[0]
    outcome = "shown" if shown else "not shown"
    said = messages.MARKER_RECORDED_CHECKING if view.checking else messages.MARKER_RECORDED
    say(said.format(id=number, outcome=outcome, date=words.weekday(day)))
    from trustrepair.cli.output import Result, emit
    from trustrepair.render.markers import consistency_view

    emit(Result(view, lambda: consistency_view(view)), as_json=as_json)


# --- helpers ---------------------------------------------------------------------------------


def _marker_words(text: str | None, *, edit: bool) -> str:
    from trustrepair import messages
    from trustrepair.cli.private_text import ASK, private_text

    return private_text(ASK if text is None else text, what=messages.ASK_MARKER, edit=edit) or ""


@contextmanager
def _existing_store(ctx: typer.Context, marker_id: int) -> Iterator[Store]:
    """The store, never created here: with no store yet, the marker is simply not found."""
    with workspace(ctx).reading() as store:
        store.marker(marker_id)
        yield store


def _views(bank: Bank, store: Store, items: Sequence[Marker]) -> list[MarkerView]:
    from trustrepair.gather import marker_views_for

    return marker_views_for(bank, store, items)


def _show_coaching(bank: Bank, view: MarkerView, *, as_json: bool) -> None:
    from trustrepair.cli.output import Result, emit
    from trustrepair.render.markers import coaching_view

    note = bank.markers.concrete_note if view.concrete else bank.markers.keep_anyway
    draw = lambda: coaching_view(view.concrete, view.advice, note, checking=view.checking)  # noqa: E731
    emit(Result(view, draw), as_json=as_json)
