"""The trustrepair error family. The CLI turns each into one line and an exit code."""

from __future__ import annotations

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
