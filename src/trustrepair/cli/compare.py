"""`trustrepair compare`: the two partners' views side by side."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from trustrepair.cli.common import JsonFlag, load_bank, print_data, show, workspace

if TYPE_CHECKING:
    from trustrepair.models import CheckIn
    from trustrepair.workspace import Workspace


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
    from trustrepair.compare import compare as compare_views

    space = workspace(ctx)
    bank = load_bank(None)
    result = compare_views(
        bank, latest(space, first), latest(space, second), include_notes=include_notes
    )
    if as_json:
        from trustrepair.render.jsonout import model_json

        print_data(model_json(result))
        return
    from trustrepair.render.compare import comparison_view

    show(comparison_view(result))


def latest(space: Workspace, source: str) -> tuple[str, CheckIn]:
    """The newest check-in from a json export file, or else from a profile of this home."""
    from trustrepair.errors import BadInputError
    from trustrepair.gather import latest_checkin
    from trustrepair.workspace import Workspace

    path = Path(source)
    if path.suffix.lower() in (".json", ".toml") or path.is_file():
        from trustrepair.backup import read_export_file

        checkins = read_export_file(path, full_backup=False).data.checkins
    else:
        other = Workspace.resolve(space.home, source)
        if not other.database.exists():
            raise BadInputError(f"there is no profile or json export named {source!r}")
        latest = latest_checkin(other)
        checkins = [latest] if latest is not None else []
    if not checkins:
        raise BadInputError(f"{source} has no check-in yet")
    return source, max(checkins, key=lambda c: c.created_utc)
