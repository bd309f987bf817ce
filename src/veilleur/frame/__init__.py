"""Frame: who claims each event (sources), in which words (loaded terms), and a neutral note (FR/EN).

:func:`frame_events` fills ``sources``, ``source_outlet``, ``loaded_terms`` and ``notes`` of events whose
evidence spans point into ``article.original``. Matching runs on the normalised ``article.text`` (typographic
quotes and spaces already folded) and positions are mapped back through ``article.offsets``.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from veilleur.frame.attribution import Attribution, find_attributions, sentence_bounds, sources_for_range
from veilleur.frame.loaded import contains_loaded_term, find_loaded_terms, loaded_terms_in_spans
from veilleur.frame.notes import write_notes
from veilleur.frame.profile import framing_profile
from veilleur.records import Article, Event, Span
from veilleur.spans import OrderedSpans

OWN_CLAIM = "outlet's own"

__all__ = [
    "Attribution",
    "OWN_CLAIM",
    "contains_loaded_term",
    "find_attributions",
    "find_loaded_terms",
    "frame_events",
    "framing_profile",
    "loaded_terms_in_spans",
    "sources_for_range",
    "write_notes",
]


def _to_normalised(article: Article, start: int, end: int) -> tuple[int, int]:
    """Map an [start, end) range of ``article.original`` to the normalised text (inverse of offsets)."""
    n_start = min(bisect_left(article.offsets, start), len(article.text))
    n_end = min(max(bisect_left(article.offsets, end), n_start), len(article.text))
    return n_start, n_end


def _claim_spans(event: Event) -> list[Span]:
    """The spans whose sources count: the trigger, else every evidence span."""
    trigger = event.evidence.get("trigger", [])
    return trigger or [s for spans in event.evidence.values() for s in spans]


def _event_sources(
    article: Article, event: Event, attributions: list[Attribution], sentences: list[tuple[int, int]]
) -> list[str]:
    found: list[str] = []
    for span in _claim_spans(event):
        start, end = _to_normalised(article, span.start, span.end)
        for name in sources_for_range(attributions, start, end, article.text, sentences):
            if name not in found:
                found.append(name)
    return found or [article.source or OWN_CLAIM]


def _sentence_spans(article: Article, event: Event, sentences: OrderedSpans) -> list[Span]:
    """Spans (into the original) of the sentences holding any of the event's evidence."""
    out: list[Span] = []
    seen: set[Span] = set()  # an event merged from a long text's repeated reports has many evidence spans
    read: set[int] = set()  # the sentences already made spans: most of an event's evidence is in one sentence
    for spans in event.evidence.values():
        for span in spans:
            start, end = _to_normalised(article, span.start, span.end)
            for index in sentences.overlapping(start, max(end, start + 1)):
                if index in read:
                    continue
                read.add(index)
                sentence = article.span(*sentences.spans[index])
                if sentence not in seen:
                    seen.add(sentence)
                    out.append(sentence)
    return out


def frame_events(
    article: Article, events: list[Event], sentence_ranges: list[tuple[int, int]] | None = None
) -> None:
    """Fill each event's ``sources``, ``source_outlet``, ``loaded_terms`` and ``notes`` in place.

    ``sentence_ranges`` are sentence bounds in ``article.text`` (normalised) coordinates, e.g. from
    spaCy's ``doc.sents``; by default sentences are split on punctuation. An event whose trigger no
    attribution credits gets ``[article.source]`` (or ``"outlet's own"``): the outlet's own claim.
    """
    if not events:
        return  # nothing to fill: an article without events is not read for its sources and terms
    sentences = sentence_ranges if sentence_ranges is not None else sentence_bounds(article.text)
    attributions = find_attributions(article.text)
    indexed = OrderedSpans(sentences)
    # the events of one sentence share it, as a merged event's reports share theirs: each is read once
    terms_in = cache(find_loaded_terms)
    for event in events:
        event.source_outlet = article.source
        event.sources = _event_sources(article, event, attributions, sentences)
        event.loaded_terms = loaded_terms_in_spans(article, _sentence_spans(article, event, indexed), terms_in)
        event.notes = write_notes(event)
