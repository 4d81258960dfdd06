"""`trustrepair check`: the guided check-in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trustrepair.cli.common import JsonFlag, PromptsOption, load_bank, say, workspace


def check(
    ctx: typer.Context,
    role: Annotated[
        str | None,
        typer.Option(
            "--role",
            help="Answer as 'affected' or 'betraying' without being asked.",
            metavar="ROLE",
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
    as_json: JsonFlag = False,
) -> None:
    """Walk through the three prerequisites for repair and see where things stand.

    Example: trustrepair check --role affected
    """
    from trustrepair import messages
    from trustrepair.answers import read_answers_file
    from trustrepair.cli import views
    from trustrepair.errors import BadInputError
    from trustrepair.markers import markers_from_checkin
    from trustrepair.report import new_checkin

    if role not in (None, "affected", "betraying"):
        raise BadInputError("--role must be 'affected' or 'betraying'")
    bank = load_bank(prompts)
    space = workspace(ctx)
    extra: list[str] = []
    if answers is not None:
        answered_role, given = read_answers_file(answers, bank)
        if role is not None and role != answered_role:
            raise BadInputError(
                f"--role {role} does not match role = {answered_role!r} in {answers}"
            )
    else:
        outcome = views.interactive_check(bank, role)  # type: ignore[arg-type]
        if outcome is None:
            raise typer.Exit(0)
        answered_role, given, extra = outcome
    checkin = new_checkin(bank, answered_role, given)
    named = markers_from_checkin(bank, answered_role, given, extra)
    if not no_save:
        views.save_checkin(space, checkin, named)
    unsaved = named if no_save else []
    views.show_checkin_result(bank, space, checkin, unsaved=unsaved, as_json=as_json)
    say(messages.NOT_SAVED if no_save else messages.SAVED)
