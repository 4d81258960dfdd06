"""Progress over time: weeks of spikes, the chart, the trend and what stands out."""

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from trustrepair.models.base import Record
from trustrepair.models.report_parts import AlertItem, GuidanceItem
from trustrepair.plain import field
from trustrepair.vocab import Trend


@dataclass(frozen=True, slots=True)
class SpikeWeek:
    """One local week (Monday start) of spikes, summed: no row-per-spike models."""

    week_start: dt.date
    count: int
    minutes: tuple[int, ...] = ()
    intensities: tuple[int, ...] = ()
    known_triggers: int = 0


class WeekRow(Record):
    """One local week, Monday to Sunday. Medians are None when nothing was recorded."""

    week_start: dt.date
    count: int
    median_minutes: float | None
    median_intensity: float | None
    known_triggers: int = 0
    near_anniversary: bool = False
    complete: bool = True


class ChartBar(Record):
    """One row of the chart: a week, or a month or quarter when the history is long."""

    label: str
    start: dt.date
    weeks: int
    count: int
    per_week: float
    median_minutes: float | None
    median_intensity: float | None
    notes: list[str] = field(default_factory=list)


class PeriodStats(Record):
    label: str
    first_week: dt.date
    weeks: int
    count: int
    per_week: float
    median_minutes: float | None
    median_intensity: float | None


class Setback(Record):
    """A week well above the weeks before it, with the likely reason; never called a failure."""

    week_start: dt.date
    count: int
    usual: float
    reason: Literal["anniversary", "trigger", "other"]
    label: str


class TriggerCount(Record):
    trigger: str
    count: int


class TrendDetail(Record):
    weeks_used: int
    weeks_needed: int
    slope_per_week: float | None = None
    p_value: float | None = None
    method: str = "Theil-Sen slope and Mann-Kendall test on weekly counts (complete weeks)"


class LoggingGap(Record):
    """The latest full weeks (and this one so far) have nothing logged."""

    last_spike: dt.date
    empty_weeks: int
    text: str


class ProgressInfo(Record):
    spikes_logged: int
    first_spike_local: dt.datetime | None
    last_spike_local: dt.datetime | None
    weeks: list[WeekRow]
    chart_unit: Literal["week", "month", "quarter"]
    chart: list[ChartBar]
    trend: Trend
    trend_words: str
    trend_detail: TrendDetail
    comparisons: list[PeriodStats]
    setbacks: list[Setback]
    triggers: list[TriggerCount]
    stops: list[AlertItem]
    guidance: list[GuidanceItem]
    logging_gap: LoggingGap | None = None


class ProgressOverview(Record):
    """The summary's progress section: the chart in one line and the trend in words."""

    spikes_logged: int
    chart_unit: Literal["week", "month", "quarter"]
    chart: list[ChartBar]
    trend: Trend
    trend_words: str
    logging_gap: LoggingGap | None = None
