"""What the bank's fields must hold, written in their annotations and read only when a bank
file is validated.

The bank's classes are plain (see plain.py): a command that reads the cached bank never asks
these markers anything. When Pydantic validates a bank file, each marker adds its part to the
schema: `Limits` the bounds Pydantic checks itself (a length, a range, a pattern), `Check` a
test run on the finished value, whose ValueError becomes one line naming the entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, cast

if TYPE_CHECKING:
    from pydantic import GetCoreSchemaHandler
    from pydantic_core import CoreSchema, core_schema


class Limits:
    """Bounds on text (min_length, max_length, pattern), lists (min_length), numbers (ge, le)."""

    __slots__ = ("bounds",)

    def __init__(self, **bounds: float | str) -> None:
        self.bounds = bounds

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        return cast("CoreSchema", {**handler(source), **self.bounds})


class Check:
    """A test of the finished value: it raises ValueError to say what is wrong.

    skip_trusted: not run for the shipped bank, which the tests check instead (compiling a few
    hundred patterns at every start would cost more than the rest of the bank).
    """

    __slots__ = ("skip_trusted", "test")

    def __init__(self, test: Callable[[Any], object], *, skip_trusted: bool = False) -> None:
        self.test = test
        self.skip_trusted = skip_trusted

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> CoreSchema:
        from pydantic_core import core_schema as cs

        test, skip_trusted = self.test, self.skip_trusted

        def run(value: Any, info: core_schema.ValidationInfo) -> Any:
            if not (skip_trusted and is_trusted(info.context)):
                test(value)
            return value

        return cs.with_info_after_validator_function(run, handler(source))


def is_trusted(context: object) -> bool:
    """Whether this validation is of the shipped bank (the context load_bank passes)."""
    return isinstance(context, dict) and bool(context.get("trusted"))


# An id a person can type: lower case, starting with a letter.
Id = Annotated[str, Limits(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
# Text that must say something.
Words = Annotated[str, Limits(min_length=1)]
