"""`trustrepair check`: the guided check-in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trustrepair.cli.common import JsonFlag, PromptsOption, load_bank, say, workspace
from trustrepair.vocab import Role


def check(
    ctx: typer.Context,
    role: Annotated[
        Role | None,
        typer.Option(
            "--role",
            help="Answer as 'affected' or 'betraying' without being asked.",
            case_sensitive=False,
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Read answers from a TOML file instead of asking (see README).",
            dir_okay=False,
            metavar="FILE",
        ),
    ] = None,
    prompts: PromptsOption = None,
    no_save: Annotated[bool, typer.Option("--no-save", help="Write nothing to disk.")] = False,
    full: Annotated[
        bool, typer.Option("--full", help="Show the full summary afterwards, not the short one.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Walk through the three prerequisites for repair and see where things stand.

    Example: trustrepair check --role affected
    """
    from trustrepair import messages
    from trustrepair.cli.output import emit
    from trustrepair.cli.views import run_check

    result = run_check(
        load_bank(prompts),
        workspace(ctx),
        role=role,
        answers_file=answers,
        save=not no_save,
        full=full,
    )
    if result is not None:
        emit(result, as_json=as_json)
        say(messages.SAVED if not no_save else messages.NOT_SAVED)
    if result is not None and not no_save:
        from trustrepair.cli.data import offer_encryption

        offer_encryption(ctx)
