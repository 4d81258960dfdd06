"""`trustrepair prompts`: work with question banks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from trustrepair.cli.common import load_bank, say

app = typer.Typer(
    help="Check a question bank (data/prompts.toml or your own copy).",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@app.command("validate")
def validate(
    file: Annotated[Path, typer.Argument(help="The bank to check.", dir_okay=False)],
) -> None:
    """Check a question bank file and report the first problem.

    Example: trustrepair prompts validate my-prompts.toml
    """
    bank = load_bank(file)
    counts = f"{len(bank.questions)} questions, {len(bank.rules)} rules"
    say(
        f"{file}: valid (bank {bank.meta.version}, {counts}, {len(bank.guidance)} guidance entries)"
    )
