"""Safety comes first: a yes to the safety question withholds every verdict, everywhere.

Each test reads what a person sees: the terminal summary, `--json`, and the four exports
(Markdown, HTML, JSON, TOML), with and without --no-notes.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest

from conftest import BASE_AFFECTED, BASE_BETRAYING, Cli, write_answers
from trustrepair.plain import replace

# Answers that would otherwise give every verdict and recommend couples therapy.
HEARD = "It only happened because you were never home."
AFRAID = {
    "affected": {
        **BASE_AFFECTED,
        "afraid": True,
        "sup_couples": "no",
        "acc_blame": "often",
        "acc_heard": HEARD,
    },
    "betraying": {**BASE_BETRAYING, "afraid": True, "sup_couples": "no", "ongoing": "reduced"},
}
VERDICT_WORDS = ["not yet in place", "partly in place", "● in place", "○", "◐", "●"]


def checked_in(cli: Cli, tmp_path: Path, role: str) -> str:
    path = write_answers(tmp_path / "a.toml", role, AFRAID[role])
    return str(cli("check", "--answers", str(path)).stdout)


def statuses_in(data: object) -> list[str]:
    """Every status value anywhere in a JSON or TOML document."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "status" and isinstance(value, str):
                found.append(value)
            elif key == "statuses" and isinstance(value, dict):
                found += list(value.values())
            else:
                found += statuses_in(value)
    elif isinstance(data, list):
        for item in data:
            found += statuses_in(item)
    return found


def assert_no_couples_therapy(text: str) -> None:
    flat = " ".join(text.lower().split())
    assert "couples therap" not in flat
    assert "couples_therapy" not in flat


@pytest.mark.parametrize("role", ["affected", "betraying"])
def test_the_terminal_says_safety_first_and_grades_nothing(
    cli: Cli, tmp_path: Path, role: str
) -> None:
    for out in (checked_in(cli, tmp_path, role), cli("summary").stdout):
        assert out.lstrip().startswith("╭─ Your safety comes first")
        flat = " ".join(out.split())
        assert "Safety comes first." in flat  # the reason the statuses are withheld
        for word in VERDICT_WORDS:
            assert word not in out, word
        assert flat.count("? unclear") >= 3
        assert "emergency number" in flat
        assert "domestic-abuse service" in flat
        assert "Support of your own" in flat
        assert_no_couples_therapy(out)
        # Gentle, and no verdict on the partner: no stop warnings, no "cannot work".
        assert "Repair cannot" not in flat
        assert "Blame-sharing blocks repair" not in flat


@pytest.mark.parametrize("role", ["affected", "betraying"])
def test_json_withholds_every_verdict(cli: Cli, tmp_path: Path, role: str) -> None:
    checked_in(cli, tmp_path, role)
    report = cli.json("summary", "--json")
    assert isinstance(report, dict)
    assert report["safety_first"] is True
    assert report["opening"].startswith("Safety comes first")
    assert [a["id"] for a in report["safety"]] == ["safety_first"]
    assert report["warnings"] == []
    assert set(statuses_in(report)) == {"unclear"}
    for area in report["prerequisites"].values():
        assert [r["rule"] for r in area["reasons"]] == ["safety_first"]
        assert area["guidance"] == []
    assert [g["id"] for g in report["support"]] == ["safety_own_support"]
    assert report["own_part"] is None
    assert report["reflections"] == []  # no reading of the partner's words either
    assert_no_couples_therapy(json.dumps(report))


@pytest.mark.parametrize("role", ["affected", "betraying"])
@pytest.mark.parametrize("no_notes", [False, True])
def test_every_export_agrees(cli: Cli, tmp_path: Path, role: str, no_notes: bool) -> None:
    checked_in(cli, tmp_path, role)
    extra = ["--no-notes"] if no_notes else []
    md = cli("export", "--format", "markdown", *extra).stdout
    html = cli("export", "--format", "html", *extra).stdout
    as_json = cli.json("export", "--format", "json", *extra)
    as_toml = tomllib.loads(cli("export", "--format", "toml", *extra).stdout)
    for text in (md, html):
        assert_no_couples_therapy(text)
        for word in ["not yet in place", "partly in place", ": in place"]:
            assert word not in text
        assert "unclear" in text
    assert set(statuses_in(as_json)) == {"unclear"}
    assert set(statuses_in(as_toml)) == {"unclear"}
    assert_no_couples_therapy(json.dumps(as_json))
    assert_no_couples_therapy(json.dumps(as_toml, default=str))
    if not no_notes:
        # The person's own copy says why, first.
        assert md.index("Your safety comes first") < md.index("Where things stand")
        assert html.index("Your safety comes first") < html.index("Where things stand")


