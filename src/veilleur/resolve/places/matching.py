"""Matching: the runs of a text's tokens that a gazetteer holds as keys, and which of those hits may name a
place (by the words around them, the parser's entities and persons)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from veilleur.records import Place
from veilleur.resolve.places.countries import names_country
from veilleur.resolve.places.cues import CITY_CUE, LOCATIVE_BEFORE, introduces_place
from veilleur.resolve.places.gazetteer import Gazetteer, candidates_of, spelt_ids
from veilleur.resolve.places.keys import (
    Token,
    is_text_article,
    kept_keys,
    name_key,
    own_name_key,
    place_cue_keys,
    tokenize,
)
from veilleur.resolve.places.name_context import (
    ORGANISATION_BEFORE,
    PERSON_NAME_AFTER,
    PUNCTUATION,
    SENTENCE_START,
    TITLE_BEFORE,
    function_words,
    half_of_reduplication,
    is_acronym,
    is_function_word,
    part_of_compound,
)
from veilleur.resolve.places.stoplist import is_stopped, load_stop_rules
from veilleur.spans import SpanIndex


@dataclass
class Match:
    """A name of the text a gazetteer holds (or, its key starting with "?", a name to report as unresolved), with
    its candidate places; later steps narrow the candidates down."""

    start: int
    end: int
    key: str
    places: list[Place]
    exact: frozenset[str] = frozenset()  # ids of the candidates with a name spelt as the text spells it
    fuzzy: bool = False  # found by a near-miss spelling: trusted only near the article's other places
    introduced: bool = False  # "à", "le village de" just before: the text itself says it is a place
    partial: bool = False  # one part of a hyphenated name the gazetteer does not hold whole ("Tchomo-Bangou")


class _HitReading(NamedTuple):
    """What the text says of a gazetteer hit, whatever the gazetteers (:func:`_read_hit`)."""

    start: int  # with an Arabic article before the name ("al-Mayadine")
    end: int
    lone_after_sentence_start: bool  # one word, the first of a sentence (or after a colon, a quote)
    introduced: bool  # "à", "le village de" just before
    partial: bool  # one part of a hyphenated name


@dataclass
class ScanMemo:
    """What the scans of one text have read, for the next scan of it with more gazetteers (one per
    :meth:`Geocoder.find` call): each gazetteer's raw hits and each hit's reading of the text (None: its
    words cannot name a place). A hit's candidates are read again: the article's countries' gazetteers
    mostly hold its key or its places too (a town of the base is in its country's file)."""

    hits: dict[int, set[tuple[int, int, str]]] = field(default_factory=dict)
    readings: dict[tuple[int, int, str], _HitReading | None] = field(default_factory=dict)


def _raw_hits(text: str, gazetteer: Gazetteer) -> set[tuple[int, int, str]]:
    """(first token, last token, key) of every key of the gazetteer in the text that starts at a capital (or at
    a noun that opens a park's name, "le parc du W").

    A key is kept tokens' keys joined by spaces, so the hits are the runs of kept tokens, from a capitalised
    one, whose joined keys the index holds: only the runs as long as the gazetteer's longest key that starts
    with that token's key are asked for (:attr:`Gazetteer.reach`). A name starts with a capital
    (:func:`_select`), and a text has a few dozen capitalised words against thousands of words: one
    dictionary look-up or two per capitalised word replaced an automaton run over every character, whose
    hits were mostly common words, and a gazetteer no longer builds an automaton when it is loaded."""
    kept, keys, name_starts = kept_keys(text)
    index, reach = gazetteer.index, gazetteer.reach
    raw = set()
    for position in name_starts:
        key = keys[position]
        longest = reach.get(key)
        if longest is None:
            continue
        if key in index:
            raw.add((kept[position], kept[position], key))
        for last in range(position + 1, min(position + longest, len(kept))):
            key = f"{key} {keys[last]}"  # the run one token longer: its keys joined by spaces
            if key in index:
                raw.add((kept[position], kept[last], key))
    return raw


def scan(text: str, gazetteers: Sequence[Gazetteer], memo: ScanMemo | None = None) -> list[Match]:
    """All gazetteer keys found in the text, longest first where they overlap, at capitalised words.
    ``memo`` keeps what one scan read of the text for a later scan of it (:class:`ScanMemo`)."""
    memo = memo if memo is not None else ScanMemo()
    tokens = tokenize(text)
    raw: set[tuple[int, int, str]] = set()
    for gazetteer in gazetteers:
        found = memo.hits.get(id(gazetteer))
        if found is None:
            found = memo.hits[id(gazetteer)] = _raw_hits(text, gazetteer)
        raw |= found
    return _select(text, tokens, list(raw), gazetteers, memo)


def _select(text: str, tokens: Sequence[Token], raw: list[tuple[int, int, str]],
            gazetteers: Sequence[Gazetteer], memo: ScanMemo) -> list[Match]:
    """The hits that name a place, longest first where they overlap. A text is scanned against the base
    gazetteer, then again with its countries' ones, and most hits are the base's: a hit's reading of the
    text, which ``memo`` keeps from the first scan, is not made again."""
    raw.sort(key=lambda r: (-(r[1] - r[0]), r[0], r[2]))
    taken: set[int] = set()
    matches: list[Match] = []
    for hit in raw:
        first, last, key = hit
        if not taken.isdisjoint(range(first, last + 1)):
            continue
        if hit in memo.readings:
            reading = memo.readings[hit]
        else:
            reading = memo.readings[hit] = _read_hit(text, tokens, first, last, key)
        if reading is None:
            continue
        places = candidates_of(key, gazetteers)
        exact = spelt_ids(places, text[reading.start:reading.end], gazetteers)
        if reading.lone_after_sentence_start and not exact:
            continue  # "Bien que", "Lire aussi": capitalised as any first word is, and spelt as no place is
        taken.update(range(first, last + 1))
        matches.append(Match(reading.start, reading.end, key, places, exact,
                             introduced=reading.introduced, partial=reading.partial))
    return sorted(matches, key=lambda m: m.start)


def _read_hit(text: str, tokens: Sequence[Token], first: int, last: int, key: str) -> _HitReading | None:
    """What the text says of a hit whatever the gazetteers: None when its words cannot name a place
    (:func:`_may_name_place`), else where it stands and what comes around it."""
    if not _may_name_place(text, tokens, first, last, key):
        return None
    start = tokens[first].start
    if first > 0 and is_text_article(tokens, first - 1):
        start = tokens[first - 1].start  # report "al-Mayadine", not "Mayadine"
    end = tokens[last].end
    if half_of_reduplication(text, start, end):
        return None  # "Tongo" of "Tongo-Tongo" is no town Tonho
    lone = first == last and SENTENCE_START.search(text, max(0, start - 3), start) is not None
    return _HitReading(start, end, lone, introduces_place(text, start), part_of_compound(text, start, end))


def _may_name_place(text: str, tokens: Sequence[Token], first: int, last: int, key: str) -> bool:
    """Whether the words of a hit may name a place, by what the text says around them (not by the
    gazetteers' candidates)."""
    opener = first != last and tokens[first].key in place_cue_keys("name_opening_nouns")  # "le parc du W"
    if not (tokens[first].capitalised or opener):
        return False
    if first == last and (len(tokens[first].text) <= 2 or PERSON_NAME_AFTER.match(text, tokens[last].end)):
        return False
    if TITLE_BEFORE.search(text, max(0, tokens[first].start - 40), tokens[first].start) or (
            ORGANISATION_BEFORE.search(text, max(0, tokens[first].start - 60), tokens[first].start)):
        return False  # "le général Souheil al-Houssan", "le président Amani": a person
    # "le Logone oriental": a province's name may close on a lower-case adjective of position
    ends_low = not tokens[last].capitalised and tokens[last].key not in place_cue_keys("name_closing_adjectives")
    if first != last and (ends_low or PUNCTUATION.search(text, tokens[first].end, tokens[last].start)):
        return False  # "Sanaa, la capitale" is not "Sơn La": a name neither crosses punctuation nor ends low
    if is_acronym(text, tokens[first].start, tokens[last].end):
        return False  # "la MANUA", "l'ONG": an organisation's acronym, not Manoa or Wong
    if first == last and is_function_word(text, tokens[first].start, tokens[first].text):
        return False  # "Cet entretien", "Celle-ci", "Serait-ce": a sentence's first word, not Sète, Celle, Sirte
    end = tokens[last].end
    if is_stopped(text, key, tokens[first].start, end):  # the word as written, without "al-"
        return False
    return not names_country(text[tokens[first].start:end])  # "Djibouti", "Koweït": the country


def supported_as_place(text: str, match: Match, spans: SpanIndex) -> bool:
    """The parser tags the name as a place, or a locative word or place noun comes right before it."""
    if spans.overlaps(match.start, match.end):
        return True
    left = text[max(0, match.start - 30):match.start].lower()
    return bool(LOCATIVE_BEFORE.search(left[-12:]) or CITY_CUE.search(left))


# a capitalised word right after the name, or "du"/"de la" and one: the name opens a longer one ("Iga Barrière",
# "le Dôme du Rocher") the gazetteer does not hold
_NAME_GOES_ON = re.compile(r"[ \t]+(?:(?:du|de|de\s+la|des)[ \t]+)?[A-ZÀ-Ý]")


def opens_longer_name(text: str, match: Match) -> bool:
    return _NAME_GOES_ON.match(text, match.end) is not None


def is_person(text: str, match: Match, persons: SpanIndex) -> bool:
    """The parser took the name for a person's, and no "à" or "village de" says it is a place."""
    return persons.overlaps(match.start, match.end) and not match.introduced


_NAME_WENT_ON = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’-]*[ \t]+$")  # a capitalised word, then a space


