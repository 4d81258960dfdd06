"""Encrypted stores: SQLCipher through sqlcipher3, imported only when a store is encrypted.

SQLCipher encrypts every page, the journal and the WAL with AES-256 and checks each page with
an HMAC. Its key derivation (PBKDF2-HMAC-SHA512, 256,000 rounds, a random salt per database)
is used as it is: nothing here derives keys or encrypts anything by hand.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Protocol

from trustrepair import messages
from trustrepair.errors import PassphraseError, StoreError
from trustrepair.store.guard import connect, store_error

SQLITE_HEADER = b"SQLite format 3\x00"
CONVERTING = ".converting"  # suffix of the copy a conversion writes before the swap
PAGE_MULTIPLE = 512  # every SQLite or SQLCipher file is a whole number of pages


class Unlock(Protocol):
    """Where passphrases come from: a file (one candidate) or a prompt (up to three)."""

    def candidates(self) -> Iterator[str]: ...

    def accept(self, passphrase: str) -> None: ...


def driver() -> ModuleType:
    try:
        import sqlcipher3.dbapi2 as cipher  # type: ignore[import-untyped]
    except ImportError:
        raise StoreError(messages.ENCRYPTION_NEEDS_SQLCIPHER) from None
    return cipher  # type: ignore[no-any-return]


def looks_encrypted(path: Path) -> bool:
    """Whether path holds an encrypted database, judged from its size and first bytes alone.

    A SQLCipher file starts with its random salt where a plain one says "SQLite format 3". An
    empty file is a plain store being created; text, or a file cut short, is neither.
    """
    from trustrepair.safe_read import head as first_bytes

    try:
        size = path.stat().st_size
    except OSError:
        return False
    head = first_bytes(path, 16)
    if not size or size % PAGE_MULTIPLE or head.startswith(SQLITE_HEADER):
        return False
    return not all(32 <= b < 127 or b in b"\t\n\r" for b in head)


def quote(text: str) -> str:
    """A SQL string literal (PRAGMA key takes no parameters)."""
    if "\x00" in text:
        raise PassphraseError(messages.PASSPHRASE_NUL)
    return "'" + text.replace("'", "''") + "'"


def prepare(db: sqlite3.Connection, passphrase: str | None, schema: str = "main") -> None:
    """Quiet SQLCipher's own logging, keep temporary tables in memory, then give the key."""
    db.execute("PRAGMA cipher_log_level = NONE")
    db.execute("PRAGMA temp_store = MEMORY")
    if passphrase is not None:
        db.execute(f"PRAGMA {schema}.key = {quote(passphrase)}")


def opens(db: sqlite3.Connection, path: Path) -> bool:
    """Whether the key given opens the database; a damaged file is said so, not retried."""
    cipher = driver()
    try:
        db.cursor().execute("SELECT count(*) FROM sqlite_master").fetchone()
    except cipher.DatabaseError as exc:
        if "not a database" in str(exc):
            return False
        raise store_error(path, exc) from None
    return True


def connect_encrypted(
    path: Path, target: str, unlock: Unlock | None
) -> tuple[sqlite3.Connection, str]:
    """A connection to an encrypted database and the passphrase that opened it."""
    if unlock is None:
        raise PassphraseError(messages.PASSPHRASE_NEEDED.format(path=path))
    cipher = driver()
    for candidate in unlock.candidates():
        db = connect(cipher, target, path)
        prepare(db, candidate)
        if opens(db, path):
            unlock.accept(candidate)
            return db, candidate
        db.close()
    raise PassphraseError(messages.PASSPHRASE_WRONG.format(path=path))


