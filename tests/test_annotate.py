"""Long texts are parsed in pieces cut at paragraph breaks, with offsets exact in the whole text.

The paragraphs are French sentences written for this test; a long text repeats them with a number so no
two paragraphs are equal.
"""

from __future__ import annotations

from datetime import date

import pytest

from veilleur.annotate import Annotation, Annotator, chunk_bounds
from veilleur.ingest import article_from_text
from veilleur.pipeline import Pipeline
from veilleur.records import Article

PARAGRAPHS = (
    "Des hommes armés ont attaqué lundi le village de Kiro, près de Djibo, tuant six civils, selon des "
    "sources locales. Les assaillants sont repartis vers la frontière malienne.",
    "À Bamako, le gouvernement a annoncé mardi l'envoi de renforts dans la région de Mopti, où l'armée "
    "malienne affronte depuis des semaines des combattants jihadistes.",
    "Des milliers de personnes ont manifesté mercredi à Niamey pour réclamer le départ des troupes "
    "étrangères. La police a dispersé le cortège à coups de gaz lacrymogène.",
    "« Nous ne partirons pas », a déclaré Amadou Diallo, un commerçant du marché central de Gao, dont la "
    "boutique a été incendiée jeudi soir.",
    "Une frappe de drone a touché vendredi un pick-up sur la route de Ménaka, tuant quatre hommes que "
    "l'armée présente comme des terroristes.",
)


def long_text(paragraphs: int) -> str:
    return "\n\n".join(f"{PARAGRAPHS[n % len(PARAGRAPHS)]} Dépêche {n}." for n in range(paragraphs))


def test_chunk_bounds_cut_after_paragraph_breaks() -> None:
    text = long_text(200)
    pieces = chunk_bounds(text, 2_000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))  # contiguous, nothing lost or repeated
    assert all(0 < end - start <= 2_000 for start, end in pieces)
    assert all(text[end - 2 : end] == "\n\n" for _, end in pieces[:-1])
    assert chunk_bounds(text, len(text)) == [(0, len(text))]  # within the limit: one piece
    assert chunk_bounds("", 10) == [(0, 0)]


def test_chunk_bounds_without_paragraphs() -> None:
    lines = "\n".join(PARAGRAPHS * 20)
    assert all(lines[end - 1] == "\n" for _, end in chunk_bounds(lines, 1_000)[:-1])
    one_line = " ".join(PARAGRAPHS * 20)
    cuts = [end for _, end in chunk_bounds(one_line, 1_000)[:-1]]
    assert cuts and all(one_line[end - 2] in ".»" and one_line[end - 1] == " " for end in cuts)
    words = "mot " * 1_000
    assert all(words[end - 1] == " " for _, end in chunk_bounds(words, 1_000)[:-1])
    solid = "x" * 2_500
    assert chunk_bounds(solid, 1_000) == [(0, 1_000), (1_000, 2_000), (2_000, 2_500)]


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def _assert_exact(text: str, annotation: Annotation) -> None:
    tokens = annotation.tokens
    assert [t.i for t in tokens] == list(range(len(tokens)))
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert all(0 <= t.head < len(tokens) for t in tokens)
    for start, end in annotation.sentences + annotation.place_entities + annotation.person_entities:
        assert 0 <= start < end <= len(text) and text[start:end].strip() == text[start:end]


def test_chunked_annotation_is_exact_in_the_whole_text(annotator: Annotator) -> None:
    text = long_text(80)  # ~13,600 characters
    whole = annotator.annotate(text)
    chunked = Annotator(nlp=annotator.nlp, chunk_chars=3_000).annotate(text)
    assert len(chunk_bounds(text, 3_000)) >= 5
    _assert_exact(text, chunked)
    # a paragraph break ends a sentence either way, and the tokenizer does not look across it
    assert chunked.sentences == whole.sentences
    assert [(t.start, t.end) for t in chunked.tokens] == [(t.start, t.end) for t in whole.tokens]
    # every token is governed from within its own paragraph's piece
    starts = [start for start, _ in chunk_bounds(text, 3_000)]
    piece_of = [sum(s <= t.start for s in starts) for t in chunked.tokens]
    assert all(piece_of[t.head] == piece_of[t.i] for t in chunked.tokens)
    # the model sees each paragraph in full: its reading barely depends on the piece
    same = sum(a.lemma == b.lemma and a.pos == b.pos for a, b in zip(chunked.tokens, whole.tokens, strict=True))
    assert same / len(whole.tokens) >= 0.99
    places = {text[s:e] for s, e in chunked.place_entities}
    assert {"Kiro", "Djibo", "Bamako", "Niamey", "Gao"} <= places
    assert set(chunked.place_entities) == set(whole.place_entities)


