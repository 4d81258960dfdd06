"""`trustrepair data`: see where your data lives, and delete all of it."""

from __future__ import annotations

from typing import Annotated

import typer

from trustrepair import messages
from trustrepair.cli.common import JsonFlag, confirm_by_typing, say, workspace

app = typer.Typer(
    help="See where your data lives, or delete all of it.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("path")
def path(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Print the folder and database file trustrepair uses.

    Example: trustrepair data path
    """
    from trustrepair.cli.output import Result, emit

    space = workspace(ctx)
    where = {"home": space.home, "profile": space.profile, "database": space.database}
    lines = "\n".join(f"{k + ':':<10}{v}" for k, v in where.items())
    emit(Result({k: str(v) for k, v in where.items()}, text=lines), as_json=as_json)


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
    found = files.trustrepair_files(home)
    if not found:
        say(messages.NOTHING_TO_WIPE.format(home=home))
        return
    say(messages.WIPE_WARNING.format(n=len(found), home=home))
    if not yes:
        confirm_by_typing('Type "delete" to confirm', "delete")
    removed, kept = files.wipe(home)
    for f in removed:
        say(messages.DELETED_FILE.format(path=f))
    if kept:
        say(messages.WIPE_KEPT.format(n=len(kept), home=home))
    say(messages.WIPE_DONE)
