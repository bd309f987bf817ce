"""Annotate: the spaCy French pipeline, loaded once per process, reduced to what later stages need.

Later stages do not see spaCy objects: :class:`Annotation` holds plain offsets (into the normalised
article text) and a typed view of the grammar — per token its lemma, part of speech, morphology, head
and dependency label (:class:`Token`) — so extraction can be tested on hand-made annotations and runs the
same on a Dask worker.

Contract: needs the text; adds sentence bounds, place and person entities, irrealis verbs and tokens.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from veilleur.spans import OrderedSpans

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.strings import StringStore
    from spacy.tokens import Doc

DEFAULT_MODEL = "fr_core_news_md"
PLACE_LABELS = frozenset({"LOC", "GPE"})
PERSON_LABELS = frozenset({"PER", "PERSON"})
SENTENCE_END = frozenset('.!?…"»)')


class Token(NamedTuple):
    """One word as the parser saw it. ``head`` is the index of the governing token (itself at a root).

    A named tuple rather than a dataclass: every word of every article gets one, and a tuple is made in a
    quarter of the time (equality and hashing are the same, field by field)."""

    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int
    morph: str = ""  # UD features, "Mood=Ind|Tense=Past|VerbForm=Part"
    ent: str = ""  # entity label (LOC, PER, ORG, MISC) or ""

    def feature(self, name: str) -> str:
        """One morphological feature's value, or "" ("Tense" -> "Past")."""
        features = _FEATURES.get(self.morph)
        if features is None:
            features = _features(self.morph)
        return features.get(name, "")


# A Token from a tuple of its ten fields, made in C: the named tuple's own constructor is a Python function,
# called for every word of every article (the same tuple subclass, so the same values and equality)
_new_token = partial(tuple.__new__, Token)

# Each morphology string's features, read once: the rules ask tens of thousands of times per hundred
# articles, and the parser writes a few hundred distinct strings (bounded anyway, for a process that runs long).
_FEATURES: dict[str, dict[str, str]] = {}
_FEATURES_KEPT = 10_000


def _features(morph: str) -> dict[str, str]:
    features: dict[str, str] = {}
    for pair in morph.split("|"):
        key, _, value = pair.partition("=")
        features.setdefault(key, value)  # the first of a repeated key, as a scan from the left finds it
    if len(_FEATURES) >= _FEATURES_KEPT:
        _FEATURES.clear()
    _FEATURES[morph] = features
    return features


@dataclass
class Annotation:
    """Sentence bounds, place-like entities and irrealis verbs of one text (normalised offsets)."""

    sentences: list[tuple[int, int]] = field(default_factory=list)
    place_entities: list[tuple[int, int]] = field(default_factory=list)
    person_entities: list[tuple[int, int]] = field(default_factory=list)
    # verbs in the future or conditional: events they govern are forecasts, not facts
    irrealis_verbs: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    _token_spans: OrderedSpans | None = field(default=None, init=False, repr=False, compare=False)

    def tokens_within(self, start: int, end: int) -> list[Token]:
        """The tokens that lie within the character span ``[start, end)``, in text order.

        Asked once per sentence, so the tokens' offsets are indexed once: a scan per sentence made a long
        text quadratic."""
        spans = self._token_spans
        if spans is None or len(spans.spans) != len(self.tokens):
            spans = self._token_spans = OrderedSpans([(t.start, t.end) for t in self.tokens])
        return [self.tokens[i] for i in spans.within(start, end)]


# Texts longer than this are parsed a block of paragraphs at a time: spaCy refuses a text over
# nlp.max_length (1,000,000 characters) and its memory grows with the document. Below it nothing changes.
CHUNK_CHARS = 100_000


class Annotator:
    """Wraps one spaCy pipeline; build one per process and reuse it."""

    def __init__(self, model: str = DEFAULT_MODEL, nlp: Language | None = None,
                 chunk_chars: int = CHUNK_CHARS) -> None:
        self.model = model
        self._nlp = nlp
        self.chunk_chars = chunk_chars
        # a memory zone frees the strings of the docs made inside it; two threads sharing this pipeline
        # (Dask's threads scheduler) must not open zones at the same time
        self._zone = threading.Lock()
        self._strings: _Strings | None = None  # the token strings already read, made with the pipeline

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            import spacy  # imported lazily: loading the model is the expensive step

            self._nlp = spacy.load(self.model)
            index_lemma_lists(self._nlp)
        return self._nlp

    def annotate(self, text: str) -> Annotation:
        return next(self.annotate_many([text]))

    def annotate_many(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Annotation]:
        """Annotations of ``texts``; the spaCy objects of each call live in a memory zone, so a long-lived
        process (batch worker, watcher, server) does not grow its string store with every new word.

        A text longer than ``chunk_chars`` is parsed in pieces cut at paragraph breaks
        (:func:`chunk_bounds`); the pieces' offsets and token indices are shifted back into the whole text.
        """
        nlp = self.nlp
        texts = list(texts)
        bounds = [chunk_bounds(text, self.chunk_chars) for text in texts]
        with self._zone, nlp.memory_zone():
            if self._strings is None or self._strings.store is not nlp.vocab.strings:
                self._strings = _Strings.of(nlp.vocab.strings)
            docs = nlp.pipe((text[start:end] for text, pieces in zip(texts, bounds, strict=True)
                             for start, end in pieces), batch_size=batch_size)
            annotations = []
            for text, pieces in zip(texts, bounds, strict=True):
                parts: list[_DocParts] = []
                for start, _ in pieces:
                    token_base = parts[-1].token_end if parts else 0
                    parts.append(_doc_parts(next(docs), start, token_base, self._strings))
                annotations.append(_assemble(text, parts))
        yield from annotations


