"""Files outside the database: export files the person asked for, and wiping a home.

Both stay inside the paths they are given: an export writes one file (0600, atomically,
never over an existing file unless forced); a wipe removes only trustrepair's own files.
"""

from __future__ import annotations

import errno
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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


def write_private_file(target: Path, text: str | Iterable[str], *, force: bool) -> None:
    """Write text, or its pieces as they come, to target atomically with mode 0600; refuse to
    replace a file unless forced.

    The bytes go into an unnamed file (O_TMPFILE) that only gets a name once complete, so a
    command killed half-way leaves nothing behind. Where that is not supported, a marked temp
    file is used, locked while written, and a later export cleans up any left unlocked.
    """
    check_can_write(target, force=force)
    pieces = [text] if isinstance(text, str) else text
    with folder_lock(target.parent):
        remove_stale_temps(target.parent, target.name)
        fd, tmp = _open_temp(target)
    try:
        for piece in pieces:
            _write_all(fd, piece.encode("utf-8"), target)
        _written(fd, target)
        os.fchmod(fd, 0o600)
        with folder_lock(target.parent):
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
    with _writing(target):
        for start in range(0, len(data), CHUNK):
            view = memoryview(data)[start : start + CHUNK]
            while view:
                view = view[os.write(fd, view) :]


def _written(fd: int, target: Path) -> None:
    """Every byte on the disk before the file gets its name."""
    with _writing(target):
        os.fsync(fd)


@contextmanager
def _writing(target: Path) -> Iterator[None]:
    try:
        yield
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


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """One trustrepair command at a time making or cleaning up temp files in folder."""
    import fcntl

    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


@contextmanager
def holding_store_file(path: Path, *, exclusive: bool = False) -> Iterator[int | None]:
    """Hold the store file for as long as it is in use, so that a conversion (encrypt,
    decrypt, new passphrase) never swaps it out from under a command, nor a command writes
    into a file the swap has just retired. Yields the inode held (None: no file yet).

    flock on the file itself, which SQLite's own (fcntl) locks never see. A command that
    waited while the file was swapped holds the new file instead.
    """
    import fcntl

    while True:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
        except FileNotFoundError:
            yield None
            return
        fcntl.flock(fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        held = os.fstat(fd).st_ino
        try:
            current = path.stat().st_ino
        except FileNotFoundError:
            current = None
        if current == held:
            break
        os.close(fd)
    try:
        yield held
    finally:
        os.close(fd)


def remove_stale_temps(folder: Path, name: str = "") -> list[Path]:
    """Temp files a killed command left in folder (for `name`, or any): removed if unlocked.

    Call it holding `folder_lock`: a temp file is locked from the moment it is made under it.
    """
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
    """Every file trustrepair made under home: databases, config, exports, backups, temp files
    and the checked bank kept under TRUSTREPAIR_HOME/cache.

    Stores are found where profiles keep them; anything else only by its header or signature,
    so a file of the person's own is never included. Links are never followed.
    """
    found: list[Path] = []
    config = paths.config_path(home)
    if config.is_file() and not config.is_symlink():
        found.append(config)
    profiles = paths.profiles_dir(home)
    if profiles.is_dir() and not profiles.is_symlink():
        for folder in sorted(p for p in profiles.iterdir() if p.is_dir() and not p.is_symlink()):
            found += _database_files(folder)
    known = set(found)
    return found + [f for f in _regular_files(home) if f not in known and is_ours(f)]


def _regular_files(home: Path) -> list[Path]:
    found = []
    for folder, _dirs, names in os.walk(home):  # os.walk never follows links into folders
        found += [
            p for p in (Path(folder) / n for n in names) if p.is_file() and not p.is_symlink()
        ]
    return sorted(found)


# How trustrepair's own exports begin (within their first 4 kB).
SIGNATURES = [
    re.compile(rb"^# trustrepair summary\n\nExported \d{1,2} \w+ \d{4} from profile "),
    re.compile(
        rb"^<!DOCTYPE html>\n<html[^>]*><head>.{0,1000}<title>trustrepair summary</title>", re.S
    ),
    re.compile(rb'^\{\n  "app": "trustrepair",\n  "schema_version": \d+,\n  "app_version": '),
    re.compile(rb'^# trustrepair backup\..*\napp = "trustrepair"\nschema_version = \d+\n', re.S),
    re.compile(rb'^\{"cache": "trustrepair bank cache", "key": "'),  # bank_cache.py
]


def is_ours(path: Path) -> bool:
    """A temp file, export or backup trustrepair wrote, told by its name mark or first bytes."""
    from trustrepair.safe_read import head
    from trustrepair.store.schema import is_trustrepair_database

    if path.name.endswith(f".{TEMP_MARK}"):
        return True
    start = head(path, 4096)
    if start.startswith(b"SQLite format 3\x00"):
        return is_trustrepair_database(path)  # a `data backup` copy carries our application id
    return any(sig.match(start) for sig in SIGNATURES)


def _database_files(folder: Path) -> list[Path]:
    """A profile's database and its journal files, if the database is really ours."""
    from trustrepair.store.schema import is_trustrepair_database

    db = folder / paths.DB_NAME
    if db.is_file() and not is_trustrepair_database(db):
        return []
    return [f for f in (folder / f"{paths.DB_NAME}{s}" for s in DB_SUFFIXES) if f.is_file()]


def wipe(home: Path, *, keep_home: bool = False) -> tuple[list[Path], list[Path]]:
    """Delete trustrepair's files and the folders they leave empty. Returns (removed, kept).

    keep_home: the home is where a link points; the folder stays so the link still works.
    """
    removed = trustrepair_files(home)
    emptied = {f.parent for f in removed} | {paths.profiles_dir(home)}
    try:
        for f in removed:
            f.unlink()
        for folder, _dirs, _names in sorted(os.walk(home, topdown=False), reverse=True):
            here = Path(folder)
            if here in emptied and here != home and not any(here.iterdir()):
                here.rmdir()
                emptied.add(here.parent)
        if not keep_home and home.is_dir() and not any(home.iterdir()):
            home.rmdir()
    except OSError as exc:
        raise TrustRepairError(
            f"could not delete everything under {home} ({exc.strerror})"
        ) from None
    return removed, _regular_files(home) if home.is_dir() else []


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
