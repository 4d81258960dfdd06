"""services.py: the rules that used to sit in the CLI, tested without it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import EXAMPLES, Cli
from trustrepair import services
from trustrepair.errors import BadInputError
from trustrepair.models import Marker, Spike
from trustrepair.plain import replace
from trustrepair.workspace import Workspace


def test_a_spike_counts_on_its_own_local_day() -> None:
    # 23:30 in UTC+2 is 21:30 UTC: the day runs from local midnight to local midnight
    at = dt.datetime(2026, 3, 9, 21, 30, tzinfo=dt.UTC)
    spike = Spike(at_utc=at, utc_offset_minutes=120)
    start, end = services.local_day(spike)
    assert (start.day, start.hour, end.day, end.hour) == (9, 0, 10, 0)
    assert start.utcoffset() == dt.timedelta(hours=2)


def test_no_records_on_a_retired_marker() -> None:
    marker = Marker(id=3, text="Texts me when plans change")
    services.check_can_record(marker)  # active: fine
    retired = replace(marker, retired_utc=dt.datetime.now(dt.UTC))
    with pytest.raises(BadInputError, match="marker 3 is retired"):
        services.check_can_record(retired)


def test_compare_reads_a_profile_or_a_file_and_says_which_is_missing(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    cli("--profile", "robin", "check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    space = Workspace.resolve(home, "default")
    name, checkin = services.latest_from(space, "robin")
    assert name == "robin" and checkin.role == "affected"
    with pytest.raises(BadInputError, match="no profile or json export named 'kai'"):
        services.latest_from(space, "kai")
    export = tmp_path / "robin.json"
    cli("--profile", "robin", "export", "-f", "json", "-o", str(export))
    assert services.latest_from(space, str(export))[1].uid == checkin.uid


def test_a_past_check_in_reads_as_it_did_that_day(cli: Cli, home: Path) -> None:
    from trustrepair.bank import load_bank

    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    space = Workspace.resolve(home, "default")
    [checkin] = services.all_checkins(space)
    report = services.report_as_it_was(load_bank(None), checkin)
    assert report.checkin.uid == checkin.uid
    assert report.progress is None and not report.markers.markers
