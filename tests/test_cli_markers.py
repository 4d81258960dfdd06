"""`trustrepair markers ...` end to end, as a person would type it."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import Cli
from trustrepair.cli import app

CONCRETE = "Texts me before leaving work every evening"
VAGUE = "Be more honest with me"
TODAY = dt.date.today()


def database(home: Path) -> Path:
    return home / "profiles" / "default" / "trustrepair.db"


def snapshot(home: Path) -> str | None:
    """Everything in the store, as SQL text; None when no store exists."""
    path = database(home)
    if not path.exists():
        return None
    db = sqlite3.connect(path)
    try:
        return "\n".join(db.iterdump())
    finally:
        db.close()


def test_add_shows_coaching_and_json_has_the_promised_fields(cli: Cli) -> None:
    result = cli("markers", "add", VAGUE)
    assert "Added marker 1." in result.stderr
    assert "Could this be easier to see?" in result.stdout
    assert "keep the marker as you wrote it" in result.stdout
    added = cli.json("markers", "add", CONCRETE, "--json")
    assert isinstance(added, dict)
    assert (added["id"], added["text"], added["concrete"], added["advice"]) == (
        2,
        CONCRETE,
        True,
        [],
    )


def test_list_edit_record_retire_end_to_end(cli: Cli) -> None:
    cli("markers", "add", CONCRETE)
    cli("markers", "add", VAGUE)
    listed = cli.json("markers", "list", "--json")
    assert [(m["id"], m["concrete"], bool(m["advice"])) for m in listed] == [
        (1, True, False),
        (2, False, True),
    ]

    edited = cli.json("markers", "edit", "2", "Tells me the same day when plans change", "--json")
    assert (edited["id"], edited["concrete"], edited["advice"]) == (2, True, [])

    cli("markers", "record", "1", "--shown")
    cli("markers", "record", "1", "--shown", "--on", "today")  # twice in one day is fine
    cli("markers", "record", "1", "--missed", "--on", "yesterday", "--note", "late meeting")
    forty_days_ago = (TODAY - dt.timedelta(days=40)).isoformat()
    last = cli.json("markers", "record", "1", "--not-shown", "--on", forty_days_ago, "--json")
    c = last["consistency"]
    assert (c["last_30_days"]["shown"], c["last_30_days"]["recorded"]) == (2, 3)
    assert (c["last_90_days"]["shown"], c["last_90_days"]["recorded"]) == (2, 4)
    assert (c["since_added"]["shown"], c["since_added"]["recorded"]) == (2, 4)

    retired = cli.json("markers", "retire", "2", "--json")
    assert retired["retired"] == TODAY.isoformat()
    assert [m["id"] for m in cli.json("markers", "list", "--json")] == [1]
    everything = cli.json("markers", "list", "--all", "--json")
    assert [(m["id"], m["retired"]) for m in everything] == [(1, None), (2, TODAY.isoformat())]


def test_records_read_as_shown_or_not_shown(cli: Cli) -> None:
    cli("markers", "add", CONCRETE)
    out = cli("markers", "record", "1", "--missed", "--on", "yesterday")
    assert "not shown" in out.stderr
    assert "Weeks:" in out.stdout
    detail = cli("markers", "show", "1").stdout
    assert "not shown" in detail
    for text in (out.stdout, out.stderr, detail):
        assert "caught" not in text.lower()


def test_data_survives_a_restart(cli: Cli) -> None:
    cli("markers", "add", CONCRETE)
    cli("markers", "record", "1", "--shown", "--note", "sent at 5:40")
    fresh = CliRunner().invoke(app, ["markers", "show", "1", "--json"])
    assert fresh.exit_code == 0
    detail = json.loads(fresh.stdout)
    assert detail["text"] == CONCRETE
    assert [(r["outcome"], r["note"]) for r in detail["recent_records"]] == [
        ("shown", "sent at 5:40")
    ]


def test_list_shows_the_table_and_the_strip(cli: Cli) -> None:
    cli("markers", "add", VAGUE)
    cli("markers", "record", "1", "--shown")
    out = cli("markers", "list").stdout
    assert VAGUE in out
    assert "1 of 1" in out
    assert "markers show 1" in out
    assert "nothing recorded that week" in " ".join(out.split())


def test_listing_nothing(cli: Cli, home: Path) -> None:
    assert "No markers yet" in cli("markers", "list").stderr
    assert cli.json("markers", "list", "--json") == []
    assert snapshot(home) is None  # looking never creates a store
    cli("markers", "add", CONCRETE)
    cli("markers", "retire", "1")
    assert "No active markers" in cli("markers", "list").stderr
    again = cli("markers", "retire", "1")
    assert "already retired" in again.stderr


# --- bad input: one line, a non-zero exit, nothing written ----------------------------------


def one_line_error(result: object) -> str:
    err = result.stderr  # type: ignore[attr-defined]
    assert err.startswith("Error: ") and err.count("\n") == 1, err
    assert result.stdout == ""  # type: ignore[attr-defined]
    return str(err)


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["add", ""], 2, "empty"),
        (["add", "   \n\t "], 2, "empty"),
        (["add", "x" * 501], 2, "at most 500"),
        (["edit", "1", "  "], 2, "empty"),
        (["edit", "one", "Texts me daily"], 2, "whole number"),
        (["edit", "9", "Texts me daily"], 4, "no marker with id 9"),
        (["retire", "9"], 4, "no marker with id 9"),
        (["show", "0"], 2, "whole number"),
        (["record", "9", "--shown"], 4, "no marker with id 9"),
        (["record", "1"], 2, "--shown, or --missed"),
        (["record", "1", "--shown", "--missed"], 2, "--shown, or --missed"),
        (["record", "1", "--shown", "--on", "2026-02-30"], 2, "no such day"),
        (["record", "1", "--shown", "--on", "last tuesday"], 2, "a day like 2025-09-14"),
        (["record", "1", "--shown", "--on", "2026-01"], 2, "needs a day"),
        (["record", "1", "--shown", "--on", str(TODAY + dt.timedelta(days=1))], 2, "future"),
        (["record", "1", "--shown", "--note", "n" * 2001], 2, "at most 2000"),
        (["record", "2", "--shown"], 2, "retired"),
    ],
)
def test_bad_input_changes_nothing(
    cli: Cli, home: Path, args: list[str], code: int, words: str
) -> None:
    cli("markers", "add", CONCRETE)
    cli("markers", "add", VAGUE)
    cli("markers", "record", "1", "--shown")
    cli("markers", "retire", "2")
    before = snapshot(home)
    result = cli("markers", *args, code=code)
    assert words in one_line_error(result)
    assert snapshot(home) == before


def test_errors_never_repeat_the_text(cli: Cli) -> None:
    result = cli("markers", "add", "private words " * 40, code=2)
    assert "private" not in result.stderr


def test_a_command_about_a_marker_never_creates_a_store(cli: Cli, home: Path) -> None:
    cli("markers", "edit", "1", CONCRETE, code=4)
    cli("markers", "record", "1", "--shown", code=4)
    cli("markers", "add", "", code=2)
    assert snapshot(home) is None


# --- help ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["add", "list", "show", "edit", "retire", "record"])
def test_every_command_has_help_with_an_example(cli: Cli, command: str) -> None:
    out = cli("markers", command, "--help").stdout
    assert "Example: trustrepair markers" in out
    assert "caught" not in out.lower()


def test_the_group_says_it_is_not_for_checking_on_anyone(cli: Cli) -> None:
    out = cli("markers", "--help").stdout
    assert "nothing here checks on anyone" in " ".join(out.split())


def test_adding_the_same_words_again_asks_first(cli: Cli) -> None:
    cli("markers", "add", "Tells me the same day when plans change")
    declined = cli("markers", "add", "tells me the same day  when plans change", input="n\n")
    assert "Marker 1 already has these words" in declined.stderr
    assert "Not added" in declined.stderr
    assert len(cli.json("markers", "list", "--json")) == 1  # type: ignore[arg-type]
    cli("markers", "add", "Tells me the same day when plans change", input="y\n")
    cli("markers", "add", "Tells me the same day when plans change", "--yes")
    assert len(cli.json("markers", "list", "--json")) == 3  # type: ignore[arg-type]


def test_the_same_words_with_no_one_to_ask_change_nothing(cli: Cli) -> None:
    cli("markers", "add", "Tells me the same day when plans change")
    result = cli("markers", "add", "Tells me the same day when plans change", code=2)
    assert "add --yes to go ahead" in result.stderr
    assert len(cli.json("markers", "list", "--json")) == 1  # type: ignore[arg-type]