def index_lemma_lists(nlp: Language) -> None:
    """Make the known lemmas of spaCy's rule lemmatizer sets instead of lists: the same lemmas, found far faster.

    The lemmatizer keeps each part of speech's lemmas (``lemma_index``: 66,000 nouns, 28,000 adjectives in
    ``fr_core_news_md``) as a list and asks ``word in`` it for every (word, part of speech) it has not met yet,
    and again for each suffix rule that fits: a linear scan, 0.5 ms for a noun it does not hold. A new process
    meets every word for the first time: its first 400 articles spent 3 s more than the next 400 in those
    scans, which every Dask worker paid again (and a long run pays for every new name). Only membership is
    asked of these lists, so a set answers the same."""
    for _, pipe in nlp.pipeline:
        lookups = getattr(pipe, "lookups", None)
        if lookups is None or not lookups.has_table("lemma_index"):
            continue
        table = lookups.get_table("lemma_index")
        for key in list(table.keys()):
            if isinstance(table[key], list):
                table[key] = frozenset(table[key])


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Consecutive ``[start, end)`` pieces covering ``text``, none longer than ``limit`` characters.

    Each piece ends after the last paragraph break (blank line) in its second half, else after a line
    break, else after a sentence's final punctuation and its space, else after a space; only a
    ``limit``-long run with none of these is cut where it must be. A text within the limit is one piece.
    """
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start + limit // 2, start + limit)
        pieces.append((start, end))
        start = end
    pieces.append((start, len(text)))
    return pieces


_SENTENCE_CUT = re.compile(r"[.!?…][»\")]*\s")


def _cut(text: str, earliest: int, latest: int) -> int:
    """The best place in ``(earliest, latest]`` to end a piece: just after a separator."""
    for separator in ("\n\n", "\n"):
        found = text.rfind(separator, earliest, latest)
        if found != -1:
            return found + len(separator)
    sentence_ends = [m.end() for m in _SENTENCE_CUT.finditer(text, earliest, latest)]
    if sentence_ends:
        return sentence_ends[-1]
    space = text.rfind(" ", earliest, latest)
    return space + 1 if space != -1 else latest


@dataclass
class _DocParts:
    """What one parsed piece gives, already in the whole text's offsets and token indices."""

    sentences: list[tuple[int, int]]
    places: list[tuple[int, int]]
    persons: list[tuple[int, int]]
    irrealis: list[tuple[int, int]]
    tokens: list[Token]
    token_end: int  # index after the piece's last token in the whole text


def annotation_from_doc(doc: Doc) -> Annotation:
    return _assemble(doc.text, [_doc_parts(doc, 0, 0, _Strings.of(doc.vocab.strings))])


# How many strings each table of :class:`_Strings` keeps before it starts again: a long run meets new words
# forever, and the common words of the news are read again within a few articles.
STRINGS_KEPT = 50_000


class _StringTable(dict[int, str]):
    """A token attribute's string by its hash in spaCy's string store, converted once and kept across docs
    (up to ``limit``, then started again): ``map`` over the table's look-up reads a column in C, where a
    look-up in the store and the conversion per distinct hash of each doc took half of the tokens' time. A
    hash always names the same string, so what a memory zone frees in the store is still right here."""

    def __init__(self, convert: Callable[[int], str], limit: int = STRINGS_KEPT) -> None:
        super().__init__()
        self._convert = convert
        self._limit = limit

    def __missing__(self, key: int) -> str:
        if len(self) >= self._limit:
            self.clear()
        value = self[key] = self._convert(key)
        return value


