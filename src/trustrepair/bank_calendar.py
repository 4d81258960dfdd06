"""The [calendar] table of the question bank: how `trustrepair calendar` names its events.

Calendars sync to phones and shared accounts, so these words are general and gentle, and no
event ever carries anything a person wrote.
"""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")]


class BankModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class CalendarMark(BankModel):
    """A mark on the usual timeline, so many months after it came to light."""

    id: Id
    months: int = Field(ge=1, le=600)
    summary: str = Field(min_length=1)
    text: str = Field(min_length=1)


class CalendarText(BankModel):
    name: str = Field(min_length=1)
    anniversary_summary: str = Field(min_length=1)
    anniversary_text: str = Field(min_length=1)
    # While the latest check-in says the person is afraid: kind words for them alone, nothing
    # joint (the timeline's marks are left out then: they speak of the repair road).
    anniversary_text_safety: str = Field(min_length=1)
    # Starts an event's text when only the month was given: the day is a stand-in.
    approximate_text: str = Field(min_length=1)
    checkin_summary: str = Field(min_length=1)
    checkin_text: str = Field(min_length=1)
    marks: list[CalendarMark] = []
