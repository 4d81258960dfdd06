"""Reading the times and durations people type for a spike."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trustrepair.errors import BadInputError
from trustrepair.moments import parse_intensity, parse_minutes, parse_moment, read_moment

NOW = dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC)  # Tuesday, 13:00 in Berlin


@pytest.mark.usefixtures("berlin")
@pytest.mark.parametrize(
    ("typed", "local"),
    [
        ("now", "2026-03-10 13:00"),
        ("", "2026-03-10 13:00"),
        ("08:15", "2026-03-10 08:15"),
        ("today 08:15", "2026-03-10 08:15"),
        ("Yesterday 21:00", "2026-03-09 21:00"),
        ("yesterday 9pm", "2026-03-09 21:00"),
        ("yesterday 12am", "2026-03-09 00:00"),
        ("30 min ago", "2026-03-10 12:30"),
        ("2 hours ago", "2026-03-10 11:00"),
        ("2026-03-01 21:00", "2026-03-01 21:00"),
        ("2026-03-01T21:00", "2026-03-01 21:00"),
    ],
)
def test_phrases_are_read_in_local_time(typed: str, local: str) -> None:
    moment = parse_moment(typed, NOW)
    assert f"{moment:%Y-%m-%d %H:%M}" == local
    assert moment.utcoffset() == dt.timedelta(hours=1)  # Berlin in winter


@pytest.mark.usefixtures("berlin")
def test_summer_time_gives_the_summer_offset() -> None:
    summer_now = dt.datetime(2026, 7, 1, 12, 0, tzinfo=dt.UTC)
    moment = parse_moment("yesterday 23:30", summer_now)
    assert moment.utcoffset() == dt.timedelta(hours=2)
    assert moment.astimezone(dt.UTC) == dt.datetime(2026, 6, 30, 21, 30, tzinfo=dt.UTC)


def test_an_explicit_offset_is_kept() -> None:
    moment = parse_moment("2026-03-08 23:30+02:00", NOW)
    assert moment.utcoffset() == dt.timedelta(hours=2)
    assert moment.astimezone(dt.UTC) == dt.datetime(2026, 3, 8, 21, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "typed", ["banana", "yesterday", "25:00", "2026-03-01", "21", "13pm", "2026-02-30 10:00"]
)
def test_unreadable_times_are_refused_without_echo(typed: str) -> None:
    with pytest.raises(BadInputError) as caught:
        parse_moment(typed, NOW)
    assert "not understood" in caught.value.message
    assert "banana" not in caught.value.message


@pytest.mark.usefixtures("berlin")
@pytest.mark.parametrize(
    "typed", ["today 23:00", "tomorrow 08:00", "2026-03-11 09:00", "2027-01-01 00:00+00:00"]
)
def test_future_times_are_refused(typed: str) -> None:
    with pytest.raises(BadInputError, match="in the future"):
        parse_moment(typed, NOW)


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [("20", 20), ("0", 0), ("20m", 20), ("20 min", 20), ("1h", 60), ("1h30", 90), ("1.5h", 90)],
)
def test_durations(typed: str, minutes: int) -> None:
    assert parse_minutes(typed) == minutes


@pytest.mark.parametrize("typed", ["-5", "", "soon", "1.5", "99999"])
def test_bad_durations(typed: str) -> None:
    with pytest.raises(BadInputError):
        parse_minutes(typed)


def test_negative_minutes_say_so() -> None:
    with pytest.raises(BadInputError, match="cannot be negative"):
        parse_minutes("-5")


@pytest.mark.parametrize("typed", ["0", "11", "-1", "5.5", "high", ""])
def test_intensity_outside_one_to_ten_is_refused(typed: str) -> None:
    with pytest.raises(BadInputError, match="1 \\(mild\\) to 10"):
        parse_intensity(typed)


def test_intensity_within_range() -> None:
    assert [parse_intensity(str(n)) for n in (1, 10)] == [1, 10]


# --- review fixes ------------------------------------------------------------------------------


@pytest.mark.usefixtures("berlin")
@pytest.mark.parametrize(
    ("typed", "local"),
    [
        ("7 days ago", "2026-03-03 13:00"),
        ("3 days ago", "2026-03-07 13:00"),
        ("1 day ago", "2026-03-09 13:00"),
        ("a day ago", "2026-03-09 13:00"),
        ("an hour ago", "2026-03-10 12:00"),
        ("2 weeks ago", "2026-02-24 13:00"),
        ("90 mins ago", "2026-03-10 11:30"),
    ],
)
def test_days_and_weeks_ago_are_read_like_minutes_ago(typed: str, local: str) -> None:
    assert f"{parse_moment(typed, NOW):%Y-%m-%d %H:%M}" == local


@pytest.mark.usefixtures("berlin")
@pytest.mark.parametrize("typed", ["21:00", "9pm", "9:00 pm"])
def test_a_bare_time_still_to_come_today_means_yesterday(typed: str) -> None:
    moment = read_moment(typed, NOW)  # 13:00 in Berlin
    assert f"{moment.at:%Y-%m-%d %H:%M}" == "2026-03-09 21:00"
    assert moment.read_as_yesterday


@pytest.mark.usefixtures("berlin")
@pytest.mark.parametrize("typed", ["08:15", "13:00", "now", "2 hours ago", "yesterday 21:00"])
def test_other_times_are_not_moved_to_yesterday(typed: str) -> None:
    assert not read_moment(typed, NOW).read_as_yesterday


@pytest.mark.parametrize(
    "typed",
    [
        "0001-01-01 00:00",
        "0001-01-01 00:00+14:00",
        "0001-01-01 00:00-14:00",
        "1800-01-01 10:00",
        "1970-01-01 00:00Z",
        "2016-03-09 12:00Z",  # ten years and a day before NOW
        "9999 weeks ago",
        "600 weeks ago",
    ],
)
def test_times_more_than_ten_years_back_are_refused_with_the_reason(typed: str) -> None:
    with pytest.raises(BadInputError) as caught:
        parse_moment(typed, NOW)
    assert caught.value.message.startswith("--at: that is more than 10 years ago")
    assert "check the year" in caught.value.message


def test_ten_years_back_is_still_accepted() -> None:
    assert parse_moment("2016-03-11 12:00Z", NOW).year == 2016


@pytest.mark.parametrize("typed", ["9999-12-31 23:59-14:00", "9999-12-31 23:59+14:00"])
def test_the_far_future_is_refused_without_overflow(typed: str) -> None:
    with pytest.raises(BadInputError, match="in the future"):
        parse_moment(typed, NOW)


WALL = st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31, 23, 59))
OFFSET = st.sampled_from(["", "Z", "+14:00", "-14:00", "+05:45", "-23:59", "+23:59"])


@given(WALL, OFFSET)
def test_no_typed_date_and_time_can_raise_anything_but_a_clear_error(
    wall: dt.datetime, offset: str
) -> None:
    try:
        moment = parse_moment(f"{wall:%Y-%m-%d %H:%M}{offset}", NOW)
    except BadInputError:
        return
    assert NOW - dt.timedelta(days=3653) <= moment <= NOW + dt.timedelta(minutes=1)


@given(st.text(max_size=40))
def test_no_typed_text_can_raise_anything_but_a_clear_error(typed: str) -> None:
    with contextlib.suppress(BadInputError):
        parse_moment(typed, NOW)


@pytest.mark.parametrize("typed", ["1h90", "1h60", "2h 75m", "1.5h30"])
def test_minutes_over_59_after_an_hour_part_are_refused(typed: str) -> None:
    with pytest.raises(BadInputError, match="0 to 59"):
        parse_minutes(typed)


@pytest.mark.parametrize(("typed", "minutes"), [("1h59", 119), ("2h05", 125), ("150", 150)])
def test_hours_and_minutes_within_the_hour(typed: str, minutes: int) -> None:
    assert parse_minutes(typed) == minutes


@pytest.mark.parametrize("typed", ["9" * 400 + "h", "9" * 5000, "9" * 400 + ".5h"])
def test_absurdly_long_numbers_are_a_clear_error(typed: str) -> None:
    with pytest.raises(BadInputError):
        parse_minutes(typed)


@given(st.text(max_size=30))
def test_no_typed_duration_can_raise_anything_but_a_clear_error(typed: str) -> None:
    try:
        minutes = parse_minutes(typed)
    except BadInputError:
        return
    assert 0 <= minutes <= 7 * 24 * 60


# 29 March 2026: Berlin's clocks jump from 02:00 to 03:00, so 02:00-02:59 never happened.
AFTER_THE_JUMP = dt.datetime(2026, 3, 29, 10, 0, tzinfo=dt.UTC)


@pytest.mark.usefixtures("berlin")
@pytest.mark.parametrize("typed", ["2026-03-29 02:30", "today 02:30", "02:30", "yesterday 2:30am"])
def test_a_time_in_the_daylight_saving_gap_is_refused_with_both_readings(typed: str) -> None:
    now = AFTER_THE_JUMP + (
        dt.timedelta(days=1) if typed.startswith("yesterday") else dt.timedelta()
    )
    with pytest.raises(BadInputError) as refused:
        read_moment(typed, now)
    assert "01:30" in refused.value.message
    assert "03:30" in refused.value.message
    assert "02:30" in refused.value.message


@pytest.mark.usefixtures("berlin")
def test_times_either_side_of_the_gap_are_read_as_typed() -> None:
    assert f"{parse_moment('2026-03-29 01:59', AFTER_THE_JUMP):%H:%M %z}" == "01:59 +0100"
    assert f"{parse_moment('2026-03-29 03:00', AFTER_THE_JUMP):%H:%M %z}" == "03:00 +0200"
