"""`trustrepair calendar`: a valid .ics with stable ids, the right dates and no personal text."""

from __future__ import annotations

import datetime as dt
import stat
import time
from pathlib import Path

import pytest
from icalendar import Calendar

from conftest import BASE_AFFECTED, write_answers

SECRETS = ("PLANTEDNOTEZEBRA", "PLANTEDMARKERWALRUS", "PLANTEDSPIKEIBIS")


def _events(path: Path) -> list:
    cal = Calendar.from_ical(path.read_bytes())
    cal.validate()
    return list(cal.walk("VEVENT"))


def _checkin(cli, tmp_path: Path, **extra: object) -> None:
    answers = {**BASE_AFFECTED, "discovered": "2024-02-29", **extra}
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", answers)))


def test_the_file_parses_validates_and_is_private(cli, tmp_path: Path) -> None:
    _checkin(cli, tmp_path)
    out = tmp_path / "dates.ics"
    result = cli("calendar", "-o", str(out))
    assert "no notes or marker wording" in result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    events = _events(out)
    kinds = {str(e["SUMMARY"]) for e in events}
    assert "trustrepair check-in" in kinds
    assert any("since it came to light" in k for k in kinds)
    assert not list(tmp_path.glob(".dates.ics.*"))  # the temporary file is gone


def test_29_february_anniversaries_and_all_day_dates(cli, tmp_path: Path) -> None:
    _checkin(cli, tmp_path)
    out = tmp_path / "dates.ics"
    cli("calendar", "-o", str(out), "--years", "4", "--no-reminder")
    anniversaries = sorted(
        e.decoded("DTSTART") for e in _events(out) if "came to light" in str(e["SUMMARY"])
    )
    assert len(anniversaries) == 4
    for day in anniversaries:
        assert type(day) is dt.date  # all-day: the same date in every time zone
        assert (day.month, day.day) == ((2, 29) if day.year % 4 == 0 else (2, 28))
    assert [d.year for d in anniversaries] == list(
        range(anniversaries[0].year, anniversaries[0].year + 4)
    )
    assert "VALUE=DATE" in out.read_text()


@pytest.mark.parametrize(
    ("every", "rule"),
    [
        ("week", {"FREQ": ["WEEKLY"], "INTERVAL": [1], "BYDAY": ["TU"]}),
        ("fortnight", {"FREQ": ["WEEKLY"], "INTERVAL": [2], "BYDAY": ["TU"]}),
        ("month", {"FREQ": ["MONTHLY"], "BYDAY": ["1TU"]}),
    ],
)
def test_the_reminder_repeats_as_asked_at_a_local_time(cli, tmp_path: Path, every, rule) -> None:
    _checkin(cli, tmp_path)
    out = tmp_path / "dates.ics"
    cli("calendar", "-o", str(out), "--every", every, "--on", "tuesday", "--at", "07:45")
    (reminder,) = [e for e in _events(out) if "RRULE" in e]
    assert dict(reminder["RRULE"]) == rule
    start = reminder.decoded("DTSTART")
    assert start.tzinfo is None  # floating: 07:45 wherever the person is, across DST
    assert (start.weekday(), start.hour, start.minute) == (1, 7, 45)
    assert start.date() >= dt.date.today()
    assert len(reminder.walk("VALARM")) == 1


def test_the_same_store_gives_the_same_ids_and_dates_in_any_time_zone(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _checkin(cli, tmp_path)
    found = []
    for zone in ("Pacific/Kiritimati", "America/Adak"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        out = tmp_path / f"{zone.replace('/', '-')}.ics"
        cli("calendar", "-o", str(out))
        found.append({str(e["UID"]): e["DTSTART"].to_ical() for e in _events(out)})
    monkeypatch.delenv("TZ")
    time.tzset()
    first, second = found
    # The two zones are 25 hours apart, so "today" can differ; what both hold must agree.
    shared = set(first) & set(second)
    assert len(shared) >= len(first) - 1
    assert all(first[uid] == second[uid] for uid in shared)
    assert len(set(first)) == len(first)  # no two events share an id


def test_another_store_gets_other_ids(cli, tmp_path: Path) -> None:
    ids = []
    for profile in ("one", "two"):
        answers = {**BASE_AFFECTED, "discovered": "2025-05-05"}
        path = write_answers(tmp_path / f"{profile}.toml", "affected", answers)
        cli("--profile", profile, "check", "--answers", str(path))
        out = tmp_path / f"{profile}.ics"
        cli("--profile", profile, "calendar", "-o", str(out))
        ids.append({str(e["UID"]) for e in _events(out)})
    assert not ids[0] & ids[1]


def test_no_free_text_from_the_store_reaches_the_calendar(cli, tmp_path: Path) -> None:
    _checkin(
        cli,
        tmp_path,
        acc_heard=f"{SECRETS[0]} heard",
        ap_marker_text=f"{SECRETS[1]} every evening at seven",
    )
    cli("markers", "add", f"{SECRETS[1]} calls at lunch every day")
    cli("markers", "record", "1", "--shown", "--note", SECRETS[0])
    cli(
        "spike",
        "--minutes",
        "10",
        "--intensity",
        "4",
        "--trigger",
        SECRETS[2],
        "--note",
        SECRETS[0],
    )
    out = tmp_path / "dates.ics"
    cli("calendar", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    unfolded = text.replace("\r\n ", "")
    for secret in SECRETS:
        assert secret.lower() not in unfolded.lower()
    assert len(_events(out)) >= 4


def test_without_a_discovery_date_it_says_how_to_add_one(cli, tmp_path: Path) -> None:
    out = tmp_path / "dates.ics"
    result = cli("calendar", "-o", str(out), code=2)
    assert "profile set discovered" in result.stderr
    assert not out.exists()


def test_an_existing_file_is_kept_unless_forced(cli, tmp_path: Path) -> None:
    _checkin(cli, tmp_path)
    out = tmp_path / "dates.ics"
    out.write_text("mine", encoding="utf-8")
    cli("calendar", "-o", str(out), code=2)
    assert out.read_text(encoding="utf-8") == "mine"
    cli("calendar", "-o", str(out), "--force")
    assert _events(out)