def test_a_shared_copy_does_not_reveal_the_fear(cli: Cli, tmp_path: Path) -> None:
    checked_in(cli, tmp_path, "affected")
    for fmt in ("markdown", "html", "json", "toml"):
        text = cli("export", "--format", fmt, "--no-notes").stdout
        assert "afraid" not in text.lower()
        assert "domestic-abuse" not in text


def test_without_the_fear_the_same_answers_are_graded(cli: Cli, tmp_path: Path) -> None:
    path = write_answers(tmp_path / "a.toml", "affected", {**AFRAID["affected"], "afraid": False})
    report = cli.json("check", "--answers", str(path), "--json")
    assert isinstance(report, dict)
    assert report["safety_first"] is False
    assert report["prerequisites"]["accountability"]["status"] == "not_yet"
    assert "couples_therapy" in [g["id"] for g in report["support"]]


def test_a_history_of_stalled_check_ins_reads_out_no_stop_while_afraid(
    cli: Cli, tmp_path: Path, home: Path
) -> None:
    import datetime as dt

    from conftest import open_home_store
    from trustrepair.bank import load_bank
    from trustrepair.report import new_checkin
    from trustrepair.vocab import Role

    blamed = {**BASE_AFFECTED, "acc_blame": "often", "ongoing": "reduced", "sup_couples": "no"}
    path = write_answers(tmp_path / "first.toml", "affected", blamed)
    cli("check", "--answers", str(path))  # creates the store
    store = open_home_store(home)
    try:
        for days_ago in (120, 90, 60):
            checkin = new_checkin(load_bank(), Role.affected, blamed)
            when = dt.datetime.now(dt.UTC) - dt.timedelta(days=days_ago)
            store.add_checkin(replace(checkin, created_utc=when))
    finally:
        store.close()
    assert cli.json("progress", "--json")["stops"]  # type: ignore[index]
    afraid = {**AFRAID["affected"], "ongoing": "reduced"}
    cli("check", "--answers", str(write_answers(tmp_path / "b.toml", "affected", afraid)))
    report = cli.json("summary", "--json")
    assert isinstance(report, dict)
    assert report["warnings"] == []
    exported = cli.json("export", "--format", "json")
    assert isinstance(exported, dict)
    assert_no_couples_therapy(json.dumps(exported))
    assert cli.json("progress", "--json")["stops"] == []  # type: ignore[index]
    assert_no_couples_therapy(cli("summary").stdout)


def test_the_timeline_shows_dates_but_no_repair_road_while_afraid(cli: Cli, tmp_path: Path) -> None:
    answers = {**AFRAID["affected"], "discovered": "2025-01-10"}
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", answers)))
    info = cli.json("timeline", "--json")
    assert isinstance(info, dict)
    assert info["discovered"] == "2025-01-10"
    assert (info["horizon"], info["phase"]) == (None, None)
    assert [g["id"] for g in info["guidance"]] == ["safety_own_support"]  # the pointer only
    assert info["expect_at_anniversary"] is None


def test_the_timeline_near_an_anniversary_suggests_nothing_joint_while_afraid(
    cli: Cli, tmp_path: Path
) -> None:
    soon = dt.date.today() - dt.timedelta(days=365 - 10)  # the anniversary is days away
    answers = {**AFRAID["affected"], "discovered": soon.isoformat()}
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", answers)))
    shown = " ".join(cli("timeline").stdout.split())
    assert "Next anniversary" in shown
    assert "Support of your own" in shown
    assert "An anniversary is coming" not in shown
    assert "together" not in shown.lower()


def test_the_calendar_suggests_nothing_joint_while_afraid(cli: Cli, tmp_path: Path) -> None:
    answers = {**AFRAID["affected"], "discovered": "2025-09-14"}
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", answers)))
    ics = cli("calendar", "--no-reminder").stdout.replace("\r\n ", "").replace("\n ", "")
    flat = " ".join(ics.replace("\\n", " ").replace("\\,", ",").split()).lower()
    assert "since it came to light" in flat  # the anniversaries are still there
    assert "support that is just for you" in flat
    for joint in ("together", "agree beforehand", "session", "couples", "on: "):
        assert joint not in flat
    assert "months on" not in flat and "years on" not in flat  # no marks of the repair road
