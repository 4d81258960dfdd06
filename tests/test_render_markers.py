"""The terminal views of markers: the weekly strip, and user text shown as text."""

from __future__ import annotations

import datetime as dt
import io

from rich.console import Console

from trustrepair.models import Consistency, MarkerSignals, MarkerView, Tally, WeekTally
from trustrepair.render.markers import (
    NO_RECORDS,
    coaching_view,
    markers_table,
    tally_text,
    week_glyph,
    week_strip,
)


def week(shown: int, recorded: int) -> WeekTally:
    return WeekTally(week_start=dt.date(2026, 1, 5), shown=shown, recorded=recorded)


def test_each_glyph_by_hand() -> None:
    assert week_glyph(week(0, 0)) == NO_RECORDS == "·"
    assert week_glyph(week(0, 3)) == "▁"
    assert week_glyph(week(1, 5)) == "▁"  # 20%
    assert week_glyph(week(1, 4)) == "▃"  # 25%
    assert week_glyph(week(1, 2)) == "▅"  # 50%
    assert week_glyph(week(2, 3)) == "▅"  # 67%
    assert week_glyph(week(3, 4)) == "▇"  # 75%
    assert week_glyph(week(5, 5)) == "▇"


def test_the_strip_for_the_hand_counted_history() -> None:
    # the twelve weeks worked out in test_markers.test_consistency_matches_the_hand_count
    counts = [(0, 0), (2, 3), (2, 2), (0, 0), (0, 1), (1, 1), (1, 4), (1, 2), (1, 1), (0, 0)]
    counts += [(2, 3), (1, 1)]
    assert week_strip(week(s, n) for s, n in counts) == "·▅▇·▁▇▃▅▇·▅▇"


def test_tallies_read_as_shown_of_recorded() -> None:
    assert tally_text(Tally(shown=3, recorded=4)) == "3 of 4"
    assert tally_text(Tally()) == "–"


def render(renderable: object, width: int = 80) -> str:
    console = Console(width=width, no_color=True, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def view(text: str, concrete: bool) -> MarkerView:
    zero = Tally()
    return MarkerView(
        id=4,
        text=text,
        added=dt.date(2026, 1, 5),
        concrete=concrete,
        advice=[] if concrete else ["say when"],
        found=MarkerSignals(actions=[], timing=[], vague=[]),
        consistency=Consistency(
            last_30_days=zero, last_90_days=zero, since_added=zero, weeks=[week(1, 1)]
        ),
    )


def test_marker_text_is_never_read_as_markup() -> None:
    out = render(markers_table([view("[bold]tells me[/bold] when", concrete=False)]))
    assert "[bold]tells me[/bold]" in out
    assert "markers show 4" in out


def test_the_table_fits_80_columns() -> None:
    long = "Tells me the same day, by text, whenever plans change, and again before dinner"
    out = render(markers_table([view(long, concrete=True)]), width=80)
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "▇" in out


def test_coaching_lists_each_suggestion_and_the_keep_anyway_note() -> None:
    out = render(coaching_view(False, ["first idea", "second idea"], "keep it if you like"))
    assert "first idea" in out and "second idea" in out and "keep it if you like" in out
    assert "keep it" in render(coaching_view(True, [], "keep it"))
