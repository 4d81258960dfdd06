"""The one way trustrepair reads a file a person names: backups, answers, banks, statements.

Only regular files are read, and never more than a limit checked before reading. A FIFO, a
device or a folder is refused at once (opening never blocks). JSON and TOML are refused when
nested deeper than any file of ours, before a parser could recurse into them, and a number
too long to convert is one clear line, not a traceback.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

from trustrepair.errors import TrustRepairError

# Our deepest file (an export with its summary) nests 6 levels; 32 leaves room for any bank.
MAX_DEPTH = 32


def size_text(limit: int) -> str:
    """A size limit in one unit everywhere: MB of 1,000,000 bytes."""
    return f"{limit // 1_000_000} MB"


def read_file(
    path: Path, error: type[TrustRepairError], *, limit: int, prefix: bool = False
) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or one line naming the file.

    prefix: read only the first `limit` bytes of a longer file instead of refusing it.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        return _read_regular(fd, path, error, limit, prefix)
    finally:
        os.close(fd)


def _read_regular(
    fd: int, path: Path, error: type[TrustRepairError], limit: int, prefix: bool
) -> bytes:
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):
        raise error(f"{path}: is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise error(f"{path}: not a regular file (a pipe, device or socket); give a file")
    if info.st_size > limit and not prefix:
        raise error(f"{path}: the file is larger than {size_text(limit)}")
    chunks, total = [], 0
    try:
        while chunk := os.read(fd, min(1 << 20, limit + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit and prefix:
                return b"".join(chunks)[:limit]
            if total > limit:  # it grew while being read
                raise error(f"{path}: the file is larger than {size_text(limit)}")
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror})") from None
    return b"".join(chunks)


def loads_json(text: str, name: str, error: type[TrustRepairError]) -> object:
    _check_depth(text, name, error, toml=False)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(f"{name}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
    except ValueError:  # over 4,300 digits: Python refuses to convert it
        raise error(f"{name}: a number in the file is too long") from None


def loads_toml(text: str, name: str, error: type[TrustRepairError]) -> dict[str, object]:
    import tomllib

    _check_depth(text, name, error, toml=True)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{name}: not valid TOML ({exc})") from None
    except ValueError:
        raise error(f"{name}: a number in the file is too long") from None


def _check_depth(text: str, name: str, error: type[TrustRepairError], *, toml: bool) -> None:
    if too_deep(text, toml=toml):
        raise error(f"{name}: nested more than {MAX_DEPTH} levels deep; not a file of ours")


# Strings (and TOML comments) are dropped whole; only brackets outside them count.
_JSON_SKIP = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_TOML_SKIP = re.compile(
    r'"""[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'
    r"|'''[\s\S]*?'''"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
_AS_PARENTHESES = str.maketrans("[]{}", "()()")


def too_deep(text: str, *, toml: bool, limit: int = MAX_DEPTH) -> bool:
    """Whether [ and { nest more than `limit` deep outside strings and comments.

    Each round removes the innermost pairs: pairs left after `limit` rounds nest deeper than
    that, and so do more than `limit` brackets never closed (a parser recurses into them too).
    """
    outside = (_TOML_SKIP if toml else _JSON_SKIP).sub("", text)
    brackets = _NOT_BRACKETS.sub("", outside).translate(_AS_PARENTHESES)
    for _ in range(limit):
        shorter = brackets.replace("()", "")
        if shorter == brackets:
            return brackets.count("(") > limit
        brackets = shorter
    return "()" in brackets or brackets.count("(") > limit


def head(path: Path, size: int) -> bytes:
    """The first bytes of a regular file, to recognise it; b"" for anything else (never blocks)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return b""
    try:
        return os.read(fd, size) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
    except OSError:
        return b""
    finally:
        os.close(fd)
