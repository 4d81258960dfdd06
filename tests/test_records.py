"""`trustrepair records`: every record by a short id; show, delete and edit one."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest

from conftest import BASE_AFFECTED, EXAMPLES, Cli, insert_spikes, write_answers
from trustrepair.models import Spike
from trustrepair.records import describe_change, parse_record_id
from trustrepair.schema import generate_schema, schema_text

LIST_SCHEMA = json.loads(schema_text("records-list"))
SHOW_SCHEMA = json.loads(schema_text("records-show"))


@pytest.fixture
def filled(cli: Cli) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    cli("spike", "--at", "2 days ago", "--intensity", "6", "--minutes", "20")
    cli("spike", "--at", "30 min ago", "--trigger", "reminder", "--note", "after the call")
    cli("markers", "add", "Texts me when plans change")
    cli("markers", "record", "1", "--shown", "--on", "yesterday")


@pytest.mark.parametrize("name", ["records-list", "records-show"])
def test_shipped_schemas_match_the_models(name: str) -> None:
    # Regenerate with: python -m trustrepair.schema NAME > src/trustrepair/schema/NAME.schema.json
    assert schema_text(name) == generate_schema(name)


@pytest.mark.usefixtures("filled")
def test_list_shows_every_record_newest_first_with_its_id(cli: Cli) -> None:
    entries = cli.json("records", "list", "--json")
    jsonschema.validate(entries, LIST_SCHEMA)
    assert isinstance(entries, list)
    assert {e["id"] for e in entries} == {"c1", "s1", "s2", "m1", "r1"}
    assert [e["id"] for e in entries].index("s2") < [e["id"] for e in entries].index("s1")
    out = cli("records", "list").stdout
    assert "s2" in out and "reminder" in out and "Texts me when plans change" in out


@pytest.mark.usefixtures("filled")
def test_list_by_kind_and_since(cli: Cli) -> None:
    spikes = cli.json("records", "list", "--kind", "spike", "--json")
    assert [e["id"] for e in spikes] == ["s2", "s1"]  # type: ignore[union-attr]
    recent = cli.json("records", "list", "--kind", "spike", "--since", "yesterday", "--json")
    assert [e["id"] for e in recent] == ["s2"]  # type: ignore[union-attr]
    assert "--kind must be one of" in cli("records", "list", "--kind", "nope", code=2).stderr


@pytest.mark.usefixtures("filled")
@pytest.mark.parametrize("record_id", ["c1", "s2", "r1", "m1"])
def test_show_each_kind_and_its_json_fits_the_schema(cli: Cli, record_id: str) -> None:
    detail = cli.json("records", "show", record_id, "--json")
    jsonschema.validate(detail, SHOW_SCHEMA)
    assert isinstance(detail, dict)
    assert detail["id"] == record_id
    assert cli("records", "show", record_id).stdout.strip()


@pytest.mark.usefixtures("filled")
def test_show_a_checkin_is_its_full_summary_as_it_was(cli: Cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    answers = {**BASE_AFFECTED}
    cli("check", "--answers", str(write_answers(tmp_path / "b.toml", "affected", answers)))
    first = cli("records", "show", "c1").stdout
    assert "Check-in c1:" in first
    assert "partly in place" in first
    assert cli("summary", "--id", "c1", "--full").stdout == first
    assert "Check-in c1:" in cli("summary", "--id", "c1").stdout
    assert "Check-in c2:" in cli("summary").stdout
    history = cli("history").stdout
    assert "c1" in history and "c2" in history
    assert [r["id"] for r in cli.json("history", "--json")] == ["c2", "c1"]  # type: ignore[union-attr]
    assert "--id takes a check-in" in cli("summary", "--id", "s1", code=2).stderr


@pytest.mark.usefixtures("filled")
def test_unknown_and_malformed_ids_are_one_clear_line(cli: Cli) -> None:
    assert "there is no spike s9" in cli("records", "show", "s9", code=4).stderr
    bad = cli("records", "delete", "12", code=2).stderr
    assert "c12 (check-in)" in bad
    assert len(bad.strip().splitlines()) == 1


@pytest.mark.usefixtures("filled")
def test_delete_asks_and_says_what_went(cli: Cli) -> None:
    kept = cli("records", "delete", "s1", input="n\n")
    assert "Nothing was deleted" in kept.stderr
    refused = cli("records", "delete", "s1", code=2)
    assert "--yes" in refused.stderr
    cli("records", "delete", "s1", input="y\n")
    assert "s1" not in [e["id"] for e in cli.json("records", "list", "--json")]  # type: ignore[union-attr]
    gone = cli("records", "delete", "m1", "--yes").stderr
    assert "Deleted marker m1 and its 1 marker record" in gone
    left = [e["id"] for e in cli.json("records", "list", "--json")]  # type: ignore[union-attr]
    assert "m1" not in left and "r1" not in left


@pytest.mark.usefixtures("filled")
def test_ids_are_never_given_again(cli: Cli) -> None:
    cli("records", "delete", "s2", "--yes")
    cli("spike", "--intensity", "3")
    spikes = [e["id"] for e in cli.json("records", "list", "--kind", "spike", "--json")]  # type: ignore[union-attr]
    assert spikes == ["s3", "s1"]


@pytest.mark.usefixtures("filled")
def test_edit_a_spike_a_record_and_a_marker(cli: Cli) -> None:
    cli("records", "edit", "s1", "--intensity", "4", "--trigger", "anniversary", "--note", "")
    spike = cli.json("records", "show", "s1", "--json")["record"]  # type: ignore[index]
    assert (spike["intensity"], spike["minutes"], spike["trigger"], spike["note"]) == (
        4, 20, "anniversary", None,
    )  # fmt: skip
    cli("records", "edit", "r1", "--missed", "--note", "we talked")
    record = cli.json("records", "show", "r1", "--json")["record"]  # type: ignore[index]
    assert (record["shown"], record["note"]) == (False, "we talked")
    cli("records", "edit", "m1", "--text", "Texts me the same day when plans change")
    marker = cli.json("records", "show", "m1", "--json")["record"]  # type: ignore[index]
    assert marker["text"] == "Texts me the same day when plans change"


@pytest.mark.usefixtures("filled")
def test_edit_refuses_what_cannot_change(cli: Cli) -> None:
    assert (
        "--text does not apply to a spike"
        in cli("records", "edit", "s1", "--text", "x", code=2).stderr
    )
    assert "say what to change" in cli("records", "edit", "s1", code=2).stderr
    assert "intensity" in cli("records", "edit", "s1", "--intensity", "11", code=2).stderr


def test_edit_a_checkin_walks_through_with_the_old_answers(cli: Cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    answers = {**BASE_AFFECTED, "acc_acknowledged": "not_yet"}
    cli("check", "--answers", str(write_answers(tmp_path / "a.toml", "affected", answers)))
    before = cli.json("records", "show", "c1", "--json")
    assert before["report"]["prerequisites"]["accountability"]["status"] == "not_yet"  # type: ignore[index]
    # Enter keeps every answer, except the acknowledgement question, now "fully" (1).
    keys = ["", "", "", "1"] + [""] * 20
    cli("records", "edit", "c1", input="\n".join(keys) + "\n")
    after = cli.json("records", "show", "c1", "--json")
    assert isinstance(after, dict) and isinstance(before, dict)
    record = after["record"]
    assert record["answers"] == {**before["record"]["answers"], "acc_acknowledged": "fully"}
    assert record["created_utc"] == before["record"]["created_utc"]
    assert record["statuses"]["accountability"] != "not_yet"  # worked out again


def test_ids_read_in_any_case() -> None:
    assert parse_record_id(" S12 ") == ("spike", 12)
    assert parse_record_id("m3") == ("marker", 3)


def test_a_change_reads_as_a_sentence() -> None:
    import datetime as dt

    from trustrepair.store.changes import ChangeInfo, RowNote

    change = ChangeInfo(
        "delete",
        dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        (RowNote("marker_records", "delete", 7), RowNote("marker_records", "delete", 8),
         RowNote("markers", "delete", 3)),
        1,
    )  # fmt: skip
    assert describe_change(change) == "deleted marker m3 and 2 marker records"


def test_with_nothing_stored_no_store_is_made(cli: Cli, home) -> None:  # type: ignore[no-untyped-def]
    assert "there is no spike s1" in cli("records", "delete", "s1", "--yes", code=4).stderr
    assert "there is no check-in c1" in cli("records", "edit", "c1", code=4).stderr
    assert "Nothing to undo" in cli("undo", "--yes").stderr
    assert "Nothing recorded yet" in cli("records", "list").stderr
    assert not home.exists()


def days_ago(n: int) -> dt.datetime:
    """Noon in UTC, n days before today there: spikes logged at UTC+0 fall on that day."""
    noon = dt.datetime.combine(dt.datetime.now(dt.UTC).date(), dt.time(12), tzinfo=dt.UTC)
    return noon - dt.timedelta(days=n)


@pytest.fixture
def many_spikes(home: Path) -> None:
    """25 spikes, one a day, the newest yesterday: more than the list shows unless --all."""
    spikes = [Spike(at_utc=days_ago(n), utc_offset_minutes=0) for n in range(25, 0, -1)]
    insert_spikes(home, spikes)


def listed_ids(out: str) -> list[str]:
    return [line.split()[0] for line in out.splitlines() if re.match(r"^[csrm]\d+ ", line)]


@pytest.mark.usefixtures("many_spikes")
def test_list_shows_the_latest_20_and_says_how_many_more_all_lists(cli: Cli) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    out = cli("records", "list").stdout
    assert listed_ids(out) == ["c1", *(f"s{n}" for n in range(25, 6, -1))]
    assert out.rstrip().endswith(
        "Not listed here: 6 older records. trustrepair records list --all lists every one."
    )
    every = cli("records", "list", "--all").stdout
    assert listed_ids(every) == ["c1", *(f"s{n}" for n in range(25, 0, -1))]
    assert "Not listed here" not in every


@pytest.mark.usefixtures("many_spikes")
def test_kind_and_since_choose_before_the_latest_are_taken(cli: Cli) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    cli("markers", "add", "Texts me when plans change")
    assert listed_ids(cli("records", "list", "--kind", "marker").stdout) == ["m1"]
    since = days_ago(22).date().isoformat()
    recent = cli("records", "list", "--kind", "spike", "--since", since).stdout
    assert listed_ids(recent) == [f"s{n}" for n in range(25, 5, -1)]
    assert "Not listed here: 2 older records." in recent  # s4 and s5, not the older three
    few = cli("records", "list", "--kind", "spike", "--since", days_ago(3).date().isoformat())
    few = few.stdout
    assert listed_ids(few) == ["s25", "s24", "s23"]
    assert "Not listed here" not in few


@pytest.mark.usefixtures("many_spikes")
def test_json_lists_every_record_like_history_json(cli: Cli) -> None:
    entries = cli.json("records", "list", "--json")
    jsonschema.validate(entries, LIST_SCHEMA)
    assert [e["id"] for e in entries] == [f"s{n}" for n in range(25, 0, -1)]  # type: ignore[union-attr]
    assert cli.json("records", "list", "--json", "--all") == entries
    since = days_ago(2).date().isoformat()
    spikes = cli.json("records", "list", "--kind", "spike", "--since", since, "--json")
    assert [e["id"] for e in spikes] == ["s25", "s24"]  # type: ignore[union-attr]


def test_exactly_20_records_leave_nothing_out(cli: Cli, home: Path) -> None:
    insert_spikes(home, [Spike(at_utc=days_ago(n), utc_offset_minutes=0) for n in range(1, 21)])
    out = cli("records", "list").stdout
    assert len(listed_ids(out)) == 20
    assert "Not listed here" not in out
