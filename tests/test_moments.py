"""Reading the times and durations people type for a spike."""

from __future__ import annotations

import datetime as dt

import pytest

from trustrepair.errors import BadInputError
from trustrepair.moments import parse_intensity, parse_minutes, parse_moment

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
@pytest.mark.parametrize("typed", ["23:00", "2026-03-11 09:00", "2027-01-01 00:00+00:00"])
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
