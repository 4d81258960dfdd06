"""The home checked the way ssh checks ~/.ssh, before anything is read from it or written.

A home (or a folder or store inside it) that another account owns, or that group or others
can write, would let that account swap in a store of its own and read the next entries.
A symlinked home is followed once and checked where it points.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from trustrepair import messages, paths
from trustrepair.errors import StoreError


def checked_home(home: Path) -> Path:
    """The folder to use for home (a link followed once), refused if it is not private."""
    folder = _follow_once(home)
    for path in _ours(folder):
        _check(path)
    return folder


def _follow_once(home: Path) -> Path:
    if not home.is_symlink():
        return home
    target = home.readlink()
    target = target if target.is_absolute() else home.parent / target
    if target.is_symlink():
        raise StoreError(messages.HOME_LINK_TO_LINK.format(home=home, target=target))
    if not target.exists():
        raise StoreError(messages.HOME_LINK_DANGLING.format(home=home, target=target))
    return target


def _ours(folder: Path) -> list[Path]:
    """The home, profiles/, each profile folder and each store file: whichever exist."""
    found = [folder]
    profiles = paths.profiles_dir(folder)
    if profiles.is_symlink() or profiles.exists():
        found.append(profiles)
    if profiles.is_dir() and not profiles.is_symlink():
        for profile in sorted(profiles.iterdir()):
            found.append(profile)
            store = profile / paths.DB_NAME
            if profile.is_dir() and not profile.is_symlink() and store.exists():
                found.append(store)
    return found


def _check(path: Path) -> None:
    try:
        info = path.lstat()
    except FileNotFoundError:
        return  # a home not made yet is created private
    if stat.S_ISLNK(info.st_mode):
        raise StoreError(messages.HOME_INNER_LINK.format(path=path))
    if info.st_uid != os.geteuid():
        raise StoreError(messages.HOME_NOT_YOURS.format(path=path, uid=info.st_uid))
    if info.st_mode & 0o022:
        mode = "700" if stat.S_ISDIR(info.st_mode) else "600"
        raise StoreError(
            messages.HOME_WRITABLE.format(
                path=path, mode=f"{stat.S_IMODE(info.st_mode):o}", fix=mode
            )
        )
