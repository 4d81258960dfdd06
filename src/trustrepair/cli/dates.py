"""`trustrepair calendar`: the dates ahead as an iCalendar file."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from trustrepair.cli.common import print_data, say, workspace


class EveryChoice(StrEnum):
    week = "week"
    fortnight = "fortnight"
    month = "month"


class WeekdayChoice(StrEnum):
    monday = "monday"
    tuesday = "tuesday"
    wednesday = "wednesday"
    thursday = "thursday"
    friday = "friday"
    saturday = "saturday"
    sunday = "sunday"


def calendar(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this .ics file instead of stdout.", dir_okay=False
        ),
    ] = None,
    every: Annotated[
        EveryChoice,
        typer.Option(
            "--every",
            help="How often to be reminded to check in (month: the first such weekday of each).",
        ),
    ] = EveryChoice.week,
    on: Annotated[
        WeekdayChoice, typer.Option("--on", help="The weekday of the reminder.")
    ] = WeekdayChoice.sunday,
    at: Annotated[
        dt.datetime,
        typer.Option(
            "--at",
            help="The local time of the reminder.",
            show_default="19:00",
            formats=["%H:%M"],
            metavar="HH:MM",
        ),
    ] = dt.datetime(1900, 1, 1, 19, 0),
    no_reminder: Annotated[
        bool, typer.Option("--no-reminder", help="Only the dates ahead, no repeating reminder.")
    ] = False,
    years: Annotated[
        int, typer.Option("--years", min=1, max=10, help="How many anniversaries ahead.")
    ] = 3,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing output file.")
    ] = False,
) -> None:
    """Write anniversaries, the timeline's marks and a check-in reminder to a calendar file.

    Events carry only general wording, never notes or markers: calendars sync to other devices.
    Importing the file again updates the same events rather than adding copies.

    Example: trustrepair calendar -o trustrepair.ics --every fortnight --on sunday --at 19:30
    """
    from trustrepair import messages
    from trustrepair.ahead import WEEKDAYS, Rhythm, plan_ahead
    from trustrepair.bank import load_bank
    from trustrepair.errors import BadInputError
    from trustrepair.gather import calendar_inputs
    from trustrepair.models.base import now_utc
    from trustrepair.render.ics import plan_ics

    if output is not None:
        from trustrepair.files import check_can_write

        check_can_write(output, force=force)
    found = calendar_inputs(workspace(ctx))
    if found.discovered is None:
        raise BadInputError(messages.NO_DATE_YET)
    rhythm = None if no_reminder else Rhythm(every.value, WEEKDAYS.index(on.value), at.time())
    plan = plan_ahead(
        load_bank(None).calendar,
        found.discovered.day,
        dt.date.today(),
        years=years,
        rhythm=rhythm,
        approximate=found.discovered.approximate,
        safety_first=found.safety_first,
    )
    text = plan_ics(plan, seed=found.seed, stamp=now_utc())
    if output is None:
        print_data(text.rstrip("\r\n"))
        return
    from trustrepair.files import write_private_file

    write_private_file(output, text, force=force)
    reminder = messages.CALENDAR_REMINDER if plan.reminder else ""
    say(messages.CALENDAR_WRITTEN.format(count=len(plan.days), reminder=reminder, path=output))
