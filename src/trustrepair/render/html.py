"""The HTML export: one self-contained, printable page that makes no request of any kind.

No external fonts, scripts, images or links: inline CSS, inline SVG, and every piece of text
escaped. (Rich's own HTML/SVG export loads a web font, so it is not used here.)
"""

from __future__ import annotations

from html import escape
from importlib import resources

from trustrepair.models import (
    AlertItem,
    AreaResult,
    Export,
    GuidanceItem,
    MarkersSection,
    ProgressInfo,
    Report,
)
from trustrepair.render.chart import spikes_svg


def _css() -> str:
    return (resources.files("trustrepair.render") / "export.css").read_text(encoding="utf-8")


MARK = {"in_place": "●", "partial": "◐", "not_yet": "○", "unclear": "?"}


def e(text: object) -> str:
    return escape(str(text), quote=True)


def _guidance(items: list[GuidanceItem]) -> str:
    return "".join(
        f'<div class="guidance"><p><strong>{e(g.title)}</strong></p><p>{e(g.text)}</p>'
        f"{_credit(g.source)}</div>"
        for g in items
    )


def _credit(source: str | None) -> str:
    return f'<p class="source">From the article: {e(source)}</p>' if source else ""


def _horizon(report: Report) -> str:
    h = report.timeline.horizon
    return "" if h is None else f"<p>{e(h.text)}</p>{_credit(h.source)}"


def _own_part(report: Report) -> str:
    own = report.own_part
    if own is None:
        return ""
    return f"<h2>{e(own.title)}</h2><p>{e(own.intro)}</p>{_guidance(own.guidance)}"


def _alert(alert: AlertItem) -> str:
    because = (
        f'<p class="muted">Because: {e("; ".join(alert.evidence))}</p>' if alert.evidence else ""
    )
    return (
        f'<section class="alert {e(alert.kind)}" role="note">'
        f"<strong>{e(alert.guidance.title)}</strong>"
        f"<p>{e(alert.guidance.text)}</p>{because}</section>"
    )


def _status(status: str, label: str) -> str:
    return f'<span class="status {e(status)}">{MARK.get(status, "")} {e(label)}</span>'


def _area(result: AreaResult) -> str:
    rows = "".join(
        f"<tr><td>{_status(r.status, r.status.replace('_', ' '))}</td><td>{e(r.text)}</td>"
        f"<td>{e('; '.join(f'{ev.question}: {ev.answer}' for ev in r.evidence))}</td></tr>"
        for r in result.reasons
    )
    table = (
        f"<table><tr><th></th><th>Reason</th><th>Your answers</th></tr>{rows}</table>"
        if rows
        else ""
    )
    title = f"{e(result.title)}: {_status(result.status, result.status_label)}"
    notes = _area_notes(result)
    return (
        f'<section class="area"><h3>{title}</h3>{table}{notes}'
        f"{_guidance(result.guidance)}</section>"
    )


def _area_notes(result: AreaResult) -> str:
    out = ""
    for n in result.notes:
        phrases = "; ".join(f"“{e(p)}”" for p in n.phrases)
        out += (
            f'<div class="note"><p>✎ {e(n.text)}</p>'
            + (f"<p>{phrases}</p>" if phrases else "")
            + f'<p class="muted">{e(n.caption)}</p></div>'
        )
    return out


def _reflections(report: Report) -> str:
    out = ""
    for st in report.reflections:
        r = st.reflection
        flags = "".join(
            f"<li><strong>{e(f.label)}</strong>: “{e(f.phrase)}”. {e(f.explanation)} "
            f'<span class="source">From the article: {e(f.source)}</span></li>'
            for f in r.flags
        )
        helps = "; ".join(f"<strong>{e(s.label)}</strong> (“{e(s.phrase)}”)" for s in r.strengths)
        missing = "; ".join(e(g.label) for g in r.not_found)
        out += (
            f"<h2>{e(st.heading)}</h2><p>{e(r.summary)}</p>"
            + (f"<ul>{flags}</ul>" if flags else "")
            + (f"<p>What helps it carry weight: {helps}</p>" if helps else "")
            + (f"<p>Not found in these words: {missing}</p>" if missing else "")
            + f'<p class="muted">{e(r.caveat)}</p>'
        )
    return out


def _timeline(report: Report) -> str:
    from trustrepair.dates import shown

    t = report.timeline
    if t.discovered is None:
        return (
            f"<h2>Timeline</h2>{_horizon(report)}"
            '<p class="muted">No date recorded for when it came to light.</p>'
        )
    rough = t.discovered_approximate
    anniversary = (
        f"<li>Next anniversary: {shown(t.next_anniversary, approximate=rough)}"
        f"{'' if rough else f' ({t.days_to_anniversary} days)'}</li>"
        if t.next_anniversary
        else ""
    )
    return (
        f"<h2>Timeline</h2><ul><li>Came to light: {shown(t.discovered, approximate=rough)} "
        f"({t.months_elapsed} months ago)</li>"
        f"{f'<li>Phase: {e(t.phase_title)}</li>' if t.phase_title else ''}"
        f"{anniversary}</ul>{_horizon(report)}{_guidance(t.guidance)}"
    )


