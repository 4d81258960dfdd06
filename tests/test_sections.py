"""Telling: each guidance entry once, a short credit per entry, the article's parts numbered."""

from __future__ import annotations

from trustrepair.models import GuidanceItem
from trustrepair.render.sections import Telling


def item(gid: str, source: str | None) -> GuidanceItem:
    return GuidanceItem(
        id=gid, addresses="both", title=gid.title(), text="Some words.", source=source
    )


def test_an_entry_reached_twice_is_said_once() -> None:
    tell = Telling()
    first = tell.guides([item("a", "Part one"), item("b", "Part two")])
    again = tell.guides([item("a", "Part one"), item("c", "Part one")])
    assert [g.title for g in first] == ["A", "B"]
    assert [g.title for g in again] == ["C"]


def test_credits_number_the_parts_in_order_of_first_use() -> None:
    tell = Telling()
    said = tell.guides([item("a", "Part two"), item("b", "Part one"), item("c", "Part two")])
    assert [g.credit for g in said] == ["article, part 1", "article, part 2", "article, part 1"]
    assert tell.parts == ["Part two", "Part one"]


def test_own_words_carry_no_credit_and_a_short_view_names_the_part() -> None:
    assert Telling().guides([item("a", None)])[0].credit == ""
    named = Telling(named=True).guides([item("a", "Part one")])[0]
    assert named.credit == "from the article: Part one"
