"""Shared pieces for commands: options defined once, consoles, the active workspace."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from trustrepair.bank import Bank
    from trustrepair.workspace import Workspace

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON to stdout instead of the view.")]
PromptsOption = Annotated[
    Path | None,
    typer.Option(
        "--prompts",
        help="Use this question bank instead of the built-in one.",
        dir_okay=False,
        metavar="FILE",
    ),
]


def workspace(ctx: typer.Context) -> Workspace:
    from trustrepair.workspace import Workspace

    root = ctx.find_root()
    obj = root.obj if isinstance(root.obj, dict) else {}
    space = Workspace.resolve(obj.get("home"), obj.get("profile"))
    _warn_if_unknown_profile(space)
    return space


def _warn_if_unknown_profile(space: Workspace) -> None:
    """A mistyped --profile would quietly start a new store; say so once, up front."""
    from trustrepair import messages
    from trustrepair.files import profile_names

    if space.database.exists() or space.profile == "default":
        return
    others = profile_names(space.home)
    if others:
        say(messages.NEW_PROFILE.format(name=space.profile, existing=", ".join(others)))


def load_bank(path: Path | None) -> Bank:
    from trustrepair.bank import load_bank as load

    return load(path)


def console(*, stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, emoji=False)


def show(renderable: RenderableType, *, long: bool = False) -> None:
    """A view for a person on stdout (see cli/output.py: clean plain text, paged when long)."""
    from trustrepair.cli.output import show as draw

    draw(renderable, long=long)


def say(message: str) -> None:
    """A message for the person, on stderr, never parsed as markup."""
    from rich.text import Text

    err = console(stderr=True)
    # Wrap for a person at a terminal; keep one line per message when stderr goes to a file.
    err.print(Text(message), soft_wrap=not err.is_terminal)


def print_data(text: str) -> None:
    """Data (JSON, exports) to stdout, exactly as given."""
    typer.echo(text)


def confirm_by_typing(prompt: str, expected: str) -> None:
    """Ask the person to type a word to confirm; anything else (or no input) cancels."""
    from trustrepair.errors import BadInputError

    try:
        typed = typer.prompt(prompt, default="", show_default=False, err=True)
    except typer.Abort:
        typed = ""
    if typed.strip().lower() != expected.lower():
        raise BadInputError("not confirmed; nothing was deleted")
