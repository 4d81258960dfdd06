"""Weekly tallies of spikes -> the progress report: chart, comparisons, trend, setbacks.

Pure functions over what the store summed. Weeks are local weeks starting on Monday; the trend
and the comparisons use complete weeks only, so this week's count so far never reads as a drop.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from trustrepair import messages, stops, timeline
from trustrepair.assess import guidance_item
from trustrepair.bank import Bank
from trustrepair.models import (
    ChartBar,
    GuidanceItem,
    LoggingGap,
    PeriodStats,
    ProgressInfo,
    ProgressOverview,
    Setback,
    SpikeWeek,
    TrendDetail,
    TriggerCount,
    WeekRow,
)
from trustrepair.render import words as wording
from trustrepair.spikes import (
    MIN_WEEKS,
    QUIET_WEEKS,
    TRIGGERS,
    UNKNOWN_TRIGGER,
    complete_weeks,
    fill_weeks,
    is_known_trigger,
    median_or_none,
    trailing_empty_weeks,
    week_start,
    weekly_trend,
)

ChartUnit = Literal["week", "month", "quarter"]
MAX_WEEK_ROWS = 26  # about half a year of weeks still reads at a glance
MAX_MONTH_ROWS = 42  # three and a half years of months; longer histories go by quarter
BLOCK = 4  # the comparisons use blocks of four weeks ("a month")


@dataclass(frozen=True)
class SpikeHistory:
    """Everything the progress report needs, read from the store in a few small queries."""

    tallies: list[SpikeWeek]
    today: dt.date
    discovered: dt.date | None = None
    span: tuple[dt.datetime, dt.datetime] | None = None
    trigger_counts: dict[str, int] = field(default_factory=dict)
    checkin_trail: list[tuple[dt.datetime, str | None, str | None]] = field(default_factory=list)


def build_progress(bank: Bank, history: SpikeHistory) -> ProgressInfo:
    weeks = fill_weeks(history.tallies, history.today)
    done = complete_weeks(weeks, history.today)
    estimate = weekly_trend([w.count for w in done])
    compared = comparisons(done)
    near = _anniversary_test(history.discovered)
    setbacks = find_setbacks(bank, done, near)
    unit, chart = chart_bars(bank, weeks, history.today, near, setbacks)
    return ProgressInfo(
        spikes_logged=sum(w.count for w in weeks),
        first_spike_local=history.span[0] if history.span else None,
        last_spike_local=history.span[1] if history.span else None,
        weeks=[_week_row(w, history.today, near) for w in weeks],
        chart_unit=unit,
        chart=chart,
        trend=estimate.trend,
        trend_words=bank.progress.trend_words.word(estimate.trend),
        trend_detail=TrendDetail(
            weeks_used=estimate.weeks,
            weeks_needed=MIN_WEEKS,
            slope_per_week=estimate.slope,
            p_value=estimate.p,
        ),
        comparisons=compared,
        setbacks=setbacks,
        triggers=trigger_counts(bank, history.trigger_counts),
        stops=stops.stop_conditions(
            bank,
            trail=history.checkin_trail,
            estimate=estimate,
            records_since=history.span[0].date() if history.span else None,
            recent=compared[-1] if compared else None,
            today=history.today,
        ),
        guidance=_guidance(bank, show_setbacks=bool(setbacks or history.trigger_counts)),
        logging_gap=logging_gap(weeks, done, history.span),
    )


def logging_gap(
    weeks: Sequence[SpikeWeek],
    done: Sequence[SpikeWeek],
    span: tuple[dt.datetime, dt.datetime] | None,
) -> LoggingGap | None:
    """Nothing logged in the latest QUIET_WEEKS full weeks or more, nor so far this week.

    Empty weeks count as 0 in the trend, so they read as easing; the tool cannot know whether
    the spikes stopped or the logging did, so the report says so next to the trend.
    """
    empty = trailing_empty_weeks(done)
    logging_again = any(w.count for w in weeks[len(done) :])  # this week, so far
    if empty < QUIET_WEEKS or empty == len(done) or logging_again:
        return None
    # The store knows the latest spike; without it, the last day of its week is still true.
    last = span[1].date() if span else done[-empty - 1].week_start + dt.timedelta(days=6)
    text = messages.LOGGING_GAP.format(day=wording.day(last), weeks=empty)
    return LoggingGap(last_spike=last, empty_weeks=empty, text=text)


def _guidance(bank: Bank, *, show_setbacks: bool) -> list[GuidanceItem]:
    ids = list(bank.progress.guidance)
    if show_setbacks:
        ids.append(bank.progress.setback_guidance)
    return [guidance_item(bank, g) for g in dict.fromkeys(ids)]


def overview(progress: ProgressInfo) -> ProgressOverview:
    return ProgressOverview(
        spikes_logged=progress.spikes_logged,
        chart_unit=progress.chart_unit,
        chart=progress.chart,
        trend=progress.trend,
        trend_words=progress.trend_words,
        logging_gap=progress.logging_gap,
    )


# --- weeks and the chart ---------------------------------------------------------------------


def _week_row(w: SpikeWeek, today: dt.date, near: Callable[[dt.date], bool]) -> WeekRow:
    return WeekRow(
        week_start=w.week_start,
        count=w.count,
        median_minutes=median_or_none(w.minutes),
        median_intensity=median_or_none(w.intensities),
        known_triggers=w.known_triggers,
        near_anniversary=near(w.week_start),
        complete=w.week_start < week_start(today),
    )


def chart_unit(weeks: Sequence[SpikeWeek]) -> ChartUnit:
    if len(weeks) <= MAX_WEEK_ROWS:
        return "week"
    months = {_bucket_start(w.week_start, "month") for w in weeks}
    return "month" if len(months) <= MAX_MONTH_ROWS else "quarter"


def chart_bars(
    bank: Bank,
    weeks: Sequence[SpikeWeek],
    today: dt.date,
    near: Callable[[dt.date], bool],
    setbacks: Sequence[Setback] = (),
) -> tuple[ChartUnit, list[ChartBar]]:
    """One bar per week, or per month / quarter when weeks would not fit on a screen."""
    unit = chart_unit(weeks)
    groups: dict[dt.date, list[SpikeWeek]] = {}
    for w in weeks:
        groups.setdefault(_bucket_start(w.week_start, unit), []).append(w)
    labels = bank.progress.labels
    setback_at = {s.week_start: s.label for s in setbacks}
    # One note per row: the anniversary explains most, then a named trigger.
    found_order = [labels.setback_anniversary, labels.setback_trigger, labels.setback_other]
    bars = []
    for start, members in groups.items():
        found = [setback_at[w.week_start] for w in members if w.week_start in setback_at]
        notes = [min(found, key=found_order.index)] if found else []
        if not notes and any(near(w.week_start) for w in members):
            notes.append(labels.anniversary)
        if start == _bucket_start(week_start(today), unit):  # this week, month or quarter
            notes.append(labels.so_far)
        bars.append(_bar(_bucket_label(start, unit), start, members, notes))
    return unit, bars


def _bucket_start(week: dt.date, unit: ChartUnit) -> dt.date:
    if unit == "week":
        return week
    thursday = week + dt.timedelta(days=3)  # a week belongs to the month holding most of it
    if unit == "month":
        return thursday.replace(day=1)
    return dt.date(thursday.year, 3 * ((thursday.month - 1) // 3) + 1, 1)


def _bucket_label(start: dt.date, unit: ChartUnit) -> str:
    if unit == "week":
        return start.isoformat()
    if unit == "month":
        return wording.month(start)
    return f"{start.year} Q{(start.month - 1) // 3 + 1}"


def _bar(label: str, start: dt.date, members: Sequence[SpikeWeek], notes: list[str]) -> ChartBar:
    stats = _pooled(label, members)
    return ChartBar(
        label=label,
        start=start,
        weeks=stats.weeks,
        count=stats.count,
        per_week=stats.per_week,
        median_minutes=stats.median_minutes,
        median_intensity=stats.median_intensity,
        notes=notes,
    )


def _pooled(label: str, members: Sequence[SpikeWeek]) -> PeriodStats:
    """Totals and medians over every spike in these weeks (not a median of medians)."""
    count = sum(w.count for w in members)
    return PeriodStats(
        label=label,
        first_week=members[0].week_start,
        weeks=len(members),
        count=count,
        per_week=round(count / len(members), 1),
        median_minutes=median_or_none([m for w in members for m in w.minutes]),
        median_intensity=median_or_none([i for w in members for i in w.intensities]),
    )


# --- comparisons -----------------------------------------------------------------------------


def comparisons(done: Sequence[SpikeWeek]) -> list[PeriodStats]:
    """The first month, the four weeks before the last four, and the last four (when known).

    Ordered oldest first; the last entry is always the last four weeks when there is one.
    """
    if len(done) < BLOCK:
        return []
    out: list[PeriodStats] = []
    if len(done) >= 3 * BLOCK:
        out.append(_pooled("first 4 weeks", done[:BLOCK]))
    if len(done) >= 2 * BLOCK:
        out.append(_pooled("4 weeks before", done[-2 * BLOCK : -BLOCK]))
    out.append(_pooled("last 4 weeks", done[-BLOCK:]))
    return out


# --- setbacks and triggers -------------------------------------------------------------------


def _anniversary_test(discovered: dt.date | None) -> Callable[[dt.date], bool]:
    """Is a week within a week of an anniversary? (The days around it count as well.)"""
    if discovered is None:
        return lambda _week: False

    def near(week: dt.date) -> bool:
        # The window can cross New Year; years past the calendar's ends (from an old backup,
        # say) have no anniversary. Differences of dates never overflow, sums can.
        years = range(max(dt.MINYEAR, week.year - 1), min(dt.MAXYEAR, week.year + 1) + 1)
        candidates = (timeline.anniversary_in(discovered, y) for y in years)
        return any(discovered < day and -7 <= (day - week).days <= 13 for day in candidates)

    return near


def find_setbacks(
    bank: Bank, done: Sequence[SpikeWeek], near: Callable[[dt.date], bool]
) -> list[Setback]:
    """Weeks clearly above the four before them, each with its most likely reason."""
    labels = bank.progress.labels
    found: list[Setback] = []
    for i in range(BLOCK, len(done)):
        usual = float(statistics.median(w.count for w in done[i - BLOCK : i]))
        week = done[i]
        if week.count < max(usual * 1.5, usual + 2):
            continue
        reason: Literal["anniversary", "trigger", "other"]
        if near(week.week_start):
            reason, label = "anniversary", labels.setback_anniversary
        elif week.known_triggers * 2 >= week.count:
            reason, label = "trigger", labels.setback_trigger
        else:
            reason, label = "other", labels.setback_other
        found.append(Setback(week_start=week.week_start, count=week.count, usual=usual,
                             reason=reason, label=label))  # fmt: skip
    return found


def trigger_counts(bank: Bank, counts: dict[str, int]) -> list[TriggerCount]:
    """Known triggers, most common first; the person's own words are counted, not listed."""
    named = {t: 0 for t in TRIGGERS if t != UNKNOWN_TRIGGER}
    own = 0
    for trigger, n in counts.items():
        if trigger in named:
            named[trigger] += n
        elif is_known_trigger(trigger):
            own += n
    ordered = sorted(((t, n) for t, n in named.items() if n), key=lambda tn: -tn[1])
    if own:
        ordered.append((bank.progress.labels.own_words, own))
    return [TriggerCount(trigger=t, count=n) for t, n in ordered]
