"""How things have moved: every check-in in a period, as one status strip per prerequisite.

Pure: check-ins in, strips out. With few check-ins each gets a cell; with many, each calendar
month gets one (the status its latest check-in gave, or none when nothing was recorded).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence

from trustrepair.bank import Bank
from trustrepair.models import CheckIn, CourseCell, CourseStrip, StatusChange, as_local
from trustrepair.vocab import PREREQUISITES, ROLES, Area, Role, Status

MAX_CELLS_PER_CHECKIN = 16


def local_day(checkin: CheckIn) -> dt.date:
    return as_local(checkin.created_utc, checkin.utc_offset_minutes).date()


def in_period(checkins: Sequence[CheckIn], since: dt.date | None) -> list[CheckIn]:
    """The check-ins made on or after `since`, by the day where they were made."""
    return [c for c in checkins if since is None or local_day(c) >= since]


def build_course(bank: Bank, checkins: Sequence[CheckIn]) -> list[CourseStrip]:
    """Strips for each partner with check-ins (affected first), prerequisites in bank order."""
    ordered = sorted(checkins, key=lambda c: c.created_utc)  # stable: same-second order kept
    dated = [(local_day(c), c) for c in ordered]
    strips: list[CourseStrip] = []
    for role in ROLES:
        mine = [(day, c.statuses) for day, c in dated if c.role == role]
        if mine:
            strips += [_strip(bank, role, area, mine) for area in PREREQUISITES]
    return strips


def _strip(
    bank: Bank, role: Role, area: Area, dated: list[tuple[dt.date, dict[Area, Status]]]
) -> CourseStrip:
    points = [(day, statuses.get(area, "unclear")) for day, statuses in dated]
    by_month = len(points) > MAX_CELLS_PER_CHECKIN
    labels = bank.report.status_labels
    return CourseStrip(
        area=area,
        title=bank.report.area_titles[area],
        role=role,
        role_label=bank.report.role_labels[role],
        by="month" if by_month else "checkin",
        cells=_month_cells(points, labels) if by_month else _checkin_cells(points, labels),
        changes=status_changes(points, labels),
    )


def status_changes(
    points: Sequence[tuple[dt.date, Status]], labels: Mapping[Status, str]
) -> list[StatusChange]:
    """Each check-in whose status differs from the one before it."""
    return [
        StatusChange(on=day, before=before, after=after, after_label=labels[after])
        for (_, before), (day, after) in itertools.pairwise(points)
        if before != after
    ]


def _checkin_cells(
    points: list[tuple[dt.date, Status]], labels: Mapping[Status, str]
) -> list[CourseCell]:
    return [
        CourseCell(start=day, end=day, status=status, label=labels[status], checkins=1)
        for day, status in points
    ]


def _month_cells(
    points: list[tuple[dt.date, Status]], labels: Mapping[Status, str]
) -> list[CourseCell]:
    found: dict[tuple[int, int], list[tuple[dt.date, Status]]] = {}
    for point in points:  # in time order, so a month's last point is its latest check-in
        found.setdefault((point[0].year, point[0].month), []).append(point)
    cells = []
    days = [day for day, _ in points]
    for year, month in _months(min(days), max(days)):
        inside = found.get((year, month), [])
        start = dt.date(year, month, 1)
        end = _month_end(start)
        status = inside[-1][1] if inside else None
        label = None if status is None else labels[status]
        cells.append(
            CourseCell(start=start, end=end, status=status, label=label, checkins=len(inside))
        )
    return cells


def _months(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    count = (last.year - first.year) * 12 + last.month - first.month + 1
    index = first.year * 12 + first.month - 1
    return [((index + i) // 12, (index + i) % 12 + 1) for i in range(count)]


def _month_end(start: dt.date) -> dt.date:
    following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)
