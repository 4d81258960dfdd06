"""`trustrepair compare`: the two partners' views side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from trustrepair.cli.common import JsonFlag, load_bank, workspace

if TYPE_CHECKING:
    pass


def compare(
    ctx: typer.Context,
    first: Annotated[str, typer.Argument(help="A profile name or a json export.", metavar="A")],
    second: Annotated[str, typer.Argument(help="A profile name or a json export.", metavar="B")],
    include_notes: Annotated[
        bool, typer.Option("--include-notes", help="Also show each partner's own written words.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Set the affected partner's view beside the other partner's, prerequisite by prerequisite.

    Example: trustrepair compare robin kai
    """
    from trustrepair.cli.output import emit
    from trustrepair.cli.views import comparison_result
    from trustrepair.services import compare_sources

    bank = load_bank(None)
    found = compare_sources(bank, workspace(ctx), first, second, include_notes=include_notes)
    emit(comparison_result(found, bank), as_json=as_json)
