"""Files outside the database: export files the person asked for, and wiping a home.

Both stay inside the paths they are given: an export writes one file (0600, atomically,
never over an existing file unless forced); a wipe removes only trustrepair's own files.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from trustrepair import paths
from trustrepair.errors import BadInputError, TrustRepairError

DB_SUFFIXES = ("", "-journal", "-wal", "-shm")


def write_private_file(target: Path, text: str, *, force: bool) -> None:
    """Write text to target atomically with mode 0600; refuse to replace a file unless forced."""
    if target.is_dir():
        raise BadInputError(f"{target} is a folder; give a file name")
    if target.exists() and not force:
        raise BadInputError(f"{target} already exists; use --force to replace it")
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise BadInputError(f"the folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        Path(tmp).chmod(0o600)
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def trustrepair_files(home: Path) -> list[Path]:
    """Every file trustrepair itself keeps under home (databases of all profiles, config)."""
    found: list[Path] = []
    config = paths.config_path(home)
    if config.is_file():
        found.append(config)
    profiles = paths.profiles_dir(home)
    if profiles.is_dir():
        for folder in sorted(p for p in profiles.iterdir() if p.is_dir()):
            for suffix in DB_SUFFIXES:
                db = folder / f"{paths.DB_NAME}{suffix}"
                if db.is_file():
                    found.append(db)
    return found


def wipe(home: Path) -> tuple[list[Path], list[Path]]:
    """Delete trustrepair's files and the folders they leave empty. Returns (removed, kept)."""
    removed = trustrepair_files(home)
    try:
        for f in removed:
            f.unlink()
        profiles = paths.profiles_dir(home)
        folders = sorted(profiles.iterdir()) if profiles.is_dir() else []
        for folder in [*folders, profiles, home]:
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
    except OSError as exc:
        raise TrustRepairError(
            f"could not delete everything under {home} ({exc.strerror})"
        ) from None
    kept = sorted(p for p in home.rglob("*") if p.is_file()) if home.is_dir() else []
    return removed, kept
