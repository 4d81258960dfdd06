"""The progress report from weekly tallies: rows, medians, chart, comparisons, setbacks."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from trustrepair.bank import load_bank
from trustrepair.models import ProgressInfo, SpikeWeek
from trustrepair.plain import to_data
from trustrepair.progress import SpikeHistory, build_progress
from trustrepair.render.progress import progress_view

D = dt.date


def progress(tallies: list[SpikeWeek], today: D, **extra: object) -> ProgressInfo:
    history = SpikeHistory(tallies=tallies, today=today, **extra)  # type: ignore[arg-type]
    return build_progress(load_bank(), history)


def render(info: ProgressInfo, width: int = 80) -> str:
    console = Console(width=width, no_color=True, record=True, file=io.StringIO())
    console.print(progress_view(info))
    return console.export_text()


def weekly(start: D, counts: list[int], **fields: object) -> list[SpikeWeek]:
    return [
        SpikeWeek(start + dt.timedelta(weeks=i), n, **fields)  # type: ignore[arg-type]
        for i, n in enumerate(counts)
    ]


def test_weekly_rows_with_hand_computed_medians() -> None:
    tallies = [
        SpikeWeek(D(2026, 3, 2), 4, minutes=(10, 40, 20), intensities=(5, 8), known_triggers=1),
        SpikeWeek(D(2026, 3, 16), 1, minutes=(5,), intensities=(3,)),
    ]
    info = progress(tallies, today=D(2026, 3, 18))
    rows = [to_data(w) for w in info.weeks]
    assert [
        (r["week_start"], r["count"], r["median_minutes"], r["median_intensity"]) for r in rows
    ] == [
        ("2026-03-02", 4, 20.0, 6.5),
        ("2026-03-09", 0, None, None),
        ("2026-03-16", 1, 5.0, 3.0),
    ]
    assert [r["complete"] for r in rows] == [True, True, False]
    assert info.trend == "insufficient_data"
    assert info.trend_words == "not enough weeks logged yet to see a trend"


def test_a_week_of_spikes_draws_a_correct_chart() -> None:
    tallies = [
        SpikeWeek(D(2026, 3, 2), 3, minutes=(10, 20, 40), intensities=(5, 7)),
        SpikeWeek(D(2026, 3, 16), 1, minutes=(5,), intensities=(3,)),
    ]
    text = render(progress(tallies, today=D(2026, 3, 18)))
    # At 80 columns the bar is 16 characters wide; 1 of 3 is 5 and 3/8 blocks.
    assert re.search(r"2026-03-02\s+█{16}\s+3\s+20\s+6\s", text), text
    assert re.search(r"2026-03-09\s+0\s+–\s+–\s", text), text
    assert re.search(r"2026-03-16\s+█████▍\s+1\s+5\s+3\s+so far", text), text
    assert "4 logged" not in text  # the span line needs the store; the chart does not
    assert all(len(line) <= 80 for line in text.splitlines())


def test_long_histories_are_drawn_by_month_then_by_quarter() -> None:
    counts = [2] * 4 + [1] * 4 + [3] * 22  # Jan, Feb, then more
    info = progress(weekly(D(2026, 1, 5), counts), today=D(2026, 8, 1))
    assert info.chart_unit == "month"
    jan, feb = info.chart[0], info.chart[1]
    assert (jan.label, jan.weeks, jan.per_week) == ("Jan 2026", 4, 2.0)
    assert (feb.label, feb.weeks, feb.per_week) == ("Feb 2026", 4, 1.0)
    long = progress(weekly(D(2022, 1, 3), [2] * 200), today=D(2025, 12, 1))
    assert long.chart_unit == "quarter"
    assert long.chart[0].label == "2022 Q1"
    assert len(long.chart) <= 20
    text = render(long)
    assert all(len(line) <= 80 for line in text.splitlines())


def test_a_week_belongs_to_the_month_holding_most_of_its_days() -> None:
    info = progress(weekly(D(2026, 1, 26), [1] * 30), today=D(2026, 9, 1))
    # The week of Monday 26 January runs to 1 February but mostly lies in January.
    assert info.chart[0].label == "Jan 2026" and info.chart[0].weeks == 1


def test_last_four_weeks_against_the_four_before_and_the_first_month() -> None:
    counts = [10] * 4 + [8] * 4 + [6] * 4 + [2] * 4
    minutes = {10: (30,), 8: (25,), 6: (20,), 2: (10,)}
    tallies = [
        SpikeWeek(D(2026, 1, 5) + dt.timedelta(weeks=i), n, minutes=minutes[n] * n)
        for i, n in enumerate(counts)
    ]
    info = progress(tallies, today=D(2026, 4, 27))  # the 17th week, not yet complete
    compared = [
        (p.label, p.first_week.isoformat(), p.per_week, p.median_minutes) for p in info.comparisons
    ]
    assert compared == [
        ("first 4 weeks", "2026-01-05", 10.0, 30.0),
        ("4 weeks before", "2026-03-02", 6.0, 20.0),
        ("last 4 weeks", "2026-03-30", 2.0, 10.0),
    ]
    assert info.trend == "falling"
    assert info.trend_words == "spikes are becoming less frequent"


def test_this_weeks_count_so_far_never_reads_as_a_drop() -> None:
    counts = [5] * 10 + [0]  # the last week has only just begun
    info = progress(weekly(D(2026, 1, 5), counts), today=D(2026, 3, 16))
    assert info.trend_detail.weeks_used == 10
    assert info.trend == "flat"


def test_anniversary_setbacks_of_a_29_february_are_labelled_expected() -> None:
    # Came to light on 29 February 2024; in 2025 the anniversary falls on Friday 28 February.
    counts = [8, 7, 6, 6, 5, 5, 4, 4, 12, 4, 3]
    start = D(2024, 12, 30)  # week 8 starts Monday 24 February 2025
    info = progress(weekly(start, counts), today=D(2025, 3, 20), discovered=D(2024, 2, 29))
    (setback,) = info.setbacks
    assert (setback.week_start, setback.reason, setback.label) == (
        D(2025, 2, 24),
        "anniversary",
        "anniversary: expected",
    )
    near = [w.week_start.isoformat() for w in info.weeks if w.near_anniversary]
    assert near == ["2025-02-17", "2025-02-24", "2025-03-03"]  # within a week of 28 February
    assert info.trend == "falling"
    text = render(info)
    assert "anniversary: expected" in text
    assert "Setbacks are expected" in text
    assert "fail" not in text.replace("not a failure", "")


def test_an_anniversary_near_new_year_marks_the_weeks_on_both_sides() -> None:
    info = progress(
        weekly(D(2025, 12, 15), [3] * 5), today=D(2026, 1, 20), discovered=D(2024, 12, 31)
    )
    near = [w.week_start.isoformat() for w in info.weeks if w.near_anniversary]
    assert near == ["2025-12-22", "2025-12-29", "2026-01-05"]


def test_setbacks_with_known_triggers_and_without() -> None:
    start = D(2026, 1, 5)
    tallies = [
        *weekly(start, [4, 4, 4, 4]),
        SpikeWeek(D(2026, 2, 2), 10, known_triggers=6),
        SpikeWeek(D(2026, 2, 9), 4),
        SpikeWeek(D(2026, 2, 16), 10, known_triggers=1),
    ]
    info = progress(tallies, today=D(2026, 3, 1))
    assert [(s.week_start.isoformat(), s.reason, s.usual) for s in info.setbacks] == [
        ("2026-02-02", "trigger", 4.0),
        ("2026-02-16", "other", 4.0),
    ]
    assert [s.label for s in info.setbacks] == ["trigger: expected", "harder week: normal"]


def test_triggers_are_counted_and_own_words_are_not_listed() -> None:
    counts = {"reminder": 3, "anniversary": 1, "unknown": 2, "a song": 1, "his phone": 1}
    info = progress(weekly(D(2026, 3, 2), [8]), today=D(2026, 3, 4), trigger_counts=counts)
    assert [(t.trigger, t.count) for t in info.triggers] == [
        ("reminder", 3),
        ("anniversary", 1),
        ("in your own words", 2),
    ]
    text = render(info)
    assert "6 of 8 spikes" in text and "his phone" not in text
    assert "expected, not a failure" in text


def test_no_spikes_yet() -> None:
    info = progress([], today=D(2026, 3, 4))
    assert info.weeks == [] and info.trend == "insufficient_data"
    assert "No spikes logged yet" in render(info)


def test_a_bank_whose_progress_names_missing_guidance_is_refused(tmp_path: Path) -> None:
    from trustrepair.bank import default_bank_path
    from trustrepair.errors import BankError

    text = default_bank_path().read_text(encoding="utf-8")
    broken = tmp_path / "bank.toml"
    broken.write_text(text.replace('stop_ongoing = "stop_while_ongoing"', 'stop_ongoing = "gone"'))
    with pytest.raises(BankError, match="progress names a missing guidance 'gone'"):
        load_bank(broken)


# --- review fixes: the trend's numbers ----------------------------------------------------------


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_a_falling_trend_with_mostly_tied_weeks_never_reads_as_no_change() -> None:
    # Every other week early on, then none: Mann-Kendall finds a fall, while most pairs of weeks
    # tie, so the Theil-Sen slope is exactly 0.
    counts = [1, 0] * 10 + [0] * 20
    info = progress(weekly(D(2025, 1, 6), counts), today=D(2025, 10, 13))
    assert info.trend == "falling" and info.trend_detail.slope_per_week == 0
    text = one_line(render(info))
    assert "spikes are becoming less frequent" in text
    assert "+0.00" not in text and "-0.00" not in text and "about 0 " not in text
    assert "the last 4 weeks averaged 0 a week, against 0.5 in the first 4 weeks" in text


def test_a_gentle_fall_is_given_per_month() -> None:
    counts = [1] * 10 + [0] * 10  # Theil-Sen slope -1/17 a week
    info = progress(weekly(D(2025, 1, 6), counts), today=D(2025, 5, 26))
    assert info.trend == "falling"
    text = one_line(render(info))
    assert "the weekly count drops by about 0.26 each month" in text
    assert "Theil-Sen" not in text and "Mann-Kendall" not in text  # plain words at the terminal
    data = to_data(info)["trend_detail"]  # the statistics stay in --json
    assert (round(data["slope_per_week"], 3), data["p_value"] < 0.05) == (-0.059, True)


def test_a_very_slow_fall_keeps_its_digits() -> None:
    from trustrepair.models import TrendDetail
    from trustrepair.render.progress import trend_detail

    detail = TrendDetail(weeks_used=150, weeks_needed=6, slope_per_week=-0.00412, p_value=0.004)
    text = one_line(str(trend_detail(detail, "falling")))
    assert "drops by about 0.21 each year" in text
    assert "slope" not in text and "p = " not in text


def test_minutes_read_as_whole_numbers_in_the_chart() -> None:
    tallies = [SpikeWeek(D(2026, 3, 2), 2, minutes=(100, 103), intensities=(5, 6))]
    text = render(progress(tallies, today=D(2026, 3, 18)))
    assert re.search(r"2026-03-02\s+█+\s+2\s+102\s+5.5\s", text), text
    assert "101.5" not in text


def test_the_month_in_progress_is_marked_so_far() -> None:
    # 30 weeks of 3 a week: the chart goes by month; this month has only this week, empty so far.
    info = progress(weekly(D(2025, 8, 4), [3] * 30 + [0]), today=D(2026, 3, 4))
    assert info.chart_unit == "month"
    last = info.chart[-1]
    assert (last.label, last.count, last.notes) == ("Mar 2026", 0, ["so far"])
    assert re.search(r"Mar 2026\s+0\s+–\s+–\s+so far", render(info)), render(info)
    assert all("so far" not in bar.notes for bar in info.chart[:-1])


# --- review fixes: weeks with nothing logged ----------------------------------------------------

STEADY_THEN_NOTHING = [6] * 12 + [0] * 5


def test_weeks_with_nothing_logged_are_named_next_to_the_trend() -> None:
    # 12 weeks at a steady 6, then nothing logged: the counts fall, but the tool cannot know
    # whether the spikes stopped or the logging did, and says so.
    last = dt.datetime(2025, 3, 29, 21, 0, tzinfo=dt.UTC)  # Saturday of the 12th week
    info = progress(
        weekly(D(2025, 1, 6), STEADY_THEN_NOTHING), today=D(2025, 5, 7), span=(last, last)
    )
    assert info.trend == "falling"
    gap = to_data(info)["logging_gap"]
    assert (gap["last_spike"], gap["empty_weeks"]) == ("2025-03-29", 5)
    text = one_line(render(info))
    trend_at = text.index("Trend: spikes are becoming less frequent")
    note_at = text.index(
        "No spikes logged since 29 Mar 2025 (5 full weeks). If you stopped logging rather than "
        "stopped having them, the trend after that date is not meaningful."
    )
    assert trend_at < note_at < text.index("Over 17 full weeks")
    assert "fail" not in text.replace("not a failure", "")


@pytest.mark.parametrize(
    ("counts", "today"),
    [
        ([6] * 12 + [0] * 2, D(2025, 4, 16)),  # two empty weeks: a quiet fortnight happens
        ([6] * 12 + [0] * 5 + [1], D(2025, 5, 7)),  # logging again this week
        ([6] * 12, D(2025, 3, 31)),
    ],
)
def test_no_note_unless_three_full_weeks_and_this_week_are_empty(
    counts: list[int], today: D
) -> None:
    info = progress(weekly(D(2025, 1, 6), counts), today=today)
    assert info.logging_gap is None
    assert "No spikes logged since" not in render(info)


def test_without_the_exact_time_the_note_names_the_end_of_the_last_week() -> None:
    info = progress(weekly(D(2025, 1, 6), STEADY_THEN_NOTHING), today=D(2025, 5, 7))
    assert "No spikes logged since 30 Mar 2025" in one_line(render(info))


@pytest.mark.parametrize(
    ("week", "today", "discovered"),
    [
        (D(1, 1, 1), D(1, 2, 1), D(1, 1, 1)),  # e.g. from an old backup: no year 0 to look in
        (D(9999, 12, 27), D(9999, 12, 31), D(9998, 12, 31)),  # no year 10000 either
    ],
)
def test_anniversaries_at_the_ends_of_the_calendar_do_not_raise(
    week: D, today: D, discovered: D
) -> None:
    info = progress([SpikeWeek(week, 3)], today=today, discovered=discovered)
    assert info.spikes_logged == 3
