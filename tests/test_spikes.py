"""Spike input, weekly filling, and the trend words on synthetic weekly series."""

from __future__ import annotations

import datetime as dt
import math
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustrepair.errors import BadInputError
from trustrepair.models import SpikeWeek
from trustrepair.spikes import (
    TREND_WINDOW_WEEKS,
    canonical_trigger,
    complete_weeks,
    fill_weeks,
    mann_kendall,
    new_spike,
    theil_sen_slope,
    week_start,
    weekly_trend,
)

# --- the statistics, against hand-computed values ---------------------------------------------


def test_theil_sen_is_the_median_pairwise_slope() -> None:
    # pairs: 2, 0.5, 4/3, -1, 1, 3 -> sorted middle two are 1 and 4/3
    assert theil_sen_slope([1, 3, 2, 5]) == pytest.approx((1 + 4 / 3) / 2)


def test_theil_sen_ignores_one_wild_week() -> None:
    assert theil_sen_slope([10, 9, 8, 30, 6, 5, 4]) == pytest.approx(-1)


def test_mann_kendall_on_a_strictly_rising_series() -> None:
    test = mann_kendall([1, 2, 3, 4, 5, 6])
    assert test.s == 15
    # var = 6*5*17/18 = 28.33; z = (15 - 1) / sqrt(28.33) = 2.630; p = 0.0085
    assert test.z == pytest.approx(2.630, abs=1e-3)
    assert test.p == pytest.approx(0.00854, abs=1e-4)


def test_mann_kendall_corrects_for_ties() -> None:
    test = mann_kendall([1, 1, 2])
    # S = 2; var = (3*2*11 - 2*1*9) / 18 = 2.667; z = 1 / 1.633
    assert test.s == 2
    assert test.z == pytest.approx(1 / math.sqrt(48 / 18))


def test_mann_kendall_on_all_equal_values_finds_nothing() -> None:
    assert mann_kendall([3, 3, 3, 3, 3, 3]).p == 1.0


# --- the trend words on synthetic series --------------------------------------------------------


def noisy(levels: list[float], seed: int, spread: float = 0.3) -> list[int]:
    rng = random.Random(seed)  # noqa: S311 - reproducible noise, not secrets
    return [max(0, round(v * (1 + rng.uniform(-spread, spread)))) for v in levels]


def test_clearly_falling() -> None:
    counts = noisy([20 * math.exp(-w / 12) for w in range(30)], seed=1)
    estimate = weekly_trend(counts)
    assert estimate.trend == "falling"
    assert estimate.slope is not None and estimate.slope < 0
    assert estimate.p is not None and estimate.p < 0.001


@pytest.mark.parametrize("seed", range(5))
def test_flat_noise_reads_as_no_clear_change(seed: int) -> None:
    assert weekly_trend(noisy([6.0] * 30, seed=seed)).trend == "flat"


def test_rising() -> None:
    counts = noisy([2 + w / 3 for w in range(24)], seed=3)
    assert weekly_trend(counts).trend == "rising"


def test_falling_with_anniversary_setbacks_still_reads_as_falling() -> None:
    counts = noisy([18 * math.exp(-w / 15) + 1 for w in range(60)], seed=2)
    for anniversary_week in (25, 26, 51, 52):  # two anniversaries bring the old level back
        counts[anniversary_week] = 16
    estimate = weekly_trend(counts)
    assert estimate.trend == "falling"


def test_falling_to_nothing_reads_as_falling_even_when_most_weeks_are_empty() -> None:
    assert weekly_trend([2, 2, 1, 1] + [0] * 20).trend == "falling"


def test_a_tiny_steady_drift_on_a_high_level_is_no_clear_change() -> None:
    counts = [20, 21] * 6 + [21, 22] * 6  # significant to a test, not to a person
    assert weekly_trend(counts).trend == "flat"


@pytest.mark.parametrize("counts", [[], [9, 5, 2], [8, 6, 4, 3, 2], [1, 0, 0, 0, 1, 0, 0, 1]])
def test_too_little_data_says_so(counts: list[int]) -> None:
    assert weekly_trend(counts).trend == "insufficient_data"


