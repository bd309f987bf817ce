"""PhraseScanner finds what a regex alternation of the same phrases, bounded as whole words, finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from veilleur.frame import attribution
from veilleur.phrases import PhraseScanner
from veilleur.resolve.places.countries import country_words

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample" / "articles"
TRICKY = [
    "", "mali", "Mali-malien, l'Irak_irakien IRAK; iraki x-mali mali- malix _mali mali_ 2mali",
    "Côte d'Ivoire côte d'ivoire  Burkina Faso burkinabè nord-coréen sud-soudanais",
    "selon l'AFP, a indiqué le ministère; de source sécuritaire, selon des témoins -afp afp- (AFP)",
]


def _regex(phrases: list[str], bound: str) -> re.Pattern[str]:
    alternation = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!{bound})(?:{alternation})(?!{bound})")


def _texts() -> list[str]:
    return [*TRICKY, *(path.read_text(encoding="utf-8") for path in sorted(SAMPLE.glob("*.txt")))]


@pytest.mark.parametrize("hyphen", [False, True])
def test_scanner_finds_what_the_alternation_finds(hyphen: bool) -> None:
    phrases = ["mali", "malien", "mal", "ali", "irak", "côte d'ivoire", "côte", "d'ivoire", "nord", "nord-coréen",
               "afp", "selon l'afp", "l'afp", "a"]
    regex, scanner = _regex(phrases, r"[\w-]" if hyphen else r"\w"), PhraseScanner(phrases, hyphen_bounds=hyphen)
    for text in _texts():
        lowered = text.lower().replace("’", "'")
        assert list(scanner.spans(lowered)) == [m.span() for m in regex.finditer(lowered)]


def test_country_words_and_attribution_scanners_match_their_regexes() -> None:
    scanner, words = country_words()
    regex = _regex(list(words), r"\w")
    for text in _texts():
        lowered = text.lower().replace("’", "'")
        assert list(scanner.spans(lowered)) == [m.span() for m in regex.finditer(lowered)]
        folded = attribution.fold(text)
        for pattern, phrases, target in zip(attribution._patterns(), attribution._scanners(), (folded, folded, text),
                                            strict=True):
            assert list(phrases.spans(target)) == [m.span() for m in pattern.finditer(target)]


def test_empty_lexicon_finds_nothing() -> None:
    assert list(PhraseScanner([]).spans("tout texte")) == []
