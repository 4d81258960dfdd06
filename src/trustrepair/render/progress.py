"""Rich views of spikes and progress: the chart, the comparisons, the one-line summary.

Bars are drawn with block characters, so the chart reads the same with NO_COLOR, in a file or at
80 columns. Every piece of text goes in as Text, never as markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from trustrepair import messages
from trustrepair.models import (
    ChartBar,
    PeriodStats,
    ProgressInfo,
    ProgressOverview,
    TrendDetail,
    TriggerCount,
)
from trustrepair.render import words
from trustrepair.render.terminal import alert_panel, guidance_block
from trustrepair.spikes import ALPHA

EIGHTHS = " ▏▎▍▌▋▊▉"
TREND_STYLE = {"falling": "green", "flat": "yellow", "rising": "yellow", "insufficient_data": "dim"}
UNIT_HEADER = {"week": "Week", "month": "Month", "quarter": "Quarter"}


def bar(value: float, top: float, width: int) -> str:
    """A horizontal bar in eighths of a character; any value above zero shows at least a sliver."""
    if top <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / top * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")


class SpikeChart:
    """The weekly (or monthly) chart; the bar width follows the space the console has."""

    def __init__(self, bars: Sequence[ChartBar], unit: str) -> None:
        self.bars = bars
        self.unit = unit

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # Label, numbers and a note of 21 characters take 64 columns; the bar gets the rest.
        yield self.table(max(10, min(40, options.max_width - 64)))

    def table(self, width: int) -> Table:
        per_week = self.unit != "week"
        table = _table()
        table.add_column(UNIT_HEADER[self.unit], no_wrap=True)
        table.add_column("", no_wrap=True, min_width=width)
        table.add_column("Per\nweek" if per_week else "Spikes", justify="right", no_wrap=True)
        table.add_column("Median\nminutes", justify="right", no_wrap=True)
        table.add_column("Median\nintensity", justify="right", no_wrap=True)
        table.add_column("Notes", min_width=12)
        top = max((b.per_week for b in self.bars), default=0.0)
        for b in self.bars:
            table.add_row(
                Text(b.label),
                Text(bar(b.per_week, top, width), style="cyan"),
                Text(words.number(b.per_week) if per_week else str(b.count)),
                Text(words.whole(b.median_minutes)),
                Text(words.number(b.median_intensity)),
                Text(", ".join(b.notes), style="dim"),
            )
        return table


def _table() -> Table:
    # One space of padding plus the blank column rule: two spaces between columns.
    return Table(box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), show_edge=False, expand=False)


def trend_text(trend: str, said: str) -> Text:
    return Text(said, style=f"bold {TREND_STYLE.get(trend, '')}".strip())


def trend_detail(detail: TrendDetail, trend: str, comparisons: Sequence[PeriodStats] = ()) -> Text:
    """The data behind the trend words, in one sentence; never a rate of 0 next to a change."""
    slope, p = detail.slope_per_week, detail.p_value
    if slope is None or p is None:
        too_few = messages.TREND_TOO_FEW_WEEKS
        return Text(too_few.format(needed=detail.weeks_needed, used=detail.weeks_used), style="dim")
    if trend in messages.TREND_MOVE_WORDS:
        what = _change(trend, slope, comparisons)
    elif p < ALPHA:
        what = (
            messages.TREND_DRIFTS.format(rate=words.change_rate(slope))
            if slope
            else messages.TREND_SHIFTS
        )
    else:
        what = messages.TREND_NO_STEADY_CHANGE
    sentence = messages.TREND_OVER_WEEKS.format(weeks=detail.weeks_used, what=what)
    return Text(sentence, style="dim")


def _change(trend: str, slope: float, comparisons: Sequence[PeriodStats]) -> str:
    moves, goes = messages.TREND_MOVE_WORDS[trend]
    if slope:
        return messages.TREND_MOVES.format(moves=moves, rate=words.change_rate(slope))
    # Most pairs of weeks tie (many empty weeks), so the median slope is 0: give the levels.
    what = messages.TREND_MOVES_TIED.format(moves=goes)
    if len(comparisons) >= 2:
        early, late = comparisons[0], comparisons[-1]
        what += messages.TREND_TIED_COMPARED.format(
            late=late.label, late_rate=words.number(late.per_week),
            early=early.label, early_rate=words.number(early.per_week),
        )  # fmt: skip
    return what


def overview_line(overview: ProgressOverview) -> RenderableType:
    """The summary's progress section: the chart in one line, then the trend in words."""
    if not overview.spikes_logged:
        return Text(messages.PROGRESS_NONE_YET, style="dim")
    first, last = (
        _short(b.start, overview.chart_unit) for b in (overview.chart[0], overview.chart[-1])
    )
    line = Text.assemble(
        f"{first} ",
        (words.sparkline(overview.chart), "cyan"),
        f" {last}  ",
        trend_text(overview.trend, overview.trend_words),
    )
    gap = overview.logging_gap
    return line if gap is None else Group(line, Text(gap.text))


