"""The [calendar] table of the question bank: how `trustrepair calendar` names its events.

Calendars sync to phones and shared accounts, so these words are general and gentle, and no
event ever carries anything a person wrote.
"""

from typing import Annotated

from trustrepair.bank_fields import Id, Limits, Words
from trustrepair.plain import Plain, field


class CalendarMark(Plain):
    """A mark on the usual timeline, so many months after it came to light."""

    id: Id
    months: Annotated[int, Limits(ge=1, le=600)]
    summary: Words
    text: Words


class CalendarText(Plain):
    name: Words
    anniversary_summary: Words
    anniversary_text: Words
    # While the latest check-in says the person is afraid: kind words for them alone, nothing
    # joint (the timeline's marks are left out then: they speak of the repair road).
    anniversary_text_safety: Words
    # Starts an event's text when only the month was given: the day is a stand-in.
    approximate_text: Words
    checkin_summary: Words
    checkin_text: Words
    marks: list[CalendarMark] = field(default_factory=list)
