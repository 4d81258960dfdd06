"""Profile settings a person can set by hand: checked here, stored by store.set_setting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from trustrepair.errors import BadInputError


def discovered(value: str, today: dt.date) -> str:
    """When the betrayal came to light: a real date, not in the future."""
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadInputError("discovered: use a date like 2025-03-14 (YYYY-MM-DD)") from None
    if day > today:
        raise BadInputError("discovered: that date is in the future")
    if day.year < 1900:
        raise BadInputError("discovered: that date is too far back; check the year")
    return day.isoformat()


SETTINGS: dict[str, Callable[[str, dt.date], str]] = {"discovered": discovered}


def checked_setting(key: str, value: str, today: dt.date) -> str:
    """The value as it will be stored, or one clear error (never echoing the value)."""
    check = SETTINGS.get(key)
    if check is None:
        raise BadInputError(f"there is no setting {key!r}; you can set: {', '.join(SETTINGS)}")
    return check(value, today)
