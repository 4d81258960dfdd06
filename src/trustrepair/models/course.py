"""The course over time: per prerequisite, a strip of statuses and the dates they changed."""

import datetime as dt
from typing import Literal

from trustrepair.models.base import Record
from trustrepair.vocab import Area, Role, Status


class CourseCell(Record):
    """One check-in, or one calendar month (its latest check-in's status; None: none that month)."""

    start: dt.date
    end: dt.date
    status: Status | None
    label: str | None  # the status in words, as the report says it
    checkins: int


class StatusChange(Record):
    on: dt.date
    before: Status
    after: Status
    after_label: str


class CourseStrip(Record):
    """One prerequisite as one partner saw it, over every check-in in the period."""

    area: Area
    title: str
    role: Role
    role_label: str
    by: Literal["checkin", "month"]
    cells: list[CourseCell]
    changes: list[StatusChange]
