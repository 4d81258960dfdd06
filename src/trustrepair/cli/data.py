"""`trustrepair data`: where your data lives, locking it with a passphrase, backups, wiping."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trustrepair import messages, paths
from trustrepair.cli.common import (
    JsonFlag,
    _root_options,
    ask_hidden,
    confirm_by_typing,
    passphrases,
    say,
    workspace,
)

if TYPE_CHECKING:
    from trustrepair.errors import NotFoundError
    from trustrepair.workspace import Workspace

app = typer.Typer(
    help="See where your data lives, lock it with a passphrase, back it up, or delete it.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("path")
def path(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Print the folder and database file trustrepair uses, and whether it is encrypted.

    Example: trustrepair data path
    """
    from trustrepair.cli.output import Result, emit

    space = workspace(ctx)
    where = {"home": space.home, "profile": space.profile, "database": space.database}
    shown = {**where, "encrypted": "yes" if space.encrypted else "no"}
    text = "\n".join(f"{k + ':':<11}{v}" for k, v in shown.items())
    data: dict[str, str | bool] = {k: str(v) for k, v in where.items()}
    result = Result({**data, "encrypted": space.encrypted}, text=text, private=False)
    emit(result, as_json=as_json)


NewPassphraseFile = Annotated[
    Path | None,
    typer.Option(
        "--new-passphrase-file",
        help="Read the new passphrase from the first line of this file instead of asking.",
        dir_okay=False,
        metavar="FILE",
    ),
]


@app.command("encrypt")
def encrypt(ctx: typer.Context) -> None:
    """Lock this profile's store with a passphrase (asked twice, never shown).

    With --passphrase-file FILE (before the command) the new passphrase is read from FILE.
    Example: trustrepair --passphrase-file FILE data encrypt
    """
    _lock(ctx, workspace(ctx))


def offer_encryption(ctx: typer.Context) -> None:
    """After the first saved check-in, at a terminal only: one question, no means no."""
    import sys

    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        return
    space = workspace(ctx)
    if space.encrypted:
        return
    with space.reading() as store:
        if len(store.checkins(limit=2)) != 1:
            return
    if typer.confirm(messages.ENCRYPT_OFFER, default=False, err=True):
        _lock(ctx, space)


def _lock(ctx: typer.Context, space: Workspace) -> None:
    from trustrepair.encryption import encrypt as lock
    from trustrepair.encryption import refuse_if_encrypted

    refuse_if_encrypted(space)  # before asking for a passphrase it could not use
    lock(space, _new_passphrase(passphrases(ctx).file))
    say(messages.ENCRYPTED.format(path=space.database))
    say(messages.FORGOTTEN_PASSPHRASE)


@app.command("decrypt")
def decrypt(ctx: typer.Context) -> None:
    """Remove the passphrase: the store becomes readable without one.

    The passphrase is asked for, or read from FILE with --passphrase-file FILE (before the
    command).
    Example: trustrepair --passphrase-file FILE data decrypt
    """
    from trustrepair.encryption import current_passphrase
    from trustrepair.encryption import decrypt as unlock

    space = workspace(ctx)
    unlock(space, current_passphrase(space))
    say(messages.DECRYPTED.format(path=space.database))


@app.command("passphrase")
def passphrase(ctx: typer.Context, new_file: NewPassphraseFile = None) -> None:
    """Change the passphrase of an encrypted store (the current one first, then the new).

    In a script, --passphrase-file OLD (before the command) gives the current one and
    --new-passphrase-file NEW the new one.
    Example: trustrepair --passphrase-file OLD data passphrase --new-passphrase-file NEW
    """
    from trustrepair.encryption import change_passphrase, current_passphrase

    space = workspace(ctx)
    current = current_passphrase(space)
    change_passphrase(space, current, _new_passphrase(new_file))
    say(messages.REKEYED.format(path=space.database))


@app.command("backup")
def backup(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="Where to write the backup.", dir_okay=False)],
) -> None:
    """Write a consistent copy of the store, encrypted with its passphrase if it is encrypted.

    Restore it with `trustrepair import FILE`.
    Example: trustrepair data backup ~/trustrepair-backup.db
    """
    from trustrepair.store.backup import write_backup

    space = workspace(ctx)
    with space.reading() as store:
        if not store.saved:
            raise _nothing_stored(space)
        write_backup(store, file)
        kind = messages.BACKUP_ENCRYPTED if store.encrypted else messages.BACKUP_PLAIN
    say(messages.BACKUP_WRITTEN.format(path=file, kind=kind))


def _nothing_stored(space: Workspace) -> NotFoundError:
    from trustrepair.errors import NotFoundError

    return NotFoundError(messages.NO_STORE_YET.format(profile=space.profile))


def _new_passphrase(file: Path | None) -> str:
    """From file when given (scripts), else typed twice; then one word on its strength."""
    from trustrepair.passphrase import new_passphrase, read_passphrase_file, strength

    chosen = read_passphrase_file(file, say) if file else new_passphrase(ask_hidden)
    say(strength(chosen))
    return chosen


@app.command("wipe")
def wipe(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask; delete straight away.")] = False,
) -> None:
    """Delete every trustrepair file under the home folder (all profiles). Cannot be undone.

    Example: trustrepair data wipe
    """
    from trustrepair import files

    home = workspace(ctx).home
    linked = home != paths.home_dir(_root_options(ctx).get("home"))
    found = files.trustrepair_files(home)
    if not found:
        say(messages.NOTHING_TO_WIPE.format(home=home))
        return
    say(messages.WIPE_WARNING.format(n=len(found), home=home))
    if not yes:
        confirm_by_typing('Type "delete" to confirm', "delete")
    removed, kept = files.wipe(home, keep_home=linked)
    for f in removed:
        say(messages.DELETED_FILE.format(path=f))
    for f in kept:
        say(messages.KEPT_FILE.format(path=f))
    say(messages.WIPE_KEPT.format(n=len(kept), home=home) if kept else messages.WIPE_DONE)
