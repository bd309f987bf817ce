"""Character spans indexed by offset, so a long text's per-mention checks do not rescan every span.

Checks like "does this mention overlap any parser entity?" or "does this candidate overlap one already
chosen?" were linear scans, run once per mention: quadratic in the length of a text. These indexes answer
the same questions by bisection. Spans are half-open ``[start, end)``; "overlap" is always
``s < end and start < e``, exactly as the scans they replace wrote it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate, pairwise


class SpanIndex:
    """A fixed set of spans (any lengths, overlapping or not), asked whether a span overlaps any."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # the largest end among the spans up to each position: those starting before a point reach past it
        # if and only if the largest of their ends does
        self._reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        """Is there a span ``(s, e)`` with ``s < end and start < e``?"""
        before = bisect_left(self._starts, end)  # the spans with s < end
        return before > 0 and self._reach[before - 1] > start

    def encloses(self, start: int, end: int) -> bool:
        """Is there a longer span ``(s, e)`` holding ``[start, end)``: ``s <= start``, ``end <= e`` and
        ``e - s > end - start``?

        Longer and holding means starting before and reaching to ``end``, or starting by ``start`` and
        reaching past ``end``."""
        before = bisect_left(self._starts, start)  # the spans with s < start
        by = bisect_right(self._starts, start, lo=before)  # ... and s == start
        return (before > 0 and self._reach[before - 1] >= end) or (by > 0 and self._reach[by - 1] > end)


class DisjointSpans:
    """Spans chosen one by one, none overlapping another: does a new span overlap one already chosen?"""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []  # sorted; chosen spans do not overlap, so ends are sorted too
        self._starts: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Is there a chosen span ``(s, e)`` with ``s < end and start < e``?"""
        before = bisect_left(self._starts, end)
        # of the spans that start before ``end``, the last one reaches furthest
        return before > 0 and self._spans[before - 1][1] > start

    def add_if_free(self, start: int, end: int) -> bool:
        """Choose the span unless it overlaps a chosen one; whether it was chosen."""
        if self.overlaps(start, end):
            return False
        index = bisect_left(self._spans, (start, end))
        self._spans.insert(index, (start, end))
        self._starts.insert(index, start)
        return True


class OrderedSpans:
    """Spans in text order, their ends in order too (sentences, tokens): the positions of those that
    overlap or lie within a range, by bisection. Spans given out of order are scanned instead."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = spans
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]
        self._ordered = _ascending(self._starts) and _ascending(self._ends)

    def overlapping(self, start: int, end: int) -> Sequence[int]:
        """Positions of the spans ``(s, e)`` with ``s < end and start < e``, in order."""
        if not self._ordered:
            return [i for i, (s, e) in enumerate(self.spans) if s < end and start < e]
        # the spans ending after ``start`` are a suffix, those starting before ``end`` a prefix
        return range(bisect_right(self._ends, start), bisect_left(self._starts, end))

    def within(self, start: int, end: int) -> Sequence[int]:
        """Positions of the spans ``(s, e)`` with ``start <= s and e <= end``, in order."""
        if not self._ordered:
            return [i for i, (s, e) in enumerate(self.spans) if start <= s and e <= end]
        return range(bisect_left(self._starts, start), bisect_right(self._ends, end))


def _ascending(values: list[int]) -> bool:
    return all(a <= b for a, b in pairwise(values))
