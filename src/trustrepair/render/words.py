"""How every view writes days, times, counts, statuses and credits: one vocabulary, no Rich.

A person sees one style everywhere: a day as "1 Dec 2026", a time as "22:48", a month as
"Dec 2026". JSON keeps ISO dates; nothing else formats a date for a person.

The terminal, Markdown, HTML and the sentences the domain builds (stop evidence, the logging
gap) all take their words from here, so a date or a status never reads two ways.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from trustrepair.models import ChartBar, Export, MarkerView, Tally, WeekTally

# --- days and times -------------------------------------------------------------------------


def day(when: dt.date | dt.datetime) -> str:
    """14 Sep 2025: the one form of a day."""
    return f"{when.day} {when:%b %Y}"


def around_month(when: dt.date | dt.datetime) -> str:
    """around Sep 2025: a date known only to the month."""
    return f"around {month(when)}"


def rough_day(when: dt.date | dt.datetime, *, approximate: bool) -> str:
    """The day, or only its month when that is all that is known."""
    return around_month(when) if approximate else day(when)


def weekday(when: dt.date | dt.datetime) -> str:
    """Mon 14 Sep 2025: when the day of the week helps (records, spikes)."""
    return f"{when:%a} {day(when)}"


def short_weekday(when: dt.date | dt.datetime) -> str:
    """Mon 14 Sep: a day this year, in a sentence."""
    return f"{when:%a} {when.day} {when:%b}"


def clock(when: dt.datetime) -> str:
    return f"{when:%H:%M}"


def moment(when: dt.datetime) -> str:
    """14 Sep 2025, 21:30."""
    return f"{day(when)}, {clock(when)}"


def month(when: dt.date | dt.datetime) -> str:
    """Sep 2025."""
    return f"{when:%b %Y}"


def month_name(when: dt.date | dt.datetime) -> str:
    """Sep: above its year in a narrow column."""
    return f"{when:%b}"


def year(when: dt.date | dt.datetime) -> str:
    return str(when.year)


def week_label(start: dt.date) -> str:
    """14 Sep: a week in a chart, by its Monday."""
    return f"{start.day} {start:%b}"


# --- counts and durations -------------------------------------------------------------------


def plural(n: int, word: str, many: str | None = None) -> str:
    """1 month, 2 months; `many` for irregular plurals."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def checking_count(n: int) -> str:
    """1 describes checking and is not counted as evidence; 2 describe ... and are ..."""
    from trustrepair import messages

    described = plural(n, "describes", "describe")
    return messages.MARKERS_CHECKING_COUNT.format(
        described=described, are="is" if n == 1 else "are"
    )


def export_notice(export: Export) -> str:
    """What a --no-notes export left out, and that marker wording stays unless asked."""
    from trustrepair import messages

    if export.includes_notes:
        return ""
    if export.includes_marker_words:
        return messages.EXPORT_NOTES_LEFT_OUT
    return messages.EXPORT_NOTES_AND_MARKERS_LEFT_OUT


def export_messages(export: Export, *, encrypted: bool, notes: bool) -> list[str]:
    """What to say on stderr before an export is written: plaintext, notes in or left out.

    notes: whether the export carries words the person wrote (records included)."""
    from trustrepair import messages

    said = [messages.EXPORT_PLAINTEXT] if encrypted else []
    if not export.includes_notes:
        said.append(export_notice(export))
    elif notes:
        said.append(messages.EXPORT_HAS_NOTES)
    return said


def months_ago(n: int) -> str:
    return "less than a month ago" if n < 1 else f"{plural(n, 'month')} ago"


def in_days(n: int) -> str:
    return "today" if n == 0 else ("tomorrow" if n == 1 else f"in {n} days")


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def tally(shown: int, recorded: int) -> str:
    """3 of 4; a dash when nothing was recorded."""
    return "–" if recorded == 0 else f"{shown} of {recorded}"


def number(value: float | None) -> str:
    """A figure in a table: whole numbers bare, others to one decimal, a dash for none."""
    if value is None:
        return "–"
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def whole(value: float | None) -> str:
    """Minutes in a view: a whole number (101.5 reads as 102), a dash for none."""
    return "–" if value is None else f"{math.floor(value + 0.5)}"


def two_figures(value: float, *, signed: bool = False) -> str:
    """Two significant figures and no exponent (0.26, -0.0041, 12); zero is plain 0."""
    if value == 0:
        return "0"
    decimals = max(0, 1 - math.floor(math.log10(abs(value))))
    return f"{value:+.{decimals}f}" if signed else f"{value:.{decimals}f}"


WEEKS_PER_MONTH: Final = 365.25 / 12 / 7
WEEKS_PER_YEAR: Final = 365.25 / 7
RATE_EACH: Final = "{amount} each {unit}"


