"""When repair may not be moving: conditions read from the whole history, never a verdict.

Each condition returns an AlertItem that carries its reason (the guidance from the bank) and
the data behind it (evidence lines), so a person can see exactly why it is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from trustrepair import messages
from trustrepair.assess import guidance_item
from trustrepair.bank import Bank
from trustrepair.models import AlertItem, PeriodStats
from trustrepair.render import words as wording
from trustrepair.spikes import TrendEstimate
from trustrepair.timeline import months_between

Trail = Sequence[tuple[dt.datetime, str | None, str | None]]

STALLED_CHECKINS = 3
STALLED_MONTHS = 2
GENTLE_MONTHS = 12
CLEAR_MONTHS = 24
# Under one spike a week is already "days apart": a flat line that low is not a stalled repair.
SETTLED_PER_WEEK = 1.0


def stop_conditions(
    bank: Bank,
    *,
    trail: Trail,
    estimate: TrendEstimate,
    records_since: dt.date | None,
    recent: PeriodStats | None,
    today: dt.date,
) -> list[AlertItem]:
    found = [
        accountability_stalled(bank, trail),
        behaviour_ongoing(bank, trail),
        no_easing(bank, estimate, records_since, recent, today),
    ]
    return [alert for alert in found if alert is not None]


def accountability_stalled(bank: Bank, trail: Trail) -> AlertItem | None:
    """`not_yet` in the latest 3+ check-ins in a row, spanning 2+ months."""
    run = _latest_run(trail, lambda acc, _ongoing: acc == "not_yet")
    if len(run) < STALLED_CHECKINS:
        return None
    first, last = run[0].date(), run[-1].date()
    months = months_between(first, last)
    if months < STALLED_MONTHS:
        return None
    status = bank.report.status_labels["not_yet"]
    return AlertItem(
        id="accountability_stalled",
        kind="stop",
        guidance=guidance_item(bank, bank.progress.stop_accountability),
        evidence=[
            messages.STOP_ACCOUNTABILITY_RUN.format(status=status, n=len(run)),
            messages.STOP_FROM_TO.format(
                first=wording.day(first), last=wording.day(last), months=months
            ),
        ],
    )


def ongoing_answers(bank: Bank) -> frozenset[object]:
    """The `ongoing` answers the bank's stop alerts treat as "still going on" (one definition)."""
    return frozenset(
        value
        for alert in bank.alerts
        if alert.kind == "stop"
        for c in alert.when
        if c.question == "ongoing"
        for value in c.is_one_of or ()
    )


def behaviour_ongoing(bank: Bank, trail: Trail) -> AlertItem | None:
    """The latest check-in says the behaviour goes on, in any form."""
    still_going = ongoing_answers(bank)
    run = _latest_run(trail, lambda _acc, ongoing: ongoing in still_going)
    if not run:
        return None
    answer = trail[-1][2] or ""
    question = bank.question("ongoing") if "ongoing" in bank.question_ids else None
    label = question.option_label(answer) if question else answer
    evidence = [messages.STOP_CHECKIN_SAID.format(day=wording.day(run[-1]), answer=label)]
    if len(run) > 1:
        evidence.append(messages.STOP_REPORTED_SINCE.format(n=len(run), day=wording.day(run[0])))
    return AlertItem(
        id="behaviour_ongoing",
        kind="stop",
        guidance=guidance_item(bank, bank.progress.stop_ongoing),
        evidence=evidence,
    )


def no_easing(
    bank: Bank,
    estimate: TrendEstimate,
    records_since: dt.date | None,
    recent: PeriodStats | None,
    today: dt.date,
) -> AlertItem | None:
    """No downward trend after 12 months of spike records (gently), 24 months (clearly)."""
    if records_since is None or estimate.trend not in ("flat", "rising"):
        return None
    months = months_between(records_since, today)
    if months < GENTLE_MONTHS or (recent is not None and recent.per_week < SETTLED_PER_WEEK):
        return None
    clear = months >= CLEAR_MONTHS
    words = getattr(bank.progress.trend_words, estimate.trend)
    evidence = [
        messages.STOP_SPIKES_LOGGED_FOR.format(months=months, day=wording.day(records_since)),
        messages.STOP_TREND_OVER.format(
            weeks=estimate.weeks,
            words=words,
            slope=wording.two_figures(estimate.slope or 0, signed=True),
            p=wording.p_text(estimate.p if estimate.p is not None else 1.0),
        ),
    ]
    if recent is not None:
        evidence.append(messages.STOP_LAST_FOUR_WEEKS.format(per_week=f"{recent.per_week:g}"))
    gid = bank.progress.stop_no_change_clear if clear else bank.progress.stop_no_change_gentle
    return AlertItem(
        id="no_easing_two_years" if clear else "no_easing_year",
        kind="stop",
        guidance=guidance_item(bank, gid),
        evidence=evidence,
    )


def _latest_run(trail: Trail, holds: Callable[[str | None, str | None], bool]) -> list[dt.datetime]:
    """The check-in times of the unbroken run, ending at the latest check-in, where it holds."""
    run: list[dt.datetime] = []
    for when, acc, ongoing in reversed(trail):
        if not holds(acc, ongoing):
            break
        run.append(when)
    return run[::-1]
