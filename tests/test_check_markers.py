"""Markers named inside `trustrepair check`, and the markers section of the summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import BASE_AFFECTED, Cli, write_answers

VAGUE = "Be more honest with me"
CONCRETE = "Texts me before leaving work every evening"


def walk(marker_lines: str, after: str = "") -> str:
    """Typed input for `check --role affected`: every question, the marker, then `after`."""
    before_marker = ["n", "-", "1", "1", "1", "1", "-", "-", "1", "1", "4", "4", "1"]
    rest = ["-", "-", "1", "1"]
    return "\n".join(before_marker) + "\n" + marker_lines + "\n".join(rest) + "\n" + after


def test_the_marker_answer_is_coached_and_saved_with_the_checkin(cli: Cli) -> None:
    result = cli("check", "--role", "affected", input=walk(f"{VAGUE}\n\n", "n\n"))
    assert "Could this be easier to see?" in result.stderr
    assert "type < at the next question" in result.stderr
    listed = cli.json("markers", "list", "--json")
    assert [(m["text"], m["concrete"]) for m in listed] == [(VAGUE, False)]
    assert len(cli.json("history", "--json")) == 1  # type: ignore[arg-type]


def test_more_markers_can_be_added_at_the_end(cli: Cli) -> None:
    extra = f"y\n{CONCRETE}\n\ny\n\n"  # one more, then an empty first line stops
    result = cli("check", "--role", "affected", input=walk(f"{VAGUE}\n\n", extra))
    assert "This one names something you could notice" in result.stderr
    listed = cli.json("markers", "list", "--json")
    assert [m["text"] for m in listed] == [VAGUE, CONCRETE]


def test_going_back_rewords_the_marker(cli: Cli) -> None:
    marker = f"{VAGUE}\n\n<\n{CONCRETE}\n\n"  # `<` at the next question goes back
    cli("check", "--role", "affected", input=walk(marker, "n\n"))
    assert [m["text"] for m in cli.json("markers", "list", "--json")] == [CONCRETE]


def test_a_skipped_marker_question_offers_nothing_more(cli: Cli) -> None:
    result = cli("check", "--role", "affected", input=walk("-\n"))
    assert "name another behaviour" not in result.stderr
    assert cli.json("markers", "list", "--json") == []


def test_input_ending_midway_saves_neither_checkin_nor_markers(cli: Cli, home: Path) -> None:
    result = cli("check", "--role", "affected", input=walk(f"{VAGUE}\n\n", "y\n"), code=2)
    assert "Nothing was saved" in result.stderr
    assert cli.json("markers", "list", "--json") == []
    assert cli.json("history", "--json") == []


def test_the_other_partner_is_not_asked_for_markers(cli: Cli) -> None:
    typed = "\n".join(["n", "-", "1", "1", "1", "1", "-", "-", "1", "1", "1", "1", "1", "1"]) + "\n"
    result = cli("check", "--role", "betraying", input=typed)
    assert "name another behaviour" not in result.stderr
    assert cli.json("markers", "list", "--json") == []


def test_an_answers_file_marker_is_saved_and_coached_in_the_report(
    cli: Cli, tmp_path: Path
) -> None:
    path = write_answers(
        tmp_path / "a.toml", "affected", {**BASE_AFFECTED, "ap_marker_text": VAGUE}
    )
    report = cli.json("check", "--answers", str(path), "--json")
    section = report["markers"]  # type: ignore[index]
    assert (section["active"], section["concrete"]) == (1, 0)
    assert section["markers"][0]["id"] == 1
    assert section["markers"][0]["advice"]
    assert "markers_make_observable" in [g["id"] for g in section["guidance"]]
    assert [m["text"] for m in cli.json("markers", "list", "--json")] == [VAGUE]


def test_no_save_shows_the_marker_but_writes_nothing(cli: Cli, tmp_path: Path, home: Path) -> None:
    path = write_answers(
        tmp_path / "a.toml", "affected", {**BASE_AFFECTED, "ap_marker_text": CONCRETE}
    )
    report = cli.json("check", "--answers", str(path), "--json", "--no-save")
    (shown,) = report["markers"]["markers"]  # type: ignore[index]
    assert (shown["id"], shown["concrete"]) == (None, True)
    assert not (home / "profiles").exists()


def test_summary_reports_consistency_and_the_missed_day_guidance(cli: Cli, tmp_path: Path) -> None:
    path = write_answers(tmp_path / "a.toml", "affected", BASE_AFFECTED)
    cli("check", "--answers", str(path))
    cli("markers", "add", CONCRETE)
    cli("markers", "record", "1", "--shown", "--on", "yesterday")
    summary = cli.json("summary", "--json")
    section = summary["markers"]  # type: ignore[index]
    assert section["markers"][0]["consistency"]["last_30_days"] == {"shown": 1, "recorded": 1}
    assert "markers_missed_day" not in [g["id"] for g in section["guidance"]]

    cli("markers", "record", "1", "--missed")
    section = cli.json("summary", "--json")["markers"]  # type: ignore[index]
    assert "markers_missed_day" in [g["id"] for g in section["guidance"]]
    text = cli("summary", "--full").stdout
    assert "Markers ──" in text
    assert "1 active marker, 1 of them concrete" in text
    assert "A day not shown is not a collapse" in text


def test_the_week_strip_in_the_summary_marks_a_week_without_records(
    cli: Cli, tmp_path: Path
) -> None:
    path = write_answers(tmp_path / "a.toml", "affected", BASE_AFFECTED)
    cli("check", "--answers", str(path))
    cli("markers", "add", CONCRETE)
    two_weeks_ago = (dt.date.today() - dt.timedelta(days=14)).isoformat()
    cli("markers", "record", "1", "--shown", "--on", two_weeks_ago)
    cli("markers", "record", "1", "--shown")
    weeks = cli.json("summary", "--json")["markers"]["markers"][0]["consistency"]["weeks"]  # type: ignore[index]
    assert [(w["shown"], w["recorded"]) for w in weeks] == [(1, 1), (0, 0), (1, 1)]
    assert "▇·▇" in cli("summary", "--full").stdout


def test_a_marker_worded_like_an_active_one_is_asked_about(cli: Cli) -> None:
    cli("markers", "add", CONCRETE)
    declined = cli("check", "--role", "affected", input=walk(f"{CONCRETE}\n\n", "n\nn\n"))
    assert "Marker 1 already has these words" in declined.stderr
    assert len(cli.json("markers", "list", "--json")) == 1  # type: ignore[arg-type]
    cli("check", "--role", "affected", input=walk(f"{CONCRETE}\n\n", "n\ny\n"))
    assert len(cli.json("markers", "list", "--json")) == 2  # type: ignore[arg-type]


def test_an_answers_file_does_not_add_a_marker_twice(cli: Cli, tmp_path: Path) -> None:
    cli("markers", "add", CONCRETE)
    answers = {**BASE_AFFECTED, "ap_marker_text": CONCRETE.lower()}
    result = cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", answers)))
    assert "Not added; marker 1 is still there as it was." in result.stderr
    assert len(cli.json("markers", "list", "--json")) == 1  # type: ignore[arg-type]
