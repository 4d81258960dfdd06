"""`trustrepair profile`: settings for the active profile."""

from __future__ import annotations

from typing import Annotated

import typer

from trustrepair.cli.common import say, workspace

app = typer.Typer(help="Settings for this profile.", no_args_is_help=True)


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

    from trustrepair import messages
    from trustrepair.settings import checked_setting

    stored = checked_setting(key, value, dt.date.today())
    store = workspace(ctx).open_for_writing()
    try:
        store.set_setting(key, stored)
    finally:
        store.close()
    say(messages.setting_saved(key, stored))
