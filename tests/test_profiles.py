"""Profiles: separate stores under one home, e.g. one per partner or per client."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, Cli


def test_profiles_keep_separate_stores(cli: Cli, home: Path) -> None:
    cli("--profile", "robin", "check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    cli("--profile", "kai", "check", "--answers", str(EXAMPLES / "answers-betraying.toml"))
    robin = cli.json("--profile", "robin", "history", "--json")
    kai = cli.json("--profile", "kai", "history", "--json")
    assert [r["role"] for r in robin] == ["affected"]  # type: ignore[index, union-attr]
    assert [r["role"] for r in kai] == ["betraying"]  # type: ignore[index, union-attr]
    assert cli.json("history", "--json") == []  # the default profile is its own store


def test_env_var_picks_the_profile(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUSTREPAIR_PROFILE", "client-a")
    cli("check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    listing = cli.json("profile", "list", "--json")
    assert listing == {"active": "client-a", "profiles": ["client-a"]}


def test_list_create_delete(cli: Cli, home: Path) -> None:
    assert "No profiles yet" in cli("profile", "list").stderr
    cli("profile", "create", "robin")
    assert "already exists" in cli("profile", "create", "robin", code=2).stderr
    cli("--profile", "robin", "profile", "create", "kai")
    assert cli("--profile", "robin", "profile", "list").stdout.splitlines() == ["  kai", "* robin"]
    result = cli("profile", "delete", "kai", input="robin\n", code=2)
    assert "nothing was deleted" in result.stderr
    cli("profile", "delete", "kai", input="kai\n")
    assert not (home / "profiles" / "kai").exists()
    assert (home / "profiles" / "robin" / "trustrepair.db").exists()
    assert "no profile named 'kai'" in cli("profile", "delete", "kai", "--yes", code=4).stderr


def test_profile_names_cannot_escape_the_home(cli: Cli, home: Path) -> None:
    for bad in ("../x", "Upper", "a b", "", "x" * 41):
        assert "not a usable profile name" in cli("profile", "create", bad, code=2).stderr
    assert not home.exists()


def test_a_mistyped_profile_is_pointed_out(cli: Cli) -> None:
    cli("--profile", "robin", "check", "--answers", str(EXAMPLES / "answers-affected.toml"))
    result = cli("--profile", "robn", "summary")
    assert "no profile named 'robn' yet (existing: robin)" in result.stderr
    assert "no profile named" not in cli("--profile", "robin", "summary").stderr
