"""Matching restricted to the places a match can begin (veilleur.matching): the same matches as finditer; and
the phrase test that tells when a pattern need not run."""

from __future__ import annotations

import re

import pytest

from veilleur.matching import finditer_at, may_hold, phrase_words

TEXT = "12 morts et 3 blessés à Gao ; entre 30 et 40 morts à Kidal, puis 7 tués lundi."


def _starts(text: str) -> list[int]:
    """Where a word or a number begins: a superset of where the patterns below can match."""
    return [m.start() for m in re.finditer(r"\b\w", text)]


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d+ (?:morts|tués)",  # non-overlapping matches after one another
        r"(?<![\w-])entre \d+ et \d+ morts",  # a lookbehind sees the text before the place tried
        r"\d+(?: et \d+)? morts",  # a match that would overlap the next start is not found twice
        r"x*",  # empty matches: finditer's own rule takes over
    ],
)
def test_finditer_at_finds_what_finditer_finds(pattern: str) -> None:
    compiled = re.compile(pattern)
    expected = [(m.start(), m.end()) for m in compiled.finditer(TEXT)]
    assert [(m.start(), m.end()) for m in finditer_at(compiled, TEXT, _starts(TEXT))] == expected


def test_finditer_at_tries_only_the_given_places() -> None:
    compiled = re.compile(r"\d+ morts")
    assert [m.group() for m in finditer_at(compiled, TEXT, [0])] == ["12 morts"]


def test_a_phrase_may_hold_only_where_all_its_words_stand() -> None:
    phrases = phrase_words([["mardi"], ["la", "veille"], ["deux", "jours", "plus", "tard"]])
    assert phrases.single == ("mardi",) and phrases.several[0] == ("veille", "la")  # longest word first
    assert may_hold("il est arrive la veille au soir", phrases)
    assert may_hold("deux jours plus tard", phrases)
    assert not may_hold("deux jours avant", phrases)  # "plus" and "tard" are missing
