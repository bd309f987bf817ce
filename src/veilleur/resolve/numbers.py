"""French quantities and death tolls (codebook section 6).

Two pure functions over text:

* :func:`parse_quantity` turns one quantity phrase ("dix-huit", "une vingtaine", "pas moins de 40",
  "30 à 40", "100 000", "1,5 million") into an integer, following the codebook's conventions for vague
  amounts ("des dizaines" → 12, "plusieurs" → 10, ...) and ranges (the lowest bound).
* :func:`find_death_tolls` finds the phrases of a text that report people killed, with their count and
  the head noun of who died.

All matching runs on a *folded* copy of the text (lower case, no accents, one kind of apostrophe, dash
and space) that has exactly the same length as the input, so every offset found in the folded copy is
also an offset into the text the caller gave. The vocabulary lives in ``data/french_numbers.json``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol, TypeVar

from veilleur.datafiles import load_json
from veilleur.matching import PhraseWords, finditer_at, may_hold, phrase_words
from veilleur.spans import DisjointSpans

_APOSTROPHES = "\u2019\u2018\u02bc\u00b4`"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_SPACES = "\u00a0\u202f\u2009\u2007\u2008\u200a"


class _FoldTable(dict[int, str]):
    """Code point -> folded character, each folded on first sight: ``str.translate`` asks the table for
    every character, so a text is folded in C without building a table per call (once per line of
    every article)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold_text(text: str) -> str:
    """Lower-case, accent-free copy of ``text`` with the same length (so offsets carry over)."""
    return text.translate(_FOLD_TABLE)


def _fold_char(char: str) -> str:
    if char in _APOSTROPHES:
        return "'"
    if char in _DASHES:
        return "-"
    if char in _SPACES:
        return " "
    lower = char.lower()
    # A few characters lower-case to two code points ("İ"); keep those as they are so that
    # the folded text keeps its length.
    return unicodedata.normalize("NFD", lower)[0] if len(lower) == 1 else char