def _short(start: dt.date, unit: str) -> str:
    return words.week_label(start) if unit == "week" else words.month(start)


def comparison_table(periods: Iterable[PeriodStats]) -> Table:
    table = _table()
    table.add_column("Compared", no_wrap=True)
    table.add_column("From", no_wrap=True)
    table.add_column("Per\nweek", justify="right")
    table.add_column("Median\nminutes", justify="right")
    table.add_column("Median\nintensity", justify="right")
    for p in periods:
        table.add_row(
            Text(p.label),
            Text(words.day(p.first_week)),
            Text(words.number(p.per_week)),
            Text(words.whole(p.median_minutes)),
            Text(words.number(p.median_intensity)),
        )
    return table


def triggers_line(triggers: Sequence[TriggerCount], total: int) -> Text:
    named = ", ".join(f"{t.trigger} {t.count}" for t in triggers)
    known = sum(t.count for t in triggers)
    return Text.assemble(
        ("Known triggers: ", "bold"),
        messages.PROGRESS_KNOWN_TRIGGERS.format(known=known, total=total, named=named),
        (messages.PROGRESS_TRIGGERS_EXPECTED, "dim"),
    )


def progress_view(info: ProgressInfo, *, brief: bool = False) -> RenderableType:
    """The whole progress view; `brief` keeps the trend and the chart (one screen)."""
    parts: list[RenderableType] = [] if brief else [alert_panel(a) for a in info.stops]
    parts.append(Rule(Text("Spikes of distrust", style="bold"), align="left"))
    if not info.spikes_logged:
        parts.append(Text(messages.PROGRESS_NONE_YET, style="dim"))
        parts.append(guidance_block(info.guidance))
        return Group(*parts)
    first, last = info.first_spike_local, info.last_spike_local
    if first is not None and last is not None:
        span = messages.PROGRESS_SPAN.format(
            n=info.spikes_logged, first=words.day(first), last=words.day(last)
        )
        parts.append(Text(span, style="dim"))
    parts.append(Text.assemble(("Trend: ", "bold"), trend_text(info.trend, info.trend_words)))
    gap = info.logging_gap
    if gap is not None:  # next to the trend it qualifies, before the numbers behind it
        parts.append(Text(gap.text))
    parts.append(trend_detail(info.trend_detail, info.trend, info.comparisons))
    parts.append(Text(""))
    if info.chart_unit != "week":
        parts.append(Text(messages.PROGRESS_ROW_PER.format(unit=info.chart_unit), style="dim"))
    parts.append(SpikeChart(info.chart, info.chart_unit))
    if brief:
        return Group(*parts)
    if info.comparisons:
        parts += [Text(""), comparison_table(info.comparisons)]
    if info.triggers:
        parts += [Text(""), triggers_line(info.triggers, info.spikes_logged)]
    parts.append(Text(""))
    parts.append(guidance_block(info.guidance))
    return Group(*parts)
