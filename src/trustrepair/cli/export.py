"""`trustrepair export` and `trustrepair import`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trustrepair import messages
from trustrepair.cli.common import (
    SinceOption,
    load_bank,
    passphrases,
    print_chunks,
    print_data,
    say,
    since_date,
    workspace,
)

if TYPE_CHECKING:
    from trustrepair.bank import Bank
    from trustrepair.models import BackupData
    from trustrepair.render.exporters import Format
    from trustrepair.store.backup import ImportPlan


class ExportFormat(StrEnum):
    markdown = "markdown"
    html = "html"
    json = "json"
    toml = "toml"


def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format", "-f", help="markdown, html, json or toml (default: from -o, else markdown)."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file instead of stdout.", dir_okay=False
        ),
    ] = None,
    since: SinceOption = None,
    no_notes: Annotated[
        bool,
        typer.Option(
            "--no-notes",
            help="Leave out every free-text field (answers written in your own words, notes, "
            "your trigger words) for sharing. Marker wording stays, so the record still "
            "says what each marker is.",
        ),
    ] = False,
    no_markers_text: Annotated[
        bool,
        typer.Option(
            "--no-markers-text",
            help="With --no-notes, leave out the wording of markers too (they become "
            "'Marker 1', 'Marker 2'), for sharing more widely.",
        ),
    ] = False,
    with_partner: Annotated[
        str | None,
        typer.Option(
            "--with-partner",
            help="Show the other partner's view beside yours in 'How things have moved': "
            "their profile's statuses over time, nothing else of theirs.",
            metavar="PROFILE",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing output file.")
    ] = False,
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the JSON Schema of the json export and stop.")
    ] = False,
) -> None:
    """Export a summary to bring to a therapist, or a full backup.

    --no-notes leaves out what you wrote in your own words but keeps what each marker is;
    add --no-markers-text to leave the markers' wording out as well.

    Example: trustrepair export --format html -o summary.html --no-notes
    """
    if schema:
        from trustrepair.schema import export_schema_text

        print_data(export_schema_text(), private=False)
        return
    from trustrepair.errors import BadInputError
    from trustrepair.gather import exporting
    from trustrepair.render.exporters import DOCUMENTS, export_chunks
    from trustrepair.render.words import export_messages
    from trustrepair.workspace import Workspace

    if output is not None:
        from trustrepair.files import check_can_write

        check_can_write(output, force=force)
    chosen = _format(fmt, output)
    if no_markers_text and not no_notes:
        raise BadInputError(messages.MARKERS_TEXT_NEEDS_NO_NOTES)
    space = workspace(ctx)
    partner = None
    if with_partner is not None:
        partner = Workspace.resolve(space.home, with_partner, space.unlock)
    with exporting(
        space,
        notes=not no_notes,
        start=since_date(since),
        marker_words=not no_markers_text,
        partner=partner,
        records=chosen not in DOCUMENTS,
    ) as parts:
        chunks = export_chunks(chosen, parts.export, parts.streamed)
        for line in export_messages(parts.export, encrypted=space.encrypted, notes=parts.has_notes):
            say(line)
        if output is None:
            print_chunks(chunks)
            return
        from trustrepair.files import write_private_file

        write_private_file(output, chunks, force=force)
    say(messages.EXPORT_WRITTEN.format(fmt=chosen, path=output))


def _format(fmt: ExportFormat | None, output: Path | None) -> Format:
    from trustrepair.render.exporters import SUFFIXES

    if fmt is not None:
        return fmt.value
    return SUFFIXES.get(output.suffix.lower(), "markdown") if output else "markdown"


def import_(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="A json or toml file made by `trustrepair export`, or a `data backup` file.",
            dir_okay=False,
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only show what would be added; change nothing.")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", help="Import without asking.")] = False,
    replace_settings: Annotated[
        bool,
        typer.Option(
            "--replace-settings", help="Take the file's settings (such as discovered) over yours."
        ),
    ] = False,
) -> None:
    """Restore or merge a backup made by `trustrepair export` or `data backup` (all or nothing).

    It first shows what would be added, what is already here and which settings differ, and
    asks. `trustrepair undo` takes a whole import back. An encrypted backup asks for its
    passphrase. Example: trustrepair import backup.toml --dry-run
    """
    import datetime as dt

    from trustrepair.backup import check_against_bank
    from trustrepair.cli.common import confirm
    from trustrepair.store.backup import import_data, plan_import

    data = _read_backup(ctx, file)
    bank = load_bank(None)
    check_against_bank(data, bank, dt.date.today(), str(file))
    space = workspace(ctx)
    if dry_run:
        with space.reading() as store:
            plan = plan_import(store, data)
        print_data(
            "\n".join(import_preview(plan, file, bank, replace=replace_settings)), private=False
        )
        say(messages.IMPORT_DRY_RUN)
        return
    with space.writing() as store:
        plan = plan_import(store, data)
        for line in import_preview(plan, file, bank, replace=replace_settings):
            say(line)
        if not any(plan.new.values()) and not (replace_settings and plan.differing):
            say(messages.IMPORT_NOTHING_TO_DO)
            return
        if not confirm(messages.IMPORT_ASK, yes=yes):
            say(messages.IMPORT_NOT_DONE)
            return
        counts = import_data(store, data, replace_settings=replace_settings)
    say(import_message(counts.added, sum(counts.skipped.values())))
    say(messages.IMPORT_UNDO_HINT)


def import_preview(plan: ImportPlan, file: Path, bank: Bank, *, replace: bool) -> list[str]:
    """What an import would do, in a few lines: new, already here, settings, roles."""
    from trustrepair.dates import read_stored
    from trustrepair.render.words import rough_day

    lines = [messages.IMPORT_PREVIEW_HEAD.format(file=file)]
    new = _counted(plan.new)
    lines.append(messages.IMPORT_WOULD_ADD.format(items=new) if new else messages.IMPORT_NO_NEW)
    if present := _counted(plan.present):
        lines.append(messages.IMPORT_ALREADY.format(items=present))
    for key, (here, theirs) in plan.differing.items():
        dates = [(v, read_stored(v)) for v in (here, theirs)]
        shown = [rough_day(d.day, approximate=d.approximate) if d else v for v, d in dates]
        name = messages.SETTING_NAMES.get(key, key)
        lines.append(
            messages.IMPORT_SETTING_DIFFERS.format(key=name, here=shown[0], theirs=shown[1])
        )
        lines.append(messages.IMPORT_SETTING_REPLACED if replace else messages.IMPORT_SETTING_KEPT)
    if plan.roles_here and plan.roles_in_file and plan.roles_in_file != plan.roles_here:
        labels = bank.report.role_labels
        lines.append(
            messages.IMPORT_ROLE_DIFFERS.format(
                theirs=" and ".join(sorted(labels[r] for r in plan.roles_in_file)),  # type: ignore[index]
                here=" and ".join(sorted(labels[r] for r in plan.roles_here)),  # type: ignore[index]
            )
        )
    return lines


def _counted(counts: dict[str, int]) -> str:
    return ", ".join(
        f"{n} {KINDS.get(k, k)}{'' if n == 1 else 's'}" for k, n in counts.items() if n
    )


def _read_backup(ctx: typer.Context, file: Path) -> BackupData:
    """A database made by `data backup` (its passphrase asked if locked), or an export file."""
    from trustrepair.backup import read_export_file
    from trustrepair.store.backup import is_database_file, read_backup

    if is_database_file(file):
        return read_backup(file, passphrases(ctx, messages.PASSPHRASE_BACKUP_PROMPT))
    return read_export_file(file).data


KINDS = {
    "settings": "setting",
    "checkins": "check-in",
    "markers": "marker",
    "marker_records": "marker record",
    "spikes": "spike",
}


def import_message(added: dict[str, int], skipped: int) -> str:
    parts = [f"{n} {KINDS.get(k, k)}{'' if n == 1 else 's'}" for k, n in added.items() if n]
    tail = (
        f"; {skipped} already here {'was' if skipped == 1 else 'were'} skipped." if skipped else "."
    )
    return f"Imported {', '.join(parts) or 'nothing new'}{tail}"
