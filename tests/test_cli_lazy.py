"""The command table: each command is built only when it runs, and --help still lists them all."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from test_startup import modules_after
from trustrepair.cli import COMMANDS, TrustRepairGroup, _build, app


def cli_modules_after(*args: str) -> set[str]:
    return {m for m in modules_after(*args) if m.startswith("trustrepair.cli.")}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_listed_help_is_the_commands_own(name: str) -> None:
    command = _build(name)
    first_paragraph = " ".join((command.help or "").split("\n\n")[0].split())
    assert COMMANDS[name][1] == first_paragraph


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(app, ["--help"])
    listed = [line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line]
    assert listed[: len(COMMANDS)] == list(COMMANDS)


def test_help_imports_no_command_module() -> None:
    assert cli_modules_after("--help") <= {"trustrepair.cli.common"}


def test_a_command_imports_only_its_own_module(tmp_path: object) -> None:
    loaded = cli_modules_after("timeline", "--help")
    assert "trustrepair.cli.progress" in loaded
    assert not loaded & {"trustrepair.cli.check", "trustrepair.cli.markers", "trustrepair.cli.demo"}


def test_a_typo_still_gets_a_suggestion() -> None:
    result = CliRunner().invoke(app, ["summry"])
    assert result.exit_code == 2
    assert "Did you mean 'summary'?" in result.output


def test_completion_offers_every_command() -> None:
    group = TrustRepairGroup(name="trustrepair")
    assert group.list_commands(None) == list(COMMANDS)


@pytest.mark.parametrize("args", [["summary"], ["spike", "--minutes", "5"]])
def test_a_running_command_imports_no_other_commands_module(args: list[str]) -> None:
    others = {f"trustrepair.cli.{m.split('.')[-1].split(':')[0]}" for m, _ in COMMANDS.values()}
    others -= {f"trustrepair.cli.{'summary' if args[0] == 'summary' else 'spike'}"}
    assert not cli_modules_after(*args) & others