def change_rate(slope_per_week: float) -> str:
    """How fast the weekly count moves, per week, month or year: whichever reads as a number."""
    size = abs(slope_per_week)
    for per, unit in ((1.0, "week"), (WEEKS_PER_MONTH, "month")):
        if size * per >= 0.1:
            return RATE_EACH.format(amount=two_figures(size * per), unit=unit)
    return RATE_EACH.format(amount=two_figures(size * WEEKS_PER_YEAR), unit="year")


def p_text(p: float) -> str:
    return "p < 0.001" if p < 0.001 else f"p = {p:.3g}"


# --- the chart in one line ---------------------------------------------------------------

SPARKS: Final = "▁▂▃▄▅▆▇█"
SPARK_LIMIT: Final = 24  # the one-line chart stays on one line at 80 columns


def sparkline(bars: Sequence[ChartBar], limit: int = SPARK_LIMIT) -> str:
    """The chart in one line of block characters; a dot for a week with nothing logged."""
    values = _squeeze([(b.per_week, b.weeks) for b in bars], limit)
    top = max(values, default=0.0)
    if top <= 0:
        return "·" * len(values)
    return "".join("·" if v <= 0 else SPARKS[min(7, int(v / top * 7.999))] for v in values)


def _squeeze(points: list[tuple[float, int]], limit: int) -> list[float]:
    """Merge neighbours (weighted by weeks) until at most `limit` points remain."""
    if len(points) <= limit:
        return [v for v, _ in points]
    size = -(-len(points) // limit)
    merged = []
    for i in range(0, len(points), size):
        chunk = points[i : i + size]
        weeks = sum(w for _, w in chunk)
        merged.append(sum(v * w for v, w in chunk) / weeks if weeks else 0.0)
    return merged


# One glyph per week, by the share shown: under a quarter, under half, under three quarters, more.
LEVELS: Final = "▁▃▅▇"
NO_RECORDS: Final = "·"
WEEKS_LEGEND: Final = (
    f"Weekly strip, oldest to newest: {LEVELS[0]} few or none shown … {LEVELS[-1]} all or "
    f"nearly all shown, {NO_RECORDS} nothing recorded that week."
)


def marker_figures(view: MarkerView) -> tuple[str, str, str, str]:
    """30 days, 90 days, since added and the weekly strip; a checking marker is not counted."""
    if view.checking:
        from trustrepair import messages

        return (messages.MARKER_NOT_COUNTED, "–", "–", "–")
    c = view.consistency
    figures = [c.last_30_days, c.last_90_days, c.since_added]
    shown = [tally(t.shown, t.recorded) for t in figures]
    return (shown[0], shown[1], shown[2], week_strip(c.weeks) or "–")


def week_glyph(week: WeekTally | Tally) -> str:
    if week.recorded == 0:
        return NO_RECORDS
    level = min(int(week.shown / week.recorded * len(LEVELS)), len(LEVELS) - 1)
    return LEVELS[level]


def week_strip(weeks: Iterable[WeekTally]) -> str:
    return "".join(week_glyph(w) for w in weeks)


# --- statuses and roles ---------------------------------------------------------------------

# A mark and a colour per status. The words themselves come from the bank's status_labels, and
# every view prints the word next to the mark, so nothing depends on seeing the symbol.
STATUS_MARK: Final[dict[str, tuple[str, str]]] = {
    "in_place": ("●", "green"),
    "partial": ("◐", "yellow"),
    "not_yet": ("○", "red"),
    "unclear": ("?", "magenta"),
}
NOTE_MARK: Final = "✎"
WARNING_MARK: Final = "!"


def mark(status: str) -> str:
    return STATUS_MARK.get(status, ("·", ""))[0]


def colour(status: str) -> str:
    return STATUS_MARK.get(status, ("·", ""))[1]


# Short role names for narrow table columns (the bank's role_labels are the long form).
ROLE_SHORT: Final = {"affected": "affected", "betraying": "broke trust"}


# --- the article's credit -------------------------------------------------------------------

ARTICLE: Final = "the article"


def credit(number: int) -> str:
    """The quiet credit under one guidance entry, by the part's fixed number; the parts are named
    once, at the end."""
    return f"article, part {number}"


def named_credit(source: str | None) -> str:
    """The credit where a view shows one or two entries: the part named in place (none for
    trustrepair's own words)."""
    return "" if source is None else f"from {ARTICLE}: {source}"


def credits_line(parts_used: list[tuple[int, str]]) -> str:
    """The key: each part credited, by its fixed number (its place among the headings)."""
    parts = "; ".join(f"{n} {title}" for n, title in parts_used)
    return f"Guidance drawn from {ARTICLE}, by part: {parts}."
