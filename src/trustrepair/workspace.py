"""Where the active profile's data lives, and opening its store. No SQL here."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from trustrepair import paths
from trustrepair.errors import BadInputError

if TYPE_CHECKING:
    from trustrepair.models import BackupData
    from trustrepair.store import Store, Unlock


@dataclass(frozen=True)
class Workspace:
    """A profile under a home, and where its passphrase comes from if its store is locked."""

    home: Path
    profile: str
    unlock: Unlock | None = field(default=None, compare=False)

    @classmethod
    def resolve(
        cls, home: Path | None, profile: str | None, unlock: Unlock | None = None
    ) -> Workspace:
        name = paths.profile_name(profile)
        if not paths.is_valid_profile_name(name):
            raise BadInputError(
                f"{name!r} is not a usable profile name: use lowercase letters, digits, - and _"
            )
        return cls(paths.home_dir(home), name, unlock)

    def checked(self) -> Workspace:
        """This workspace with its home checked like ~/.ssh (a link followed once)."""
        from dataclasses import replace

        from trustrepair.home import checked_home

        return replace(self, home=checked_home(self.home))

    @property
    def database(self) -> Path:
        return paths.database_path(self.home, self.profile)

    @property
    def encrypted(self) -> bool:
        """Whether the store is locked with a passphrase (judged without one)."""
        from trustrepair.store import looks_encrypted

        return looks_encrypted(self.database)

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """The store for reading, closed afterwards; empty when nothing was stored yet."""
        with self._open(write=False) as store:
            yield store

    @contextmanager
    def writing(self) -> Iterator[Store]:
        """The store for writing (created 0700/0600 if needed), closed afterwards."""
        with self._open(write=True) as store:
            yield store

    @contextmanager
    def _open(self, *, write: bool) -> Iterator[Store]:
        from trustrepair.files import holding_store_file
        from trustrepair.store import open_store

        with holding_store_file(self.database):
            store = open_store(self.database, write=write, unlock=self.unlock)
            try:
                with store.naming_bad_records():
                    yield store
            finally:
                store.close()


def fill_profile(space: Workspace, data: BackupData) -> None:
    """Write generated or restored records into a profile's store (one transaction)."""
    from trustrepair.store.backup import import_data

    with space.writing() as store:
        import_data(store, data)
