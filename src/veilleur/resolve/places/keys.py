"""Name keys and text tokens: the spelling-tolerant form of a name that gazetteer names and the text's words
are both folded to, and the text cut into word tokens that carry their keys."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache, partial
from itertools import accumulate, chain
from operator import add
from typing import NamedTuple

from unidecode import unidecode

from veilleur.datafiles import load_json

# Arabic articles written as separate tokens ("al-Mayadin", "Dayr az Zawr", the French "Ech-Chaddadi"). In
# gazetteer names they are always dropped; in running text only when they cannot be French words (see
# ``is_text_article``).
ARTICLES = frozenset(
    {"al", "el", "ad", "ed", "as", "es", "ar", "er", "an", "ash", "esh", "ach", "ech", "at", "az", "ez", "ul", "il"}
)
# Articles that are never French words, so they can be dropped before a capitalised word without a hyphen.
STRONG_ARTICLES = frozenset({"al", "el", "ad", "ed", "az", "ez", "ash", "esh", "ach", "ech", "ar", "ul"})

# Ordered: multi-letter spellings first, then vowels, so French and English transliterations meet.
_FOLDS: tuple[tuple[str, str], ...] = (
    ("sch", "sh"), ("tch", "sh"), ("ch", "sh"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"),
    ("ph", "f"), ("ck", "k"), ("c", "k"), ("q", "k"), ("ou", "u"), ("w", "u"), ("y", "i"), ("au", "u"),
    ("e", "i"), ("o", "u"), ("ai", "i"),
)
SHORT_NAME = 3  # letters: shorter words keep their spelling in keys
_FUSED_ARTICLE = re.compile(r"^[ae]([dlnrstz])\1")  # "Ezzor", "Arraqqa": the article assimilated
_DOUBLES = re.compile(r"(.)\1+")
_NON_ALNUM = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=65536)
def fold_token(token: str) -> str:
    """One word to its key form: ASCII, lower case, transliteration variants folded."""
    plain = t = _NON_ALNUM.sub("", unidecode(token).lower())
    if len(t) >= 5 and _FUSED_ARTICLE.match(t):
        t = t[2:]
    if len(t) > 4 and t.endswith("e") and t[-2] not in "aeiouy":
        t = t[:-1]  # French final mute e: Mayadine / Mayadin, Palmyre / Palmyra
    t = re.sub(r"c(?=[eiy])", "s", t)
    t = re.sub(r"qu(?=[aeiy])", "k", t)
    t = re.sub(r"gu(?=[eiy])", "g", t)  # French "gu" is a hard g before e/i: Taguil / Tagil, Guelma
    t = t.replace("x", "ks")  # Alexeïevka / Alekseyevka, Alexandrie / Aleksandriya
    for old, new in _FOLDS:
        t = t.replace(old, new)
    t = _DOUBLES.sub(r"\1", t)
    if len(t) > 3 and t.endswith("h") and t[-2] in "aiu":
        t = t[:-1]  # Jarrah / Jarra, Hodeidah / Hodeida
    if len(t) < SHORT_NAME <= len(plain) <= SHORT_NAME + 1:
        return plain  # "Ibb", "Owo", "Eyl" would fold to nothing matchable: they keep their spelling
    return t


_NAME_SPLIT = re.compile(r"[\s\-‐–—/,.()]+")
_APOSTROPHES = re.compile(r"['’‘`ʿʾ´]")


@lru_cache(maxsize=65_536)
def plain_form(name: str) -> str:
    # cached: the spellings of every candidate place are compared with each name found in a text
    return _NON_ALNUM.sub("", unidecode(name).lower())


def name_key(name: str) -> str:
    """The matching key of a gazetteer name or alias: folded tokens without Arabic articles."""
    tokens = [t for t in _NAME_SPLIT.split(_APOSTROPHES.sub("", name)) if t]
    folded = [fold_token(t) for t in tokens if t.lower() not in ARTICLES or len(tokens) == 1]
    return " ".join(f for f in folded if f)


@lru_cache(maxsize=16_384)
def own_name_key(name: str) -> str:
    """:func:`name_key` of a place's own name (cached: choosing among a name's candidates asks it of each, for
    every mention; bounded, as a long run meets new places)."""
    return name_key(name)


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ELISIONS = frozenset({"l", "d", "j", "qu", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu"})
# "N'Djamena", "Fada N'Gourma": n' before a capital starts an African name; the negation "n'" precedes a verb
_NAME_PREFIX = re.compile(r"[Nn]['’][A-ZÀ-Ý]")
_ELIDED = re.compile(r"([^\W_]+)['’]")


class Token(NamedTuple):
    """A word of the text with its key (a named tuple: a text has thousands, made four times faster than a
    dataclass's)."""

    start: int
    end: int
    text: str
    key: str
    capitalised: bool
    hyphen_after: bool


# a Token from a tuple of its fields, made in C (the named tuple's constructor is a Python function, called
# for every word of every article)
_new_token = partial(tuple.__new__, Token)


# each word of the text with the run of other characters before it: what _WORD.finditer finds, as strings
# whose lengths give the offsets (a word starts at the first character _WORD can start with, as finditer's does)
_GAP_AND_WORD = re.compile(r"([\W_]*)(" + _WORD.pattern + ")")


@lru_cache(maxsize=64)
def tokenize(text: str) -> tuple[Token, ...]:
    """Word tokens with their keys; French elisions ("d'Alep") are split off, Arabic apostrophes kept
    (cached: a text is scanned once per set of gazetteers).

    Built a column at a time in C (``findall``, running sums of the lengths, ``map``): a match object and a
    Python step per word took most of the time."""
    pairs = _GAP_AND_WORD.findall(text)
    if not pairs:
        return ()
    # running sums of the gaps' and words' lengths: each word's start, then its end, alternately
    bounds = list(accumulate(map(len, chain.from_iterable(pairs))))
    skips, words, keys, capitalised = zip(*map(word_fields, [word for _, word in pairs]), strict=True)
    starts = list(map(add, bounds[0::2], skips))  # past an elision the word loses
    ends = bounds[1::2]
    hyphens = [text[end:end + 1] in "-‐" for end in ends]
    return tuple(map(_new_token, zip(starts, ends, words, keys, capitalised, hyphens, strict=True)))


@lru_cache(maxsize=65536)
def word_fields(matched: str) -> tuple[int, str, str, bool]:
    """What a matched word gives its token, whatever the text: the characters an elision ("d'", "l'") takes
    off its front, the word left, its key and whether it is capitalised (cached: a text's words are mostly
    words already seen, and one look-up replaces the per-word tests of :func:`tokenize`)."""
    skip, word = 0, matched
    if "'" in word or "’" in word:
        head = _ELIDED.match(word)
        if head and head.group(1).lower() in _ELISIONS and not _NAME_PREFIX.match(word):
            skip = head.end()
            word = word[skip:]
    return skip, word, word_key(word), word[:1].isupper()


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """A text word's key, apostrophes dropped (cached as :func:`fold_token` is: a text's words are mostly
    words already seen, and the apostrophes' substitution cost as much as the cached fold)."""
    return fold_token(_APOSTROPHES.sub("", word))


class KeptTokens(NamedTuple):
    """The text's tokens that name keys are made of (Arabic articles and keyless tokens left out)."""

    indexes: tuple[int, ...]  # into the text's tokens
    keys: tuple[str, ...]  # each kept token's key
    name_starts: tuple[int, ...]  # positions in ``indexes`` where a name may start: capitals, "parc", "forêt"


@lru_cache(maxsize=64)
def kept_keys(text: str) -> KeptTokens:
    """The text's kept tokens and their keys (cached: a text is read against several gazetteers)."""
    tokens = tokenize(text)
    # most words are no article at all: one set look-up spares them is_text_article's reading of their neighbours
    kept = tuple(i for i, token in enumerate(tokens)
                 if token.key and (token.text.lower() not in ARTICLES or not is_text_article(tokens, i)))
    openers = place_cue_keys("name_opening_nouns")
    name_starts = tuple(position for position, i in enumerate(kept)
                        if tokens[i].capitalised or tokens[i].key in openers)
    return KeptTokens(kept, tuple(tokens[i].key for i in kept), name_starts)


@lru_cache(maxsize=2)
def place_cue_keys(field: str) -> frozenset[str]:
    """The keys of one of ``data/place_cues.json``'s lower-case word lists: "name_opening_nouns" open a park's or
    a forest's name ("le parc du W"), "name_closing_adjectives" close a province's ("le Logone oriental")."""
    return frozenset(word_key(word) for word in load_json("place_cues.json")[field])


def is_text_article(tokens: Sequence[Token], i: int) -> bool:
    """An Arabic article in running text: "al-Bab", "Dayr az Zawr", but not French "as" or "an"."""
    low = tokens[i].text.lower()
    if low not in ARTICLES or i + 1 >= len(tokens):
        return False
    return tokens[i].hyphen_after or (low in STRONG_ARTICLES and tokens[i + 1].capitalised)
