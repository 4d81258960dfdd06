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


def test_credits_number_each_part_by_its_place_in_the_article() -> None:
    tell = Telling(order=["Part one", "Part two", "Part three"])
    said = tell.guides([item("a", "Part two"), item("b", "Part three"), item("c", "Part two")])
    assert [g.credit for g in said] == ["article, part 2", "article, part 3", "article, part 2"]
    assert tell.parts == ["Part two", "Part three"]
    assert tell.numbered() == [(2, "Part two"), (3, "Part three")]  # the key, article order


def test_a_part_keeps_its_number_whatever_came_before_it() -> None:
    from trustrepair.render.sections import article_parts

    timeline = "What the trust repair timeline actually looks like"
    assert article_parts().index(timeline) == 3
    alone = Telling().guides([item("a", timeline)])
    after = Telling().guides(
        [item("b", "The three prerequisites for trust repair"), item("c", timeline)]
    )
    assert alone[0].credit == after[1].credit == "article, part 4"


def test_a_part_the_article_list_does_not_know_comes_after_the_known_ones() -> None:
    tell = Telling(order=["Part one"])
    assert [g.credit for g in tell.guides([item("a", "Extra")])] == ["article, part 2"]


def test_own_words_carry_no_credit_and_a_short_view_names_the_part() -> None:
    assert Telling().guides([item("a", None)])[0].credit == ""
    named = Telling(named=True).guides([item("a", "Part one")])[0]
    assert named.credit == "from the article: Part one"
