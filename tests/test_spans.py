"""Sorted spans answer the same questions as a plain scan over every span."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from trustrepair.spans import Span, Spans

spans = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 15)).map(lambda t: Span(t[0], t[0] + t[1])),
    max_size=12,
)
points = st.integers(0, 80)


@given(spans, points, st.integers(0, 10))
def test_contains_and_overlaps_match_a_plain_scan(items: list[Span], at: int, size: int) -> None:
    s = Spans(items)
    probe = Span(at, at + size)
    assert s.contains(probe) == any(x.start <= probe.start and probe.end <= x.end for x in items)
    if size:
        assert s.overlaps(probe) == any(x.overlaps(probe) for x in items)
    assert s.holds_point(at) == any(x.start < at < x.end for x in items)


@given(spans, points)
def test_clause_questions_match_a_plain_scan(items: list[Span], at: int) -> None:
    s = Spans(items)
    assert s.reach_before(at) == max((x.end for x in items if x.start <= at), default=-1)
    assert s.first_start_from(at, 999) == min(
        (x.start for x in items if x.start >= at), default=999
    )
    ending = list(s.ending_by(at))
    assert sorted(ending) == sorted(x for x in items if x.end <= at)
    assert [x.end for x in ending] == sorted((x.end for x in ending), reverse=True)


@given(spans, points)
def test_around_finds_the_enclosing_span_when_spans_do_not_overlap(
    items: list[Span], at: int
) -> None:
    apart: list[Span] = []
    for x in sorted(items):
        if not apart or apart[-1].end <= x.start:
            apart.append(x)
    expected = next((x for x in apart if x.start < at < x.end), None)
    assert Spans(apart).around(at) == expected
