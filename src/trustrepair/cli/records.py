"""`trustrepair records`: see every record by its short id, and put a mistake right."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from trustrepair.cli.common import (
    LATEST,
    JsonFlag,
    PromptsOption,
    SinceOption,
    load_bank,
    say,
    since_date,
    workspace,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from trustrepair.models import RecordKind
    from trustrepair.workspace import Workspace

app = typer.Typer(
    help="See every check-in, spike, marker and marker record by its short id, and correct "
    "or delete one. `trustrepair undo` takes the last change back.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

IdArg = Annotated[
    str,
    typer.Argument(
        help="The record's id from `records list`: c12 check-in, s3 spike, r7 marker record, "
        "m2 marker.",
        metavar="ID",
    ),
]
KindOption = Annotated[
    str | None,
    typer.Option("--kind", help="Only one kind: checkin, spike, record or marker.", metavar="KIND"),
]
YesFlag = Annotated[bool, typer.Option("--yes", help="Do not ask; go ahead.")]


@app.command("list")
def list_records(
    ctx: typer.Context,
    kind: KindOption = None,
    since: SinceOption = None,
    show_all: Annotated[
        bool, typer.Option("--all", help=f"List every record, not only the latest {LATEST}.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """List your latest records newest first, each with the short id the other commands take.

    --json, like --all, lists every one.

    Example: trustrepair records list --kind spike --since "30 days ago"
    """
    from trustrepair import messages
    from trustrepair.cli.output import Result, emit
    from trustrepair.gather import record_entries

    kinds = _kinds(kind)
    bank = load_bank(None)
    limit = None if show_all or as_json else LATEST
    with workspace(ctx).reading() as store:
        entries, total = record_entries(bank, store, kinds, since_date(since), limit)
    if not entries:
        emit(Result(entries, messages=[messages.RECORDS_NONE]), as_json=as_json)
        return
    hidden = total - len(entries)

    def view() -> RenderableType:  # Rich is loaded only to draw it, never for --json
        from trustrepair.render.records import records_table

        return records_table(entries, hidden=hidden)

    emit(Result(entries, view, long=True), as_json=as_json)


def _kinds(kind: str | None) -> list[RecordKind]:
    from trustrepair.errors import BadInputError
    from trustrepair.records import KINDS

    if kind is None:
        return list(KINDS)
    if kind not in KINDS:
        raise BadInputError("--kind must be one of: checkin, spike, record, marker")
    return [kind]


@app.command("show")
def show_record(
    ctx: typer.Context, record_id: IdArg, prompts: PromptsOption = None, as_json: JsonFlag = False
) -> None:
    """Show one record; for a check-in, its full summary as it was.

    Example: trustrepair records show c3
    """
    from trustrepair.cli.output import Result, emit
    from trustrepair.gather import record_detail
    from trustrepair.render.records import record_view

    bank = load_bank(prompts)
    with workspace(ctx).reading() as store:
        detail = record_detail(bank, store, record_id)
    if detail.report is not None and not as_json:  # a check-in: its full summary, as it was
        from trustrepair.cli.views import report_result

        emit(report_result(detail.report, full=True))
        return
    emit(Result(detail, lambda: record_view(detail)), as_json=as_json)


@app.command("delete")
def delete(ctx: typer.Context, record_id: IdArg, yes: YesFlag = False) -> None:
    """Delete one record, after asking. Deleting a marker deletes its records too.

    To keep a marker's history, retire it instead (`markers retire`).
    Example: trustrepair records delete s12
    """
    from trustrepair import messages
    from trustrepair.cli.common import confirm
    from trustrepair.gather import find_record
    from trustrepair.records import NOUNS, table_of
    from trustrepair.records import record_id as short_id

    space = workspace(ctx)
    must_exist(space, record_id)
    with space.writing() as store:
        kind, number, found = find_record(store, record_id)
        what = f"{NOUNS[kind][0]} {short_id(kind, number)}"
        if not confirm(messages.RECORD_DELETE_ASK.format(what=what), yes=yes):
            say(messages.RECORD_NOT_DELETED)
            return
        dependents = store.delete_record(table_of(kind), found.uid)
    if dependents:
        s = "" if dependents == 1 else "s"
        say(messages.RECORD_DELETED_WITH.format(what=what, n=dependents, s=s))
    else:
        say(messages.RECORD_DELETED.format(what=what))
    say(messages.RECORD_UNDO_HINT)


def must_exist(space: Workspace, record_id: str) -> None:
    """Nothing stored yet: the record is not there, and no empty store is made to say so."""
    from trustrepair import messages
    from trustrepair.errors import NotFoundError
    from trustrepair.records import NOUNS, parse_record_id

    kind, _number = parse_record_id(record_id)
    if not space.database.exists():
        noun = NOUNS[kind][0]
        raise NotFoundError(messages.RECORD_NOT_FOUND.format(noun=noun, id=record_id.lower()))


def register_edit() -> None:
    from trustrepair.cli.record_edit import edit

    app.command("edit")(edit)


register_edit()


def undo(ctx: typer.Context, yes: YesFlag = False) -> None:
    """Show the last change written (an add, an edit, a delete, an import) and undo it.

    Run it again to go further back. Example: trustrepair undo
    """
    from trustrepair import messages
    from trustrepair.cli.common import confirm
    from trustrepair.models import as_local
    from trustrepair.records import describe_change
    from trustrepair.render import words

    space = workspace(ctx)
    if not space.database.exists():
        say(messages.UNDO_NOTHING)
        return
    with space.writing() as store:
        change = store.last_change()
        if change is None:
            say(messages.UNDO_NOTHING)
            return
        what = describe_change(change)
        when = words.moment(as_local(change.made_utc, _local_offset()))
        say(messages.UNDO_LAST.format(when=when, what=what))
        if not confirm(messages.UNDO_ASK, yes=yes):
            say(messages.UNDO_NOT_DONE)
            return
        store.undo_last_change()
    say(messages.UNDO_DONE.format(what=what))
    if change.waiting > 1:
        left = change.waiting - 1
        say(messages.UNDO_MORE.format(n=left, s="" if left == 1 else "s"))


def _local_offset() -> int:
    from trustrepair.models import local_offset_minutes

    return local_offset_minutes()
