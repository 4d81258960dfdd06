"""The front door: version, help for every command, empty states, where data lives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer

from conftest import EXAMPLES, Cli
from trustrepair import __version__, paths
from trustrepair.cli import app


def all_commands() -> list[list[str]]:
    """Every command path, e.g. ['check'], ['prompts', 'validate']."""
    group = typer.main.get_command(app)
    found: list[list[str]] = []

    def walk(cmd: Any, prefix: list[str]) -> None:
        if not hasattr(cmd, "list_commands"):
            found.append(prefix)
            return
        for name in cmd.list_commands(None):
            walk(cmd.get_command(None, name), [*prefix, name])

    walk(group, [])
    assert len(found) > 20, "the walk must reach every command, or the tests below prove nothing"
    return found


def test_version(cli: Cli) -> None:
    assert cli("--version").stdout == f"trustrepair {__version__}\n"


def test_python_dash_m_works() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "trustrepair", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == f"trustrepair {__version__}"


@pytest.mark.parametrize("command", all_commands(), ids=" ".join)
def test_every_command_has_help_with_an_example(cli: Cli, command: list[str]) -> None:
    text = cli(*command, "--help").stdout
    assert "Usage:" in text
    assert "Example:" in text, f"{' '.join(command)} needs an example in its docstring"


def test_every_command_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for command in all_commands():
        assert f"trustrepair {' '.join(command)}" in readme, command


def test_summary_before_any_checkin_says_how_to_start(cli: Cli, home: Path) -> None:
    result = cli("summary")
    assert "trustrepair check" in result.stderr
    assert cli("summary", "--json").stdout.strip() == "null"
    assert cli.json("history", "--json") == []
    assert not home.exists()


def test_history_lists_checkins_newest_first(cli: Cli) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    cli("check", "--answers", str(EXAMPLES / "answers-betraying.toml"))
    rows = cli.json("history", "--json")
    assert isinstance(rows, list)
    assert [r["role"] for r in rows] == ["betraying", "affected"]
    assert set(rows[0]["statuses"]) >= {"accountability", "transparency", "cessation"}
    table = cli("history").stdout.split("Check-ins, newest first")[1]
    assert table.index("broke trust") < table.index("affected")


def test_role_option_must_match_the_file(cli: Cli) -> None:
    path = str(EXAMPLES / "answers-affected.toml")
    result = cli("check", "--role", "betraying", "--answers", path, code=2)
    assert "does not match" in result.stderr


def test_home_option_and_env_var(cli: Cli, tmp_path: Path, home: Path) -> None:
    other = tmp_path / "elsewhere"
    cli("--home", str(other), "check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    assert (other / "profiles" / "default" / "trustrepair.db").is_file()
    assert not home.exists()


def test_paths_never_create_anything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TRUSTREPAIR_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    home = paths.home_dir()
    assert home == tmp_path / "xdg" / "trustrepair"
    assert paths.database_path(home, "default").name == "trustrepair.db"
    assert not (tmp_path / "xdg").exists()


def test_a_bad_profile_name_is_refused(cli: Cli) -> None:
    result = cli("--profile", "../escape", "summary", code=2)
    assert "not a usable profile name" in result.stderr
