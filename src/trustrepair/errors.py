"""The trustrepair error family. The CLI turns each into one line and an exit code."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from pydantic import ValidationError

    from trustrepair.plain import Plain

P = TypeVar("P", bound="Plain")

# Exit codes, named once (the shell sees these).
EXIT_ERROR = 1
EXIT_BAD_INPUT = 2
EXIT_STORE = 3
EXIT_NOT_FOUND = 4
EXIT_PASSPHRASE = 5
EXIT_INTERRUPTED = 130

# The two database drivers: sqlite3 for plain stores, sqlcipher3 for encrypted ones.
DRIVER_MODULES = ("sqlite3", "sqlcipher3.dbapi2")


def is_database_error(exc: BaseException) -> bool:
    """Whether exc comes from either driver, checked by module so neither gets imported."""
    return type(exc).__module__ in DRIVER_MODULES


class TrustRepairError(Exception):
    """A problem we can explain to the person in one line."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class BadInputError(TrustRepairError):
    """Something the person typed or passed in does not fit."""

    exit_code = EXIT_BAD_INPUT


class BankError(BadInputError):
    """The question bank file is missing a piece or has a wrong one."""


class AnswersError(BadInputError):
    """An answers file, or one answer, does not fit the question bank."""


class ImportFileError(BadInputError):
    """A backup file cannot be imported."""


class StoreError(TrustRepairError):
    """The database cannot be opened or used safely."""

    exit_code = EXIT_STORE


class DiskFullError(TrustRepairError):
    """Not enough disk space to finish a write; nothing half-written was left."""


class NotFoundError(TrustRepairError):
    """A record the person named does not exist."""

    exit_code = EXIT_NOT_FOUND


class PassphraseError(TrustRepairError):
    """The store is locked and no given passphrase opens it."""

    exit_code = EXIT_PASSPHRASE


# --- one line for a validation problem -------------------------------------------------------


# Plain records are validated as dataclasses; these say what the same mistake in a model said.
_AS_BEFORE = {
    "unexpected_keyword_argument": "Extra inputs are not permitted",
    "dataclass_type": "Input should be a valid dictionary or instance of {class_name}",
}


def describe_validation_error(exc: ValidationError, raw: object = None) -> str:
    """One line for the first problem: where it is (with the entry's id) and what is wrong."""
    err = exc.errors(include_input=False, include_url=False)[0]
    loc = list(err["loc"])
    where = _describe_location(loc, raw)
    msg = str(err["msg"]).removeprefix("Value error, ")
    if err["type"] in _AS_BEFORE:
        msg = _AS_BEFORE[err["type"]].format(**err.get("ctx", {}))
    extra = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
    return f"{where}: {msg}{extra}" if where else f"{msg}{extra}"


def checked_as(kind: type[P], data: object, error: type[TrustRepairError], name: object) -> P:
    """`data` checked as a `kind` where it arrives (a file): a failure is one `error` naming the
    file and the entry, never the data."""
    from pydantic import ValidationError

    from trustrepair.plain import checked

    try:
        return checked(kind, data)
    except ValidationError as exc:
        raise error(f"{name}: {describe_validation_error(exc)}") from None


def _describe_location(loc: list[int | str], raw: object) -> str:
    parts: list[str] = []
    node = raw
    for step in loc:
        if isinstance(step, int) and isinstance(node, list) and step < len(node):
            node = node[step]
            ident = node.get("id") if isinstance(node, dict) else None
            parts[-1:] = [
                f"{parts[-1] if parts else ''}[{ident!r}]" if ident else f"{parts[-1]}[{step}]"
            ]
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return ".".join(parts)
