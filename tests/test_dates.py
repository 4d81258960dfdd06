"""One date reader for the bank and every command: days, approximate months, words."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from conftest import BASE_AFFECTED, Cli, write_answers
from trustrepair.dates import DateProblem, LooseDate, parse_date, read_stored
from trustrepair.schema import export_schema_text

TODAY = dt.date(2026, 3, 18)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2025-09-14", "2025-09-14"),
        ("2025-09", "2025-09"),
        ("today", "2026-03-18"),
        (" Yesterday ", "2026-03-17"),
        ("3 days ago", "2026-03-15"),
        ("1 day ago", "2026-03-17"),
    ],
)
def test_every_form_is_read(typed: str, stored: str) -> None:
    assert parse_date(typed, TODAY).stored == stored


def test_a_month_is_approximate_and_says_so() -> None:
    month = parse_date("2025-09", TODAY)
    assert month == LooseDate(dt.date(2025, 9, 15), approximate=True)
    from trustrepair.render.words import rough_day

    assert rough_day(month.day, approximate=True) == "around Sep 2025"
    assert month.first_day == dt.date(2025, 9, 1)
    assert read_stored("2025-09") == month


@pytest.mark.parametrize("typed", ["14/09/2025", "last week", "2025-9-1", "20250914", ""])
def test_errors_name_the_forms_in_words(typed: str) -> None:
    with pytest.raises(DateProblem) as caught:
        parse_date(typed, TODAY)
    assert "a day like 2025-09-14, a month like 2025-09" in str(caught.value)
    assert "%" not in str(caught.value)


def test_this_month_is_not_the_future_but_next_month_is() -> None:
    assert parse_date("2026-03", TODAY).approximate
    with pytest.raises(DateProblem, match="future"):
        parse_date("2026-04", TODAY)


def test_profile_set_takes_a_month_and_the_timeline_says_around(cli: Cli) -> None:
    cli("profile", "set", "discovered", "2025-09")
    out = cli("timeline").stdout
    assert "around Sep 2025" in out
    info = cli.json("timeline", "--json")
    assert isinstance(info, dict)
    assert info["discovered_approximate"] is True
    assert info["discovered"] == "2025-09-15"  # the middle of the month, for arithmetic


def test_an_approximate_month_survives_export_and_import(cli: Cli, tmp_path: Path) -> None:
    answers = {**BASE_AFFECTED, "discovered": "2025-09"}
    answers_file = write_answers(tmp_path / "a.toml", "affected", answers)
    cli("check", "--answers", str(answers_file))
    cli("profile", "set", "discovered", "2025-08")
    exported = cli("export", "--format", "json").stdout
    jsonschema.validate(json.loads(exported), json.loads(export_schema_text()))
    backup = tmp_path / "backup.json"
    backup.write_text(exported, encoding="utf-8")
    other = tmp_path / "other"
    cli("--home", str(other), "import", str(backup), "--yes")
    again = json.loads(cli("--home", str(other), "export", "--format", "json").stdout)
    assert again["data"]["checkins"][0]["answers"]["discovered"] == "2025-09"
    assert again["data"]["settings"]["discovered"] == "2025-08"
    assert "around Aug 2025" in cli("--home", str(other), "summary", "--full").stdout


def test_since_error_names_the_form_in_words(cli: Cli) -> None:
    result = cli("export", "--since", "03/01/2026", code=2)
    assert "expected a day like 2025-09-14" in result.stderr
    assert "%Y" not in result.stderr


def test_since_takes_words_and_months(cli: Cli) -> None:
    cli("export", "--since", "30 days ago", "--format", "json")
    cli("export", "--since", "2025-09", "--format", "json")


def test_marker_record_takes_days_ago(cli: Cli) -> None:
    cli("markers", "add", "Tells me the same day when plans change")
    cli("markers", "record", "1", "--shown", "--on", "2 days ago")
    (view,) = cli.json("markers", "list", "--json")  # type: ignore[misc]
    assert view["consistency"]["last_30_days"] == {"shown": 1, "recorded": 1}


def test_an_approximate_month_names_the_anniversary_month_not_a_day_count(
    cli: Cli, tmp_path: Path
) -> None:
    import datetime as dt

    today = dt.date.today()
    last_year = today.year - 1
    cli("profile", "set", "discovered", f"{last_year}-01")
    # Counted from the middle of the month: the next 15 January on or after today.
    next_year = today.year if dt.date(today.year, 1, 15) >= today else today.year + 1
    out = " ".join(cli("timeline").stdout.split())
    assert f"Came to light: around Jan {last_year}" in out
    anniversary = out.split("Next anniversary: ")[1]
    assert anniversary.split(" Reading")[0].startswith("the ")
    assert f"around Jan {next_year}" in anniversary
    assert "days)" not in anniversary.split(str(next_year))[0]
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", BASE_AFFECTED)))
    for fmt in ("markdown", "html"):
        exported = cli("export", "--format", fmt).stdout
        assert f"around Jan {last_year}, " in exported, fmt
        assert f"around Jan {next_year}" in exported, fmt
