"""Regex matching restricted to the places a match can begin.

A pattern whose leading alternation is costly to fail (a few dozen phrases, or a quantity phrase) pays for it
at every character of a text, though it can only begin at a few places that a cheaper test finds: a word from
a short list, the places where a looser pattern matches. :func:`finditer_at` tries it at those places only.
A pattern that must match one of some phrases need not run at all over a text that lacks a word of each of
them: :func:`may_hold` tells.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from typing import NamedTuple


def finditer_at(pattern: re.Pattern[str], text: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, when every match of ``pattern`` begins at one of ``starts``
    (ascending; places where no match begins may be among them).

    ``finditer`` tries each position from the end of the previous match on; the positions left out here are
    ones where no match begins, so trying the others in order finds the same matches. Lookbehinds see the text
    before the position tried, as in ``finditer``."""
    resume = 0
    for start in starts:
        if start < resume:
            continue
        match = pattern.match(text, start)
        if match is None:
            continue
        if match.end() == start:
            # an empty match: finditer may find a longer one at the same place next; let it go on from here
            yield from pattern.finditer(text, start)
            return
        yield match
        resume = match.end()


class PhraseWords(NamedTuple):
    """Phrases as :func:`may_hold` tests them."""

    single: tuple[str, ...]  # the phrases of one word
    several: tuple[tuple[str, ...], ...]  # the words of each other phrase, longest first


def phrase_words(phrases: Iterable[Sequence[str]]) -> PhraseWords:
    """The words of each phrase, longest first (a long word is the likeliest to be missing and settles the phrase
    at its first test); the phrases of one word (most of them) are set apart, their tests run in one ``map``."""
    words = [tuple(sorted(phrase, key=len, reverse=True)) for phrase in phrases if phrase]
    return PhraseWords(tuple(w[0] for w in words if len(w) == 1), tuple(w for w in words if len(w) != 1))


def may_hold(text: str, phrases: PhraseWords) -> bool:
    """False only when no phrase can occur in ``text``: each lacks one of its words there. A pattern that must
    match one of the phrases is then not run; the test is a few substring searches (C), where a pattern is
    tried at every word of the text."""
    holds = text.__contains__
    # any(all(word in text for word in words) for words in ...), with no Python step per phrase or word
    return any(map(holds, phrases.single)) or any(map(all, map(map, repeat(holds), phrases.several)))
