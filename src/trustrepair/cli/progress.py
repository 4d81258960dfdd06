"""`trustrepair progress` and `trustrepair timeline`."""

from __future__ import annotations

import typer

from trustrepair.cli.common import JsonFlag, PromptsOption, load_bank, workspace


def progress(ctx: typer.Context, prompts: PromptsOption = None, as_json: JsonFlag = False) -> None:
    """Spikes week by week, the trend in plain words, and what stands out.

    Example: trustrepair progress --json
    """
    from trustrepair.cli.output import emit
    from trustrepair.cli.views import progress_result

    emit(progress_result(workspace(ctx), load_bank(prompts)), as_json=as_json)


def timeline(ctx: typer.Context, prompts: PromptsOption = None, as_json: JsonFlag = False) -> None:
    """When it came to light, where that puts you, and the next anniversary.

    Example: trustrepair timeline
    """
    from trustrepair.cli.output import emit
    from trustrepair.cli.views import timeline_result

    emit(timeline_result(workspace(ctx), load_bank(prompts)), as_json=as_json)
