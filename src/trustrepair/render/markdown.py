"""The Markdown export: the summary as a clean CommonMark document for a therapist."""

from __future__ import annotations

import re

from trustrepair.models import (
    AlertItem,
    AreaResult,
    Export,
    GuidanceItem,
    MarkersSection,
    ProgressInfo,
    Report,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&])")
_LINE_START = re.compile(r"^(\s*\d*)([-+=.)])", re.MULTILINE)


def esc(text: str) -> str:
    """Escape text so Markdown shows it literally: no links, HTML, emphasis, lists or headings."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return text.replace("\r", "").replace("\n", "  \n")


def _guidance(items: list[GuidanceItem]) -> list[str]:
    out: list[str] = []
    for g in items:
        out += [
            f"**{esc(g.title)}**",
            "",
            esc(g.text),
            "",
            *([f"*From the article: {esc(g.source)}*", ""] if g.source else []),
        ]
    return out


def _alert(alert: AlertItem) -> list[str]:
    lines = [f"> **{esc(alert.guidance.title)}**", ">", f"> {esc(alert.guidance.text)}"]
    if alert.evidence:
        lines += [">", f"> Because: {esc('; '.join(alert.evidence))}"]
    return [*lines, ""]


def _area(result: AreaResult) -> list[str]:
    lines = [f"### {esc(result.title)}: {esc(result.status_label)}", ""]
    if result.reasons:
        lines += ["| | Reason | Your answers |", "|---|---|---|"]
        for r in result.reasons:
            answers = "; ".join(f"{e.question}: {e.answer}" for e in r.evidence)
            lines.append(f"| {r.status.replace('_', ' ')} | {esc(r.text)} | {esc(answers)} |")
        lines.append("")
    return lines + _area_notes(result) + _guidance(result.guidance)


def _area_notes(result: AreaResult) -> list[str]:
    lines: list[str] = []
    for note in result.notes:
        lines += [f"✎ {esc(note.text)}", ""]
        if note.phrases:
            lines += ["; ".join(f"“{esc(p)}”" for p in note.phrases), ""]
        lines += [f"*{esc(note.caption)}*", ""]
    return lines


def _reflections(report: Report) -> list[str]:
    lines: list[str] = []
    for st in report.reflections:
        r = st.reflection
        lines += [f"## {esc(st.heading)}", "", esc(r.summary), ""]
        for f in r.flags:
            lines.append(
                f"- **{esc(f.label)}**: “{esc(f.phrase)}”. {esc(f.explanation)} "
                f"*(From the article: {esc(f.source)})*"
            )
        lines += [""] if r.flags else []
        if r.strengths:
            helps = "; ".join(f"**{esc(s.label)}** (“{esc(s.phrase)}”)" for s in r.strengths)
            lines += [f"What helps it carry weight: {helps}", ""]
        if r.not_found:
            missing = "; ".join(esc(g.label) for g in r.not_found)
            lines += [f"Not found in these words: {missing}", ""]
        lines += [f"*{esc(r.caveat)}*", ""]
    return lines


def _summary(report: Report) -> list[str]:
    ref = report.checkin
    lines = [
        f"Latest check-in: {ref.when_local:%d %B %Y, %H:%M}, answered as {esc(ref.role_label)}.",
        "",
    ]
    lines = [f"**{esc(report.opening)}**", "", *lines]
    for alert in reversed(report.safety):  # safety is said first
        lines = _alert(alert) + lines
    lines += ["## Where things stand", "", "| Area | Status |", "|---|---|"]
    areas = list(report.prerequisites.values()) + ([report.your_part] if report.your_part else [])
    lines += [f"| {esc(a.title)} | {esc(a.status_label)} |" for a in areas]
    lines.append("")
    for alert in report.warnings:
        lines += _alert(alert)
    for area in [] if report.safety_first else areas:
        lines += _area(area)
    lines += _own_part(report)
    lines += _reflections(report)
    return (
        lines + _timeline(report) + _notes(report) + ["## Support", "", *_guidance(report.support)]
    )


def _own_part(report: Report) -> list[str]:
    own = report.own_part
    if own is None:
        return []
    return [f"## {esc(own.title)}", "", esc(own.intro), "", *_guidance(own.guidance)]


def _horizon(report: Report) -> list[str]:
    h = report.timeline.horizon
    if h is None:
        return []
    return [esc(h.text), "", *([f"*From the article: {esc(h.source)}*", ""] if h.source else [])]


def _timeline(report: Report) -> list[str]:
    from trustrepair.dates import shown

    t = report.timeline
    lines = ["## Timeline", ""]
    if t.discovered is None:
        return [*lines, *_horizon(report), "No date recorded for when it came to light.", ""]
    lines += [
        f"- Came to light: {shown(t.discovered, approximate=t.discovered_approximate)}"
        f" ({t.months_elapsed} months ago)",
    ]
    if t.phase_title:
        lines.append(f"- Phase: {esc(t.phase_title)}")
    if t.next_anniversary is not None:
        lines.append(
            f"- Next anniversary: {shown(t.next_anniversary, approximate=t.discovered_approximate)}"
            + ("" if t.discovered_approximate else f" ({t.days_to_anniversary} days)")
        )
    return [*lines, "", *_horizon(report), *_guidance(t.guidance)]


def _notes(report: Report) -> list[str]:
    if not report.notes:
        return []
    lines = ["## In your words", ""]
    for note in report.notes:
        lines += [f"**{esc(note.question)}**", "", esc(note.answer), ""]
    return lines


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _progress(progress: ProgressInfo | None) -> list[str]:
    if progress is None:
        return []
    first, last = progress.first_spike_local, progress.last_spike_local
    span = f" from {first:%d %B %Y} to {last:%d %B %Y}" if first and last else ""
    lines = [
        "## Waves of distrust",
        "",
        f"{progress.spikes_logged} spikes logged{span}. Trend: **{esc(progress.trend_words)}**.",
        "",
        f"| {progress.chart_unit.title()} | Spikes per week | Median minutes "
        "| Median intensity | Notes |",
        "|---|---|---|---|---|",
    ]
    for bar in progress.chart:
        lines.append(
            f"| {esc(bar.label)} | {bar.per_week:g} | {_num(bar.median_minutes)} "
            f"| {_num(bar.median_intensity)} | {esc(', '.join(bar.notes))} |"
        )
    return [*lines, "", *_guidance(progress.guidance)]


def _markers(section: MarkersSection | None) -> list[str]:
    if section is None or not section.markers:
        return []
    lines = [
        "## Markers",
        "",
        f"{section.active} active, {section.concrete} of them concrete. Shown / recorded:",
        "",
        "| # | Marker | Concrete | Last 30 days | Last 90 days | Since added |",
        "|---|---|---|---|---|---|",
    ]
    for m in section.markers:
        c = m.consistency
        tallies = [c.last_30_days, c.last_90_days, c.since_added]
        cells = " | ".join(f"{t.shown} of {t.recorded}" if t.recorded else "–" for t in tallies)
        concrete = "checking" if m.checking else "yes" if m.concrete else "not yet"
        lines.append(f"| {m.id} | {esc(m.text)} | {concrete} | {cells} |")
    return [*lines, "", *_guidance(section.guidance)]


def export_markdown(export: Export) -> str:
    lines = [
        "# trustrepair summary",
        "",
        f"Exported {export.exported_utc:%d %B %Y} from profile *{esc(export.profile)}*."
        + ("" if export.includes_notes else " Free-text notes were left out."),
        "",
    ]
    if export.summary is None:
        lines += ["No check-in yet.", "", *_markers(export.markers), *_progress(export.progress)]
    else:
        lines += _summary(export.summary)
        lines += _markers(export.summary.markers)
        lines += _progress(export.progress)
        lines += [f"*{esc(export.summary.disclaimer)}*", ""]
    return "\n".join(lines)