def _vocabulary() -> dict[str, Any]:
    """The French number and toll vocabulary (cached per process by the shared data loader)."""
    data: dict[str, Any] = load_json("french_numbers.json")
    return data


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of folded phrases, longest first so the longest phrase wins."""
    return _alternation_of(tuple(phrases))  # cached: parsing each quantity asks for a few of them


@lru_cache(maxsize=256)
def _alternation_of(phrases: tuple[str, ...]) -> str:
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        escaped = re.escape(phrase).replace(r"\ ", r"\s+").replace("'", r"'\s*")
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


# A gap between two words: spaces, or nothing after an elided word ("d'hommes").
_SEP = r"(?:\s+|(?<='))"
# Digits, with spaces, dots or apostrophes as thousands separators, or a decimal comma.
_DIGITS = r"(?:\d{1,3}(?:[ .']\d{3})+(?![\d])|\d+(?:,\d+)?)"


@lru_cache(maxsize=1)
def _number_word() -> str:
    vocab = _vocabulary()
    words = [
        *vocab["units"],
        *vocab["tens"],
        *vocab["hundred"],
        *vocab["multipliers"],
        *vocab["approximations"],
    ]
    return _alternation(words)


@lru_cache(maxsize=1)
def _number_pattern() -> str:
    """One number: digits (maybe times "mille"/"millions") or a run of number words."""
    word = _number_word()
    multiplier = _alternation(_vocabulary()["multipliers"])
    # Words join with spaces or hyphens; "et" only joins "un"/"onze" ("vingt et un", "soixante et onze").
    joined_words = rf"{word}(?:(?:[\s-]+et[\s-]+(?:une?|onze)|[\s-]+{word})(?![\w]))*"
    digits = rf"{_DIGITS}(?:\s+{multiplier})?"
    return rf"(?:(?<![\w,.]){digits}(?![\w])|(?<![\w-]){joined_words}(?![\w-]))"


# "quatre (4) personnes", "deux (02) soldats": the number written out, then again in digits (a usage of West
# and Central African newsrooms and official statements)
_DIGITS_AGAIN = r"(?:\s*\(\d{1,4}\))?"


@lru_cache(maxsize=1)
def _quantity_pattern() -> str:
    """A whole quantity phrase: qualifiers, then a vague amount, a range or a number, then "de"."""
    vocab = _vocabulary()
    number = _number_pattern()
    qualifier = _alternation(vocab["qualifiers"])
    vague = _alternation(vocab["vague_quantities"])
    numeric_range = rf"(?:entre\s+{number}\s+et\s+{number}|{number}(?:\s*-\s*|\s+(?:a|ou|voire)\s+){number})"
    core = rf"(?:(?<![\w-]){vague}(?![\w-])|{numeric_range}|{number}{_DIGITS_AGAIN})"
    return rf"(?:(?<![\w-]){qualifier}{_SEP})*{core}(?:\s+de(?![\w])|\s+d'|\s+des(?![\w]))?"


def _normalise_phrase(phrase: str) -> str:
    return re.sub(r"\s+", " ", fold_text(phrase)).strip()


def _strip_affixes(phrase: str) -> str:
    """Drop qualifiers ("au moins"), determiners ("les") and the trailing "de" around a quantity."""
    vocab = _vocabulary()
    qualifier = _alternation([*vocab["qualifiers"], "les", "ces", "ses", "leurs", "nos"])
    previous = None
    while previous != phrase:
        previous = phrase
        phrase = re.sub(rf"^{qualifier}(?:\s+|(?<='))", "", phrase)
        phrase = re.sub(r"(?:\s+de|\s+d'|\s+des)$", "", phrase).strip()
        phrase = re.sub(r"\s*\(\d+\)$", "", phrase)  # "quatre (4)" is "quatre"
    return phrase


def _parse_digits(phrase: str) -> int | None:
    vocab = _vocabulary()
    multiplier = _alternation(vocab["multipliers"])
    match = re.fullmatch(rf"(\d{{1,3}}(?:[ .']\d{{3}})+|\d+)(?:,(\d+))?(?:\s+({multiplier}))?", phrase)
    if match is None:
        return None
    whole = int(re.sub(r"[ .']", "", match.group(1)))
    fraction = float("0." + match.group(2)) if match.group(2) else 0.0
    factor = vocab["multipliers"][match.group(3)] if match.group(3) else 1
    return int(round((whole + fraction) * factor))


def _parse_words(phrase: str) -> int | None:
    """Read a run of French number words ("quatre-vingt-treize", "deux cent mille", "une vingtaine")."""
    vocab = _vocabulary()
    tokens = [token for token in re.split(r"[\s-]+", phrase) if token and token != "et"]
    if not tokens:
        return None
    total = 0
    current = 0
    previous = ""
    for token in tokens:
        if token in vocab["units"]:
            current += vocab["units"][token]
        elif token in ("vingt", "vingts") and previous == "quatre":
            current += 80 - 4  # "quatre-vingt" is four twenties, not four plus twenty
        elif token in vocab["tens"]:
            current += vocab["tens"][token]
        elif token in vocab["hundred"]:
            current = max(current, 1) * 100
        elif token in vocab["multipliers"]:
            total += max(current, 1) * vocab["multipliers"][token]
            current = 0
        elif token in vocab["approximations"]:
            current = max(current, 1) * vocab["approximations"][token]
        else:
            return None
        previous = token
    return total + current


def _parse_number(phrase: str) -> int | None:
    digits = _parse_digits(phrase)
    return digits if digits is not None else _parse_words(phrase)


def _parse_range(phrase: str) -> int | None:
    """The lowest bound of "entre 30 et 40", "30 à 40", "30-40", "trente ou quarante"."""
    between = re.fullmatch(r"entre\s+(.+?)\s+et\s+(.+)", phrase)
    if between:
        return _parse_number(between.group(1))
    for separator in (r"\s*-\s*", r"\s+a\s+", r"\s+ou\s+", r"\s+voire\s+"):
        parts = re.split(separator, phrase, maxsplit=1)
        if len(parts) == 2:
            low, high = (_parse_number(part) for part in parts)
            if low is not None and high is not None:
                return min(low, high)
    return None


@lru_cache(maxsize=4096)
def parse_quantity(phrase: str) -> int | None:
    """The integer a French quantity phrase stands for, or None when it is not a quantity.

    Vague amounts follow the codebook ("des dizaines" → 12, "plusieurs" → 10, "des centaines" → 100);
    qualifiers ("au moins", "plus de", "près de") are dropped; a range gives its lowest bound.

    Cached (bounded): a phrase is a few words that recur from one article to the next ("deux", "au moins 12"),
    and reading one runs a dozen substitutions whose patterns are built again at each call.
    """
    normalised = _strip_affixes(_normalise_phrase(phrase))
    if not normalised:
        return None
    vague = _vocabulary()["vague_quantities"]
    if normalised in vague:
        return int(vague[normalised])
    number = _parse_number(normalised)
    if number is not None:
        return number
    return _parse_range(normalised)


@dataclass(frozen=True)
class TollMention:
    """A phrase reporting people killed; offsets point into the text given to find_death_tolls."""

    start: int
    end: int
    text: str
    count: int
    victims: str
    # "trois civils ont également perdu la vie": the phrase says these dead come on top of those told before
    additive: bool = False
    # "plusieurs morts", "de nombreuses victimes": a count by convention (codebook section 6), no figure
    indefinite: bool = False


@lru_cache(maxsize=1)
def civilian_victims() -> frozenset[str]:
    """The nouns that make a toll's dead civilians ("villageois", "passagers", "bergers"), lower-case."""
    return frozenset(_vocabulary()["civilian_victims"])


@lru_cache(maxsize=1)
def _additive_words() -> re.Pattern[str]:
    """The adverbs that make a toll add to the dead told before it ("aussi", "également")."""
    return re.compile(rf"(?<![\w-]){_alternation(_vocabulary()['additive_adverbs'])}(?![\w-])")


@lru_cache(maxsize=1)
def _filler_words() -> str:
    """Up to a few words between a number and its death word ("12 soldats syriens tués")."""
    vocab = _vocabulary()
    # "un 32e mort", "une 3ème victime": an ordinal in digits ranks the one dead, as "un cinquième mort" does
    ordinal = rf"(?:{_SEP}\d+(?:e|eme|ieme)(?![\w-]))"
    # "« au moins neuf mercenaires » du groupe tués": a quote the count and its noun are told in closes before the
    # death word
    quote_closed = r'(?:\s*[»"”])?'
    return rf"(?:{_word_but(tuple([*vocab['filler_stop_words'], *vocab['vague_quantities']]))}{quote_closed}|{ordinal})"


def _word_but(stop: tuple[str, ...]) -> str:
    """One word after a space, none of ``stop`` and no number word."""
    return rf"(?:{_SEP}(?!(?:{_alternation(stop)}|{_number_word()})(?![\w-]))[a-z][a-z-]*'?)"


