"""Anniversaries, months elapsed and the phase, including a 29 February discovery."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import BASE_AFFECTED, Cli, write_answers
from trustrepair.bank import load_bank
from trustrepair.report import timeline_info
from trustrepair.timeline import anniversary_in, months_between, next_anniversary

D = dt.date
LEAP = D(2024, 2, 29)


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2025, D(2025, 2, 28)), (2026, D(2026, 2, 28)), (2028, D(2028, 2, 29))],
)
def test_a_29_february_anniversary(year: int, expected: D) -> None:
    assert anniversary_in(LEAP, year) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (D(2024, 2, 29), D(2025, 2, 28)),  # never the day it came to light
        (D(2024, 3, 1), D(2025, 2, 28)),
        (D(2025, 2, 28), D(2025, 2, 28)),  # today is the anniversary
        (D(2025, 3, 1), D(2026, 2, 28)),
        (D(2027, 3, 1), D(2028, 2, 29)),
    ],
)
def test_next_anniversary_of_29_february(today: D, expected: D) -> None:
    assert next_anniversary(LEAP, today) == expected


def test_months_between_with_month_ends() -> None:
    assert months_between(LEAP, D(2025, 2, 28)) == 12
    assert months_between(LEAP, D(2024, 3, 28)) == 0
    assert months_between(D(2025, 1, 31), D(2025, 2, 28)) == 1
    assert months_between(D(2025, 3, 14), D(2026, 9, 13)) == 17


def test_timeline_info_for_29_february() -> None:
    info = timeline_info(load_bank(), LEAP, D(2026, 2, 1), "profile")
    assert info.months_elapsed == 23
    assert info.phase == "horizon"
    assert (info.next_anniversary, info.days_to_anniversary) == (D(2026, 2, 28), 27)
    assert info.anniversary_number == 2
    assert info.discovered_from == "profile"
    assert info.expect_at_anniversary is not None
    assert [g.id for g in info.guidance] == ["phase_horizon", "anniversary_ahead"]  # 27 days away


def test_phases_follow_the_months() -> None:
    bank = load_bank()
    start = D(2025, 1, 10)
    phases = [
        timeline_info(bank, start, start + dt.timedelta(days=31 * m)).phase
        for m in (0, 7, 13, 20, 40)
    ]
    assert phases == ["up_and_down", "up_and_down", "before_horizon", "horizon", "beyond"]


def test_the_first_year_is_the_up_and_down_stretch() -> None:
    bank = load_bank()
    start = D(2025, 1, 10)
    for months in (0, 2, 6, 11):
        info = timeline_info(bank, start, start + dt.timedelta(days=31 * months))
        assert info.phase == "up_and_down", months
        text = " ".join(g.text for g in info.guidance)
        assert "first six to twelve months" in text
    # Months six to twelve are never called a stretch of their own.
    assert all("6 to 12" not in p.title and "months 6" not in p.title for p in bank.phases)


@pytest.mark.parametrize(
    ("months", "position", "says"),
    [
        (0, "before", "less than a month in"),
        (2, "before", "still early on that road"),
        (20, "within", "inside the year and a half to three years"),
        (51, "after", "past the year and a half to three years"),
    ],
)
def test_the_horizon_is_shown_from_day_one_with_where_you_stand(
    months: int, position: str, says: str
) -> None:
    start = D(2020, 1, 10)
    info = timeline_info(load_bank(), start, start + dt.timedelta(days=int(30.6 * months) + 1))
    assert info.horizon is not None
    assert info.horizon.position == position
    assert says in info.horizon.text
    assert info.horizon.source == "What the trust repair timeline actually looks like"


def test_without_a_date_the_horizon_is_still_there() -> None:
    info = timeline_info(load_bank(), None, D(2026, 1, 1))
    assert info.horizon is not None and info.horizon.position == "unknown"
    assert "a year and a half and three years" in info.horizon.text


def test_phases_the_article_does_not_name_carry_no_credit() -> None:
    bank = load_bank()
    own = next(p for p in bank.phases if p.id == "before_horizon")
    assert bank.guide(own.guidance).source is None
    assert "own framing" in own.title


def test_no_easing_language_at_month_51_with_everything_in_place() -> None:
    start = D(2020, 1, 10)
    info = timeline_info(load_bank(), start, start + dt.timedelta(days=51 * 31))
    text = " ".join([g.text for g in info.guidance] + [info.horizon.text if info.horizon else ""])
    for phrase in ("not eased", "no easing", "has not eased", "not moving", "stalled"):
        assert phrase not in text, phrase


def test_our_own_framing_is_shown_without_an_article_credit(tmp_path: Path, cli: Cli) -> None:
    fourteen_months_ago = (dt.date.today() - dt.timedelta(days=14 * 31)).isoformat()
    answers = {**BASE_AFFECTED, "discovered": fourteen_months_ago}
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", answers)))
    out = cli("timeline").stdout
    after = out.split("After the first year\n", 1)[1].splitlines()
    end = next((i for i, line in enumerate(after) if not line.strip()), len(after))
    block = "\n".join(after[:end])
    assert "own way of marking the time" in block
    assert "From the article" not in block
    for fmt in ("markdown", "html"):
        doc = cli("export", "--format", fmt).stdout
        framing = doc.split("After the first year", 2)[2].split("Support")[0]
        assert "From the article" not in framing, fmt


@pytest.mark.parametrize(("days", "said"), [(0, True), (30, True), (31, False), (287, False)])
def test_what_to_expect_at_the_anniversary_only_when_it_is_near(days: int, said: bool) -> None:
    discovered = D(2024, 6, 15)
    today = anniversary_in(discovered, 2026) - dt.timedelta(days=days)
    info = timeline_info(load_bank(), discovered, today, "profile")
    assert info.days_to_anniversary == days
    assert ("anniversary_ahead" in [g.id for g in info.guidance]) is said
    assert (info.expect_at_anniversary is not None) is said
