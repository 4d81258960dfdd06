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
