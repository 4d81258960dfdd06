"""An inline SVG bar chart of distrust spikes per week: no fonts, scripts or files to load.

Harder stretches with an expected reason are told apart by more than colour: their bars are
banded and carry a triangle above them, so the difference survives black-and-white print.
The axis words live in HTML under the picture (see html.py), so they stay readable when the
picture shrinks to a phone's width.
"""

from __future__ import annotations

from html import escape

from trustrepair.models import ProgressInfo
from trustrepair.render import words

WIDTH, HEIGHT, LEFT, RIGHT, BOTTOM, TOP = 720, 130, 4, 4, 2, 18
STRIPE_EVERY, STRIPE = 7.0, 3.0
MAX_BAR = 60.0


def spikes_svg(progress: ProgressInfo, *, described_by: str = "") -> str:
    bars = progress.chart
    if not bars:
        return ""
    peak = max(max(b.per_week for b in bars), 1.0)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - BOTTOM - TOP
    step = plot_w / len(bars)
    parts = [_grid(plot_h)]
    for i, bar in enumerate(bars):
        h = plot_h * bar.per_week / peak
        w = min(step * 0.76, MAX_BAR)  # a short history keeps slim bars, not one slab
        x, y = LEFT + i * step + (step - w) / 2, TOP + plot_h - h
        setback = bool(bar.notes)
        title = f"{bar.label}: {words.number(bar.per_week)} a week" + (
            f" ({', '.join(bar.notes)})" if setback else ""
        )
        parts.append(
            f'<rect class="{"bar setback" if setback else "bar"}" x="{x:.1f}" y="{y:.1f}" '
            f'width="{w:.1f}" height="{h:.1f}"><title>{escape(title)}</title></rect>'
        )
        if setback:
            parts.append(_stripes(x, y, w, h))
            cx = x + w / 2
            parts.append(f'<path class="flag" d="M{cx - 6:.1f} {y - 14:.1f} h12 l-6 10 z"/>')
    described = f' aria-describedby="{escape(described_by)}"' if described_by else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{escape(chart_summary(progress))}"{described} '
        f'class="chart">{"".join(parts)}</svg>'
    )


def chart_summary(progress: ProgressInfo) -> str:
    """The chart in words: its span, where it starts, peaks and ends, and the trend."""
    bars = progress.chart
    top = max(bars, key=lambda b: b.per_week)
    marked = sum(1 for b in bars if b.notes)
    flagged = (
        f" {words.plural(marked, 'harder stretch', 'harder stretches')} marked." if marked else ""
    )
    return (
        f"Spikes of distrust per week, by {progress.chart_unit}, {bars[0].label} to "
        f"{bars[-1].label}: {words.number(bars[0].per_week)} a week at first, the most "
        f"{words.number(top.per_week)} in {top.label}, {words.number(bars[-1].per_week)} "
        f"at the end; {progress.trend_words}.{flagged}"
    )


def _stripes(x: float, y: float, w: float, h: float) -> str:
    """Dark bands across a highlighted bar: a pattern that needs no colour (and no url())."""
    bands = []
    top = y + STRIPE_EVERY - STRIPE
    while top + STRIPE <= y + h:
        bands.append(
            f'<rect class="stripe" x="{x:.1f}" y="{top:.1f}" width="{w:.1f}" height="{STRIPE}"/>'
        )
        top += STRIPE_EVERY
    return "".join(bands)


def peak_of(progress: ProgressInfo) -> float:
    return max(max((b.per_week for b in progress.chart), default=0.0), 1.0)


def _grid(plot_h: float) -> str:
    base = TOP + plot_h
    lines = [f'<line class="axis" x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}"/>']
    for frac in (0.5, 1.0):
        y = base - plot_h * frac
        lines.append(
            f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>'
        )
    return "".join(lines)
