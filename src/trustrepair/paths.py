"""Every filesystem location trustrepair uses. Getting a path never creates it."""

from __future__ import annotations

import os
import re
from pathlib import Path

HOME_ENV = "TRUSTREPAIR_HOME"
PROFILE_ENV = "TRUSTREPAIR_PROFILE"
DEFAULT_PROFILE = "default"
DB_NAME = "trustrepair.db"
PROFILE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


class Chosen:
    """The --home this command was given, for a path asked for without the command's context
    (the bank cache): everything of trustrepair's stays in the folder the person chose."""

    home: Path | None = None


def home_dir(override: Path | None = None) -> Path:
    """The folder that holds every profile: --home, then TRUSTREPAIR_HOME, then the OS data dir."""
    if override is not None:
        return override.expanduser()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import PlatformDirs

    return Path(PlatformDirs("trustrepair", appauthor=False).user_data_dir)


def cache_dir() -> Path:
    """Where rebuildable data goes (the checked question bank): `cache` inside the home given
    by --home or TRUSTREPAIR_HOME, so nothing is left outside a chosen folder, else the OS
    cache dir."""
    if Chosen.home is not None:
        return Chosen.home.expanduser() / "cache"
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser() / "cache"
    from platformdirs import PlatformDirs

    return PlatformDirs("trustrepair", appauthor=False).user_cache_path


def profile_name(override: str | None = None) -> str:
    """The active profile: --profile, then TRUSTREPAIR_PROFILE, then 'default'."""
    if override is not None:
        return override
    return os.environ.get(PROFILE_ENV) or DEFAULT_PROFILE


def is_valid_profile_name(name: str) -> bool:
    return bool(PROFILE_NAME.match(name))


def profiles_dir(home: Path) -> Path:
    return home / "profiles"


def profile_dir(home: Path, profile: str) -> Path:
    return profiles_dir(home) / profile


def database_path(home: Path, profile: str) -> Path:
    return profile_dir(home, profile) / DB_NAME


def config_path(home: Path) -> Path:
    return home / "config.toml"
