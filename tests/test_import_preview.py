"""`import` shows what it would do and asks first; settings stay unless replaced; undoable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import BASE_AFFECTED, BASE_BETRAYING, Cli, write_answers


@pytest.fixture
def other_backup(cli: Cli, tmp_path: Path) -> Path:
    """A backup from another store: two check-ins as the other partner, a spike, a date."""
    other = tmp_path / "other"
    answers = write_answers(tmp_path / "b.toml", "betraying", BASE_BETRAYING)
    for _ in range(2):
        cli("--home", str(other), "check", "--answers", str(answers))
    cli("--home", str(other), "spike", "--intensity", "4")
    cli("--home", str(other), "profile", "set", "discovered", "2025-09")
    backup = tmp_path / "other.json"
    cli("--home", str(other), "export", "--format", "json", "-o", str(backup))
    return backup


@pytest.fixture
def mine(cli: Cli, tmp_path: Path) -> None:
    answers = write_answers(tmp_path / "a.toml", "affected", BASE_AFFECTED)
    cli("check", "--answers", str(answers))
    cli("profile", "set", "discovered", "2025-03-14")


def data(cli: Cli) -> dict[str, object]:
    exported = cli.json("export", "--format", "json")
    assert isinstance(exported, dict)
    return exported["data"]  # type: ignore[no-any-return]


@pytest.mark.usefixtures("mine")
def test_dry_run_says_what_would_change_and_changes_nothing(cli: Cli, other_backup: Path) -> None:
    before = data(cli)
    result = cli("import", str(other_backup), "--dry-run")
    assert "new, to be added: 2 check-ins, 1 spike" in result.stdout
    assert "here 14 Mar 2025, in the file around Sep 2025" in result.stdout
    assert "yours is kept" in result.stdout
    said = " ".join(result.stdout.split())
    assert "answered as the partner who broke trust, and this profile's as the affected" in said
    assert "Nothing was changed" in result.stderr
    assert data(cli) == before


@pytest.mark.usefixtures("mine")
def test_import_asks_and_no_means_nothing_written(cli: Cli, other_backup: Path) -> None:
    before = data(cli)
    declined = cli("import", str(other_backup), input="n\n")
    assert "new, to be added" in declined.stderr
    assert "Nothing was imported" in declined.stderr
    assert data(cli) == before
    refused = cli("import", str(other_backup), code=2)
    assert "--yes" in refused.stderr
    assert data(cli) == before


@pytest.mark.usefixtures("mine")
def test_settings_are_kept_unless_replaced_and_an_import_undoes_as_one(
    cli: Cli, other_backup: Path
) -> None:
    before = data(cli)
    cli("import", str(other_backup), input="y\n")
    after = data(cli)
    assert len(after["checkins"]) == 3  # type: ignore[arg-type]
    assert after["settings"] == {"discovered": "2025-03-14"}
    said = cli("undo", "--yes").stderr
    assert "imported 2 check-ins and 1 spike" in said
    assert data(cli) == before
    cli("import", str(other_backup), "--replace-settings", "--yes")
    assert data(cli)["settings"] == {"discovered": "2025-09"}
    cli("undo", "--yes")
    assert data(cli) == before


def test_the_same_file_twice_has_nothing_to_do(cli: Cli, other_backup: Path) -> None:
    cli("import", str(other_backup), "--yes")
    again = cli("import", str(other_backup))  # nothing to ask about
    assert "nothing new" in again.stderr
    assert "Nothing to import" in again.stderr
    assert json.dumps(data(cli))
