"""One safe reader for every file a person names: regular files only, bounded in size and depth."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Cli
from trustrepair.errors import BadInputError
from trustrepair.safe_read import MAX_DEPTH, loads_json, loads_toml, read_file

# Every command that reads a file a person names, with where the file goes.
READERS = [
    ["import", "--yes", "{}"],
    ["check", "--answers", "{}", "--no-save"],
    ["prompts", "validate", "{}"],
    ["reflect", "--file", "{}"],
]


def run(cli: Cli, command: list[str], path: Path) -> str:
    result = cli(*[str(path) if part == "{}" else part for part in command], code=2)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result.stderr


def deep_json(depth: int) -> str:
    return '{"app": "trustrepair", "x": ' + "[" * depth + "]" * depth + "}"


def deep_toml(depth: int) -> str:
    return 'app = "trustrepair"\nx = ' + "[" * depth + "]" * depth + "\n"


@pytest.mark.parametrize("command", READERS[:3], ids=lambda c: c[0])  # reflect reads plain text
@pytest.mark.parametrize(
    "content",
    [deep_json(100_000), deep_toml(100_000), deep_toml(2000), "x = " + "9" * 5000 + "\n"],
    ids=["json-100k-deep", "toml-100k-deep", "toml-2k-deep", "toml-5000-digits"],
)
def test_hostile_text_is_refused_in_one_line(
    cli: Cli, tmp_path: Path, command: list[str], content: str
) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(content, encoding="utf-8")
    run(cli, command, path)


def test_a_json_number_over_4300_digits_is_refused(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text('{"app": "trustrepair", "schema_version": ' + "7" * 5000 + "}")
    assert "number" in run(cli, ["import", "--yes", "{}"], path)


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_a_folder_is_refused(cli: Cli, tmp_path: Path, command: list[str]) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    result = cli(*[str(folder) if part == "{}" else part for part in command], code=2)
    assert "is a directory" in result.stderr or "is a folder" in result.stderr


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_a_link_to_dev_zero_is_refused_at_once(
    cli: Cli, tmp_path: Path, command: list[str]
) -> None:
    link = tmp_path / "zero.toml"
    link.symlink_to("/dev/zero")
    assert "not a regular file" in run(cli, command, link)


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
def test_a_fifo_is_refused_at_once(tmp_path: Path, command: list[str]) -> None:
    """In a child process with a time limit, so a reader that blocks fails instead of hanging."""
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    args = [str(fifo) if part == "{}" else part for part in command]
    env = {**os.environ, "TRUSTREPAIR_HOME": str(tmp_path / "home")}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "trustrepair", *args],
            capture_output=True,
            text=True,
            timeout=30,
            env=env,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{command[0]} blocked on a FIFO")
    assert done.returncode == 2, done.stderr
    assert "not a regular file" in done.stderr


def test_the_size_cap_is_checked_before_reading(tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.json"
    with sparse.open("wb") as handle:
        handle.truncate(10**12)  # a terabyte that takes no space: reading it would never end
    with pytest.raises(BadInputError, match="larger than 1 MB"):
        read_file(sparse, BadInputError, limit=1_000_000)


def test_depth_up_to_the_limit_is_read_and_beyond_is_refused() -> None:
    assert loads_json(deep_json(MAX_DEPTH - 1), "f", BadInputError)
    assert loads_toml(deep_toml(MAX_DEPTH - 1), "f", BadInputError)
    with pytest.raises(BadInputError, match="nested"):
        loads_json(deep_json(MAX_DEPTH + 1), "f", BadInputError)
    with pytest.raises(BadInputError, match="nested"):
        loads_toml(deep_toml(MAX_DEPTH + 1), "f", BadInputError)


def test_brackets_inside_strings_and_comments_do_not_count() -> None:
    text = '{"a": "' + "[" * 500 + '", "b": "\\"' + "{" * 500 + '"}'
    assert loads_json(text, "f", BadInputError)["a"] == "[" * 500
    toml = "a = '" + "[" * 500 + "'\n# " + "{" * 500 + '\nb = """\n' + "[" * 500 + '"""\n'
    assert loads_toml(toml, "f", BadInputError)["a"] == "[" * 500


def test_one_unit_for_the_import_size_limit(cli: Cli, tmp_path: Path) -> None:
    from trustrepair.backup import MAX_IMPORT_BYTES, parse_export

    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(MAX_IMPORT_BYTES + 1)
    from_file = run(cli, ["import", "--yes", "{}"], big)
    with pytest.raises(BadInputError) as from_bytes:
        parse_export(b" " * (MAX_IMPORT_BYTES + 1), "big.json")
    assert "larger than 64 MB" in from_file
    assert "larger than 64 MB" in from_bytes.value.message
