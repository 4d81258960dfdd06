"""Character spans in a text, kept sorted so each question is a binary search.

The reflection engine asks, for every match, which clause it is in and which quotes, negations
and other phrases come near it. Sorted spans keep that fast on a 20,000-character statement.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class Spans:
    """An immutable set of spans (they may overlap), sorted by start."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.items = sorted(spans)
        self._starts = [s.start for s in self.items]
        self._max_end = list(accumulate((s.end for s in self.items), max))
        self._by_end = sorted(self.items, key=lambda s: s.end)
        self._ends = [s.end for s in self._by_end]

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Span]:
        return iter(self.items)

    def _reach(self, count: int) -> int:
        """The furthest end among the first `count` spans (by start); -1 when there are none."""
        return self._max_end[count - 1] if count else -1

    def contains(self, inner: Span) -> bool:
        """Some span covers `inner` entirely."""
        return self._reach(bisect_right(self._starts, inner.start)) >= inner.end

    def overlaps(self, span: Span) -> bool:
        return self._reach(bisect_left(self._starts, span.end)) > span.start

    def holds_point(self, at: int) -> bool:
        """Some span has `at` strictly inside it."""
        return self._reach(bisect_left(self._starts, at)) > at

    def around(self, at: int) -> Span | None:
        """The span with `at` strictly inside it, for spans that do not overlap (quotes)."""
        i = bisect_left(self._starts, at) - 1
        if i >= 0 and self.items[i].start < at < self.items[i].end:
            return self.items[i]
        return None

    def reach_before(self, at: int) -> int:
        """The furthest any span starting at or before `at` reaches; -1 when none does."""
        return self._reach(bisect_right(self._starts, at))

    def first_start_from(self, at: int, default: int) -> int:
        i = bisect_left(self._starts, at)
        return self._starts[i] if i < len(self._starts) else default

    def ending_by(self, at: int) -> Iterator[Span]:
        """Spans that end at or before `at`, nearest first."""
        for i in range(bisect_right(self._ends, at) - 1, -1, -1):
            yield self._by_end[i]
