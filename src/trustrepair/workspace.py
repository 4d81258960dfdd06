"""Where the active profile's data lives, and opening its store. No SQL here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trustrepair import paths
from trustrepair.errors import BadInputError

if TYPE_CHECKING:
    from trustrepair.models import BackupData
    from trustrepair.store import Store


@dataclass(frozen=True)
class Workspace:
    home: Path
    profile: str

    @classmethod
    def resolve(cls, home: Path | None, profile: str | None) -> Workspace:
        name = paths.profile_name(profile)
        if not paths.is_valid_profile_name(name):
            raise BadInputError(
                f"{name!r} is not a usable profile name: use lowercase letters, digits, - and _"
            )
        return cls(paths.home_dir(home), name)

    @property
    def database(self) -> Path:
        return paths.database_path(self.home, self.profile)

    def open_for_writing(self) -> Store:
        from trustrepair.store import open_store

        return open_store(self.database)

    def open_for_reading(self) -> Store | None:
        from trustrepair.store import open_existing

        return open_existing(self.database)


def fill_profile(space: Workspace, data: BackupData) -> None:
    """Write generated or restored records into a profile's store (one transaction)."""
    from trustrepair.store_backup import import_data

    store = space.open_for_writing()
    try:
        import_data(store, data)
    finally:
        store.close()
