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

# The database, its journals, and the copy an interrupted `data encrypt` may leave behind.
DB_SUFFIXES = ("", "-journal", "-wal", "-shm", ".converting", ".converting-journal")


def check_can_write(target: Path, *, force: bool) -> None:
    """Fail early (before any work) if target cannot or must not be written."""
    if target.is_dir():
        raise BadInputError(f"{target} is a folder; give a file name")
    if target.exists() and not force:
        raise BadInputError(f"{target} already exists; use --force to replace it")
    if not target.parent.is_dir():
        raise BadInputError(f"the folder {target.parent} does not exist")


def write_private_file(target: Path, text: str, *, force: bool) -> None:
    """Write text to target atomically with mode 0600; refuse to replace a file unless forced."""
    check_can_write(target, force=force)
    folder = target.parent
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
    """Every file trustrepair itself keeps under home (databases of all profiles, config).

    A file in a database's place that is not a trustrepair database is never included.
    """
    found: list[Path] = []
    config = paths.config_path(home)
    if config.is_file():
        found.append(config)
    profiles = paths.profiles_dir(home)
    if profiles.is_dir():
        for folder in sorted(p for p in profiles.iterdir() if p.is_dir()):
            found += _database_files(folder)
    return found


def _database_files(folder: Path) -> list[Path]:
    """A profile's database and its journal files, if the database is really ours."""
    from trustrepair.store.schema import is_trustrepair_database

    db = folder / paths.DB_NAME
    if db.is_file() and not is_trustrepair_database(db):
        return []
    return [f for f in (folder / f"{paths.DB_NAME}{s}" for s in DB_SUFFIXES) if f.is_file()]


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


def profile_names(home: Path) -> list[str]:
    """Profiles that have a store under home, by name."""
    root = paths.profiles_dir(home)
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / paths.DB_NAME).is_file())


def delete_profile(home: Path, profile: str) -> list[Path]:
    """Delete one profile's database files and its folder if that leaves it empty."""
    folder = paths.profile_dir(home, profile)
    removed = _database_files(folder)
    if not removed:
        raise TrustRepairError(
            f"{folder / paths.DB_NAME} is not a trustrepair database; it was left untouched"
        )
    try:
        for f in removed:
            f.unlink()
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    except OSError as exc:
        raise TrustRepairError(f"could not delete profile {profile!r} ({exc.strerror})") from None
    return removed


def read_input_file(path: Path, error: type[TrustRepairError], *, limit: int) -> bytes:
    """A file the person named (answers, a backup, a statement): one clear line if unreadable."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise error(f"{path}: the file is larger than {limit // 1_000_000} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror})") from None