def test_text_over_spacys_limit_is_annotated() -> None:
    """spaCy refuses a text over nlp.max_length (1,000,000 characters): the pieces never reach it."""
    import spacy

    nlp = spacy.blank("fr")  # the tokenizer and a sentencizer: the limit is the same as the model's
    nlp.add_pipe("sentencizer")
    text = long_text(7_000)  # ~1.2M characters
    assert len(text) > nlp.max_length == 1_000_000
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    annotation = Annotator(nlp=nlp).annotate(text)
    _assert_exact(text, annotation)
    assert annotation.tokens[-1].end == len(text)
    assert len(annotation.sentences) >= 10_000  # every paragraph holds two sentences or more


def test_pipeline_evidence_points_into_the_original_text_across_pieces(annotator: Annotator) -> None:
    text = long_text(40)
    article = article_from_text("long", "Titre\n\n" + text, published=date(2023, 3, 10))
    assert isinstance(article, Article)
    pipeline = Pipeline(annotator=Annotator(nlp=annotator.nlp, chunk_chars=2_000))
    result = pipeline.process(article)
    # four events: Kiro, Mopti, Gao and Ménaka (the Niamey demonstration, the only event in Niger of a story
    # about Mali, is left out as told in passing)
    assert result.rejection is None and len(result.events) >= 4
    late = [e for e in result.events if any(s.start > 6_000 for spans in e.evidence.values() for s in spans)]
    assert late  # events found in later pieces too
    for event in result.events:
        for spans in event.evidence.values():
            assert all(article.original[s.start : s.end] == s.text for s in spans)


def test_lemma_index_made_sets_gives_the_same_lemmas() -> None:
    """The rule lemmatizer's known lemmas become sets (membership in microseconds instead of a list scan);
    every word gets the lemma the lists gave."""
    import spacy
    from spacy.lookups import Lookups
    from spacy.pipeline.lemmatizer import Lemmatizer

    from veilleur.annotate import index_lemma_lists

    def lemmatizer() -> tuple[spacy.language.Language, Lemmatizer]:
        nlp = spacy.blank("en")
        lookups = Lookups()
        lookups.add_table("lemma_index", {"noun": ["cat", "mouse"], "verb": ["run"]})
        lookups.add_table("lemma_exc", {"noun": {"mice": ["mouse"]}})
        lookups.add_table("lemma_rules", {"noun": [["s", ""], ["ies", "y"]], "verb": [["ning", ""], ["s", ""]]})
        nlp.add_pipe("lemmatizer", config={"mode": "rule"})
        nlp.get_pipe("lemmatizer").lookups = lookups  # type: ignore[attr-defined]
        return nlp, nlp.get_pipe("lemmatizer")  # type: ignore[return-value]

    words = [("cats", "NOUN"), ("mice", "NOUN"), ("flies", "NOUN"), ("dogs", "NOUN"), ("running", "VERB"),
             ("runs", "VERB"), ("walks", "VERB")]

    def lemmas(nlp: spacy.language.Language, pipe: Lemmatizer) -> list[list[str]]:
        doc = nlp.make_doc(" ".join(w for w, _ in words))
        for token, (_, pos) in zip(doc, words, strict=True):
            token.pos_ = pos
        return [pipe.rule_lemmatize(token) for token in doc]

    plain_nlp, plain = lemmatizer()
    tuned_nlp, tuned = lemmatizer()
    index_lemma_lists(tuned_nlp)
    assert all(isinstance(v, frozenset) for v in tuned.lookups.get_table("lemma_index").values())
    assert lemmas(tuned_nlp, tuned) == lemmas(plain_nlp, plain)
    assert lemmas(plain_nlp, plain)[0] == ["cat"]


def test_string_table_converts_each_hash_once_and_starts_again_when_full() -> None:
    from veilleur.annotate import _StringTable

    asked: list[int] = []

    def convert(key: int) -> str:
        asked.append(key)
        return f"mot{key}"

    table = _StringTable(convert, limit=2)
    assert [table[1], table[2], table[1]] == ["mot1", "mot2", "mot1"]
    assert asked == [1, 2]
    assert table[3] == "mot3" and len(table) == 1  # full: started again, memory stays bounded
    assert table[1] == "mot1" and asked == [1, 2, 3, 1]


def test_tokens_read_with_the_kept_strings_are_spacys(annotator: Annotator) -> None:
    """The strings kept from earlier batches (whose memory zones freed them in spaCy's store) give every token
    what spaCy's own attributes give, batch after batch."""
    texts = [PARAGRAPHS[0], PARAGRAPHS[3], PARAGRAPHS[0] + " Les élèves n'iront pas à l'école demain."]
    nlp = annotator.nlp
    for text in texts:
        (annotation,) = annotator.annotate_many([text])
        doc = nlp(text)
        assert [(t.text, t.lemma, t.pos, t.dep, t.head, t.morph, t.ent) for t in annotation.tokens] == [
            (w.text, w.lemma_.lower(), w.pos_, w.dep_, w.head.i, str(w.morph), w.ent_type_) for w in doc]
