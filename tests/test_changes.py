"""The change log (store/changes.py) behind `trustrepair undo`: adds, edits, deletes, imports."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import Bundle, RuleBasedStateMachine, consumes, invariant, rule

from conftest import EXAMPLES, Cli
from trustrepair import store as store_mod
from trustrepair.models import Marker, MarkerRecord, Spike, now_utc
from trustrepair.plain import replace
from trustrepair.store.backup import read_all


def content(cli: Cli) -> dict[str, object]:
    """The logical content of the store: the data part of a JSON export."""
    exported = cli.json("export", "--format", "json")
    assert isinstance(exported, dict)
    return exported["data"]  # type: ignore[no-any-return]


def undo(cli: Cli) -> str:
    return cli("undo", "--yes").stderr


def test_nothing_to_undo_in_a_new_store(cli: Cli) -> None:
    assert "Nothing to undo" in undo(cli)


ADD_EDIT_DELETE = {
    "spike": (
        ["spike", "--intensity", "6", "--minutes", "20"],
        ["records", "edit", "s1", "--minutes", "45", "--note", "it passed"],
        "s1",
    ),
    "marker": (
        ["markers", "add", "Texts me when plans change"],
        ["records", "edit", "m1", "--text", "Texts me the same day when plans change"],
        "m1",
    ),
    "record": (
        ["markers", "record", "1", "--shown", "--on", "yesterday"],
        ["records", "edit", "r1", "--missed", "--on", "2 days ago"],
        "r1",
    ),
    "checkin": (
        ["check", "--answers", str(EXAMPLES / "answers-affected.toml")],
        None,  # a check-in is edited by walking through it (below)
        "c1",
    ),
}


@pytest.mark.parametrize("kind", list(ADD_EDIT_DELETE))
def test_add_edit_delete_then_undo_each_is_the_state_before(cli: Cli, kind: str) -> None:
    if kind == "record":
        cli("markers", "add", "Tells me where they are")
    before = content(cli)
    add, edit, record_id = ADD_EDIT_DELETE[kind]
    cli(*add)
    added = content(cli)
    if edit is not None:
        cli(*edit)
    else:
        cli("records", "edit", record_id, input="\n" * 3 + "3\n" + "\n" * 20)
    edited = content(cli)
    assert edited != added
    cli("records", "delete", record_id, "--yes")
    assert "deleted" in undo(cli)
    assert content(cli) == edited
    assert "edited" in undo(cli)
    assert content(cli) == added
    assert "added" in undo(cli)
    assert content(cli) == before


def test_deleting_a_marker_with_its_records_comes_back_whole(cli: Cli) -> None:
    cli("markers", "add", "Texts me when plans change")
    for day in ("today", "yesterday", "3 days ago"):
        cli("markers", "record", "1", "--shown", "--on", day)
    before = content(cli)
    cli("records", "delete", "m1", "--yes")
    said = undo(cli)
    assert "deleted marker m1 and 3 marker records" in said
    assert content(cli) == before
    records = cli.json("records", "list", "--kind", "record", "--json")
    assert [e["id"] for e in records] == ["r1", "r2", "r3"]  # type: ignore[union-attr]  # same ids


def test_undo_goes_back_more_than_twenty_changes_and_survives_restarts(cli: Cli) -> None:
    before = content(cli)
    for n in range(1, 26):
        cli("spike", "--intensity", str(n % 10 + 1))
    for left in range(25, 0, -1):
        said = undo(cli)  # each command opens the store afresh
        assert f"added spike s{left}" in said
    assert content(cli) == before
    assert "Nothing to undo" in undo(cli)


def test_undo_asks_first(cli: Cli) -> None:
    cli("spike", "--intensity", "5")
    kept = cli("undo", input="n\n")
    assert "The last change" in kept.stderr and "added spike s1" in kept.stderr
    assert "Nothing was undone" in kept.stderr
    assert "--yes" in cli("undo", code=2).stderr
    cli("undo", input="y\n")
    assert content(cli)["spikes"] == []


def test_data_wipe_removes_the_undo_history_too(cli: Cli) -> None:
    cli("spike", "--intensity", "5")
    cli("data", "wipe", "--yes")
    assert "Nothing to undo" in undo(cli)


def test_step_4_numbers_what_a_version_3_store_holds(tmp_path: Path) -> None:
    path = tmp_path / "trustrepair.db"
    db = sqlite3.connect(path, isolation_level=None)
    for _name, step in store_mod.MIGRATIONS[:3]:
        step(db)
    db.execute(f"PRAGMA application_id = {store_mod.APPLICATION_ID}")
    db.execute("PRAGMA user_version = 3")
    db.close()
    old = store_mod.Store(sqlite3.connect(path, isolation_level=None), path)
    old.db.row_factory = sqlite3.Row
    for minutes in (5, 10):
        old.add_spike(Spike(at_utc=now_utc(), utc_offset_minutes=0, minutes=minutes))
    assert old.last_change() is None  # a version 3 store keeps no log
    old.close()
    upgraded = store_mod.open_store(path)
    assert upgraded.schema_version == 4
    assert [n for n, _ in upgraded.numbered("spikes")] == [2, 1]
    upgraded.add_spike(Spike(at_utc=now_utc(), utc_offset_minutes=0, minutes=15))
    assert [n for n, _ in upgraded.numbered("spikes")] == [3, 2, 1]
    upgraded.undo_last_change()
    assert len(upgraded.spikes()) == 2
    upgraded.close()


# --- random sequences against a simple model ----------------------------------------------


class UndoMachine(RuleBasedStateMachine):
    """Adds, edits, deletes and undos on a real store, checked against plain dictionaries."""

    spikes = Bundle("spikes")
    markers = Bundle("markers")

    def __init__(self) -> None:
        super().__init__()
        import tempfile

        self.folder = tempfile.TemporaryDirectory()
        self.store = store_mod.open_store(Path(self.folder.name) / "t.db")
        self.model: dict[str, dict[str, object]] = {"spikes": {}, "markers": {}, "records": {}}
        self.history: list[dict[str, dict[str, object]]] = []

    def _remember(self) -> None:
        self.history.append(json.loads(json.dumps(self.model)))

    @rule(target=spikes, minutes=st.integers(0, 600))
    def add_spike(self, minutes: int) -> str:
        spike = Spike(at_utc=now_utc(), utc_offset_minutes=0, minutes=minutes)
        self._remember()
        self.store.add_spike(spike)
        self.model["spikes"][spike.uid] = minutes
        return spike.uid

    @rule(uid=spikes, minutes=st.integers(0, 600))
    def edit_spike(self, uid: str, minutes: int) -> None:
        if uid not in self.model["spikes"]:
            return
        old = next(s for s in self.store.spikes() if s.uid == uid)
        self._remember()
        self.store.replace_record("spikes", replace(old, minutes=minutes))
        self.model["spikes"][uid] = minutes

    @rule(uid=consumes(spikes))
    def delete_spike(self, uid: str) -> None:
        if uid not in self.model["spikes"]:
            return
        self._remember()
        self.store.delete_record("spikes", uid)
        del self.model["spikes"][uid]

    @rule(target=markers, text=st.sampled_from(["Calls at lunch", "Texts when late"]))
    def add_marker(self, text: str) -> str:
        marker = Marker(text=text)
        self._remember()
        self.store.add_marker(marker)
        self.model["markers"][marker.uid] = text
        return marker.uid

    @rule(marker_uid=markers, shown=st.booleans())
    def add_record(self, marker_uid: str, shown: bool) -> None:
        if marker_uid not in self.model["markers"]:
            return
        record = MarkerRecord(marker_uid=marker_uid, on_date=dt.date(2026, 1, 5), shown=shown)
        self._remember()
        self.store.add_marker_record(record)
        self.model["records"][record.uid] = [marker_uid, shown]

    @rule(uid=consumes(markers))
    def delete_marker(self, uid: str) -> None:
        if uid not in self.model["markers"]:
            return
        self._remember()
        self.store.delete_record("markers", uid)
        del self.model["markers"][uid]
        self.model["records"] = {
            k: v
            for k, v in self.model["records"].items()
            if v[0] != uid  # type: ignore[index]
        }

    @rule()
    def undo(self) -> None:
        if not self.history:
            assert self.store.last_change() is None
            return
        self.store.undo_last_change()
        self.model = self.history.pop()

    @invariant()
    def store_matches_the_model(self) -> None:
        data = read_all(self.store)
        assert {s.uid: s.minutes for s in data.spikes} == self.model["spikes"]
        assert {m.uid: m.text for m in data.markers} == self.model["markers"]
        assert {r.uid: [r.marker_uid, r.shown] for r in data.marker_records} == self.model[
            "records"
        ]

    def teardown(self) -> None:
        self.store.close()
        self.folder.cleanup()


TestUndoSequences = UndoMachine.TestCase
TestUndoSequences.settings = settings(
    max_examples=25,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def test_undo_and_ids_carry_through_encryption(cli: Cli, tmp_path: Path) -> None:
    pytest.importorskip("sqlcipher3")
    secret = tmp_path / "pass"
    secret.write_text("a long enough passphrase\n")
    secret.chmod(0o600)
    locked = ("--passphrase-file", str(secret))
    cli("spike", "--intensity", "3")
    cli("spike", "--intensity", "4")
    cli("records", "delete", "s1", "--yes")
    cli(*locked, "data", "encrypt")
    assert "deleted spike s1" in cli(*locked, "undo", "--yes").stderr
    cli(*locked, "spike", "--intensity", "5")
    listed = cli.json(*locked, "records", "list", "--json")
    assert [e["id"] for e in listed] == ["s3", "s2", "s1"]  # type: ignore[union-attr]


def test_the_oldest_notes_are_dropped_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from trustrepair.store import changes

    monkeypatch.setattr(changes, "KEEP_CHANGES", 3)
    s = store_mod.open_store(tmp_path / "t.db")
    for minutes in range(5):
        s.add_spike(Spike(at_utc=now_utc(), utc_offset_minutes=0, minutes=minutes))
    last = s.last_change()
    assert last is not None and last.waiting == 3
    for _ in range(3):
        s.undo_last_change()
    assert s.last_change() is None
    assert sorted(sp.minutes or 0 for sp in s.spikes()) == [0, 1]  # the two too old to undo
    s.close()
