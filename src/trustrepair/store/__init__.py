"""The only package that speaks SQL, and the only code that touches the database file.

One SQLite database per profile, plain or encrypted with SQLCipher. The folder is created 0700
and the file 0600. Every write is one transaction, so an interrupted command leaves the store as
it was. The schema is versioned with PRAGMA user_version and moved forward by the named steps
in `schema.MIGRATIONS`.

Names are loaded on first use, so that asking whether a store is encrypted (`data path`) does
not load the models.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from trustrepair.store.cipher import Unlock, looks_encrypted
    from trustrepair.store.connection import open_store
    from trustrepair.store.core import Store
    from trustrepair.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

_HOMES = {
    "APPLICATION_ID": "schema",
    "MIGRATIONS": "schema",
    "SCHEMA_VERSION": "schema",
    "Store": "core",
    "Unlock": "cipher",
    "looks_encrypted": "cipher",
    "open_store": "connection",
}

__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Store",
    "Unlock",
    "looks_encrypted",
    "open_store",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)
