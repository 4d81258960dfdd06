"""End to end: `spike`, `progress`, `timeline`, `profile set`, and the summary's progress line."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import BASE_AFFECTED, Cli, insert_spikes, open_home_store, write_answers
from trustrepair.bank import load_bank
from trustrepair.models import Spike
from trustrepair.plain import replace
from trustrepair.report import new_checkin
from trustrepair.spikes import week_start


def stored_spikes(home: Path) -> list[Spike]:
    store = open_home_store(home)
    try:
        return store.spikes()
    finally:
        store.close()


def database(home: Path) -> Path:
    return home / "profiles" / "default" / "trustrepair.db"


# --- logging --------------------------------------------------------------------------------


def test_logging_a_spike_is_one_short_command(cli: Cli, home: Path) -> None:
    result = cli("spike")
    assert "Logged a spike at" in result.stderr
    assert result.stdout == ""
    (spike,) = stored_spikes(home)
    assert spike.minutes is None and spike.intensity is None and spike.trigger is None
    assert abs(spike.at_utc - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


@pytest.mark.usefixtures("berlin")
def test_a_spike_is_stored_in_utc_with_the_local_offset(cli: Cli, home: Path) -> None:
    result = cli(
        "spike", "--at", "2026-01-15 23:30", "--minutes", "1h30", "--intensity", "7",
        "--trigger", "new_stressor", "--note", "after the call",
    )  # fmt: skip
    assert "15 Jan 2026, 23:30" in result.stderr
    assert "90 min, intensity 7, new stressor" in result.stderr
    (spike,) = stored_spikes(home)
    assert spike.at_utc == dt.datetime(2026, 1, 15, 22, 30, tzinfo=dt.UTC)
    assert spike.utc_offset_minutes == 60
    assert (spike.minutes, spike.intensity, spike.trigger, spike.note) == (
        90, 7, "new stressor", "after the call",
    )  # fmt: skip


def test_several_a_day_is_said_to_be_common(cli: Cli) -> None:
    cli("spike", "--at", "2026-01-15 08:00")
    result = cli("spike", "--at", "2026-01-15 21:00")
    said = " ".join(result.stderr.split())
    assert "That is 2 on Thu 15 Jan; several in a day is common" in said


def test_a_trigger_in_your_own_words_is_never_read_as_markup(cli: Cli, home: Path) -> None:
    result = cli("spike", "--trigger", "[bold red]his phone[/]")
    assert "[bold red]his phone[/]" in result.stderr
    assert stored_spikes(home)[0].trigger == "[bold red]his phone[/]"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--intensity", "11"], "--intensity must be a whole number from 1 (mild) to 10"),
        (["--minutes", "-5"], "--minutes cannot be negative"),
        (["--at", "around teatime"], "--at: that time was not understood"),
        (["--at", "2999-01-01 10:00"], "--at: that time is in the future"),
        (["--at", "tomorrow 10:00"], "--at: that time is in the future"),
    ],
)
def test_bad_input_is_one_clear_line_and_nothing_is_written(
    cli: Cli, home: Path, args: list[str], message: str
) -> None:
    cli("spike", "--at", "2 hours ago", "--intensity", "4")
    before = database(home).read_bytes()
    result = cli("spike", *args, code=2)
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith(f"Error: {message}")
    assert database(home).read_bytes() == before
    assert len(stored_spikes(home)) == 1


def test_bad_input_on_a_new_home_creates_nothing(cli: Cli, home: Path) -> None:
    cli("spike", "--intensity", "0", code=2)
    assert not home.exists()


def test_quick_questions_in_a_terminal(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trustrepair.cli.spike.stdin_is_terminal", lambda: True)
    result = cli("spike", input="11\n7\n25\n2\n")
    said = " ".join(result.stderr.split())
    assert "Sorry, intensity must be a whole number from 1 (mild) to 10 (strongest)." in said
    (spike,) = stored_spikes(home)
    assert (spike.intensity, spike.minutes, spike.trigger) == (7, 25, "reminder")


def test_quick_questions_can_all_be_skipped(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trustrepair.cli.spike.stdin_is_terminal", lambda: True)
    cli("spike", input="\n\na song on the radio\n")
    (spike,) = stored_spikes(home)
    assert (spike.intensity, spike.minutes, spike.trigger) == (None, None, "a song on the radio")


def test_quick_questions_take_help_back_and_skip_like_check(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trustrepair.cli.spike.stdin_is_terminal", lambda: True)
    # ? at intensity, 6; - skips minutes; < at the trigger goes back to minutes, 20;
    # then the trigger: < again to minutes, Enter keeps 20, then 2 (reminder).
    result = cli("spike", input="?\n6\n-\n<\n20\n<\n\n2\n")
    said = " ".join(result.stderr.split())
    assert "1 is a passing unease" in said
    assert "[20]" in said
    (spike,) = stored_spikes(home)
    assert (spike.intensity, spike.minutes, spike.trigger) == (6, 20, "reminder")


def test_input_ending_during_the_questions_saves_nothing(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trustrepair.cli.spike.stdin_is_terminal", lambda: True)
    result = cli("spike", input="5\n", code=2)
    assert "Nothing was saved" in result.stderr
    assert not home.exists()


# --- progress -------------------------------------------------------------------------------


@pytest.mark.usefixtures("berlin")
def test_a_week_of_spikes_shows_a_correct_chart(cli: Cli) -> None:
    now = dt.datetime.now().astimezone()
    expected: dict[dt.date, int] = {}
    for days_ago, per_day in enumerate([1, 3, 2, 4, 1, 2, 3]):
        for n in range(per_day):
            moment = now - dt.timedelta(days=days_ago, minutes=10 + n)
            cli("spike", "--at", f"{moment:%Y-%m-%d %H:%M}", "--intensity", "5", "--minutes", "15")
            week = week_start(moment.date())
            expected[week] = expected.get(week, 0) + 1
    text = cli("progress").stdout
    assert "16 logged" in text
    for week, count in expected.items():
        assert re.search(rf"{week.isoformat()}\s+[█▏▎▍▌▋▊▉]+\s+{count}\s+15\s+5\s", text), text
    assert re.search(r"so far", text)
    assert "not enough weeks logged yet to see a trend" in text


def test_progress_json_has_weeks_and_a_trend(cli: Cli, home: Path) -> None:
    start = week_start(dt.date.today()) - dt.timedelta(weeks=10)
    spikes = []
    for w, count in enumerate([9, 8, 8, 7, 6, 6, 5, 0, 3, 2]):
        for n in range(count):
            at = dt.datetime.combine(start + dt.timedelta(weeks=w, days=n % 7), dt.time(12), dt.UTC)
            spikes.append(Spike(at_utc=at, utc_offset_minutes=0, minutes=10 * (n + 1), intensity=5))
    insert_spikes(home, spikes)
    data = cli.json("progress", "--json")
    assert isinstance(data, dict)
    assert data["trend"] == "falling"
    weeks = data["weeks"]
    assert weeks[0] == {
        "week_start": start.isoformat(), "count": 9, "median_minutes": 50.0,
        "median_intensity": 5.0, "known_triggers": 0, "near_anniversary": False, "complete": True,
    }  # fmt: skip
    empty = weeks[7]
    assert (empty["count"], empty["median_minutes"], empty["median_intensity"]) == (0, None, None)
    assert weeks[-1]["week_start"] == week_start(dt.date.today()).isoformat()


def test_progress_with_nothing_logged(cli: Cli) -> None:
    result = cli("progress")
    said = result.stdout + result.stderr
    assert said.count("No spikes logged yet") == 1  # once, not again at the end
    assert "trustrepair spike" in said
    data = cli.json("progress", "--json")
    assert isinstance(data, dict)
    assert (data["weeks"], data["trend"]) == ([], "insufficient_data")


def flat_spikes(months: int, per_week: int = 4) -> list[Spike]:
    today = dt.date.today()
    start = today - dt.timedelta(days=int(months * 30.6))
    return [
        Spike(
            at_utc=dt.datetime.combine(start + dt.timedelta(days=d + i), dt.time(10), dt.UTC),
            utc_offset_minutes=0,
        )
        for d in range(0, (today - start).days - 7, 7)
        for i in range(per_week)
    ]


def test_a_year_without_easing_is_said_gently(cli: Cli, home: Path) -> None:
    insert_spikes(home, flat_spikes(13))
    text = cli("progress").stdout
    assert "A year of records without a clear easing" in text
    assert "Because: Spikes logged for 13 months" in text.replace("\n", " ").replace("│", "")
    assert "no clear change yet" in text


def test_two_years_without_easing_suggests_a_therapist(cli: Cli, home: Path) -> None:
    insert_spikes(home, flat_spikes(25))
    data = cli.json("progress", "--json")
    assert isinstance(data, dict)
    (stop,) = data["stops"]
    assert stop["id"] == "no_easing_two_years"
    assert "therapist" in stop["guidance"]["text"]
    assert stop["evidence"][0].startswith("Spikes logged for 25 months")


# --- summary --------------------------------------------------------------------------------


def add_checkins(home: Path, months_ago: list[int], **changes: object) -> None:
    bank = load_bank()
    store = open_home_store(home)
    for months in months_ago:
        checkin = new_checkin(bank, "affected", {**BASE_AFFECTED, **changes})  # type: ignore[arg-type]
        when = dt.datetime.now(dt.UTC) - dt.timedelta(days=31 * months)
        store.add_checkin(replace(checkin, created_utc=when))
    store.close()


def test_summary_gains_the_chart_and_the_trend_in_one_line(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    insert_spikes(home, flat_spikes(2, per_week=3))
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", BASE_AFFECTED)))
    text = cli("summary").stdout
    line = next(x for x in text.splitlines() if x.startswith("Waves of distrust: "))
    assert re.search(r"[▁▂▃▄▅▆▇█·]{5,} .* (no clear change yet|spikes are becoming)", line), line
    report = cli.json("summary", "--json")
    assert isinstance(report, dict)
    assert report["progress"]["trend"] in ("flat", "falling")
    assert report["progress"]["spikes_logged"] == len(flat_spikes(2, per_week=3))


def test_summary_shows_stalled_accountability_with_its_data(cli: Cli, home: Path) -> None:
    add_checkins(home, [3, 2, 0], acc_acknowledged="not_yet")
    text = cli("summary").stdout
    assert "Accountability has stayed out of reach for a while" in text
    assert "not yet in place in the last 3 check-ins in a row" in " ".join(text.split())
    report = cli.json("summary", "--json")
    assert isinstance(report, dict)
    assert [w["id"] for w in report["warnings"]] == ["accountability_stalled"]


def test_ongoing_behaviour_is_shown_once_in_the_summary(cli: Cli, home: Path) -> None:
    add_checkins(home, [1, 0], ongoing="reduced")
    report = cli.json("summary", "--json")
    assert isinstance(report, dict)
    assert [w["id"] for w in report["warnings"]] == ["behaviour_ongoing"]
    progress = cli.json("progress", "--json")
    assert isinstance(progress, dict)
    assert [s["id"] for s in progress["stops"]] == ["behaviour_ongoing"]


# --- timeline and profile -------------------------------------------------------------------


def test_timeline_from_profile_set_on_29_february(cli: Cli) -> None:
    assert (
        "Saved discovered = 2024-02-29" in cli("profile", "set", "discovered", "2024-02-29").stderr
    )
    data = cli.json("timeline", "--json")
    assert isinstance(data, dict)
    today = dt.date.today()
    nxt = dt.date.fromisoformat(data["next_anniversary"])
    assert (nxt.month, nxt.day) in ((2, 28), (2, 29)) and nxt >= today
    assert nxt.day == 29 or nxt.year % 4 != 0
    assert data["days_to_anniversary"] == (nxt - today).days
    assert data["anniversary_number"] == nxt.year - 2024
    assert data["discovered_from"] == "profile"
    text = cli("timeline").stdout
    assert "Came to light: 29 Feb 2024" in text
    # What to expect is said only when the anniversary is near.
    assert ("An anniversary is coming" in text) is (data["days_to_anniversary"] <= 30)


def test_timeline_from_the_latest_check_in(cli: Cli, tmp_path: Path) -> None:
    answers = {**BASE_AFFECTED, "discovered": "2025-06-01"}
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", answers)))
    assert "(from your check-in)" in cli("timeline").stdout


def test_timeline_without_a_date(cli: Cli) -> None:
    result = cli("timeline")
    assert "profile set discovered YYYY-MM-DD" in result.stderr
    got = cli.json("timeline", "--json")
    assert isinstance(got, dict)
    # The span repair commonly takes is shown even before a date is known.
    assert got.pop("horizon")["position"] == "unknown"
    assert got == {
        "discovered": None, "discovered_from": None, "discovered_approximate": False,
        "months_elapsed": None, "phase": None, "phase_brief": None,
        "phase_title": None, "guidance": [], "next_anniversary": None,
        "days_to_anniversary": None, "anniversary_number": None, "expect_at_anniversary": None,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["discovered", "2999-01-01"], "discovered: that date is in the future"),
        (
            ["discovered", "last spring"],
            "discovered: expected a day like 2025-09-14, a month like 2025-09",
        ),
        (["colour", "blue"], "there is no setting 'colour'"),
    ],
)
def test_profile_set_refuses_bad_values(
    cli: Cli, home: Path, args: list[str], message: str
) -> None:
    cli("profile", "set", "discovered", "2025-03-14")
    result = cli("profile", "set", *args, code=2)
    assert result.stderr.startswith(f"Error: {message}")
    assert cli.json("timeline", "--json")["discovered"] == "2025-03-14"  # type: ignore[index]


def test_help_has_examples(cli: Cli) -> None:
    for command in (["spike"], ["progress"], ["timeline"], ["profile", "set"]):
        assert "Example: trustrepair" in cli(*command, "--help").stdout


# --- review fixes: hostile text, far-off times, typed phrases --------------------------------

ESCAPE = "before \x1b[2J after"


@pytest.mark.parametrize("option", ["--note", "--trigger"])
@pytest.mark.parametrize("typed", [ESCAPE, "before \x07 after", "before \u202e after"])
def test_control_characters_are_one_clear_error_and_nothing_is_written(
    cli: Cli, home: Path, option: str, typed: str
) -> None:
    result = cli("spike", option, typed, code=2)
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: {option} contains control characters")
    assert "before" not in result.stderr and "after" not in result.stderr
    assert not home.exists()


def test_a_control_character_typed_at_the_trigger_question_is_asked_again(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("trustrepair.cli.spike.stdin_is_terminal", lambda: True)
    result = cli("spike", input=f"\n\n{ESCAPE}\n2\n")
    assert "Sorry, trigger contains control characters" in result.stderr
    assert "before" not in result.stderr
    (spike,) = stored_spikes(home)
    assert spike.trigger == "reminder"


def test_the_trigger_choices_read_well_at_80_columns(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr("trustrepair.cli.spike.stdin_is_terminal", lambda: True)
    lines = cli("spike", input="\n\n\n").stderr.splitlines()
    for n, name in enumerate(["anniversary", "reminder", "new stressor"], 1):
        assert f"{n}. {name}" in "\n".join(lines)
    assert any(line.strip() == "4. partner's behaviour" for line in lines), lines
    assert any(line.strip() == "5. unknown" for line in lines), lines
    assert all(len(line) <= 80 for line in lines)


@pytest.mark.parametrize(
    "at", ["0001-01-01 00:00", "0001-01-01 00:00+14:00", "1800-01-01 10:00", "9999 weeks ago"]
)
def test_a_time_more_than_ten_years_back_is_refused_and_nothing_is_written(
    cli: Cli, home: Path, at: str
) -> None:
    result = cli("spike", "--at", at, code=2)
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("Error: --at: that is more than 10 years ago")
    assert not home.exists()


@pytest.mark.usefixtures("berlin")
def test_nine_pm_typed_in_the_morning_is_logged_for_last_night(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    morning = dt.datetime(2026, 3, 10, 8, 0, tzinfo=dt.UTC)  # 09:00 in Berlin
    monkeypatch.setattr("trustrepair.models.now_utc", lambda: morning)
    result = cli("spike", "--at", "9pm", "--minutes", "1h59")
    said = " ".join(result.stderr.split())
    assert "Logged a spike at 9 Mar 2026, 21:00 (119 min)." in said
    assert "Read as yesterday: 21:00 today is still to come." in said
    (spike,) = stored_spikes(home)
    assert spike.at_utc == dt.datetime(2026, 3, 9, 20, 0, tzinfo=dt.UTC)


def test_days_ago_is_accepted(cli: Cli, home: Path) -> None:
    cli("spike", "--at", "7 days ago")
    (spike,) = stored_spikes(home)
    assert abs(spike.at_utc - (dt.datetime.now(dt.UTC) - dt.timedelta(days=7))) < dt.timedelta(
        minutes=5
    )


def test_minutes_over_59_after_the_hours_are_refused(cli: Cli, home: Path) -> None:
    result = cli("spike", "--minutes", "1h90", code=2)
    assert result.stderr.startswith("Error: --minutes after the hours must be 0 to 59")
    assert not home.exists()


def steady_then_nothing(weeks: int = 12, per_week: int = 6, quiet: int = 5) -> list[Spike]:
    start = week_start(dt.date.today()) - dt.timedelta(weeks=weeks + quiet)
    return [
        Spike(
            at_utc=dt.datetime.combine(start + dt.timedelta(weeks=w, days=d), dt.time(12), dt.UTC),
            utc_offset_minutes=0,
        )
        for w in range(weeks)
        for d in range(per_week)
    ]


def test_stopping_logging_is_said_plainly_next_to_the_trend(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    spikes = steady_then_nothing()
    insert_spikes(home, spikes)
    last = max(s.at_utc for s in spikes).date()
    since = f"No spikes logged since {last.day} {last:%b %Y}"
    data = cli.json("progress", "--json")
    assert isinstance(data, dict)
    assert data["trend"] == "falling" and len(data["weeks"]) == 18
    assert data["logging_gap"]["last_spike"] == last.isoformat()
    assert data["logging_gap"]["empty_weeks"] == 5
    assert data["logging_gap"]["text"].startswith(since)
    text = " ".join(cli("progress").stdout.split())
    assert f"{since} (5 full weeks). If you stopped logging rather than stopped having" in text
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", BASE_AFFECTED)))
    full = cli("summary", "--full").stdout
    summary = " ".join(full.split("Waves of distrust")[1].split())
    assert "spikes are becoming less frequent" in summary
    assert since in summary.split("Timeline")[0]