def _notes(report: Report) -> str:
    if not report.notes:
        return ""
    items = "".join(
        f'<p><strong>{e(n.question)}</strong></p><div class="note">{e(n.answer)}</div>'
        for n in report.notes
    )
    return f"<h2>In your words</h2>{items}"


def _summary(report: Report, extra: str) -> str:
    ref = report.checkin
    areas = list(report.prerequisites.values()) + ([report.your_part] if report.your_part else [])
    overview = "".join(
        f"<tr><td>{e(a.title)}</td><td>{_status(a.status, a.status_label)}</td></tr>" for a in areas
    )
    when = f"{ref.when_local:%d %B %Y, %H:%M}"
    return "".join(
        [
            "".join(_alert(a) for a in report.safety),
            f'<p class="opening"><strong>{e(report.opening)}</strong></p>',
            f'<p class="muted">Latest check-in: {when}, answered as {e(ref.role_label)}.</p>',
            "<h2>Where things stand</h2><table><tr><th>Area</th><th>Status</th></tr>",
            f"{overview}</table>",
            "".join(_alert(a) for a in report.warnings),
            "" if report.safety_first else "".join(_area(a) for a in areas),
            _own_part(report),
            _reflections(report),
            _timeline(report),
            _notes(report),
            extra,
            f"<h2>Support</h2>{_guidance(report.support)}",
            f"<footer>{e(report.disclaimer)}</footer>",
        ]
    )


def _progress(progress: ProgressInfo | None) -> str:
    if progress is None:
        return ""
    rows = "".join(
        f"<tr><td>{e(b.label)}</td><td>{b.per_week:g}</td><td>{_num(b.median_minutes)}</td>"
        f"<td>{_num(b.median_intensity)}</td><td>{e(', '.join(b.notes))}</td></tr>"
        for b in progress.chart
    )
    head = (
        f"<tr><th>{e(progress.chart_unit.title())}</th><th>Spikes per week</th>"
        "<th>Median minutes</th><th>Median intensity</th><th>Notes</th></tr>"
    )
    return (
        f"<h2>Waves of distrust</h2><p>{progress.spikes_logged} spikes logged. "
        f"Trend: <strong>{e(progress.trend_words)}</strong>.</p>"
        f"<figure>{spikes_svg(progress)}<figcaption>Spikes per week, by {e(progress.chart_unit)}. "
        "Amber bars mark harder stretches with an expected reason (an anniversary or a named "
        "trigger).</figcaption></figure>"
        f"<table>{head}{rows}</table>{_guidance(progress.guidance)}"
    )


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def _markers(section: MarkersSection | None) -> str:
    if section is None or not section.markers:
        return ""
    rows = ""
    for m in section.markers:
        c = m.consistency
        tallies = [c.last_30_days, c.last_90_days, c.since_added]
        cells = "".join(
            f"<td>{t.shown} of {t.recorded}</td>" if t.recorded else "<td>–</td>" for t in tallies
        )
        concrete = "checking" if m.checking else "yes" if m.concrete else "not yet"
        rows += f"<tr><td>{m.id}</td><td>{e(m.text)}</td><td>{concrete}</td>{cells}</tr>"
    head = (
        "<tr><th>#</th><th>Marker</th><th>Concrete</th><th>Last 30 days</th>"
        "<th>Last 90 days</th><th>Since added</th></tr>"
    )
    return (
        f"<h2>Markers</h2><p>{section.active} active, {section.concrete} of them concrete "
        f"(shown / recorded).</p><table>{head}{rows}</table>{_guidance(section.guidance)}"
    )


def export_html(export: Export) -> str:
    notes = "" if export.includes_notes else " Free-text notes were left out."
    if export.summary is None:
        body = "<p>No check-in yet.</p>" + _markers(export.markers) + _progress(export.progress)
    else:
        body = _summary(
            export.summary, _markers(export.summary.markers) + _progress(export.progress)
        )
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # Forbid every fetch: the page must work, and stay private, fully offline.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        '<meta name="referrer" content="no-referrer">'
        f"<title>trustrepair summary</title><style>{_css()}</style></head><body>"
        f'<h1>trustrepair summary</h1><p class="muted">Exported {export.exported_utc:%d %B %Y} '
        f"from profile {e(export.profile)}.{notes}</p>{body}</body></html>\n"
    )
