"""The shipped bank, checked once per version of its file and then read back as plain JSON.

Parsing and checking data/prompts.toml costs tens of milliseconds at every command; reading
the checked bank back from JSON costs a few. The cache is keyed by the SHA-256 of the bank
file, the package version and the cache format. A cache file that does not match its key, is
cut short, damaged, or not the person's own private file is ignored (and then rewritten); a
cache that cannot be written is skipped. Data only, never pickle: reading it runs no code.

The file is two lines: a header with the key and the SHA-256 of the second line, then the
bank as `to_data` wrote it.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from pathlib import Path
from typing import TypeVar

from trustrepair import __version__, paths
from trustrepair.plain import Plain, from_data, to_data

P = TypeVar("P", bound=Plain)
# The code that shapes the cached data: an editable install keeps its version number while
# these change, so their files' sizes and times are part of the key too.
SHAPERS = (
    "trustrepair.bank",
    "trustrepair.bank_calendar",
    "trustrepair.bank_fields",
    "trustrepair.bank_markers",
    "trustrepair.bank_reflect",
    "trustrepair.plain",
    "trustrepair.vocab",
)

FORMAT = 1
NAME = "bank.json"
MARK = "trustrepair bank cache"
MAX_CACHE_BYTES = 8_000_000  # the shipped bank's cache is about 200 kB


def cache_path() -> Path:
    return paths.cache_dir() / NAME


def key_for(content: bytes) -> str:
    """What a cache must have been made from: this bank file, by this code, in this format."""
    code = hashlib.sha256()
    for name in SHAPERS:  # a source file's size and time say it changed, without reading it
        source = getattr(sys.modules.get(name), "__file__", None)
        found = Path(source).stat() if source else None
        code.update(f"{name}:{found and (found.st_size, found.st_mtime_ns)}".encode())
    bank = hashlib.sha256(content).hexdigest()
    return f"{FORMAT}:{__version__}:{bank}:{code.hexdigest()[:16]}"


def read(key: str, kind: type[P]) -> P | None:
    """The cached record for this key, or None when there is no usable cache."""
    content = _read_own_file(cache_path())
    if content is None:
        return None
    head, _, body = content.partition(b"\n")
    from pydantic_core import from_json  # already loaded: Typer uses Pydantic

    try:
        if json.loads(head) != _header(key, body):
            return None
        record: P = from_data(kind, from_json(body))  # Pydantic's JSON reader: a third faster
    except (ValueError, TypeError, KeyError, AttributeError):  # not JSON, or not this shape
        return None
    return record if isinstance(record, kind) else None


def write(key: str, record: Plain) -> None:
    """Keep the record for next time: 0600 in a 0700 folder, written atomically."""
    from trustrepair.errors import TrustRepairError
    from trustrepair.files import write_private_file

    body = json.dumps(to_data(record), ensure_ascii=False, separators=(",", ":")) + "\n"
    header = json.dumps(_header(key, body.encode("utf-8")))
    target = cache_path()
    try:
        # Made only inside a folder that exists: the cache never creates a trustrepair home.
        target.parent.mkdir(mode=0o700, exist_ok=True)
        write_private_file(target, f"{header}\n{body}", force=True)
    except (OSError, TrustRepairError):
        pass  # a read-only or full disk: the next command checks the bank file again


def _header(key: str, body: bytes) -> dict[str, str]:
    return {"cache": MARK, "key": key, "sha256": hashlib.sha256(body).hexdigest()}


def _read_own_file(path: Path) -> bytes | None:
    """The file's bytes if it is a regular file of ours that only we can read and write."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as stream:
        try:
            info = os.fstat(fd)
            if (
                not stat.S_ISREG(info.st_mode)
                or info.st_uid != os.getuid()
                or info.st_mode & 0o077
                or info.st_size > MAX_CACHE_BYTES
            ):
                return None
            return stream.read(MAX_CACHE_BYTES + 1)
        except OSError:
            return None
