"""The base every record shares, the checked field types, and small helpers for times and ids.

Records are plain classes (`trustrepair.plain`): making one checks nothing. The annotated
constraints below are what Pydantic checks where data arrives (an import, an answer file), and
what the shipped JSON Schema says.
"""

import datetime as dt
import uuid
from typing import Annotated

from pydantic import AfterValidator, Field

from trustrepair.plain import Plain
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
# Written after a length limit (Annotated[str, Field(max_length=n), PLAIN]), so the limit is
# checked on the text as given and its error speaks of characters.
PLAIN = AfterValidator(_plain_text)


Uid = Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]
Offset = Annotated[int, Field(ge=-OFFSET_LIMIT, le=OFFSET_LIMIT)]
Count = Annotated[int, Field(ge=0)]


class Record(Plain):
    """A record inside the program: plain, checked where it arrives."""

    __slots__ = ()


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