@lru_cache(maxsize=1)
def _time_adverbial() -> str:
    """A short date or time adverbial ("dimanche", "lundi soir", "hier", "le 12 mars", "dans la nuit de
    samedi à dimanche") that may sit between a killing verb and its count, with optional commas."""
    vocab = _vocabulary()
    weekday = _alternation(vocab["weekdays"])
    month = _alternation(vocab["months"])
    day_part = _alternation(vocab["day_parts"])
    day_number = r"(?:1er|premier|\d{1,2})"
    date = rf"(?:(?:le|ce)\s+)?(?:{weekday}\s+)?{day_number}\s+{month}(?:\s+\d{{4}})?"
    day = rf"(?:{weekday}|{_alternation(vocab['day_words'])})(?:\s+{day_part})?"
    night = (
        rf"(?:dans\s+|durant\s+|pendant\s+)?la\s+nuit\s+"
        rf"(?:de\s+{weekday}(?:\s+a\s+{weekday})?|du\s+{day_number}\s+au\s+{day_number}(?:\s+{month})?)"
    )
    phrase = _alternation(vocab["time_phrases"])
    return rf"(?:\s*,?\s+(?<![\w-])(?:{date}|{night}|{day}|{phrase})(?![\w-])\s*,?)"


def _lead_ins(phrases: Iterable[str]) -> str:
    """The lead-ins of a count, a date or time allowed before their closing preposition ("a coûté la vie mardi
    à douze villageois") as after them ("a coûté la vie à douze villageois mardi")."""
    closing = [p for p in phrases if p.endswith(" a")]
    if not closing:
        return _alternation(phrases)
    opened = _alternation([p[: -len(" a")] for p in closing])
    return rf"(?:{opened}{_time_adverbial()}\s+a|{_alternation(phrases)})"


@lru_cache(maxsize=1)
def _toll_patterns() -> dict[str, re.Pattern[str]]:
    """The death-toll patterns, compiled once per process; each has a ``qty`` and a ``fill`` group."""
    vocab = _vocabulary()
    qty = rf"(?P<qty>{_quantity_pattern()})"
    fill = _filler_words()
    # "ont été froidement tués", "ont été sauvagement abattus": any adverb in -ment, besides the listed ones
    adverbs = rf"(?:\s+(?:{_alternation(vocab['adverbs_between'])}|[a-z]+ment(?![\w-])))*"
    # "ont tué par balles trois fidèles": how they were killed, between the verb and its count
    manner = rf"(?:\s+{_alternation(vocab['manners_between'])}(?![\w-]))"
    aside = rf"(?:\s*,?\s*{_alternation(vocab['subset_markers'])}[^,.;:!?]{{1,60}}?,?)?"
    # "neuf civils, selon des sources locales, ont été tués": the source, told between the count and its verb
    source = rf"(?:\s*,\s*{_alternation(vocab['source_openers'])}(?![\w-])[^,.;:!?\d]{{1,50}}?,)?"
    avoir_death = (
        rf"{_alternation(vocab['auxiliaries_avoir'])}{adverbs}\s+"
        rf"(?:ete{adverbs}\s+{_alternation(vocab['passive_death_participles'])}"
        rf"|{_alternation(vocab['intransitive_avoir_deaths'])})"
    )
    etre_death = rf"{_alternation(vocab['auxiliaries_etre'])}{adverbs}\s+{_alternation(vocab['etre_deaths'])}"
    # "un homme de 25 ans a été tué", "deux jeunes, âgés de 21 et 25 ans, ont été tués": the age is an aside
    # "une femme d'une vingtaine d'années a été tuée": an age told by an approximate number
    years = rf"(?:\d+(?:\s+(?:et|a)\s+\d+)?\s+|une\s+{_alternation(vocab['approximations'])}\s+d'\s*)"
    age = (rf"(?:\s*,?\s+(?:agee?s?\s+)?d(?:e\s+|')\s*{years}"
           rf"{_alternation(vocab['age_words'])}(?![\w-]),?)?")
    of_one = r"(?:\s+d(?:e\s+|')\s*une?(?:\s+meme)?\s+[a-z][a-z-]*)?"  # "dix membres d'une même famille"
    # "un grand nombre de terroristes qui tentaient de s'infiltrer ont été éliminés"
    # "quatorze personnes circulant à bord d'un autocar ont été tuées": a present participle's phrase likewise
    relative = (r"(?:,?\s+qui(?:\s+[^,.;:!?]{1,90}?)??,?"
                r"|,?\s+[a-z]+ant\s+(?:a|au|aux|dans|sur|en|vers|pres|pour|de|du|des|d')(?![\w-])[^,.;:!?]{0,50}?,?)?")
    end = r"(?![\w-])"
    sources = {
        # "12 morts", "trois soldats syriens tués", "une vingtaine d'hommes abattus"
        "noun": rf"{qty}(?P<fill>{fill}{{0,4}}){_SEP}(?P<death>{_alternation(vocab['death_nouns'])}){end}",
        # "12 civils ont été tués", "les trois assaillants sont morts", "4 soldats ont péri"
        "clause": (rf"{qty}(?P<fill>{fill}{{0,6}}){of_one}{age}{aside}{source}{relative}\s+"
                   rf"(?:{avoir_death}|{etre_death}){end}"),
        # "tuant 12 personnes", "a coûté la vie à trois soldats", "la mort de nombreux miliciens"
        # "ont tué dimanche douze civils", "ont abattu hier soir trois soldats"
        "lead": (
            # "ont exécuté sommairement six civils": an adverb may follow the verb, as it may a passive's auxiliary
            # "tuant les six policiers du véhicule": the article of dead the text has already told of
            rf"(?<![\w-]){_lead_ins(vocab['killing_lead_ins'])}{adverbs}{manner}?{_time_adverbial()}?{_SEP}"
            rf"(?:{_alternation(vocab['definite_articles'])}\s+)?{qty}"
            rf"(?P<fill>{fill}{{0,3}})"
        ),
        # "ont perdu lundi 27 combattants", "l'armée a perdu deux soldats": a side that loses its fighters
        "loss": (
            rf"(?<![\w-]){_alternation(vocab['loss_lead_ins'])}{_time_adverbial()}?{_SEP}{qty}"
            rf"(?P<fill>{_SEP}{_alternation(vocab['lost_fighters'])}){end}"  # "une vingtaine d'hommes"
        ),
        # "les corps de sept soldats ont été retrouvés", "les dépouilles de douze civils": the dead, by their bodies
        "remains": (
            rf"(?<![\w-]){_alternation(vocab['remains_nouns'])}\s+d(?:e\s+|'\s*)"
            rf"(?:{_alternation(vocab['definite_articles'])}\s+)?{qty}(?P<fill>{fill}{{0,3}})"
        ),
        # "les assaillants, au nombre de quatre, ont été abattus"
        "numbered": (
            rf"(?<![\w-])(?P<fill>[a-z][a-z-]*)\s*,?\s+au\s+nombre\s+d(?:e\s+|'\s*)(?=[\w])(?P<qty>{_quantity_pattern()})"
            rf"\s*,?\s+(?:{avoir_death}|{etre_death}){end}"
        ),
        # "les otages tués, au nombre de six"
        "numbered_after": (
            rf"(?<![\w-])(?P<fill>(?:[a-z][a-z-]*\s+)?)(?:{_alternation(vocab['auxiliaries_avoir'])}\s+ete\s+"
            rf"|{_alternation(vocab['auxiliaries_etre'])}\s+)?{_alternation(vocab['passive_death_participles'])}"
            rf"\s*,?\s+au\s+nombre\s+d(?:e\s+|'\s*)(?=[\w])(?P<qty>{_quantity_pattern()})(?![\w-])"
        ),
        # "l'assaillant a été abattu", "le chauffeur est mort", "la fillette a succombé": one dead, no figure
        "one": (
            rf"(?<![\w-])(?P<qty>l'|le|la)\s*(?P<fill>{_alternation(vocab['one_dead_nouns'])})(?![\w-])"
            rf"(?:\s*,[^,.;:!?]{{1,40}},)?\s+"
            rf"(?:{_alternation(vocab['auxiliaries_avoir'])}{adverbs}\s+(?:ete{adverbs}\s+"
            rf"{_alternation(vocab['one_dead_participles'])}|{_alternation(vocab['intransitive_avoir_deaths'])})"
            rf"|{_alternation(vocab['auxiliaries_etre'])}{adverbs}\s+{_alternation(vocab['one_dead_etre'])}){end}"
        ),
        # "l'homme décédé lors de heurts", "le soldat tué dans l'embuscade": one dead named by a participle
        "one_named": (
            rf"(?<![\w-])(?P<qty>l'|le|la)\s*(?P<fill>{_alternation(vocab['one_dead_nouns'])})\s+"
            rf"(?:{_alternation(vocab['one_dead_participles'])}|{_alternation(vocab['one_dead_etre'])})"
            rf"(?=\s+(?:lors|dans|pendant|durant|au\s+cours|par)(?![\w-]))"
        ),
        # "a poignardé deux passants avant d'être abattu": the subject, one dead
        "one_after": (rf"(?<![\w-])avant\s+d'\s*(?P<qty>)(?P<fill>)etre\s+"
                      rf"{_alternation(vocab['one_dead_participles'])}{end}"),
        # "tués : 12"
        "label": rf"(?<![\w-]){_alternation(vocab['toll_labels'])}\s*:\s*{qty}(?P<fill>)",
    }
    # the patterns that open on the quantity are tried at every character of a line; this guard, which
    # whatever opens a quantity satisfies (a word bound before a word, no digit, comma or dot before a
    # number, or "entre"), rejects the positions inside words in one test instead of one per alternative
    for name in QUANTITY_FIRST:
        sources[name] = QUANTITY_START + sources[name]
    return {name: re.compile(pattern) for name, pattern in sources.items()}


