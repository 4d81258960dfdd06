"""Privacy, safety and data-integrity cases found in review, each as a person would hit it."""

from __future__ import annotations

import json
import sqlite3
import stat
import tomllib
from pathlib import Path

import tomli_w

from conftest import BASE_AFFECTED, EXAMPLES, ROOT, Cli, write_answers


def db(home: Path, profile: str = "default") -> Path:
    return home / "profiles" / profile / "trustrepair.db"


def test_no_notes_never_carries_text_from_a_custom_banks_questions(
    cli: Cli, tmp_path: Path
) -> None:
    bank = tomllib.loads((ROOT / "data" / "prompts.toml").read_text(encoding="utf-8"))
    bank["questions"].append(
        {
            "id": "my_diary",
            "section": "context",
            "roles": ["affected"],
            "kind": "text",
            "optional": True,
            "text": "Anything else?",
            "short": "Diary",
        }
    )
    custom = tmp_path / "custom.toml"
    custom.write_text(tomli_w.dumps(bank), encoding="utf-8")
    answers = {**BASE_AFFECTED, "my_diary": "PRIVATE DIARY ENTRY"}
    cli(
        "check",
        "--prompts",
        str(custom),
        "--answers",
        str(write_answers(tmp_path / "a.toml", "affected", answers)),
    )
    for fmt in ("json", "toml", "markdown", "html"):
        assert "PRIVATE DIARY" not in cli("export", "--format", fmt, "--no-notes").stdout, fmt
    assert "PRIVATE DIARY" in cli("export", "--format", "json").stdout  # the full backup keeps it


def test_no_notes_leaves_out_the_safety_answer(cli: Cli, tmp_path: Path) -> None:
    answers = write_answers(tmp_path / "a.toml", "affected", {**BASE_AFFECTED, "afraid": True})
    cli("check", "--answers", str(answers))
    shared = cli.json("export", "--format", "json", "--no-notes")
    text = json.dumps(shared)
    assert "afraid" not in text
    assert shared["summary"]["safety"] == []  # type: ignore[index]
    html = cli("export", "--format", "html", "--no-notes").stdout
    assert "Your safety comes first" not in html
    # The person's own summary still puts safety first.
    assert "Your safety comes first" in cli("summary").stdout


def test_import_checks_answers_and_settings_and_writes_nothing_when_wrong(
    cli: Cli, tmp_path: Path, home: Path
) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    good = tomllib.loads(cli("export", "--format", "toml").stdout)
    before = db(home).read_bytes()
    cases = {
        "bad choice": ("ongoing", "MY SECRET VALUE", "answers.ongoing: expected one of"),
        "bad date": ("discovered", "not a date", "answers.discovered: expected a day like"),
        "future date": (
            "discovered",
            "2099-01-01",
            "answers.discovered: that date is in the future",
        ),
    }
    for name, (qid, value, expected) in cases.items():
        data = json.loads(json.dumps(good, default=str))
        data["data"]["checkins"][0]["answers"][qid] = value
        data["data"]["checkins"][0]["uid"] = "f" * 32
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        result = cli("import", str(path), code=2)
        assert expected in result.stderr, name
        assert "SECRET" not in result.stderr
        assert db(home).read_bytes() == before, name
    data = json.loads(json.dumps(good, default=str))
    data["data"]["settings"] = {"discovered": "SECRET garbage"}
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("import", str(path), code=2)
    assert "discovered: expected a day like" in result.stderr
    assert "SECRET" not in result.stderr


def test_a_damaged_stored_date_reads_as_no_date_not_a_crash(cli: Cli, home: Path) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    con = sqlite3.connect(db(home))
    con.execute("INSERT INTO settings VALUES ('discovered', 'SECRET garbage')")
    con.execute("UPDATE checkins SET answers = json_set(answers, '$.discovered', 'nope')")
    con.commit()
    con.close()
    for command in (["summary"], ["timeline"], ["progress"], ["export", "--format", "html"]):
        result = cli(*command)
        assert "SECRET" not in result.output


def test_wipe_never_deletes_a_file_that_is_not_a_trustrepair_database(cli: Cli, home: Path) -> None:
    cli("--profile", "mine", "check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    foreign = db(home, "odd")
    foreign.parent.mkdir(parents=True)
    foreign.write_text("my diary, not a database")
    result = cli("data", "wipe", "--yes")
    assert foreign.read_text() == "my diary, not a database"
    assert not db(home, "mine").exists()
    assert "did not create" in result.stderr
    assert "not a trustrepair database" in cli("profile", "delete", "odd", "--yes", code=1).stderr
    assert foreign.exists()


def test_markers_and_spikes_reach_the_documents_without_a_checkin(cli: Cli) -> None:
    cli("markers", "add", "Texts me the same day when plans change")
    cli("spike", "--at", "2026-01-05 21:00", "--minutes", "10")
    for fmt in ("markdown", "html"):
        text = cli("export", "--format", fmt).stdout
        assert "Texts me the same day when plans change" in text, fmt
        assert "Waves of distrust" in text, fmt
    assert "Texts me" in cli("export", "--format", "markdown", "--no-notes").stdout
    wider = cli("export", "--format", "markdown", "--no-notes", "--no-markers-text").stdout
    assert "Texts me" not in wider


def test_an_existing_loose_database_file_is_made_private(cli: Cli, home: Path) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    db(home).chmod(0o644)
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    assert stat.S_IMODE(db(home).stat().st_mode) == 0o600


def test_export_refuses_an_existing_file_before_saying_anything_else(
    cli: Cli, tmp_path: Path
) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    out = tmp_path / "x.md"
    out.write_text("keep")
    result = cli("export", "-o", str(out), code=2)
    assert result.stderr.strip().splitlines() == [
        f"Error: {out} already exists; use --force to replace it"
    ]


def test_confirmations_with_no_input_cancel_cleanly(cli: Cli, home: Path) -> None:
    cli("profile", "create", "kai")
    result = cli("profile", "delete", "kai", input="", code=2)
    assert "nothing was deleted" in result.stderr
    assert "Aborted" not in result.output
    assert "nothing was deleted" in cli("data", "wipe", input="", code=2).stderr
    assert db(home, "kai").exists()


def test_import_holds_spike_times_to_the_same_bounds_as_spike(cli: Cli, tmp_path: Path) -> None:
    cli("spike", "--at", "2026-01-05 21:00")
    data = cli.json("export", "--format", "json")
    assert isinstance(data, dict)
    data["data"]["spikes"][0]["at_utc"] = "1800-01-05T21:00:00Z"
    data["data"]["spikes"][0]["uid"] = "e" * 32
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert (
        "spike 1: its time is in the future or decades back"
        in cli("import", str(path), code=2).stderr
    )
    assert len(cli.json("progress", "--json")["weeks"]) < 100  # type: ignore[index]


def test_marker_records_cannot_be_decades_old(cli: Cli, home: Path) -> None:
    cli("markers", "add", "Texts me the same day when plans change")
    before = db(home).read_bytes()
    result = cli("markers", "record", "1", "--shown", "--on", "1990-01-01", code=2)
    assert "more than 10 years ago" in result.stderr
    assert db(home).read_bytes() == before
