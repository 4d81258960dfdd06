"""Shared pieces for commands: options defined once, consoles, the active workspace."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    import datetime as dt

    from rich.console import Console, RenderableType

    from trustrepair.bank import Bank
    from trustrepair.passphrase import PassphraseSource
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
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        help="Only records from this day on: 2025-09-14, 2025-09 (from the 1st), "
        "'30 days ago', yesterday.",
        metavar="DATE",
    ),
]

# Rows `history` and `records list` show unless --all: the latest few, one --all from the rest.
LATEST = 20


def since_date(typed: str | None) -> dt.date | None:
    """--since read by the one date reader; a month means from its first day."""
    import datetime as dt

    from trustrepair.dates import DateProblem, parse_date
    from trustrepair.errors import BadInputError

    if typed is None:
        return None
    try:
        return parse_date(typed, dt.date.today(), future_ok=True).first_day
    except DateProblem as problem:
        raise BadInputError(f"--since: {problem}") from None


def workspace(ctx: typer.Context) -> Workspace:
    from trustrepair.workspace import Workspace

    obj = _root_options(ctx)
    space = Workspace.resolve(obj.get("home"), obj.get("profile"), passphrases(ctx))
    space = space.checked()
    _warn_if_unknown_profile(space)
    return space


def _root_options(ctx: typer.Context) -> dict[str, Any]:
    root = ctx.find_root()
    return root.obj if isinstance(root.obj, dict) else {}


def passphrases(ctx: typer.Context, label: str = "") -> PassphraseSource:
    """The passphrase source for this command: --passphrase-file, else a hidden prompt.

    The store's source is kept for the whole command, so its passphrase is asked once; a
    backup being imported (another label) gets a source of its own.
    """
    from trustrepair.passphrase import PassphraseSource

    options = _root_options(ctx)
    if not label and isinstance(options.get("unlock"), PassphraseSource):
        return options["unlock"]  # type: ignore[no-any-return]
    source = PassphraseSource(
        file=options.get("passphrase_file"), ask=ask_hidden, warn=say, label=label
    )
    if not label:
        options["unlock"] = source
    return source


def ask_hidden(label: str) -> str:
    """A line typed without echo (on stderr, so stdout stays data); no input means none.

    Without a terminal (a pipe, a script) the line is read as it comes: there is no echo to
    hide, and getpass would only warn that it cannot turn echo off.
    """
    import sys

    from trustrepair import messages
    from trustrepair.errors import PassphraseError

    if not sys.stdin.isatty():
        typer.echo(f"{label}: ", err=True, nl=False)
        line = sys.stdin.readline()
        typer.echo("", err=True)
        if not line:
            raise PassphraseError(messages.PASSPHRASE_NONE_GIVEN)
        return line.removesuffix("\n").removesuffix("\r")
    try:
        typed: str = typer.prompt(label, hide_input=True, err=True)
    except typer.Abort:
        raise PassphraseError(messages.PASSPHRASE_NONE_GIVEN) from None
    return typed


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
    """A message for the person on stderr: plain text, never markup, and no Rich to load.

    At a terminal it is wrapped between words to the terminal's width; going to a file, each
    line stays whole."""
    if sys.stderr.isatty():
        message = _wrapped(message, _stderr_width())
    typer.echo(message, err=True)


def _stderr_width() -> int:
    """The width of the terminal stderr is on (COLUMNS first), even when stdout is a file."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError):
        return shutil.get_terminal_size().columns


def _wrapped(message: str, width: int) -> str:
    from textwrap import wrap

    return "\n".join(
        "\n".join(wrap(line, width, break_on_hyphens=False) or [""])
        for line in message.splitlines()
    )


def print_data(text: str, *, private: bool = True) -> None:
    """Data (JSON, exports) to stdout, exactly as given; `private` output (answers, notes,
    records) gets a note when the file it goes to is readable by others."""
    if private:
        _say_if_others_can_read_stdout()
    typer.echo(text)


def print_chunks(chunks: Iterable[str], *, private: bool = True) -> None:
    """Like print_data, for text that comes a piece at a time (an export): written as it comes,
    ending in exactly one line break."""
    if private:
        _say_if_others_can_read_stdout()
    out = sys.stdout
    held = ""
    try:
        for chunk in chunks:
            if held:
                out.write(held)
            held = chunk
        out.write(held.rstrip("\n") + "\n")
        out.flush()
    except BrokenPipeError:  # the reader stopped early (`| head`): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())


def confirm(prompt: str, *, yes: bool) -> bool:
    """Ask y/N on stderr. --yes skips asking; no input to read at all is one clear refusal."""
    from trustrepair import messages
    from trustrepair.errors import BadInputError

    if yes:
        return True
    try:
        typed = typer.prompt(f"{prompt} (y/N)", default="", show_default=False, err=True)
    except typer.Abort:
        raise BadInputError(messages.NO_ONE_TO_ASK) from None
    return typed.strip().lower() in ("y", "yes")


def confirm_by_typing(prompt: str, expected: str) -> None:
    """Ask the person to type a word to confirm; anything else (or no input) cancels."""
    from trustrepair.errors import BadInputError

    try:
        typed = typer.prompt(prompt, default="", show_default=False, err=True)
    except typer.Abort:
        typed = ""
    if typed.strip().lower() != expected.lower():
        raise BadInputError("not confirmed; nothing was deleted")


def _say_if_others_can_read_stdout() -> None:
    """`export > summary.md` makes a file others can read under a loose umask: say so, once."""
    import os
    import stat
    import sys

    from trustrepair import messages

    try:
        info = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        return  # not a real file (a test runner's buffer, a closed stream)
    if stat.S_ISREG(info.st_mode) and info.st_mode & 0o044:
        say(messages.OUTPUT_READABLE)