QUANTITY_START = r"(?:(?<![\w-])|(?<![\w,.])(?=\d)|(?=entre))"
# the toll patterns that open on the quantity ("12 morts", "12 civils ont été tués"): guarded by QUANTITY_START,
# and tried only where a quantity may begin (:func:`_quantity_starts`)
QUANTITY_FIRST = ("noun", "clause")
# the toll patterns that open on one of the words they cannot match without ("tuant", "a perdu", "tués :"): none
# begins before a line's first death word (:func:`_death_word_pattern`)
OPEN_ON_NEEDED_WORDS = ("lead", "loss", "label", "remains")
# the toll patterns that tell one dead by no figure ("l'assaillant a été abattu", "avant d'être abattu")
ONE_DEAD = ("one", "one_after", "one_named")


@lru_cache(maxsize=1)
def _zero_toll_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){_alternation(_vocabulary()['zero_toll_phrases'])}(?![\w-])")


@lru_cache(maxsize=1)
def _zero_toll_words() -> PhraseWords:
    """The words of each phrase :func:`_zero_toll_pattern` matches, cut where it lets the spacing vary (at
    spaces and after apostrophes): each stands as written in any text the phrase is found in."""
    return phrase_words([w for w in re.split(r"[\s']+", phrase) if w] for phrase in _vocabulary()["zero_toll_phrases"])


def _may_say_nobody_died(folded: str) -> bool:
    """False only when no phrase of :func:`_zero_toll_pattern` can occur in ``folded`` (:func:`may_hold`)."""
    return may_hold(folded, _zero_toll_words())


def _victim_head(text: str, folded: str, match: re.Match[str]) -> tuple[str, int]:
    """The first content word after the count (lower-cased from the text) and where it ends."""
    vocab = _vocabulary()
    function_words = set(vocab["function_words"])
    death_nouns = set(vocab["death_nouns"])
    offset = match.start("fill")
    # a word, not the letters of an ordinal in digits ("un 32e mort")
    for token in re.finditer(r"(?<![\w-])[a-z][a-z-]*'?", folded[offset : match.end("fill")]):
        word = token.group(0)
        if word in function_words or word.endswith("'"):
            continue
        if word in death_nouns:
            return "", offset + token.end()
        return text[offset + token.start() : offset + token.end()].lower(), offset + token.end()
    return "", match.end("qty")


