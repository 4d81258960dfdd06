"""`trustrepair about`: the model behind the tool, in about a screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trustrepair.cli.common import JsonFlag, PromptsOption, load_bank

if TYPE_CHECKING:
    from trustrepair.bank import Bank


def about(prompts: PromptsOption = None, as_json: JsonFlag = False) -> None:
    """What trust is, why promises do not rebuild it, and what can.

    Example: trustrepair about
    """
    show_about(load_bank(prompts), as_json=as_json)


def show_about(bank: Bank, *, as_json: bool = False) -> None:
    """The same screen for `about` and the first view of the demo."""
    from trustrepair.assess import source_title
    from trustrepair.cli.output import Result, emit
    from trustrepair.render.about import about_view

    credit = source_title(bank, bank.about.source)
    data = {"title": bank.about.title, "paragraphs": bank.about.paragraphs, "source": credit}
    emit(Result(data, lambda: about_view(bank.about, credit)), as_json=as_json)
