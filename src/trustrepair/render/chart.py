"""An inline SVG bar chart of distrust spikes per week: no fonts, scripts or files to load."""

from __future__ import annotations

from html import escape

from trustrepair.models import ProgressInfo

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720, 240, 44, 34, 12


def spikes_svg(progress: ProgressInfo) -> str:
    bars = progress.chart
    if not bars:
        return ""
    peak = max(max(b.per_week for b in bars), 1.0)
    plot_w, plot_h = WIDTH - LEFT - 8, HEIGHT - BOTTOM - TOP
    step = plot_w / len(bars)
    label_every = max(1, round(len(bars) / 8))
    parts = [_axis(peak, plot_h)]
    for i, bar in enumerate(bars):
        h = plot_h * bar.per_week / peak
        x = LEFT + i * step
        cls = "bar setback" if bar.notes else "bar"
        title = f"{bar.label}: {bar.per_week:g} a week" + (
            f" ({', '.join(bar.notes)})" if bar.notes else ""
        )
        parts.append(
            f'<rect class="{cls}" x="{x + step * 0.12:.1f}" y="{TOP + plot_h - h:.1f}" '
            f'width="{step * 0.76:.1f}" height="{h:.1f}"><title>{escape(title)}</title></rect>'
        )
        if i % label_every == 0:
            parts.append(
                f'<text class="tick" x="{x + step / 2:.1f}" y="{HEIGHT - BOTTOM + 16}" '
                f'text-anchor="middle">{escape(bar.label)}</text>'
            )
    label = f"Spikes of distrust per week, by {progress.chart_unit}: {progress.trend_words}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{escape(label)}" class="chart">{"".join(parts)}</svg>'
    )


def _axis(peak: float, plot_h: float) -> str:
    base = TOP + plot_h
    lines = [f'<line class="axis" x1="{LEFT}" y1="{base}" x2="{WIDTH - 8}" y2="{base}"/>']
    for frac in (0.5, 1.0):
        y = base - plot_h * frac
        lines.append(f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - 8}" y2="{y:.1f}"/>')
        lines.append(
            f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{peak * frac:.3g}</text>"
        )
    return "".join(lines)