@lru_cache(maxsize=1)
def _subset_marker_before() -> re.Pattern[str]:
    """A subset marker ("dont", "parmi lesquels") that closes the words before a quantity."""
    return re.compile(rf"(?<![\w-]){_alternation(_vocabulary()['subset_markers'])}\s*$")


def _is_subset(folded: str, start: int) -> bool:
    """True for "dont cinq enfants": a part of a toll already counted."""
    return _subset_marker_before().search(folded[max(0, start - 30) : start]) is not None


@lru_cache(maxsize=1)
def _leading_quantity_pattern() -> re.Pattern[str]:
    return re.compile(rf"\s+{_quantity_pattern()}")


def _starts_with_quantity(folded: str, position: int) -> bool:
    return _leading_quantity_pattern().match(folded, position) is not None


def _next_word(folded: str, position: int) -> str:
    following = re.match(r"\s*([a-z][a-z-]*)", folded[position : position + 40])
    return following.group(1) if following else ""


@lru_cache(maxsize=1)
def _mixed_casualty_pattern() -> re.Pattern[str]:
    """ "ou blessés", "et/ou grièvement blessés", "ou portés disparus" right after a death word."""
    vocab = _vocabulary()
    joins = _alternation(vocab["mixed_casualty_joins"])
    words = _alternation(vocab["mixed_casualty_words"])
    return re.compile(rf"\s*(?:{joins})\s+(?:[a-z]+ment\s+)?{words}(?![\w-])")


def _is_plausible(folded: str, match: re.Match[str], victims: str) -> bool:
    """Reject matches that are not deaths of people: wounded, machines, articles read as "un"."""
    vocab = _vocabulary()
    if _is_subset(folded, match.start("qty")):
        return False
    wounded = set(vocab["wounded_words"])
    # "tuant 3 et blessant 5" is fine, but "bilan de 12 blessés" or "12 victimes blessées" is not.
    if _next_word(folded, match.end("qty")) in wounded or _next_word(folded, match.end()) in wounded:
        return False
    # "12 tués ou blessés" lumps the dead with the wounded: ACLED counts none of it as deaths.
    if _mixed_casualty_pattern().match(folded, match.end()) is not None:
        return False
    # "a tué dimanche 12 mars ...": a day of the month, not a count; "un homme de 25 ans": an age
    after_quantity = _next_word(folded, match.end("qty"))
    if after_quantity in vocab["months"] or after_quantity in vocab["age_words"]:
        return False
    # "dix membres d'une même famille": "une" there is the article of a complement, not a count
    if match.group("qty") in ("un", "une") and re.search(r"\bd(?:e\s+|')$", folded[max(0, match.start("qty") - 4):
                                                                                 match.start("qty")]):
        return False
    head = fold_text(victims)
    return head not in vocab["non_human_heads"]


@lru_cache(maxsize=2)
def _conjunct_words(trailing: bool = False) -> str:
    """One word of a listed count's noun phrase ("cinq agents des services de sécurité"): no verb, no
    conjunction, no other number; ``trailing``: after a killing verb, where a date may follow the list ("a
    tué cinq femmes et deux enfants le 3 mai"), no article or preposition either."""
    vocab = _vocabulary()
    stop = [w for w in vocab["filler_stop_words"] if w != "des"] + (vocab["function_words"] if trailing else [])
    return _word_but(tuple(stop))


