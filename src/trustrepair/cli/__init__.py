"""The trustrepair command line. Commands parse, call the library, and hand results to a view."""

from __future__ import annotations

import errno
import gc
import os
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from trustrepair import __version__
from trustrepair.errors import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_STORE,
    TrustRepairError,
    is_database_error,
)


class TrustRepairGroup(TyperGroup):
    """Builds only the command that runs; turns our errors into one line and an exit code."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self.commands:
            self.commands[cmd_name] = _build(cmd_name)
        return self.commands[cmd_name]

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        from difflib import get_close_matches

        from typer._click.exceptions import UsageError

        try:
            return self._click_resolve_command(ctx, args)
        except UsageError as exc:
            matches = get_close_matches(args[0], list(COMMANDS)) if args else []
            if matches:
                names = ", ".join(repr(m) for m in matches)
                exc.message = f"{exc.message.rstrip('.')}. Did you mean {names}?"
            raise

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        # The table's one-line help, so that --help imports no command module.
        limit = formatter.width - 6 - max(map(len, COMMANDS))
        rows = [(name, _short_help(text, limit)) for name, (_, text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if "--note" in args or "--text" in args:  # alone, they ask (cli/private_text.py)
            from trustrepair.cli.private_text import with_asking

            args = with_asking(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Any) -> Any:  # typer's Context type is private
        from trustrepair import messages

        try:
            return super().invoke(ctx)
        except TrustRepairError as exc:
            typer.echo(f"Error: {exc.message}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except OSError as exc:
            if exc.errno not in (errno.ENOSPC, errno.EDQUOT):
                raise
            typer.echo(f"Error: {messages.DISK_FULL_OUTPUT}", err=True)
            raise typer.Exit(EXIT_ERROR) from None
        except KeyboardInterrupt:
            typer.echo(f"\n{messages.INTERRUPTED}", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as exc:
            if not is_database_error(exc):  # neither driver is imported for --help
                raise
            typer.echo(f"Error: {messages.DATABASE_UNREADABLE}", err=True)
            raise typer.Exit(EXIT_STORE) from None


app = typer.Typer(
    name="trustrepair",
    cls=TrustRepairGroup,
    help="A private, local companion for rebuilding trust after a betrayal.",
    epilog="Reflection, not therapy or diagnosis. Nothing leaves this computer.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    # Plain help and one-line usage errors: nothing of ours is parsed as markup, and --help
    # stays fast because Rich is never imported for it.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"trustrepair {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    home: Annotated[
        Path | None,
        typer.Option(
            "--home",
            help="Keep data in this folder instead of the usual one.",
            envvar="TRUSTREPAIR_HOME",
            show_envvar=True,
            file_okay=False,
            metavar="DIR",
        ),
    ] = None,
    profile: Annotated[
        str | None,
        typer.Option(
            "--profile",
            help="Use a separate store under the same home.",
            envvar="TRUSTREPAIR_PROFILE",
            show_envvar=True,
            metavar="NAME",
        ),
    ] = None,
    passphrase_file: Annotated[
        Path | None,
        typer.Option(
            "--passphrase-file",
            help="Read the passphrase of an encrypted store from the first line of this file.",
            envvar="TRUSTREPAIR_PASSPHRASE_FILE",
            show_envvar=True,
            dir_okay=False,
            metavar="FILE",
        ),
    ] = None,
    no_pager: Annotated[
        bool,
        typer.Option("--no-pager", help="Print long views straight out, never through a pager."),
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """A private, local companion for rebuilding trust after a betrayal.

    Start with `trustrepair check`. Everything stays on this computer.
    """
    from trustrepair.cli.output import Paging
    from trustrepair.paths import Chosen

    Paging.allowed = not no_pager
    Chosen.home = home
    ctx.obj = {"home": home, "profile": profile, "passphrase_file": passphrase_file}


# Each command's module is imported only when that command runs, so start-up pays for one
# command, not fifteen. The one-line help is kept here for `--help`, which imports none of them;
# tests/test_cli_lazy.py keeps it equal to each command's docstring.
COMMANDS: dict[str, tuple[str, str]] = {
    "about": (
        "trustrepair.cli.about:about",
        "What trust is, why promises do not rebuild it, and what can.",
    ),
    "check": (
        "trustrepair.cli.check:check",
        "Walk through the three prerequisites for repair and see where things stand.",
    ),
    "reflect": (
        "trustrepair.cli.reflect:reflect",
        "Reflect on an accountability statement: phrases that shift, soften or share the blame.",
    ),
    "summary": (
        "trustrepair.cli.summary:summary",
        "Show the latest check-in on one screen: statuses, why, and one next step.",
    ),
    "history": (
        "trustrepair.cli.summary:history",
        "Show how each prerequisite has moved, then every check-in, newest first.",
    ),
    "spike": (
        "trustrepair.cli.spike:spike",
        "Log one spike of distrust. Several a day is normal; each takes seconds.",
    ),
    "progress": (
        "trustrepair.cli.progress:progress",
        "Spikes week by week, the trend in plain words, and what stands out.",
    ),
    "timeline": (
        "trustrepair.cli.progress:timeline",
        "When it came to light, where that puts you, and the next anniversary.",
    ),
    "compare": (
        "trustrepair.cli.compare:compare",
        "Set the affected partner's view beside the other partner's, prerequisite by prerequisite.",
    ),
    "export": (
        "trustrepair.cli.export:export",
        "Export a summary to bring to a therapist, or a full backup.",
    ),
    "import": (
        "trustrepair.cli.export:import_",
        "Restore or merge a backup made by `trustrepair export` or `data backup` (all or nothing).",
    ),
    "calendar": (
        "trustrepair.cli.dates:calendar",
        "Write anniversaries, the timeline's marks and a check-in reminder to a calendar file.",
    ),
    "undo": (
        "trustrepair.cli.records:undo",
        "Show the last change written (an add, an edit, a delete, an import) and undo it.",
    ),
    "records": (
        "trustrepair.cli.records:app",
        "See every check-in, spike, marker and marker record by its short id, and correct or "
        "delete one. `trustrepair undo` takes the last change back.",
    ),
    "markers": (
        "trustrepair.cli.markers:app",
        "Name the behaviours that, shown over time, would count as evidence for you, and note "
        "on which days they were shown. Your own record: nothing here checks on anyone.",
    ),
    "profile": (
        "trustrepair.cli.profile:app",
        "Profiles (separate stores under one home) and their settings.",
    ),
    "data": (
        "trustrepair.cli.data:app",
        "See where your data lives, lock it with a passphrase, back it up, or delete it.",
    ),
    "demo": (
        "trustrepair.cli.demo:app",
        "Tour the tool with a fictional couple: summary, progress, timeline, markers, comparison.",
    ),
    "prompts": (
        "trustrepair.cli.prompts:app",
        "Check a question bank (data/prompts.toml or your own copy).",
    ),
}


def _build(name: str) -> Any:
    """Import one command's module and turn it into a click command named `name`."""
    import importlib

    from typer.main import get_command_from_info, get_group_from_info
    from typer.models import CommandInfo, TyperInfo

    module_name, attr = COMMANDS[name][0].split(":")
    target = getattr(importlib.import_module(module_name), attr)
    if isinstance(target, typer.Typer):
        return get_group_from_info(
            TyperInfo(target, name=name),
            pretty_exceptions_short=app.pretty_exceptions_short,
            suggest_commands=True,
            rich_markup_mode=None,
        )
    return get_command_from_info(
        CommandInfo(name=name, callback=target),
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=None,
    )


def _short_help(text: str, limit: int) -> str:
    from typer._click.utils import make_default_short_help

    return make_default_short_help(text, limit)


def main() -> None:
    # A command lives for about a second and makes few reference cycles, so automatic
    # collection only costs time here (measured: 3-7% of CPU on `summary` and the exports).
    gc.disable()
    # trustrepair uses no Pydantic plugins; skipping their entry-point scan saves ~40 ms a run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from trustrepair.encoding import fit_streams

    fit_streams()
    app()
