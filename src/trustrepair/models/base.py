"""The base every model shares, and the small helpers for times and ids."""

import datetime as dt
import uuid
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict

from trustrepair.text import has_control

UTC = dt.UTC
# Time zones in use run from UTC-12:00 to UTC+14:00; -14h keeps the range symmetric.
OFFSET_LIMIT = 14 * 60
# Marker numbers are what people type; a billion is far past any list and fits every integer.
MARKER_ID_MAX = 10**9


def _plain_text(value: str) -> str:
    """Text a person wrote: trimmed, not empty, no control or unencodable characters."""
    value = value.strip()
    if not value:
        raise ValueError("the text is empty")
    if has_control(value):
        raise ValueError("the text contains control or unreadable characters")
    return value


PlainText = Annotated[str, AfterValidator(_plain_text)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", hide_input_in_errors=True, defer_build=True)


def new_uid() -> str:
    return uuid.uuid4().hex


def now_utc() -> dt.datetime:
    return dt.datetime.now(UTC).replace(microsecond=0)


def local_offset_minutes(moment: dt.datetime | None = None) -> int:
    """The machine's UTC offset at that moment, in minutes (DST-aware)."""
    local = (moment or now_utc()).astimezone()
    offset = local.utcoffset() or dt.timedelta(0)
    return int(offset.total_seconds() // 60)


def as_local(moment: dt.datetime, offset_minutes: int) -> dt.datetime:
    """A stored UTC time shown in the local time it was recorded in."""
    return moment.astimezone(dt.timezone(dt.timedelta(minutes=offset_minutes)))
