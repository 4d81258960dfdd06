"""Turning a profile's store encrypted, plain again, or onto a new passphrase. No SQL here.

Each change rewrites the whole store through `store.cipher.convert`: a checked copy swapped
in atomically, so an interrupted command leaves the store as it was, or fully changed.
"""

from __future__ import annotations

from trustrepair import messages
from trustrepair.errors import BadInputError
from trustrepair.workspace import Workspace


def encrypt(space: Workspace, new: str) -> None:
    """Lock the store with new; a profile with nothing stored yet gets an empty locked store."""
    from trustrepair.store.cipher import convert

    refuse_if_encrypted(space)
    with space.writing():
        pass  # creates the store, or brings an older one up to date, before the copy
    convert(space.database, old=None, new=new)


def refuse_if_encrypted(space: Workspace) -> None:
    if space.encrypted:
        raise BadInputError(messages.ALREADY_ENCRYPTED.format(path=space.database))


def current_passphrase(space: Workspace) -> str:
    """The passphrase that opens the store (asked through the workspace's source)."""
    if not space.encrypted:
        raise BadInputError(messages.NOT_ENCRYPTED.format(path=space.database))
    with space.reading() as store:
        passphrase = store.passphrase
    if passphrase is None:  # the file changed under us; say so rather than guess
        raise BadInputError(messages.NOT_ENCRYPTED.format(path=space.database))
    return passphrase


def decrypt(space: Workspace, current: str) -> None:
    from trustrepair.store.cipher import convert

    convert(space.database, old=current, new=None)


def change_passphrase(space: Workspace, current: str, new: str) -> None:
    from trustrepair.store.cipher import convert

    convert(space.database, old=current, new=new)
