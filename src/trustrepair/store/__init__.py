"""The only package that speaks SQL, and the only code that touches the database file.

One SQLite database per profile. The folder is created 0700 and the file 0600. Every write is
one transaction, so an interrupted command leaves the store as it was. The schema is versioned
with PRAGMA user_version and moved forward by the named steps in `schema.MIGRATIONS`.
"""

from trustrepair.store.cipher import Unlock, looks_encrypted
from trustrepair.store.connection import open_store
from trustrepair.store.core import Store
from trustrepair.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Store",
    "Unlock",
    "looks_encrypted",
    "open_store",
]
