"""Where a passphrase comes from: a hidden prompt (three tries) or a file, never argv or env.

A `PassphraseSource` is handed to the store, which asks it for candidates only when the store
is encrypted; a plain store never reads the file nor prompts. The passphrase that worked is
kept in memory for the rest of the command, so it is asked once per command.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from trustrepair import messages
from trustrepair.errors import BadInputError, PassphraseError

FILE_ENV = "TRUSTREPAIR_PASSPHRASE_FILE"
PROMPT_TRIES = 3
MAX_FILE_BYTES = 4096

Ask = Callable[[str], str]  # shows a label, reads a line without echoing it
Warn = Callable[[str], None]


class PassphraseSource:
    """Candidates for one store: the file's passphrase, or up to three typed at the prompt."""

    def __init__(self, *, file: Path | None, ask: Ask | None, warn: Warn, label: str = "") -> None:
        self.file = file
        self.ask = ask
        self.warn = warn
        self.label = label or messages.PASSPHRASE_PROMPT
        self.known: str | None = None

    def candidates(self) -> Iterator[str]:
        """The passphrase that worked before comes first; another profile may need another."""
        if self.known is not None:
            yield self.known
        if self.file is not None:
            yield read_passphrase_file(self.file, self.warn)
        elif self.ask is not None:
            for attempt in range(PROMPT_TRIES):
                if attempt:
                    self.warn(messages.PASSPHRASE_TRY_AGAIN)
                yield checked(self.ask(self.label))

    def accept(self, passphrase: str) -> None:
        self.known = passphrase


def read_passphrase_file(path: Path, warn: Warn) -> str:
    """The first line of path; a note on stderr when others can read the file."""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise BadInputError(
                messages.PASSPHRASE_FILE_UNREADABLE.format(path=path, reason="not a file")
            )
        if mode & 0o044:
            warn(messages.PASSPHRASE_FILE_OPEN.format(path=path))
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES)
    except FileNotFoundError:
        raise BadInputError(messages.PASSPHRASE_FILE_MISSING.format(path=path)) from None
    except OSError as exc:
        reason = exc.strerror or "unreadable"
        raise BadInputError(
            messages.PASSPHRASE_FILE_UNREADABLE.format(path=path, reason=reason)
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadInputError(
            messages.PASSPHRASE_FILE_UNREADABLE.format(path=path, reason="not UTF-8 text")
        ) from None
    return checked(text.split("\n", 1)[0].removesuffix("\r"))


def checked(passphrase: str) -> str:
    if not passphrase:
        raise PassphraseError(messages.PASSPHRASE_EMPTY)
    if "\x00" in passphrase:
        raise PassphraseError(messages.PASSPHRASE_NUL)
    return passphrase


def new_passphrase(ask: Ask) -> str:
    """A new passphrase typed twice; the two must agree."""
    first = checked(ask(messages.PASSPHRASE_NEW_PROMPT))
    if ask(messages.PASSPHRASE_REPEAT_PROMPT) != first:
        raise BadInputError(messages.PASSPHRASE_MISMATCH)
    return first


def strength(passphrase: str) -> str:
    """One plain word on strength, by length alone."""
    n = len(passphrase)
    word = next((w for limit, w in messages.STRENGTH_WORDS if n < limit), messages.STRENGTH_BEST)
    return messages.PASSPHRASE_STRENGTH.format(word=word, n=n)