@given(st.lists(st.integers(min_value=0, max_value=40), min_size=6, max_size=60))
def test_reversing_time_mirrors_the_trend(counts: list[int]) -> None:
    mirror = {"falling": "rising", "rising": "falling"}
    forward, backward = weekly_trend(counts).trend, weekly_trend(counts[::-1]).trend
    assert backward == mirror.get(forward, forward)


# --- weeks -------------------------------------------------------------------------------------


def test_week_start_is_monday() -> None:
    assert week_start(dt.date(2026, 3, 8)) == dt.date(2026, 3, 2)  # Sunday
    assert week_start(dt.date(2026, 3, 9)) == dt.date(2026, 3, 9)  # Monday


def test_empty_weeks_are_filled_up_to_this_week_and_this_week_is_not_complete() -> None:
    first = SpikeWeek(dt.date(2026, 3, 2), 4)
    weeks = fill_weeks([first], today=dt.date(2026, 3, 19))
    assert [(w.week_start.isoformat(), w.count) for w in weeks] == [
        ("2026-03-02", 4),
        ("2026-03-09", 0),
        ("2026-03-16", 0),
    ]
    assert [w.week_start for w in complete_weeks(weeks, dt.date(2026, 3, 19))] == [
        dt.date(2026, 3, 2),
        dt.date(2026, 3, 9),
    ]


# --- input -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Anniversary", "anniversary"),
        ("new_stressor", "new stressor"),
        ("partner\u2019s behavior", "partner's behaviour"),
        ("  a song   on the radio ", "a song on the radio"),
        ("", None),
        (None, None),
    ],
)
def test_triggers_are_stored_in_one_spelling(typed: str | None, stored: str | None) -> None:
    assert canonical_trigger(typed) == stored


def test_a_spike_keeps_utc_and_the_offset_it_was_logged_in() -> None:
    at = dt.datetime(2026, 3, 8, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    spike = new_spike(at, minutes=20, intensity=6, trigger="reminder", note="  ")
    assert spike.at_utc == dt.datetime(2026, 3, 8, 21, 30, tzinfo=dt.UTC)
    assert spike.utc_offset_minutes == 120
    assert spike.note is None


def test_an_overlong_note_is_refused() -> None:
    with pytest.raises(BadInputError, match="note"):
        new_spike(dt.datetime.now(dt.UTC), note="x" * 2001)


def test_the_model_check_is_one_clear_error_naming_the_field_not_the_text() -> None:
    at = dt.datetime(2026, 3, 1, 21, 0, tzinfo=dt.UTC)
    with pytest.raises(BadInputError) as caught:
        new_spike(at, intensity=11, minutes=-3, note="private words")
    assert caught.value.message == "the spike does not fit (intensity, minutes); nothing was saved"


@pytest.mark.parametrize("bad", ["\x1b[2J", "\x00", "\u200b", "\ud800"])
def test_control_characters_in_a_trigger_or_note_are_refused_without_echo(bad: str) -> None:
    at = dt.datetime(2026, 3, 1, 21, 0, tzinfo=dt.UTC)
    for option in ("trigger", "note"):
        with pytest.raises(BadInputError) as caught:
            new_spike(at, **{option: f"words {bad} more"})  # type: ignore[arg-type]
        assert caught.value.message.startswith(f"--{option} contains control characters")
        assert "words" not in caught.value.message


def test_the_trend_reads_the_latest_three_years_of_a_long_history() -> None:
    # Ten years: seven of steady easing, then three flat years. The trend speaks of now.
    easing = [max(0, 40 - w // 10) for w in range(52 * 7)]
    flat = [3, 4, 3, 5, 3, 4] * 26
    estimate = weekly_trend(easing + flat)
    assert estimate.weeks == TREND_WINDOW_WEEKS
    assert estimate.trend == "flat"
    assert weekly_trend(easing).trend == "falling"
