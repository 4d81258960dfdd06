"""Stop conditions over the whole history: shown with the reason and the data, never a verdict."""

from __future__ import annotations

import datetime as dt

from trustrepair.bank import load_bank
from trustrepair.models import PeriodStats
from trustrepair.spikes import TrendEstimate
from trustrepair.stops import accountability_stalled, behaviour_ongoing, no_easing, stop_conditions

BANK = load_bank()
TZ = dt.timezone(dt.timedelta(hours=1))


def when(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime(y, m, d, 20, 0, tzinfo=TZ)


def trail(
    *points: tuple[dt.datetime, str, str],
) -> list[tuple[dt.datetime, str | None, str | None]]:
    return list(points)


def test_accountability_not_yet_in_three_check_ins_over_two_months() -> None:
    history = trail(
        (when(2025, 12, 1), "partial", "ended"),
        (when(2026, 1, 5), "not_yet", "ended"),
        (when(2026, 2, 9), "not_yet", "ended"),
        (when(2026, 3, 6), "not_yet", "ended"),
    )
    alert = accountability_stalled(BANK, history)
    assert alert is not None
    assert alert.guidance.title == "Accountability has stayed out of reach for a while"
    assert alert.evidence == [
        "Accountability: not yet in place in the last 3 check-ins in a row",
        "From 5 Jan 2026 to 6 Mar 2026 (2 months)",
    ]
    assert "not a judgement" in alert.guidance.text


def test_three_check_ins_within_a_month_are_not_enough() -> None:
    history = trail(*((when(2026, 1, d), "not_yet", "ended") for d in (1, 10, 30)))
    assert accountability_stalled(BANK, history) is None


def test_a_broken_run_does_not_count() -> None:
    history = trail(
        (when(2026, 1, 1), "not_yet", "ended"),
        (when(2026, 2, 1), "not_yet", "ended"),
        (when(2026, 3, 1), "not_yet", "ended"),
        (when(2026, 4, 1), "partial", "ended"),  # things moved since
    )
    assert accountability_stalled(BANK, history) is None


def test_behaviour_reported_as_ongoing_in_the_latest_check_ins() -> None:
    history = trail(
        (when(2026, 1, 1), "partial", "ended"),
        (when(2026, 2, 1), "partial", "reduced"),
        (when(2026, 3, 1), "partial", "continuing"),
    )
    alert = behaviour_ongoing(BANK, history)
    assert alert is not None
    assert alert.evidence == [
        "Check-in of 1 Mar 2026: Yes, it is still going on",
        "Reported in the last 2 check-ins, since 1 Feb 2026",
    ]
    assert behaviour_ongoing(BANK, history[:1]) is None


def recent(per_week: float) -> PeriodStats:
    return PeriodStats(
        label="last 4 weeks",
        first_week=dt.date(2027, 2, 1),
        weeks=4,
        count=int(per_week * 4),
        per_week=per_week,
        median_minutes=None,
        median_intensity=None,
    )


FLAT = TrendEstimate("flat", weeks=60, slope=0.01, p=0.62)


def test_no_easing_after_a_year_is_said_gently() -> None:
    alert = no_easing(BANK, FLAT, dt.date(2026, 1, 10), recent(5), today=dt.date(2027, 2, 20))
    assert alert is not None and alert.id == "no_easing_year"
    assert "It is not a verdict" in alert.guidance.text
    assert alert.evidence[0] == "Spikes logged for 13 months, since 10 Jan 2026"
    assert "Mann-Kendall p = 0.62" in alert.evidence[1]
    assert alert.evidence[2] == "Last 4 weeks: 5 spikes a week"


def test_no_easing_after_two_years_is_said_clearly_with_a_therapist() -> None:
    rising = TrendEstimate("rising", weeks=110, slope=0.05, p=0.01)
    alert = no_easing(BANK, rising, dt.date(2025, 1, 10), recent(9), today=dt.date(2027, 2, 1))
    assert alert is not None and alert.id == "no_easing_two_years"
    assert "therapist" in alert.guidance.text
    assert "harm of its own" in alert.guidance.text


def test_no_easing_is_not_shown_too_early_when_falling_or_when_already_rare() -> None:
    since, today = dt.date(2026, 1, 10), dt.date(2027, 2, 20)
    assert no_easing(BANK, FLAT, dt.date(2026, 6, 1), recent(5), today) is None
    falling = TrendEstimate("falling", weeks=60, slope=-0.2, p=0.001)
    assert no_easing(BANK, falling, since, recent(5), today) is None
    assert no_easing(BANK, FLAT, since, recent(0.5), today) is None  # already days apart
    sparse = TrendEstimate("insufficient_data", weeks=60)
    assert no_easing(BANK, sparse, since, None, today) is None


def test_all_conditions_together() -> None:
    history = trail(*((when(2026, m, 1), "not_yet", "reduced") for m in (1, 2, 3, 4)))
    found = stop_conditions(
        BANK,
        trail=history,
        estimate=FLAT,
        records_since=dt.date(2025, 1, 1),
        recent=recent(4),
        today=dt.date(2026, 4, 2),
    )
    assert [a.id for a in found] == [
        "accountability_stalled",
        "behaviour_ongoing",
        "no_easing_year",
    ]
    assert all(a.kind == "stop" and a.evidence for a in found)


def test_the_evidence_keeps_the_digits_of_a_small_slope() -> None:
    slow = TrendEstimate("rising", weeks=110, slope=0.004, p=0.0004)
    alert = no_easing(BANK, slow, dt.date(2025, 1, 10), recent(3), today=dt.date(2027, 2, 1))
    assert alert is not None
    assert alert.evidence[1] == (
        "Trend over 110 full weeks: more frequent lately "
        "(Theil-Sen slope +0.0040 a week, Mann-Kendall p < 0.001)"
    )