@lru_cache(maxsize=1)
def _earlier_conjunct_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A count listed just before another, joined by "et" (the list's last join), then one joined by a comma."""
    qty = rf"(?P<qty>{_quantity_pattern()})"
    # "quatre membres des forces de l'ordre et une touriste": a count's noun may take a complement of a few words
    words = rf"(?P<words>{_conjunct_words()}{{0,8}})"
    last, comma = (re.compile(rf"(?<![\w-]){qty}{words}{join}(?:(?:ses|leurs|son|sa|les)\s+)?$")
                   for join in (r"\s+et\s+", r"\s*,\s*"))
    return last, comma


@lru_cache(maxsize=1)
def _later_conjunct_pattern() -> re.Pattern[str]:
    """A count listed after a killing verb's first ("a tué trois femmes, deux hommes et un enfant")."""
    return re.compile(rf"(?P<join>\s*,\s*|\s+et\s+)(?P<qty>{_quantity_pattern()})"
                      rf"(?P<words>{_conjunct_words(trailing=True)}{{0,3}})(?![\w-])")


# "dans un village", "d'une famille", "selon une source": "un" after a preposition is an article, not a count
ARTICLE_AFTER = re.compile(
    r"(?<![\w-])(?:dans|sur|sous|a|de|d'|par|pour|vers|avec|chez|contre|selon|apres|parmi|malgre|sans)\s*$")


def _listed_count(folded: str, match: re.Match[str], offset: int = 0) -> int | None:
    """The count of one listed conjunct (``match`` over ``folded[offset:]``), or None when it counts no dead
    ("dix blessés"), no people ("deux véhicules"), nothing exact ("de nombreuses villes") or is an article
    ("dans un village et deux civils")."""
    vocab = _vocabulary()
    wounded = set(vocab["wounded_words"])
    words = match.group("words").split()
    if set(words) & wounded or _next_word(folded, offset + match.end("words")) in wounded:
        return None
    if match.group("qty") in vocab["vague_quantities"] or words and words[0] in vocab["non_human_heads"]:
        return None
    if match.group("qty") in ("un", "une") and ARTICLE_AFTER.search(folded, 0, offset + match.start("qty")):
        return None
    return parse_quantity(match.group("qty"))


@lru_cache(maxsize=1)
def _partitive_pattern() -> re.Pattern[str]:
    """A count right before "des" or "d'entre" that a counted group follows ("l'un des deux", "trois des 16")."""
    return re.compile(rf"(?<![\w-])(?P<part>{_number_pattern()})\s+(?:des|d'entre)\s+$")


def _partitive(folded: str, start: int, count: int) -> tuple[int, int]:
    """Start and count of "l'un des deux assaillants a été tué", "trois des 16 morts": the part, not the group."""
    window = max(0, start - PARTITIVE_REACH)
    part = _partitive_pattern().search(folded, window, start)
    number = None if part is None else parse_quantity(part.group("part"))
    if part is None or number is None or number >= count:
        return start, count
    return part.start(), number


PARTITIVE_REACH = 30


def _with_conjoined_subject(folded: str, start: int, count: int) -> tuple[int, int]:
    """Add "une femme et" to "ses quatre enfants ont péri", and every count of a longer list ("trois soldats,
    cinq agents des services de sécurité et deux civils ont été tués"): all died together."""
    last, comma = _earlier_conjunct_patterns()
    join = last
    while True:
        window_start = max(0, start - 80)
        earlier = join.search(folded[window_start:start])
        extra = None if earlier is None else _listed_count(folded, earlier, window_start)
        if earlier is None or extra is None:
            return _with_one_named_first(folded, start, count, join is comma)
        start, count = window_start + earlier.start(), count + extra
        join = comma  # one "et" closes a list: the counts before it are joined by commas


@lru_cache(maxsize=2)
def _one_named_conjunct(by_comma: bool) -> re.Pattern[str]:
    """A person named by a definite singular noun, first of a list of the dead ("le chauffeur et deux passagers",
    "l'assaillant, cinq policiers et deux civils"): joined by "et", or by a comma once an "et" closed the list."""
    join = r"\s*,\s*" if by_comma else r"\s+et\s+"
    nouns = _alternation(_vocabulary()["one_dead_nouns"])
    return re.compile(rf"(?<![\w-])(?:l'|le|la)\s*{nouns}(?:\s+[a-z-]+)?{join}(?:(?:ses|leurs|son|sa|les)\s+)?$")


def _with_one_named_first(folded: str, start: int, count: int, by_comma: bool) -> tuple[int, int]:
    """Add the one dead a definite singular noun names first in the list (not the source "selon le policier")."""
    window_start = max(0, start - 60)
    first = _one_named_conjunct(by_comma).search(folded, window_start, start)
    if first is None or ARTICLE_AFTER.search(folded, 0, first.start()):
        return start, count
    return first.start(), count + 1


def _with_listed_objects(folded: str, end: int, count: int) -> tuple[int, int, bool]:
    """Add the counts a killing verb lists after its first ("tuant trois soldats, un policier et deux civils"),
    once an "et" closes the list; and whether the first count's noun went on past the words the toll took."""
    position, listed = end, []
    # "tuant quatre membres des forces de l'ordre et une touriste": the first count's noun may go on past the
    # words the toll took
    complement = _complement_pattern().match(folded, end)
    past = complement is not None and _later_conjunct_pattern().match(folded, complement.end()) is not None
    if complement is not None and past:
        position = complement.end()
    while (conjunct := _later_conjunct_pattern().match(folded, position)) is not None:
        extra = _listed_count(folded, conjunct)
        if extra is None:
            break
        listed.append(extra)
        position = conjunct.end()
        if conjunct.group("join").strip() == "et":
            return position, count + sum(listed), past
    return end, count, False


@lru_cache(maxsize=1)
def _complement_pattern() -> re.Pattern[str]:
    """The rest of a counted noun's complement after the words a toll took ("[quatre membres des] forces de
    l'ordre jordaniennes"): a few words, no verb, conjunction or number."""
    return re.compile(rf"{_conjunct_words()}{{1,6}}(?![\w-])")


@lru_cache(maxsize=1)
def _also_listed_pattern() -> re.Pattern[str]:
    """A count a toll adds once its list is closed, by "ainsi que" ("quatre gendarmes et 14 soldats tués, ainsi
    qu'au moins trois civils")."""
    return re.compile(rf"\s*,?\s*ainsi\s+qu(?:e\s+|')(?P<qty>{_quantity_pattern()})"
                      rf"(?P<words>{_conjunct_words(trailing=True)}{{0,3}})(?![\w-])")


def _with_also_listed(folded: str, end: int, count: int) -> tuple[int, int]:
    """Add the dead a toll lists after it with "ainsi que"."""
    also = _also_listed_pattern().match(folded, end)
    extra = None if also is None else _listed_count(folded, also)
    return (end, count) if also is None or extra is None else (also.end(), count + extra)


@lru_cache(maxsize=1)
def _side_share_pattern() -> re.Pattern[str]:
    """After a death noun, its side, then another side's count with no noun ("huit morts côté militaire et une
    trentaine parmi les assaillants")."""
    sides = _alternation(_vocabulary()["side_words"])
    return re.compile(rf"\s+{sides}(?![\w-])[^,.;:!?\d]{{1,40}}?\s+et\s+"
                      rf"(?P<qty>{_quantity_pattern()})\s+{sides}(?![\w-])")


def _with_side_share(folded: str, end: int, count: int) -> tuple[int, int]:
    """Add the other side's share of a toll told by sides, its death noun left out."""
    share = _side_share_pattern().match(folded, end)
    extra = None if share is None else parse_quantity(share.group("qty"))
    return (end, count) if share is None or extra is None else (share.end(), count + extra)


@lru_cache(maxsize=1)
def _death_breakdown_pattern() -> re.Pattern[str]:
    """ ", dont 3 morts" after a generic "12 victimes": the death figure of that toll."""
    vocab = _vocabulary()
    markers = _alternation(vocab["subset_markers"])
    deaths = _alternation(vocab["strict_death_nouns"])
    return re.compile(rf"\s*,?\s*(?<![\w-]){markers}\s+(?P<qty>{_quantity_pattern()}){_SEP}{deaths}(?![\w-])")


def _death_breakdown(folded: str, match: re.Match[str]) -> tuple[int, int] | None:
    """Count and end of "dont 3 morts" when ``match`` is a generic "N victimes" toll, else None."""
    if match.group("death") not in _vocabulary()["generic_victim_nouns"]:
        return None
    breakdown = _death_breakdown_pattern().match(folded, match.end())
    if breakdown is None:
        return None
    count = parse_quantity(breakdown.group("qty"))
    return None if count is None else (count, breakdown.end())


# a word some toll patterns cannot match without ("au nombre de", "tués : 12"): a line without it skips them
_TOLL_NEEDS = {"numbered": "nombre", "numbered_after": "nombre", "label": ":"}


# the vocabulary lists each toll pattern must match one phrase of, each after a word bound (see
# :func:`_toll_patterns`): "noun" a death noun, "clause" the participle or verb after its auxiliary, ...
_TOLL_WORDS = {
    "noun": ("death_nouns",),
    "clause": ("passive_death_participles", "intransitive_avoir_deaths", "etre_deaths"),
    "lead": ("killing_lead_ins",),
    "loss": ("loss_lead_ins",),
    "remains": ("remains_nouns",),
    "numbered": ("passive_death_participles", "intransitive_avoir_deaths", "etre_deaths"),
    "numbered_after": ("passive_death_participles",),
    "label": ("toll_labels",),
    "one": ("one_dead_participles", "intransitive_avoir_deaths", "one_dead_etre"),
    "one_after": ("one_dead_participles",),
    "one_named": ("one_dead_participles", "one_dead_etre"),
}


def _word_search(keys: Iterable[str]) -> re.Pattern[str]:
    """A search for any phrase of the vocabulary lists ``keys``, after the bound the toll patterns put before
    them (a space, an apostrophe or a word bound): the engine skips the positions inside words."""
    vocab = _vocabulary()
    # a lead-in's closing "à" may come after a date ("a coûté la vie mardi à"): its words before it are enough
    phrases = [phrase.removesuffix(" a") for key in keys for phrase in vocab[key]]
    return re.compile(r"(?<![\w-])" + _alternation(phrases))


@lru_cache(maxsize=1)
def _death_word_pattern() -> re.Pattern[str]:
    """Any of the words one of :func:`_toll_patterns` must contain (a death noun, participle, verb, lead-in
    or label): a line without one cannot hold a toll, and most lines of an article have none."""
    return _word_search(dict.fromkeys(key for keys in _TOLL_WORDS.values() for key in keys))


@lru_cache(maxsize=1)
def _toll_word_patterns() -> dict[str, re.Pattern[str]]:
    """Per toll pattern, a search for the words it cannot match without: a line that has a death word
    but not this pattern's (a "tué" but no auxiliary's participle) is not tried with it."""
    return {name: _word_search(keys) for name, keys in _TOLL_WORDS.items()}


_QUANTITY_KEYS = ("qualifiers", "vague_quantities", "units", "tens", "hundred", "multipliers", "approximations")
# a word after no letter, digit or hyphen, a digit after no letter, digit, comma or dot: the bounds before the
# quantity pattern's words and digits
_WORD_OR_DIGIT = re.compile(r"(?<![\w-])[a-z]+|(?<![\w,.])\d")
_ENTRE = re.compile(r"(?=entre)")  # every "entre", inside words too, as the toll guard allows


@lru_cache(maxsize=1)
def _quantity_first_words() -> frozenset[str]:
    """The first word (its letters up to any other character) of each phrase a quantity may open with: a
    qualifier, a vague amount, a number word; "" when one opens with something else."""
    vocab = _vocabulary()
    return frozenset(re.split("[^a-z]", phrase, maxsplit=1)[0] for key in _QUANTITY_KEYS for phrase in vocab[key])


def _quantity_starts(folded: str) -> list[int] | None:
    """Every place where a quantity phrase may begin, ascending, or None when that cannot be told.

    A quantity opens with a digit, "entre" (of "entre 30 et 40", anywhere), or a word of
    :func:`_quantity_first_words`: each followed by a space, a hyphen or an apostrophe, so the text's whole
    word there is that word. Most words open none, and a toll pattern that opens with the quantity fails
    slowly at each (:func:`veilleur.matching.finditer_at`)."""
    first_words = _quantity_first_words()
    if "" in first_words:
        return None
    starts = [m.start() for m in _WORD_OR_DIGIT.finditer(folded) if m.group() in first_words or m.group().isdigit()]
    entre = [m.start() for m in _ENTRE.finditer(folded)]
    return sorted({*starts, *entre}) if entre else starts


def _needed_words_end(folded: str, name: str, first_word: int = 0) -> int | None:
    """Where the last phrase that toll pattern ``name`` cannot match without ends in ``folded`` (past the
    start of every such phrase there), or None when there is none.

    ``first_word``: where the first phrase of any toll pattern begins (:func:`_death_word_pattern`, whose
    phrases include this pattern's): none of this pattern's begins before it, so the search starts there (its
    bound before a phrase still reads the character before)."""
    if _TOLL_NEEDS.get(name, "") not in folded:
        return None
    ends = [match.end() for match in _toll_word_patterns()[name].finditer(folded, first_word)]
    return ends[-1] if ends else None


def _starts_before(starts: list[int], bound: int) -> list[int]:
    """The ``starts`` (ascending) before ``bound``."""
    return starts[:bisect_left(starts, bound)]


def _candidates(text: str, folded: str, zero: bool = True) -> list[TollMention]:
    """The toll phrases of one line; ``zero``: whether a phrase that says nobody died may be in it."""
    found: list[TollMention] = []
    kinds: list[str] = []  # the toll pattern each of ``found`` was read by
    death_word = _death_word_pattern().search(folded)
    patterns = _toll_patterns() if death_word is not None else {}
    first_word = death_word.start() if death_word is not None else 0
    quantity_starts: list[int] | None = None
    for name, pattern in patterns.items():
        words_end = _needed_words_end(folded, name, first_word)
        if words_end is None:
            continue
        matches = pattern.finditer(folded, first_word if name in OPEN_ON_NEEDED_WORDS else 0)
        if name in QUANTITY_FIRST:  # "12 morts", "12 civils ont été tués"
            quantity_starts = _quantity_starts(folded) if quantity_starts is None else quantity_starts
            if quantity_starts is not None:
                # a match ends on its death word, so it opens before the last one: later quantities
                # ("... ont été tués, dont 3 enfants") are not tried
                matches = finditer_at(pattern, folded, _starts_before(quantity_starts, words_end))
        for match in matches:
            count = 1 if name in ONE_DEAD else parse_quantity(match.group("qty"))
            victims, head_end = _victim_head(text, folded, match)
            if count is None or not _is_plausible(folded, match, victims):
                continue
            start, end = match.span()
            if name == "noun" and _starts_with_quantity(folded, end):
                continue  # "une attaque contre un camp tue dix soldats": "tue" is the verb here
            if name == "noun":
                # "12 victimes, dont 3 morts": the death figure wins over the generic victim count.
                breakdown = _death_breakdown(folded, match)
                if breakdown is not None:
                    count, end = breakdown
                else:
                    end, count = _with_side_share(folded, end, count)
            if name in ("lead", "remains"):
                # the trailing words after "tuant 3 soldats" are not part of the toll, unless they list more dead
                listed_end, listed_count, past = _with_listed_objects(folded, match.end(), count)
                # the toll's words stop at its first noun when that noun's complement comes between ("tuant quatre
                # membres [des forces de l'ordre] et une touriste"): the words after it name sides, not the dead
                end = head_end if past or listed_end == match.end() else listed_end
                count = listed_count
            if name in ("clause", "noun"):
                # "l'un des deux assaillants a été tué": the part of the group that died
                start, count = _partitive(folded, start, count)
                # "une femme et ses quatre enfants ont péri", "quatre gendarmes et 14 militaires tués"
                start, count = _with_conjoined_subject(folded, start, count)
            end, count = _with_also_listed(folded, end, count)
            additive = _additive_words().search(folded, start, end) is not None
            indefinite = _strip_affixes(_normalise_phrase(match.group("qty"))) in _vocabulary()["vague_quantities"]
            found.append(TollMention(start, end, text[start:end], count, victims, additive,
                                     indefinite and count == parse_quantity(match.group("qty"))))
            kinds.append(name)
    found += _kills_with_own_losses(text, folded, found, kinds)
    for match in _zero_toll_pattern().finditer(folded) if zero else ():
        start, end = match.span()
        found.append(TollMention(start, end, text[start:end], 0, ""))
    return found


# what may stand between a side's kills and its own losses told with them: no figure, no sentence's end
_KILLS_TO_LOSSES = re.compile(r"[^.;:!?\d]{0,40}")


def _kills_with_own_losses(text: str, folded: str, found: list[TollMention], kinds: list[str]) -> list[TollMention]:
    """"avoir tué 29 combattants et perdu deux soldats": the dead of both sides of one fight, one toll (the
    longer mention wins over its two parts in :func:`without_overlaps`)."""
    joined = []
    for kill, kill_kind in zip(found, kinds, strict=True):
        if kill_kind != "lead":
            continue
        for loss, loss_kind in zip(found, kinds, strict=True):
            gap = folded[kill.end : loss.start]
            if loss_kind != "loss" or loss.start < kill.end or not _KILLS_TO_LOSSES.fullmatch(gap):
                continue
            if folded.startswith("et ", loss.start) or re.search(r"(?<![\w-])et\s+$", gap):
                joined.append(TollMention(kill.start, loss.end, text[kill.start : loss.end], kill.count + loss.count,
                                          kill.victims, kill.additive, kill.indefinite and loss.indefinite))
    return joined


class _Stretch(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Stretch)


def without_overlaps(mentions: list[_S]) -> list[_S]:
    """Keep the longest mentions first, then any shorter one that overlaps none kept; sorted by start."""
    kept: list[_S] = []
    taken = DisjointSpans()
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if taken.add_if_free(mention.start, mention.end):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


# Runs of text between line breaks (the breaks str.splitlines knows).
_LINE = re.compile("[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


def find_death_tolls(text: str) -> list[TollMention]:
    """Every phrase of ``text`` that reports people killed (or that nobody was), sorted by start.

    Wounded, captured, destroyed vehicles and bare "pertes" are not deaths; a "dont ..." part of a
    toll is not counted again; "aucune victime" and the like give a mention with count 0.
    """
    folded = fold_text(text)
    found: list[TollMention] = []
    zero = _may_say_nobody_died(folded)
    # A toll never spans a line break: match each line on its own, then shift offsets back.
    for line in _LINE.finditer(text):
        offset = line.start()
        for mention in _candidates(line.group(0), folded[offset : line.end()], zero):
            found.append(
                TollMention(mention.start + offset, mention.end + offset, mention.text, mention.count, mention.victims,
                            mention.additive, mention.indefinite)
            )
    return without_overlaps(found)


def indefinite_toll(phrase: str) -> bool:
    """Does ``phrase`` give its dead by no figure ("plusieurs morts", "de nombreuses victimes")? A figure told
    for the same dead elsewhere says more (codebook section 6 counts these only for want of one)."""
    found = [m for m in find_death_tolls(phrase) if m.count]
    return bool(found) and all(m.indefinite for m in found)
