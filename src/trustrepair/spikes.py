"""Spikes of distrust: checked input, weekly tallies and a trend that noise does not fool.

Pure functions, standard library only. The trend is a Mann-Kendall test on weekly counts (is
there a monotonic direction at all?) with a Theil-Sen slope (how steep, robust to a few wild
weeks such as an anniversary). Both are small enough to read in full below.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from trustrepair import messages
from trustrepair.errors import BadInputError
from trustrepair.models import Spike, SpikeWeek, local_offset_minutes
from trustrepair.plain import out_of_bounds
from trustrepair.text import has_control
from trustrepair.vocab import Trend

# The article's named triggers, with the spellings people are likely to type.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "anniversary": ("anniversary",),
    "reminder": ("reminder", "reminded"),
    "new stressor": ("new stressor", "new_stressor", "new-stressor", "stressor", "stress"),
    "partner's behaviour": (
        "partner's behaviour",
        "partners behaviour",
        "partner's behavior",
        "partners behavior",
        "partner",
        "partner_behaviour",
        "partner-behaviour",
        "behaviour",
        "behavior",
    ),
    "unknown": ("unknown", "not sure", "don't know", "dont know"),
}
UNKNOWN_TRIGGER = "unknown"
ANNIVERSARY_TRIGGER = "anniversary"
TRIGGER_MAX = 200  # the same limits as the Spike model, checked first for a clear message
NOTE_MAX = 2000

MIN_WEEKS = 6  # Mann-Kendall cannot reach significance on fewer points without strict order
MIN_SPIKES = 5
# Three full weeks with nothing logged is more than a quiet spell early on; it may mean the
# logging stopped, which the counts alone cannot tell apart from the spikes stopping.
QUIET_WEEKS = 3
ALPHA = 0.05
MIN_RELATIVE_CHANGE = 0.2  # a "significant" change of under 20% of the usual level is no change
# Both tests compare every pair of weeks, so the trend reads the latest three years (the
# article's longest horizon); older weeks are still drawn, and the cost stays bounded.
TREND_WINDOW_WEEKS = 156


# --- input -----------------------------------------------------------------------------------


def canonical_trigger(text: str | None) -> str | None:
    """A named trigger in one spelling, or the person's own words (trimmed), or None."""
    if text is None or not text.strip():
        return None
    typed = " ".join(text.split())
    key = typed.lower().replace("\u2019", "'")
    for name, spellings in TRIGGERS.items():
        if key in spellings:
            return name
    if len(typed) > TRIGGER_MAX:
        raise BadInputError(messages.SPIKE_TRIGGER_TOO_LONG.format(max=TRIGGER_MAX))
    if has_control(typed):
        raise BadInputError(messages.SPIKE_TRIGGER_CONTROL)
    return typed


def clean_note(text: str | None) -> str | None:
    note = (text or "").strip()
    if len(note) > NOTE_MAX:
        raise BadInputError(messages.SPIKE_NOTE_TOO_LONG.format(max=NOTE_MAX))
    if has_control(note):
        raise BadInputError(messages.SPIKE_NOTE_CONTROL)
    return note or None


def is_known_trigger(trigger: str | None) -> bool:
    return trigger is not None and trigger != UNKNOWN_TRIGGER


