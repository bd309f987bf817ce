"""Frames: one trigger cue and the mentions of its sentence that fall within its reach.

A sentence's cues share out its places, dates, actors and tolls by position. Cues that the text
reports as forecast, intended, denied or habitual open no frame; several cues of one category in one
clause make one frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from veilleur.annotate import Annotation
from veilleur.extract.cues import CueLexicon, Trigger
from veilleur.extract.mentions import ActorRef, DateRef, Mentions, PlaceRef, TollRef

CUE_ARTICLE = 4  # "l'aviation syrienne était intervenue": an actor the cue opens with (after "l'", "les ") acts
IRREALIS_REACH = 70  # characters before a cue in which "devrait", "pour libérer"... make it a forecast
ORIGIN = re.compile(  # "en provenance de l'est de Deir Ezzor": where the force came from, not the event
    r"(?:en provenance|venu(?:e|s|es)?|venant|à destination|rejoindre|depuis)\s+(?:de\s+|d')?\s*(?:l'|la\s+|le\s+)?"
    r"(?:(?:nord|sud|est|ouest)(?:-\w+)?\s+(?:de\s+|d')(?:l'|la\s+|le\s+)?)?$",
    re.IGNORECASE,
)
REFERENCE = re.compile(r"\b(?:km|kilomètres?)\b[^.;:]*$", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"\s(?:et|puis|mais|avant|après)\s|[;:.]", re.IGNORECASE)


@dataclass
class Frame:
    """One trigger with the mentions it was given."""

    trigger: Trigger
    sentence: tuple[int, int]
    text: str
    aircraft: bool = False  # the cue names aircraft ("raids", "l'aviation"), not just a bombardment
    country_level: bool = False  # "sur le territoire russe": cannot be mapped (codebook section 4)
    places: list[PlaceRef] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    actors_before: list[ActorRef] = field(default_factory=list)
    actors_after: list[ActorRef] = field(default_factory=list)
    tolls: list[TollRef] = field(default_factory=list)


def frames_for_sentence(
    text: str,
    sentence: tuple[int, int],
    cues: CueLexicon,
    mentions: Mentions,
    annotation: Annotation,
) -> list[Frame]:
    start, end = sentence
    triggers = [
        t
        for t in cues.find_triggers(text, start, end)
        if not _is_irrealis(text, t, start, cues, annotation)
        and not _is_negated(text, t, start, cues)
        and not cues.generic.search(text, max(start, t.start - IRREALIS_REACH), min(end, t.end + 30))
    ]
    if any(not t.category.only_alone for t in triggers) or cues.cumulative.search(text, start, end):
        triggers = [t for t in triggers if not t.category.only_alone]  # "l'insurrection qui a tué 20 000"
    if not triggers:
        return []
    frames = [
        Frame(trigger=t, sentence=sentence, text=text, aircraft=bool(cues.aircraft.search(t.text))) for t in triggers
    ]
    sentence_places = [
        p for p in mentions.places_in(start, end) if not ORIGIN.search(text[max(start, p.start - 30) : p.start])
    ]
    described = [p for p in sentence_places if not is_reference_point(text, p, start)]
    sentence_places = described or sentence_places
    sentence_dates = mentions.dates_in(start, end)
    actors = [
        a
        for a in mentions.actors_in(start, end)
        if not _is_attributed(text, a, start, cues)
        # "un responsable dans l'armée a confirmé l'assaut": someone speaking, not a side
        and not cues.speaker.search(text, max(start, a.start - 40), a.start)
    ]
    cumulative = cues.cumulative.search(text, start, end) is not None
    for index, frame in enumerate(frames):
        t = frame.trigger
        # a cue's reach: from the previous cue to the next one in the sentence
        lo = frames[index - 1].trigger.end if index else start
        hi = frames[index + 1].trigger.start if index + 1 < len(frames) else end
        frame.places = [p for p in sentence_places if lo <= p.start < hi or t.start <= p.start < t.end]
        if not frame.places:
            # a place named before the first cue frames the whole sentence ("À Raqqa, ...")
            frame.places = [p for p in sentence_places if p.end <= t.start][-1:]
        frame.country_level = not sentence_places and cues.country_level.search(text, start, end) is not None
        frame.dates = [d for d in sentence_dates if lo <= d.start < hi or t.start <= d.start < t.end]
        frame.dates = frame.dates or sentence_dates
        # "l'aviation syrienne", "les bombardiers russes": the cue word may open the actor's name
        frame.actors_before = [a for a in actors if lo <= a.start <= t.start + CUE_ARTICLE]
        if not frame.actors_before:
            frame.actors_before = [a for a in actors if a.start <= t.start][-1:]
        frame.actors_after = [a for a in actors if t.start + CUE_ARTICLE < a.start < hi]
        if not cumulative:
            frame.tolls = [x for x in mentions.tolls_in(start, end) if lo <= x.start < hi or lo < x.end <= hi]
    return _drop_subsumed_frames(frames)


def _drop_subsumed_frames(frames: list[Frame]) -> list[Frame]:
    """Several cues of one category in one clause are one event ("a bombardé ... frappes")."""
    kept: list[Frame] = []
    for frame in frames:
        previous = kept[-1] if kept else None
        if previous is not None and previous.trigger.category == frame.trigger.category:
            placed_before = any(p.start >= previous.trigger.end for p in previous.places)
            one_clause = not CLAUSE_BREAK.search(frame.text, previous.trigger.end, frame.trigger.start)
            if one_clause and (not frame.places or not placed_before):
                # "Les avions de guerre de la coalition ... en bombardant le marché de Hodeïdah"
                if not placed_before:
                    previous.places = frame.places or previous.places
                previous.actors_after += [a for a in frame.actors_after if a not in previous.actors_after]
                previous.tolls += [x for x in frame.tolls if x not in previous.tolls]
                previous.dates += [d for d in frame.dates if d not in previous.dates]
                continue
        kept.append(frame)
    return kept


def is_reference_point(text: str, place: PlaceRef, sentence_start: int) -> bool:
    """"Kofa, à huit kilomètres de la capitale, Maiduguri": a yardstick for another place."""
    return REFERENCE.search(text[max(sentence_start, place.start - 60) : place.start]) is not None


def _is_irrealis(text: str, trigger: Trigger, sentence_start: int, cues: CueLexicon, ann: Annotation) -> bool:
    window_start = max(sentence_start, trigger.start - IRREALIS_REACH)
    if cues.irrealis.search(text, window_start, trigger.end):
        return True
    return any(
        window_start <= v_start and v_end <= trigger.end + 1 or v_start <= trigger.start < v_end
        for v_start, v_end in ann.irrealis_verbs
    )


def _is_negated(text: str, trigger: Trigger, sentence_start: int, cues: CueLexicon) -> bool:
    return bool(cues.negation.search(text, max(sentence_start, trigger.start - 40), trigger.end + 25))


def _is_attributed(text: str, actor: ActorRef, sentence_start: int, cues: CueLexicon) -> bool:
    """"selon l'armée russe": the army is a source here, not a side."""
    return cues.follows_attribution(text, actor.start, reach=30, max_words=3, floor=sentence_start)
