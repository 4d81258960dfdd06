"""`trustrepair reflect`: look at the phrases in an accountability statement."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from trustrepair.cli.common import JsonFlag, PromptsOption, load_bank, print_data, show

STDIN = "-"


def reflect(
    text: Annotated[
        str | None,
        typer.Argument(
            help="The statement, in quotes. Use - (or pipe text in) to read standard input.",
            show_default=False,
            metavar="TEXT",
        ),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            "-f",
            help="Read the statement from this UTF-8 text file.",
            dir_okay=False,
            metavar="FILE",
        ),
    ] = None,
    heard: Annotated[
        bool,
        typer.Option(
            "--heard",
            help="The text is what you were told: quoted and reported words count too.",
        ),
    ] = False,
    prompts: PromptsOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Reflect on an accountability statement: phrases that shift, soften or share the blame.

    It names phrases, never the person, and saves nothing.

    Example: trustrepair reflect --file my-statement.txt
    """
    from trustrepair.reflect import reflect_statement, rules_of

    bank = load_bank(prompts)
    statement = _read_statement(text, file, rules_of(bank).max_chars)
    reflection = reflect_statement(bank, statement, heard=heard)
    if as_json:
        from trustrepair.plain import to_json

        print_data(to_json(reflection))
    else:
        from trustrepair.render.reflection import reflection_view

        show(reflection_view(reflection))


def _read_statement(text: str | None, file: Path | None, max_chars: int) -> str:
    """The statement from the argument, a file or standard input, checked."""
    from trustrepair import messages
    from trustrepair.errors import BadInputError
    from trustrepair.reflect import check_statement, statement_from_bytes

    if text is not None and file is not None:
        raise BadInputError(messages.REFLECT_TWO_INPUTS)
    cap = max_chars * 4 + 1  # never read more than a too-long statement needs to show it
    if file is not None:
        return statement_from_bytes(_read_file(file, cap), str(file), max_chars)
    if text is not None and text != STDIN:
        return check_statement(text, max_chars)
    stdin = typer.get_binary_stream("stdin")
    if text is None and sys.stdin.isatty():
        raise BadInputError(messages.REFLECT_NO_INPUT)
    return statement_from_bytes(stdin.read(cap), "standard input", max_chars)


def _read_file(path: Path, cap: int) -> bytes:
    from trustrepair.errors import BadInputError
    from trustrepair.safe_read import read_file

    return read_file(path, BadInputError, limit=cap, prefix=True)