def contents_digest(db: sqlite3.Connection, schema: str = "main") -> str:
    """A digest of every row of every table, to check a copy holds exactly the original."""
    digest = hashlib.sha256()
    tables = db.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table'"  # noqa: S608
        " AND name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    for (table,) in tables:
        digest.update(table.encode())
        for row in db.execute(f'SELECT * FROM {schema}."{table}" ORDER BY rowid'):  # noqa: S608
            digest.update(repr(tuple(row)).encode())
    for pragma in ("user_version", "application_id"):
        digest.update(str(db.execute(f"PRAGMA {schema}.{pragma}").fetchone()[0]).encode())
    return digest.hexdigest()


def convert(path: Path, *, old: str | None, new: str | None) -> None:
    """Rewrite the store under a new passphrase (None: unencrypted), safely.

    An encrypted (or decrypted) copy is written beside the store, checked row by row against
    it, flushed to disk and swapped in with one atomic rename: killed at any moment, the store
    opens with the old passphrase or the new one. An unencrypted original is overwritten
    before its space is let go.
    """
    from trustrepair.files import holding_store_file

    # Every command holds the file while it uses it: wait for them, and keep new ones waiting
    # until the swap is done and the old file scrubbed.
    with holding_store_file(path, exclusive=True):
        _convert(path, old=old, new=new)


def _convert(path: Path, *, old: str | None, new: str | None) -> None:
    copy = path.with_name(path.name + CONVERTING)
    remove_leftovers(path)
    _create_private(copy)
    try:
        expected = _export(path, copy, old=old, new=new)
        _verify(copy, new, expected, path)
        _flush(copy)
    except BaseException:  # a refusal or Ctrl-C: the store stays as it was, no copy beside it
        remove_leftovers(path)
        raise
    scrub = os.open(path, os.O_RDWR) if old is None else None
    try:
        copy.replace(path)
        _flush(path.parent)
        if scrub is not None:
            _overwrite(scrub)
    finally:
        if scrub is not None:
            os.close(scrub)


def remove_leftovers(path: Path) -> None:
    """The copy (and its journal) a killed conversion left behind."""
    for leftover in (path.with_name(path.name + CONVERTING + s) for s in ("", "-journal")):
        leftover.unlink(missing_ok=True)


def _export(path: Path, copy: Path, *, old: str | None, new: str | None) -> str:
    from trustrepair.store.schema import APPLICATION_ID

    source = connect(driver(), f"file:{path}?mode=rw", path)
    try:
        prepare(source, old)
        if not opens(source, path):
            raise PassphraseError(messages.PASSPHRASE_WRONG.format(path=path))
        source.execute(f"ATTACH DATABASE {quote(str(copy))} AS copy KEY {quote(new or '')}")
        source.execute("BEGIN IMMEDIATE")  # no other command writes while the copy is made
        version = int(source.execute("PRAGMA main.user_version").fetchone()[0])
        source.execute("SELECT sqlcipher_export('copy')")
        source.execute(f"PRAGMA copy.user_version = {version}")
        source.execute(f"PRAGMA copy.application_id = {APPLICATION_ID}")
        expected = contents_digest(source)
        source.execute("COMMIT")
        source.execute("DETACH DATABASE copy")
    finally:
        source.close()
    return expected


def _verify(copy: Path, passphrase: str | None, expected: str, path: Path) -> None:
    db = connect(driver(), f"file:{copy}?mode=ro", copy)
    try:
        prepare(db, passphrase)
        checked = db.execute("PRAGMA integrity_check").fetchone()[0]
        if checked != "ok" or contents_digest(db) != expected:
            raise StoreError(f"{path}: the converted copy did not match; nothing was changed")
    finally:
        db.close()


def _create_private(path: Path) -> None:
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as exc:
        raise StoreError(f"cannot create {path} ({exc.strerror})") from None


def _flush(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _overwrite(fd: int) -> None:
    """Zeros over every byte of the old file, through a handle kept open across the rename."""
    size = os.fstat(fd).st_size
    block = bytes(64 * 1024)
    os.lseek(fd, 0, os.SEEK_SET)
    for start in range(0, size, len(block)):
        os.write(fd, block[: min(len(block), size - start)])
    os.fsync(fd)
