"""The home is checked the way ssh checks ~/.ssh: ours, and writable by no one else."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import Cli


@pytest.fixture
def linked_home(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """A home given as a symlink to a private folder, with one spike already stored there."""
    target = tmp_path / "real"
    target.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(target)
    monkeypatch.setenv("TRUSTREPAIR_HOME", str(link))
    cli("spike", "--intensity", "3")
    return target, link


needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="giving a folder away needs root")


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    return lines[0]


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o702])
def test_a_home_others_can_write_is_refused(cli: Cli, home: Path, mode: int) -> None:
    cli("spike", "--intensity", "3")
    home.chmod(mode)
    for command in (["summary"], ["spike", "--intensity", "4"], ["export"]):
        line = one_line(cli(*command, code=3).stderr)
        assert f"chmod 700 {home}" in line
    home.chmod(0o700)
    assert cli.json("progress", "--json")["spikes_logged"] == 1  # type: ignore[index]


def test_a_profile_folder_others_can_write_is_refused(cli: Cli, home: Path) -> None:
    cli("spike", "--intensity", "3")
    folder = home / "profiles" / "default"
    folder.chmod(0o775)
    assert f"chmod 700 {folder}" in one_line(cli("spike", code=3).stderr)


@needs_root
def test_a_home_owned_by_another_user_is_refused(cli: Cli, home: Path) -> None:
    cli("spike", "--intensity", "3")
    os.chown(home, 4242, 4242)
    line = one_line(cli("spike", "--intensity", "4", code=3).stderr)
    assert "another user" in line
    assert str(home) in line


@needs_root
def test_a_store_file_owned_by_another_user_is_refused(cli: Cli, home: Path) -> None:
    cli("spike", "--intensity", "3")
    os.chown(home / "profiles" / "default" / "trustrepair.db", 4242, 4242)
    assert "another user" in one_line(cli("summary", code=3).stderr)


def test_a_symlinked_home_is_followed_once_and_checked_at_its_target(
    cli: Cli, linked_home: tuple[Path, Path]
) -> None:
    target, _link = linked_home
    assert (target / "profiles" / "default" / "trustrepair.db").is_file()
    target.chmod(0o777)
    assert f"chmod 700 {target}" in one_line(cli("summary", code=3).stderr)


def test_a_link_to_a_link_is_refused(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "real"
    target.mkdir(mode=0o700)
    (tmp_path / "hop").symlink_to(target)
    (tmp_path / "link").symlink_to(tmp_path / "hop")
    monkeypatch.setenv("TRUSTREPAIR_HOME", str(tmp_path / "link"))
    assert "link" in one_line(cli("spike", code=3).stderr)


def test_a_dangling_symlink_home_says_what_is_missing(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "gone")
    monkeypatch.setenv("TRUSTREPAIR_HOME", str(link))
    line = one_line(cli("spike", "--intensity", "3", code=3).stderr)
    assert "File exists" not in line
    assert str(tmp_path / "gone") in line
    assert "does not exist" in line


def test_wipe_on_a_symlinked_home_tells_the_truth(cli: Cli, linked_home: tuple[Path, Path]) -> None:
    target, link = linked_home
    result = cli("data", "wipe", "--yes")
    assert "gone" in result.stderr
    assert target.is_dir()
    assert not any(target.rglob("*"))
    assert link.is_symlink()  # the person's own link stays, pointing at an empty folder
