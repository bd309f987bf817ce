"""The span indexes answer exactly what the linear scans they replace answered."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from veilleur.spans import DisjointSpans, OrderedSpans, SpanIndex

span = st.tuples(st.integers(0, 40), st.integers(0, 10)).map(lambda p: (p[0], p[0] + p[1]))
spans = st.lists(span, max_size=15)


@given(spans, st.lists(span, max_size=10))
def test_span_index_overlaps_and_encloses_as_a_scan(indexed: list[tuple[int, int]],
                                                     queries: list[tuple[int, int]]) -> None:
    index = SpanIndex(indexed)
    for a, b in queries:
        assert index.overlaps(a, b) == any(s < b and a < e for s, e in indexed)
        assert index.encloses(a, b) == any(s <= a and b <= e and e - s > b - a for s, e in indexed)


@given(spans)
def test_disjoint_spans_choose_as_a_scan(candidates: list[tuple[int, int]]) -> None:
    chosen: list[tuple[int, int]] = []
    taken = DisjointSpans()
    for s, e in candidates:
        free = all(e <= c0 or s >= c1 for c0, c1 in chosen)
        assert taken.add_if_free(s, e) == free
        if free:
            chosen.append((s, e))


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=12), st.lists(span, max_size=10))
def test_ordered_spans_as_a_scan(steps: list[tuple[int, int]], queries: list[tuple[int, int]]) -> None:
    # consecutive spans in text order (tokens, sentences): each starts where or after the previous ended
    ordered, position = [], 0
    for gap, length in steps:
        ordered.append((position + gap, position + gap + length))
        position += gap + length
    for items in (ordered, list(reversed(ordered))):  # reversed: not in order, scanned
        index = OrderedSpans(items)
        for a, b in queries:
            assert list(index.overlapping(a, b)) == [i for i, (s, e) in enumerate(items) if s < b and a < e]
            assert list(index.within(a, b)) == [i for i, (s, e) in enumerate(items) if a <= s and e <= b]
