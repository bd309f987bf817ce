"""Literal phrases found as whole words, with an Aho-Corasick automaton instead of a regex alternation.

A regex ``(?<![\\w-])(?:longest|...|shortest)(?![\\w-])`` over a few hundred or thousand phrases tries every
alternative at every character of a text; a lexicon's automaton reads the text once. :class:`PhraseScanner`
gives exactly the spans such a regex's ``finditer`` gives: at the leftmost place where a phrase stands
whole (the bound holds before and after it), the longest such phrase, then on from its end.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import ahocorasick


class PhraseScanner:
    """Whole-word occurrences of literal ``phrases`` (matched as written: fold the text and the phrases
    alike beforehand). ``hyphen_bounds``: a hyphen next to a phrase joins it to a word (``[\\w-]`` bounds),
    else only ``\\w`` characters do."""

    def __init__(self, phrases: Iterable[str], hyphen_bounds: bool = False) -> None:
        self._automaton = ahocorasick.Automaton()
        for phrase in phrases:
            if phrase:  # an empty alternative would match nothing the callers want
                self._automaton.add_word(phrase, len(phrase))
        self._hyphen = hyphen_bounds
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def _joins(self, text: str, index: int) -> bool:
        """Would ``text[index]`` join a phrase beside it to a word (what ``\\w``, or ``[\\w-]``, matches)?"""
        if 0 <= index < len(text):
            char = text[index]
            return char.isalnum() or char == "_" or (self._hyphen and char == "-")
        return False

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each phrase found, in text order, none overlapping."""
        if self._empty:
            return
        found = sorted(
            (end + 1 - length, -length) for end, length in self._automaton.iter(text)
            if not self._joins(text, end - length) and not self._joins(text, end + 1)
        )
        reached = 0
        for start, minus_length in found:
            if start >= reached:
                reached = start - minus_length
                yield start, reached
