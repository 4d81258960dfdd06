"""The hostile-file corpus: every file a person can name, made as awkward as possible.

Each file is handed to every command that reads a named file. Every one must end in a clear
line (or success) within moments: never a traceback, never a hang, never anything written.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from harness import child_env

from conftest import EXAMPLES, Cli

READERS = {
    "import": ["import", "--yes", "{}"],
    "check": ["check", "--answers", "{}", "--no-save"],
    "prompts": ["prompts", "validate", "{}"],
    "reflect": ["reflect", "--file", "{}"],
    "compare": ["compare", "{}", "{}"],
}


def valid_backup() -> dict[str, object]:
    """A small, valid backup to break in many ways."""
    uid = "a" * 32
    return {
        "app": "trustrepair",
        "schema_version": 1,
        "app_version": "0.1.0",
        "exported_utc": "2026-01-01T00:00:00Z",
        "profile": "default",
        "includes_notes": True,
        "data": {
            "settings": {},
            "checkins": [],
            "markers": [
                {
                    "uid": uid,
                    "id": 1,
                    "text": "Calls when running late",
                    "created_utc": "2026-01-01T00:00:00Z",
                    "utc_offset_minutes": 60,
                }
            ],
            "marker_records": [],
            "spikes": [
                {
                    "uid": "b" * 32,
                    "at_utc": "2026-01-02T00:00:00Z",
                    "utc_offset_minutes": 60,
                    "minutes": 20,
                    "intensity": 5,
                }
            ],
        },
    }


def backup_with(where: str, value: object) -> str:
    data = valid_backup()
    node: object = data["data"]
    *path, last = where.split(".")
    for step in path:
        node = node[int(step)] if step.isdigit() else node[step]  # type: ignore[index]
    node[last] = value  # type: ignore[index]
    return json.dumps(data, allow_nan=True)


def text(content: str | bytes) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)

    return make


def link_to(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(size)

    return make


def unix_socket(path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()


def deep(opening: str, closing: str, depth: int, head: str = "") -> str:
    return head + opening * depth + closing * depth


CORPUS: dict[str, Callable[[Path], None]] = {
    # nesting
    **{f"json-array-depth-{d}": text(deep("[", "]", d)) for d in (33, 200, 1000, 100_000)},
    "json-object-depth-100000": text('{"a":' * 100_000 + "1" + "}" * 100_000),
    "json-unclosed-100000": text("[" * 100_000),
    **{f"toml-array-depth-{d}": text(deep("[", "]", d, "x = ")) for d in (33, 1000, 100_000)},
    "toml-inline-table-depth-1000": text("x = " + "{a = " * 1000 + "1" + "}" * 1000),
    "toml-dotted-header-10000": text("[" + ".".join(["a"] * 10_000) + "]\n"),
    "toml-brackets-in-strings": text('x = "' + "[" * 100_000 + '"\n'),
    # numbers
    **{
        f"json-int-{n}-digits": text('{"app": "trustrepair", "n": ' + "9" * n + "}")
        for n in (4301, 100_000)
    },
    "toml-int-5000-digits": text("role = " + "9" * 5000 + "\n"),
    "backup-marker-id-2**70": text(backup_with("markers.0.id", 2**70)),
    "backup-marker-id-negative": text(backup_with("markers.0.id", -1)),
    "backup-marker-id-float": text(backup_with("markers.0.id", 1e30)),
    "backup-offset-10**30": text(backup_with("spikes.0.utc_offset_minutes", 10**30)),
    "backup-offset-1440": text(backup_with("spikes.0.utc_offset_minutes", 1440)),
    "backup-intensity-10**20": text(backup_with("spikes.0.intensity", 10**20)),
    "backup-minutes-nan": text(backup_with("spikes.0.minutes", float("nan"))),
    "backup-minutes-infinity": text(backup_with("spikes.0.minutes", float("inf"))),
    "backup-minutes-1e999": text(
        backup_with("spikes.0.minutes", "1e999").replace('"1e999"', "1e999")
    ),
    # dates
    "backup-year-1": text(backup_with("spikes.0.at_utc", "0001-01-01T00:00:00Z")),
    "backup-year-9999": text(backup_with("markers.0.created_utc", "9999-12-31T23:59:59Z")),
    "backup-year-2099": text(backup_with("spikes.0.at_utc", "2099-01-01T00:00:00Z")),
    "backup-date-nonsense": text(backup_with("spikes.0.at_utc", "2026-13-45T99:99:99Z")),
    # text
    "backup-note-10MB": text(backup_with("spikes.0.note", "x" * 10_000_000)),
    "backup-note-escape-codes": text(backup_with("spikes.0.note", "\x1b[31mred\x07")),
    "backup-note-lone-surrogate": text(
        backup_with("spikes.0.note", "a").replace('"a"', '"\\ud800"')
    ),
    "backup-marker-bidi-override": text(backup_with("markers.0.text", "abc\u202edef")),
    # shapes
    "backup-truncated": text(backup_with("spikes.0.minutes", 3)[:300]),
    "json-top-array": text("[]"),
    "json-top-string": text('"trustrepair"'),
    "json-top-null": text("null"),
    "json-no-data": text('{"app": "trustrepair"}'),
    "json-data-is-a-list": text('{"app": "trustrepair", "data": []}'),
    "json-duplicate-keys": text('{"app": "trustrepair", "app": "other"}'),
    # encodings
    "empty": text(b""),
    "whitespace": text(b"  \n\t\n"),
    "binary": text(bytes(range(256)) * 64),
    "nul-bytes": text(b"role = \x00\x00\n"),
    "utf16-bom": text('{"app": "trustrepair"}'.encode("utf-16")),
    "utf8-bom": text(b"\xef\xbb\xbf" + b'{"app": "trustrepair"}'),
    "latin1": text("role = 'caf\xe9'".encode("latin-1")),
    # files that are not files
    "sparse-1TB": sparse(10**12),
    "sparse-65MB": sparse(65_000_001),
    "link-to-dev-zero": link_to("/dev/zero"),
    "link-to-dev-urandom": link_to("/dev/urandom"),
    "link-to-dev-null": link_to("/dev/null"),
    "dangling-link": link_to("/nonexistent/trustrepair-corpus"),
    "directory": lambda path: path.mkdir(),
    "unix-socket": unix_socket,
}
LOOP = "link-loop"


def one_line_or_usage(stderr: str) -> bool:
    lines = stderr.strip().splitlines()
    return len(lines) == 1 or (bool(lines) and lines[0].startswith("Usage:"))


@pytest.mark.parametrize("reader", list(READERS))
def test_every_hostile_file_is_refused_cleanly(
    cli: Cli, home: Path, tmp_path: Path, reader: str
) -> None:
    refused = accepted = 0
    for name, make in CORPUS.items():
        path = tmp_path / f"{name}.json"
        make(path)
        args = [str(path) if part == "{}" else part for part in READERS[reader]]
        result = cli.runner.invoke(cli_app(), args)
        assert "Traceback" not in result.output, (reader, name)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            reader,
            name,
            result.exception,
        )
        if result.exit_code == 0:
            accepted += 1
            assert reader in ("reflect", "compare"), name  # plain text to reflect on, or a profile
        else:
            refused += 1
            assert result.exit_code in (1, 2, 4, 5), (reader, name, result.output)
            assert one_line_or_usage(result.stderr) or (
                # binary noise that looks like an encrypted backup: asked for its passphrase
                result.exit_code == 5 and result.stderr.strip().splitlines()[-1].startswith("Error")
            ), (reader, name, result.stderr)
            assert not (home / "profiles").exists(), (reader, name)  # nothing written
        path.unlink() if path.is_symlink() or path.is_file() or path.is_socket() else path.rmdir()
    print(f"\n{reader}: {len(CORPUS)} files: {refused} refused cleanly, {accepted} read as text")


def cli_app():  # type: ignore[no-untyped-def]
    from trustrepair.cli import app

    return app


@pytest.mark.parametrize("reader", list(READERS))
def test_a_fifo_is_refused_at_once_by_every_reader(tmp_path: Path, reader: str) -> None:
    """In a child process with a time limit: a reader that blocked would fail, not hang."""
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    args = [str(fifo) if part == "{}" else part for part in READERS[reader]]
    done = subprocess.run(
        [sys.executable, "-m", "trustrepair", "--home", str(tmp_path / "home"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=child_env(),
        stdin=subprocess.DEVNULL,
        check=False,
    )
    assert done.returncode in (2, 4), done.stderr
    assert "Traceback" not in done.stderr
    assert one_line_or_usage(done.stderr)


def test_the_corpus_starts_from_a_valid_backup(cli: Cli, tmp_path: Path) -> None:
    """A positive control: unbroken, the corpus's backup imports and answers files check."""
    path = tmp_path / "valid.json"
    path.write_text(json.dumps(valid_backup()))
    cli("import", "--yes", str(path))
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"), "--no-save")