@dataclass(frozen=True)
class _Strings:
    """The tables that turn the hashes of :meth:`Doc.to_array` into the strings a :class:`Token` holds."""

    store: StringStore
    plain: _StringTable  # the words' texts, dependency labels and entity labels, as written
    lemmas: _StringTable  # lower-cased
    morphs: _StringTable  # "" for a word without features

    @classmethod
    def of(cls, store: StringStore) -> _Strings:
        from spacy.morphology import Morphology

        def morph(key: int) -> str:
            features: str = store[key]
            return "" if features == Morphology.EMPTY_MORPH else features

        return cls(store, _StringTable(store.__getitem__), _StringTable(lambda key: store[key].lower()),
                   _StringTable(morph))


def _doc_parts(doc: Doc, char_base: int, token_base: int, strings: _Strings) -> _DocParts:
    places = [(char_base + ent.start_char, char_base + ent.end_char) for ent in doc.ents
              if ent.label_ in PLACE_LABELS]
    persons = [(char_base + ent.start_char, char_base + ent.end_char) for ent in doc.ents
               if ent.label_ in PERSON_LABELS]
    tokens = _tokens(doc, char_base, token_base, strings)
    # a verb in the future or the conditional: "Fut" among its tenses or "Cnd" among its moods
    irrealis = [(tok.start, tok.end) for tok in tokens if tok.pos in ("VERB", "AUX") and _irrealis(tok.morph)]
    sentences = [(char_base + s.start_char, char_base + s.end_char) for s in doc.sents]
    return _DocParts(sentences, places, persons, irrealis, tokens, token_base + len(doc))


def _tokens(doc: Doc, char_base: int, token_base: int, strings: _Strings) -> list[Token]:
    """The doc's tokens, read from one :meth:`Doc.to_array` of their attribute ids: the same values as
    ``tok.text``, ``tok.lemma_.lower()``, ``tok.pos_``, ``tok.dep_``, ``tok.head.i``, ``str(tok.morph)`` and
    ``tok.ent_type_``, without making a spaCy ``Token`` and a ``MorphAnalysis`` per word (most of the
    conversion's time): a column at a time, each hash looked up in ``strings``' tables."""
    import numpy
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, MORPH, ORTH, POS
    from spacy.parts_of_speech import NAMES

    if not len(doc):
        return []
    columns = doc.to_array([IDX, ORTH, LEMMA, POS, DEP, HEAD, MORPH, ENT_TYPE])  # uint64, a row per token

    def column(index: int) -> list[int]:
        keys: list[int] = columns[:, index].tolist()
        return keys

    texts = list(map(strings.plain.__getitem__, column(1)))
    starts = (columns[:, 0].astype("int64") + char_base).tolist()
    heads = (columns[:, 5].astype("int64") + numpy.arange(token_base, token_base + len(texts))).tolist()
    return list(map(
        _new_token,
        zip(  # i, start, end, text, lemma, pos, dep, head, morph, ent
            range(token_base, token_base + len(texts)),
            starts,
            list(map(int.__add__, starts, map(len, texts))),
            texts,
            map(strings.lemmas.__getitem__, column(2)),
            map(NAMES.__getitem__, column(3)),
            map(strings.plain.__getitem__, column(4)),
            heads,
            map(strings.morphs.__getitem__, column(6)),
            map(strings.plain.__getitem__, column(7)),
            strict=True,
        ),
    ))


def _irrealis(morph: str) -> bool:
    for pair in morph.split("|"):
        key, _, values = pair.partition("=")
        if key == "Tense" and "Fut" in values.split(",") or key == "Mood" and "Cnd" in values.split(","):
            return True
    return False


def _assemble(text: str, parts: list[_DocParts]) -> Annotation:
    sentences: list[tuple[int, int]] = []
    raw_sentences = [bounds for part in parts for bounds in part.sentences]
    for start, end in _join_unfinished(text, raw_sentences):
        sentences.extend(_split_lines(text, start, end))
    return Annotation(
        sentences=sentences,
        place_entities=[span for part in parts for span in part.places],
        person_entities=[span for part in parts for span in part.persons],
        irrealis_verbs=[span for part in parts for span in part.irrealis],
        tokens=[token for part in parts for token in part.tokens],
    )


def _join_unfinished(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parser sometimes cuts inside a clause ("Un attentat | - | suicide a frappé"): a sentence
    ends only at final punctuation or a line break."""
    joined: list[tuple[int, int]] = []
    for start, end in sents:
        if joined:
            previous = text[joined[-1][0] : joined[-1][1]].rstrip()
            between = text[joined[-1][1] : start]
            if previous and previous[-1] not in SENTENCE_END and "\n" not in between and "\n" not in previous[-1:]:
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return joined


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paragraph break always ends a sentence, whatever the parser thought."""
    out: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        newline = text.find("\n", pos, end)
        stop = end if newline == -1 else newline
        chunk = text[pos:stop]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append((pos + lead, pos + len(chunk.rstrip())))
        pos = stop + 1
    return out
