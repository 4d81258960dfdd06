"""`trustrepair data path` and `trustrepair data wipe`."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES, Cli


def test_path_names_the_home_and_database(cli: Cli, home: Path) -> None:
    out = cli("data", "path").stdout
    assert str(home) in out
    assert str(home / "profiles" / "default" / "trustrepair.db") in out
    assert not home.exists()  # looking never creates anything


def test_wipe_asks_for_the_word_delete(cli: Cli, home: Path) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    result = cli("data", "wipe", input="yes\n", code=2)
    assert "nothing was deleted" in result.stderr
    assert (home / "profiles" / "default" / "trustrepair.db").exists()
    result = cli("data", "wipe", input="delete\n")
    assert "deleted" in result.stderr
    assert not home.exists()


def test_wipe_removes_every_profile_and_touches_nothing_else(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    cli("--profile", "client-b", "check", "--answers", str(EXAMPLES / "answers-betraying.toml"))
    mine = home / "my-own-notes.txt"
    mine.write_text("not trustrepair's")
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me")
    result = cli("data", "wipe", "--yes")
    assert "Left 1 file(s)" in result.stderr
    remaining = sorted(p for p in home.rglob("*"))
    assert remaining == [mine]
    assert outside.read_text() == "keep me"


def test_wipe_with_nothing_there(cli: Cli, home: Path) -> None:
    assert "Nothing to delete" in cli("data", "wipe", "--yes").stderr


def test_path_as_json(cli: Cli, home: Path) -> None:
    assert cli.json("data", "path", "--json") == {
        "home": str(home),
        "profile": "default",
        "database": str(home / "profiles" / "default" / "trustrepair.db"),
        "encrypted": False,
    }


def test_wipe_removes_our_exports_and_temp_files_and_lists_what_it_leaves(
    cli: Cli, home: Path
) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    exports = [home / f"summary.{ext}" for ext in ("md", "html", "json", "toml")]
    for path in exports:
        cli("export", "-o", str(path))
    (home / "old").mkdir()
    cli("export", "-o", str(home / "old" / "backup.toml"))
    temp = home / ".summary.md.k2j4.trustrepair-tmp"
    temp.write_text("# trustrepair summary\n\nExported 01 Dec")
    mine = home / "my-notes.md"
    mine.write_text("# my notes\n\nnot trustrepair's\n")
    lookalike = home / "summary-copy.json"
    lookalike.write_text('{"app": "something else"}')
    result = cli("data", "wipe", "--yes")
    for path in [*exports, home / "old" / "backup.toml", temp]:
        assert not path.exists(), path
        assert f"deleted {path}" in result.stderr
    assert sorted(p for p in home.rglob("*")) == sorted([lookalike, mine])
    assert f"kept {mine}" in result.stderr
    assert f"kept {lookalike}" in result.stderr
    assert "All trustrepair data there is gone" not in result.stderr
    assert "Left 2 file(s)" in result.stderr


def test_path_lines_up_every_value_in_one_column(cli: Cli) -> None:
    lines = cli("data", "path").stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["home", "profile", "database", "encrypted"]
    starts = {len(line) - len(line.split(":", 1)[1].lstrip()) for line in lines}
    assert len(starts) == 1


def _to_shared_file(tmp_path: Path, *args: str) -> str:
    """Run trustrepair with stdout going to a file others can read; return its stderr."""
    import os
    import subprocess
    import sys

    out = tmp_path / "out.txt"
    out.touch()
    out.chmod(0o644)
    with out.open("w") as sink:
        done = subprocess.run(
            [sys.executable, "-m", "trustrepair", *args],
            stdout=sink, stderr=subprocess.PIPE, text=True, env=os.environ.copy(), check=True,
        )  # fmt: skip
    return done.stderr


def test_the_readable_file_note_is_kept_for_private_output(cli: Cli, tmp_path: Path) -> None:
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    assert "other users" not in _to_shared_file(tmp_path, "data", "path")
    assert "other users" not in _to_shared_file(tmp_path, "data", "path", "--json")
    assert "other users" in _to_shared_file(tmp_path, "export", "--format", "json")


def test_passphrase_help_examples_use_the_flag_the_text_describes(cli: Cli) -> None:
    for command in ("encrypt", "decrypt", "passphrase"):
        text = "".join(cli("data", command, "--help").stdout.split())  # wraps at hyphens too
        assert "Example:trustrepair--passphrase-file" in text, command
