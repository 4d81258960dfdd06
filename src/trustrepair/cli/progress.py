"""`trustrepair progress` and `trustrepair timeline`."""

from __future__ import annotations

import typer

from trustrepair.cli.common import (
    JsonFlag,
    PromptsOption,
    load_bank,
    print_data,
    say,
    show,
    workspace,
)


def progress(ctx: typer.Context, prompts: PromptsOption = None, as_json: JsonFlag = False) -> None:
    """Spikes week by week, the trend in plain words, and what stands out.

    Example: trustrepair progress --json
    """
    import datetime as dt

    from trustrepair import messages
    from trustrepair.cli.views import progress_for

    bank = load_bank(prompts)
    store = workspace(ctx).open_for_reading()
    try:
        latest = store.latest_checkin() if store is not None else None
        info = progress_for(bank, store, dt.date.today(), latest)
    finally:
        if store is not None:
            store.close()
    if as_json:
        from trustrepair.render.jsonout import model_json

        print_data(model_json(info))
    else:
        from trustrepair.render.progress import progress_view

        show(progress_view(info))
    if not info.spikes_logged:
        say(messages.NO_SPIKES_YET)


def timeline(ctx: typer.Context, prompts: PromptsOption = None, as_json: JsonFlag = False) -> None:
    """When it came to light, where that puts you, and the next anniversary.

    Example: trustrepair timeline
    """
    import datetime as dt

    from trustrepair import messages
    from trustrepair.report import discovered_with_source, timeline_info

    bank = load_bank(prompts)
    store = workspace(ctx).open_for_reading()
    try:
        latest = store.latest_checkin() if store is not None else None
        setting = store.setting("discovered") if store is not None else None
    finally:
        if store is not None:
            store.close()
    found = discovered_with_source(latest, setting)
    day, source = found or (None, None)
    info = timeline_info(bank, day, dt.date.today(), source)
    if as_json:
        from trustrepair.render.jsonout import model_json

        print_data(model_json(info))
    elif found is not None:
        from trustrepair.render.terminal import timeline_view

        show(timeline_view(info, full=True))
    if found is None:
        say(messages.NO_DATE_YET)
