"""Property tests (hypothesis): readers, the date and number parsers and the offset map never crash on any
input, and keep their promises on every one."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from veilleur.ingest import normalise, parse_date
from veilleur.ingest.records import read_jsonl_line
from veilleur.ingest.text import ReadOptions
from veilleur.records import Article, Rejection
from veilleur.resolve.dates import find_dates, month_end
from veilleur.resolve.numbers import find_death_tolls

# French news text: letters with accents, typographic quotes and spaces, digits, line breaks, and some
# of everything else
FRENCH = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("abcdeéèêàâçîïôûùAÉÈÀÇ0123456789 ,.;:!?'’«»\u00a0\u202f\n\t-–—()")),
        st.characters(),
    ),
    max_size=300,
)
WORDS = st.lists(st.sampled_from([
    "trois", "civils", "ont", "été", "tués", "lundi", "dernier", "le", "12", "mars", "2021", "au", "moins",
    "vingt-cinq", "morts", "hier", "soir", "dans", "la", "nuit", "du", "3", "au", "4", "juin", "soldats",
    "une", "dizaine", "de", "blessés", "quelque", "cent", "personnes", "mardi", "prochain", "il", "y", "a",
    "deux", "semaines", "depuis", "janvier", ",", ".", "1er", "et", "demi", "milliers", "centaines",
]), max_size=40).map(" ".join)
PUBLISHED = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=200, deadline=None)
@given(FRENCH)
def test_the_offset_map_sends_every_normalised_span_back_into_the_original(raw: str) -> None:
    text, offsets = normalise(raw)
    assert len(offsets) == len(text) + 1
    assert list(offsets) == sorted(offsets)
    assert all(0 <= o <= len(raw) for o in offsets)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=60), st.integers(), st.none(), st.floats(allow_nan=True)))
def test_publication_dates_never_crash_and_are_real_days(value: object) -> None:
    parsed = parse_date(value)
    assert parsed is None or isinstance(parsed, date)


@settings(max_examples=100, deadline=None)
@given(PUBLISHED)
def test_an_iso_date_reads_back_as_itself(day: date) -> None:
    assert parse_date(day.isoformat()) == day


@settings(max_examples=200, deadline=None)
@given(st.one_of(WORDS, FRENCH), PUBLISHED, st.booleans())
@example("mars 2021", date(2020, 1, 1), True)  # a month of the next year, written with it: hypothesis found it
def test_date_mentions_point_into_the_text_and_never_after_publication(text: str, published: date,
                                                                        month_only: bool) -> None:
    # with only the month of publication known, a day the text names may be any day of that month; a date that
    # writes its year ("mars 2021" in a story of 2020) is what the text says, even after publication
    latest = month_end(published) if month_only else published
    for mention in find_dates(text, published, month_only=month_only):
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.value <= latest or str(mention.value.year) in mention.text


@settings(max_examples=200, deadline=None)
@given(st.one_of(WORDS, FRENCH))
def test_death_tolls_are_non_negative_counts_inside_the_text(text: str) -> None:
    for toll in find_death_tolls(text):
        assert toll.count >= 0
        assert 0 <= toll.start < toll.end <= len(text)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.binary(max_size=200),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({"id": st.text(max_size=30), "text": FRENCH, "published": st.text(max_size=20)})
    .map(lambda v: json.dumps(v).encode()),
))
def test_a_jsonl_line_is_an_article_a_rejection_or_blank_never_a_crash(line: bytes) -> None:
    result = read_jsonl_line(line, 1, Path("archive.jsonl"), ReadOptions(published=date(2021, 6, 7)))
    assert result is None or isinstance(result, (Article, Rejection))
    if isinstance(result, Rejection):
        assert result.reason