def name_part(text: str, match: Match) -> bool:
    """The name is one word of a longer one the gazetteer does not hold: half of a hyphenated name ("Jean" of
    Jean-Yves, "Marc" of Jean-Marc), or a word beside another capitalised one ("Charles Michel", "Mahsa Amini",
    "Blaise Compaoré"). In a person's name, that is a given name or a surname, however large its namesake town."""
    before, after = text[max(0, match.start - 2):match.start], text[match.end:match.end + 2]
    return (len(after) == 2 and after[0] == "-" and after[1].isupper()
            or len(before) == 2 and before[1] == "-" and before[0].isalpha()
            or opens_longer_name(text, match)
            or _NAME_WENT_ON.search(text, max(0, match.start - 40), match.start) is not None)


# "le quartier de Muna Garage": a district's name that opens with a town's (Muna, a village of Kano State), the
# next capitalised word joined by one space (a title and its text are joined by a line break or two spaces)
_DISTRICT_BEFORE = re.compile(r"\bquartiers?\s+(?:de\s+|d['’]|du\s+)$", re.IGNORECASE)
_NEXT_WORD = re.compile(r" ([A-ZÀ-Ý][\w'’]*)")


def opens_district_name(text: str, match: Match) -> bool:
    """A name after "le quartier de" that a capitalised word continues is the first word of the district's own
    name, which the gazetteer does not hold: the town that shares that word lies elsewhere. Function words and the
    words the stoplist knows ("Nord", "Centre") do not continue it."""
    after = _NEXT_WORD.match(text, match.end)
    if after is None or not _DISTRICT_BEFORE.search(text, max(0, match.start - 20), match.start):
        return False
    word = after.group(1)
    return word.lower() not in function_words() and name_key(word) not in load_stop_rules()


def own_name_spelt(place: Place, match: Match) -> bool:
    """Whether the text spells a place's own name, not one of its aliases."""
    return place.geonameid in match.exact and own_name_key(place.name) == match.key
