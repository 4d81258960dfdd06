"""Files outside the database: export files the person asked for, and wiping a home.

Both stay inside the paths they are given: an export writes one file (0600, atomically,
never over an existing file unless forced); a wipe removes only trustrepair's own files.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from trustrepair import messages, paths
from trustrepair.errors import BadInputError, DiskFullError, TrustRepairError

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


# Every temp file trustrepair makes carries this mark, so a later run (and `data wipe`) can
# tell its own leftovers from anyone else's files.
TEMP_MARK = "trustrepair-tmp"
CHUNK = 1 << 16


def write_private_file(target: Path, text: str, *, force: bool) -> None:
    """Write text to target atomically with mode 0600; refuse to replace a file unless forced.

    The bytes go into an unnamed file (O_TMPFILE) that only gets a name once complete, so a
    command killed half-way leaves nothing behind. Where that is not supported, a marked temp
    file is used, locked while written, and a later export cleans up any left unlocked.
    """
    check_can_write(target, force=force)
    remove_stale_temps(target.parent, target.name)
    data = text.encode("utf-8")
    fd, tmp = _open_temp(target)
    try:
        _write_all(fd, data, target)
        os.fchmod(fd, 0o600)
        _name(fd, tmp, target, force=force)
    finally:
        os.close(fd)
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def _open_temp(target: Path) -> tuple[int, Path | None]:
    import fcntl

    try:
        return os.open(target.parent, os.O_TMPFILE | os.O_WRONLY | os.O_CLOEXEC, 0o600), None
    except (OSError, AttributeError):
        pass  # no O_TMPFILE on this file system: a marked, locked temp file instead
    fd, name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=f".{TEMP_MARK}"
    )
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd, Path(name)


def _write_all(fd: int, data: bytes, target: Path) -> None:
    try:
        for start in range(0, len(data), CHUNK):
            view = memoryview(data)[start : start + CHUNK]
            while view:
                view = view[os.write(fd, view) :]
        os.fsync(fd)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DiskFullError(messages.DISK_FULL_EXPORT.format(path=target)) from None
        raise TrustRepairError(f"{target}: cannot be written ({exc.strerror})") from None


def _name(fd: int, tmp: Path | None, target: Path, *, force: bool) -> None:
    """Give the finished file its name: never over an existing file unless forced."""
    if tmp is None:  # the unnamed file: link it under a marked name, then rename
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{TEMP_MARK}")
        tmp.unlink(missing_ok=True)
        folder = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:  # a dir_fd makes os.link use linkat, which follows the /proc link to the file
            os.link(f"/proc/self/fd/{fd}", tmp.name, dst_dir_fd=folder, follow_symlinks=True)
        finally:
            os.close(folder)
    if force:
        tmp.replace(target)
        return
    try:
        os.link(tmp, target)  # fails if target appeared meanwhile: nothing is overwritten
    except FileExistsError:
        raise BadInputError(f"{target} already exists; use --force to replace it") from None
    tmp.unlink()


def remove_stale_temps(folder: Path, name: str = "") -> list[Path]:
    """Temp files a killed export left in folder (for `name`, or any): removed, if unlocked."""
    import fcntl

    removed = []
    for tmp in folder.glob(f".{name}*.{TEMP_MARK}") if folder.is_dir() else []:
        try:
            fd = os.open(tmp, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a running export holds its lock
            tmp.unlink()
            removed.append(tmp)
        except OSError:
            continue
        finally:
            os.close(fd)
    return removed


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
