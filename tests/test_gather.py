"""An export is a snapshot: everything in it comes from one read of the store."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from conftest import EXAMPLES, Cli
from trustrepair.models import CheckIn


def test_a_checkin_saved_during_an_export_is_in_all_of_it_or_none(
    cli: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    from trustrepair.store import backup
    from trustrepair.store.rows import CHECKIN_COLUMNS, checkin_values

    real_read_small = backup.read_small
    blocked = []

    def read_then_a_checkin_arrives(store):  # type: ignore[no-untyped-def]
        data = real_read_small(store)
        other = sqlite3.connect(home / "profiles" / "default" / "trustrepair.db", timeout=0)
        late = CheckIn(
            role="affected",
            bank_version="test",
            answers=data.checkins[0].answers,
            statuses=data.checkins[0].statuses,
            created_utc=data.checkins[0].created_utc + dt.timedelta(minutes=5),
        )
        columns, marks = ", ".join(CHECKIN_COLUMNS), ", ".join("?" * len(CHECKIN_COLUMNS))
        try:
            with other:
                other.execute(
                    f"INSERT INTO checkins ({columns}) VALUES ({marks})",  # noqa: S608
                    checkin_values(late),
                )
        except sqlite3.OperationalError:
            blocked.append(late.uid)  # the export's read holds the store still: it waits
        other.close()
        return data

    monkeypatch.setattr(backup, "read_small", read_then_a_checkin_arrives)
    export = json.loads(cli("export", "--format", "json").stdout)
    uids = {c["uid"] for c in export["data"]["checkins"]}
    assert export["summary"]["checkin"]["uid"] in uids
    assert blocked


def test_a_document_export_never_reads_the_records_it_does_not_show(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    cli("spike", "--minutes", "20", "--note", "after the call")
    from trustrepair.store import backup

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a document read every record")

    monkeypatch.setattr(backup, "each_spike", refuse)
    monkeypatch.setattr(backup, "each_marker_record", refuse)
    for fmt, opening in (("html", "<!DOCTYPE html>"), ("markdown", "# trustrepair summary")):
        result = cli("export", "--format", fmt)
        assert result.stdout.startswith(opening)
        # the note is still announced: whether records carry notes is asked in SQL
        assert "includes your notes" in result.stderr


def test_an_export_stopped_half_way_reports_its_own_error_and_leaves_the_store_readable(
    cli: Cli, home: Path
) -> None:
    from trustrepair.gather import exporting
    from trustrepair.workspace import Workspace

    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    for minutes in ("10", "20", "30"):
        cli("spike", "--minutes", minutes)
    space = Workspace(home, "default")

    class Stopped(Exception):
        pass

    for _ in range(3):  # again and again, as the concurrency test's exporter does
        with pytest.raises(Stopped), exporting(space, notes=True, start=None) as parts:
            assert parts.streamed is not None
            next(iter(parts.streamed.spikes))  # one spike written, then the write fails
            raise Stopped
    assert len(json.loads(cli("export", "--format", "json").stdout)["data"]["spikes"]) == 3
