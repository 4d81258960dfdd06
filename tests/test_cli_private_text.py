"""Private text stays off the command line: `-` reads standard input, no text asks for it."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Cli


def exported(cli: Cli) -> dict:  # type: ignore[type-arg]
    data = cli.json("export", "--format", "json")
    assert isinstance(data, dict)
    return data["data"]  # type: ignore[no-any-return]


def test_spike_note_and_trigger_read_from_stdin_with_a_dash(cli: Cli) -> None:
    cli("spike", "--intensity", "3", "--note", "-", input="at the station\n")
    cli("spike", "--trigger", "-", input="his phone buzzing\n")
    spikes = exported(cli)["spikes"]
    assert spikes[0]["note"] == "at the station"
    assert spikes[1]["trigger"] == "his phone buzzing"


def test_spike_note_with_no_text_asks_for_it(cli: Cli) -> None:
    cli("spike", "--note", "--intensity", "3", input="after the call\n")
    cli("spike", "--intensity", "4", "--note", input="late again\n")
    assert [s["note"] for s in exported(cli)["spikes"]] == ["after the call", "late again"]


def test_markers_add_and_edit_with_no_text_ask_for_it(cli: Cli) -> None:
    cli("markers", "add", input="Calls when running late\n")
    cli("markers", "add", "-", input="Tells me the same day when plans change\n")
    cli("markers", "edit", "1", input="Texts before leaving work\n")
    cli("markers", "record", "1", "--shown", "--note", "-", input="on time today\n")
    data = exported(cli)
    assert [m["text"] for m in data["markers"]] == [
        "Texts before leaving work",
        "Tells me the same day when plans change",
    ]
    assert data["marker_records"][0]["note"] == "on time today"


def test_edit_opens_the_editor(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "Cooks on Sundays\\n" > "$1"\n')
    editor.chmod(0o700)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setenv("VISUAL", str(editor))
    cli("markers", "add", "--edit")
    cli("spike", "--intensity", "2", "--edit")
    data = exported(cli)
    assert data["markers"][0]["text"] == "Cooks on Sundays"
    assert data["spikes"][0]["note"] == "Cooks on Sundays"


def test_nothing_typed_saves_nothing(cli: Cli, home: Path) -> None:
    result = cli("markers", "add", input="\n", code=2)
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (home / "profiles").exists()


@pytest.mark.parametrize("command", [["spike"], ["markers", "add"], ["markers", "edit"]])
def test_help_says_why(cli: Cli, command: list[str]) -> None:
    assert "shell history" in " ".join(cli(*command, "--help").stdout.split())


@pytest.mark.parametrize(("mode", "warned"), [(0o644, True), (0o600, False)])
def test_output_to_a_file_others_can_read_is_pointed_out(
    home: Path, tmp_path: Path, mode: int, warned: bool
) -> None:
    out = tmp_path / "summary.md"
    out.touch()
    out.chmod(mode)
    env = {**os.environ, "TRUSTREPAIR_HOME": str(home)}
    with out.open("w") as handle:
        done = subprocess.run(
            [sys.executable, "-m", "trustrepair", "export"],
            stdout=handle,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            check=True,
        )
    assert ("other users" in done.stderr) is warned
    assert stat.S_IMODE(out.stat().st_mode) == mode  # not ours to change: only said


def test_records_edit_takes_words_from_stdin_or_asks(cli: Cli) -> None:
    cli("markers", "add", "Calls when running late")
    cli("spike", "--intensity", "3")
    cli("records", "edit", "m1", "--text", "-", input="Calls before seven when running late\n")
    cli("records", "edit", "s1", "--note", input="on the tram\n")
    cli("records", "edit", "s1", "--trigger", "-", input="a song on the radio\n")
    data = exported(cli)
    assert data["markers"][0]["text"] == "Calls before seven when running late"
    assert (data["spikes"][0]["note"], data["spikes"][0]["trigger"]) == (
        "on the tram",
        "a song on the radio",
    )
