"""`trustrepair profile`: settings for the active profile."""

from __future__ import annotations

from typing import Annotated

import typer

from trustrepair import messages
from trustrepair.cli.common import JsonFlag, confirm_by_typing, say, workspace

app = typer.Typer(
    help="Profiles (separate stores under one home) and their settings.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("set")
def set_setting(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="The setting: discovered.", metavar="KEY")],
    value: Annotated[str, typer.Argument(help="Its value, e.g. a date YYYY-MM-DD.")],
) -> None:
    """Set one profile setting. discovered = the day the betrayal came to light.

    Example: trustrepair profile set discovered 2025-03-14
    """
    import datetime as dt

    from trustrepair.settings import checked_setting

    stored = checked_setting(key, value, dt.date.today())
    with workspace(ctx).writing() as store:
        store.set_setting(key, stored)
    say(messages.setting_saved(key, stored))


ProfileArg = Annotated[str, typer.Argument(help="The profile's name.", metavar="NAME")]


@app.command("list")
def list_profiles(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List the profiles under this home; the active one is marked with *.

    Example: trustrepair profile list
    """

    from trustrepair.cli.output import Result, emit
    from trustrepair.files import profile_names

    space = workspace(ctx)
    names = profile_names(space.home)
    data = {"active": space.profile, "profiles": names}
    if not names:
        emit(Result(data, messages=[messages.NO_PROFILES.format(home=space.home)]), as_json=as_json)
        return
    listed = "\n".join(f"{'*' if n == space.profile else ' '} {n}" for n in names)
    emit(Result(data, text=listed), as_json=as_json)


@app.command("create")
def create(ctx: typer.Context, name: ProfileArg) -> None:
    """Create an empty profile (a separate store), one per partner or per client.

    Example: trustrepair profile create robin
    """
    from trustrepair.errors import BadInputError
    from trustrepair.workspace import Workspace

    space = Workspace.resolve(workspace(ctx).home, name)
    if space.database.exists():
        raise BadInputError(f"a profile named {name!r} already exists")
    with space.writing():
        pass
    say(messages.PROFILE_CREATED.format(name=name))


@app.command("delete")
def delete(
    ctx: typer.Context,
    name: ProfileArg,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask; delete straight away.")] = False,
) -> None:
    """Delete one profile and everything in it. Cannot be undone.

    Example: trustrepair profile delete client-b
    """
    from trustrepair.errors import NotFoundError
    from trustrepair.files import delete_profile
    from trustrepair.workspace import Workspace

    space = Workspace.resolve(workspace(ctx).home, name)
    if not space.database.exists():
        raise NotFoundError(f"there is no profile named {name!r} (see `trustrepair profile list`)")
    if not yes:
        confirm_by_typing(f"Type the profile name ({name}) to delete it", name)
    for f in delete_profile(space.home, name):
        say(messages.DELETED_FILE.format(path=f))
    say(messages.PROFILE_DELETED.format(name=name))
