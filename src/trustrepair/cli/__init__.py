"""The trustrepair command line. Commands parse, call the library, and hand results to a view."""

from __future__ import annotations

import errno
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
    """Turns our errors into one line and an exit code, and Ctrl-C into one calm line."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        from trustrepair.cli.private_text import with_asking

        return super().parse_args(ctx, with_asking(args))

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

    Paging.allowed = not no_pager
    ctx.obj = {"home": home, "profile": profile, "passphrase_file": passphrase_file}


def _register() -> None:
    from trustrepair.cli import (
        about,
        check,
        compare,
        data,
        dates,
        demo,
        export,
        markers,
        profile,
        progress,
        prompts,
        records,
        reflect,
        spike,
        summary,
    )

    app.command("about")(about.about)
    app.command("check")(check.check)
    app.command("reflect")(reflect.reflect)
    app.command("summary")(summary.summary)
    app.command("history")(summary.history)
    app.command("spike")(spike.spike)
    app.command("progress")(progress.progress)
    app.command("timeline")(progress.timeline)
    app.command("compare")(compare.compare)
    app.command("export")(export.export)
    app.command("import")(export.import_)
    app.command("calendar")(dates.calendar)
    app.command("undo")(records.undo)
    app.add_typer(records.app, name="records")
    app.add_typer(markers.app, name="markers")
    app.add_typer(profile.app, name="profile")
    app.add_typer(data.app, name="data")
    app.add_typer(demo.app, name="demo")
    app.add_typer(prompts.app, name="prompts")


_register()


def main() -> None:
    # trustrepair uses no Pydantic plugins; skipping their entry-point scan saves ~40 ms a run.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from trustrepair.encoding import fit_streams

    fit_streams()
    app()
