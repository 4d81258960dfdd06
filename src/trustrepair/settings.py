"""Profile settings a person can set by hand: checked here, stored by store.set_setting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from trustrepair.errors import BadInputError


def discovered(value: str, today: dt.date) -> str:
    """When the betrayal came to light: a day or an approximate month, not in the future."""
    from trustrepair.dates import DateProblem, parse_date

    try:
        return parse_date(value, today).stored
    except DateProblem as problem:
        raise BadInputError(f"discovered: {problem}") from None


SETTINGS: dict[str, Callable[[str, dt.date], str]] = {"discovered": discovered}


def checked_setting(key: str, value: str, today: dt.date) -> str:
    """The value as it will be stored, or one clear error (never echoing the value)."""
    check = SETTINGS.get(key)
    if check is None:
        raise BadInputError(f"there is no setting {key!r}; you can set: {', '.join(SETTINGS)}")
    return check(value, today)
