"""The shared vocabulary: roles, areas, statuses and the question ids the code relies on.

Light on purpose (only the standard library), so the CLI can use `Role` for --role at start-up
and every other module can name these things without importing the question bank.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal


class Role(StrEnum):
    """Which side of the betrayal a person is on. Stored once per check-in."""

    affected = "affected"
    betraying = "betraying"


ROLES: tuple[Role, ...] = (Role.affected, Role.betraying)

Status = Literal["in_place", "partial", "not_yet", "unclear"]
Area = Literal["accountability", "transparency", "cessation", "your_part"]
PREREQUISITES: tuple[Area, ...] = ("accountability", "transparency", "cessation")
Trend = Literal["falling", "flat", "rising", "insufficient_data"]
Agreement = Literal["agree", "partly_agree", "diverge", "unclear", "conflict"]
# Whom a piece of guidance speaks to: one role, or both.
Addressee = Literal["affected", "betraying", "both"]
AnswerValue = bool | int | float | str

# Question ids the code relies on (the rest live only in the bank).
Q_ROLE = "role"
Q_DISCOVERED = "discovered"
Q_ONGOING = "ongoing"
Q_SAFETY = "afraid"
# The answer value every prerequisite question offers for "I don't know yet".
UNKNOWN = "unknown"
BANK_VERSION_MAX = 64  # a bank's version is stored with every check-in made with it
# The answers to `ongoing` that say the behaviour continues in some form.
CONTINUING = ("reduced", "continuing")
# The longest marker, in characters (the marker question and the stored model both use it).
MARKER_TEXT_MAX = 500