def new_spike(
    at: dt.datetime,
    *,
    minutes: int | None = None,
    intensity: int | None = None,
    trigger: str | None = None,
    note: str | None = None,
) -> Spike:
    """A spike ready to store: UTC time plus the offset that was local at that moment.

    Text is checked here with messages that name the option; the record's annotated limits
    are a backstop, turned into one line that names the fields and never the text.
    """
    trigger, note = canonical_trigger(trigger), clean_note(note)
    offset = at.utcoffset()
    offset_minutes = (
        int(offset.total_seconds() // 60) if offset is not None else local_offset_minutes(at)
    )
    spike = Spike(
        at_utc=at.astimezone(dt.UTC),
        utc_offset_minutes=offset_minutes,
        minutes=minutes,
        intensity=intensity,
        trigger=trigger,
        note=note,
    )
    names = sorted(out_of_bounds(spike))
    if names:
        raise BadInputError(messages.SPIKE_NOT_VALID.format(fields=", ".join(names)))
    return spike


# --- weeks -----------------------------------------------------------------------------------


def spike_weeks(
    rows: Iterable[tuple[dt.date, int, Sequence[int], Sequence[int], Sequence[str]]],
) -> list[SpikeWeek]:
    """The store's weekly rows as weeks; a trigger counts as known unless it is 'unknown'."""
    return [
        SpikeWeek(
            start,
            n,
            tuple(minutes),
            tuple(intensities),
            sum(t != UNKNOWN_TRIGGER for t in triggers),
        )
        for start, n, minutes, intensities, triggers in rows
    ]


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def fill_weeks(tallies: Sequence[SpikeWeek], today: dt.date) -> list[SpikeWeek]:
    """Every week from the first logged one to this week; weeks with nothing logged count 0."""
    if not tallies:
        return []
    by_week = {t.week_start: t for t in tallies}
    start, end = min(by_week), max(week_start(today), max(by_week))
    weeks = (start + dt.timedelta(weeks=i) for i in range((end - start).days // 7 + 1))
    return [by_week.get(w, SpikeWeek(w, 0)) for w in weeks]


def complete_weeks(weeks: Sequence[SpikeWeek], today: dt.date) -> list[SpikeWeek]:
    """Weeks that are over: this week's count so far would read as a drop."""
    current = week_start(today)
    return [w for w in weeks if w.week_start < current]


def trailing_empty_weeks(weeks: Sequence[SpikeWeek]) -> int:
    """How many of the latest weeks have nothing logged."""
    empty = 0
    for week in reversed(weeks):
        if week.count:
            break
        empty += 1
    return empty


def median_or_none(values: Sequence[float]) -> float | None:
    return round(float(statistics.median(values)), 1) if values else None


# --- trend -----------------------------------------------------------------------------------


def theil_sen_slope(values: Sequence[float]) -> float:
    """Median of the slopes between every pair of points (x = 0, 1, 2, ...)."""
    slopes = [
        (values[j] - values[i]) / (j - i)
        for i in range(len(values))
        for j in range(i + 1, len(values))
    ]
    return float(statistics.median(slopes)) if slopes else 0.0


@dataclass(frozen=True)
class MannKendall:
    s: int
    z: float
    p: float


def mann_kendall(values: Sequence[float]) -> MannKendall:
    """Two-sided Mann-Kendall test with the tie correction and a continuity correction."""
    n = len(values)
    s = sum(
        (values[j] > values[i]) - (values[j] < values[i]) for i in range(n) for j in range(i + 1, n)
    )
    ties = [c for c in _group_sizes(values) if c > 1]
    variance = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties)) / 18
    if variance <= 0:
        return MannKendall(s, 0.0, 1.0)
    z = (s - math.copysign(1, s)) / math.sqrt(variance) if s else 0.0
    return MannKendall(s, z, math.erfc(abs(z) / math.sqrt(2)))


def _group_sizes(values: Sequence[float]) -> list[int]:
    counts: dict[float, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return list(counts.values())


@dataclass(frozen=True)
class TrendEstimate:
    trend: Trend
    weeks: int
    slope: float | None = None
    p: float | None = None


def weekly_trend(counts: Sequence[int]) -> TrendEstimate:
    """Falling, flat or rising, from the latest complete weekly counts (at most three years)."""
    counts = counts[-TREND_WINDOW_WEEKS:]
    if len(counts) < MIN_WEEKS or sum(counts) < MIN_SPIKES:
        return TrendEstimate("insufficient_data", len(counts))
    test = mann_kendall(counts)
    slope = theil_sen_slope(counts)
    estimate = TrendEstimate("flat", len(counts), round(slope, 3), round(test.p, 4))
    if test.p >= ALPHA or not _large_enough(counts, slope):
        return estimate
    return TrendEstimate(
        "falling" if test.s < 0 else "rising", len(counts), estimate.slope, estimate.p
    )


def _large_enough(counts: Sequence[int], slope: float) -> bool:
    """Guard against a tiny but steady drift reading as change on a high level."""
    level = statistics.fmean(counts)
    if slope:
        change = abs(slope) * (len(counts) - 1)
    else:  # most pairs tied (e.g. many empty weeks): compare the two halves instead
        half = len(counts) // 2
        change = abs(statistics.fmean(counts[-half:]) - statistics.fmean(counts[:half]))
    return change >= MIN_RELATIVE_CHANGE * level
