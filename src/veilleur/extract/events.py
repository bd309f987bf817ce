"""Assemble events from triggers and resolved mentions, sentence by sentence.

Each trigger (a French cue such as "ont repris", "frappe aérienne") opens one candidate event. The
mentions that the resolvers found in its sentence are shared out between the sentence's triggers by
position: actors before the cue act, actors after it suffer (or the reverse for passive and "lost"
cues); places and dates go to the nearest cue. What the text reports as planned, feared or generic is
left out, and so is what happened more than a year before publication (codebook section 1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from veilleur.annotate import Annotation
from veilleur.extract.cues import CueLexicon, Trigger
from veilleur.extract.mentions import ActorRef, DateRef, Mentions, PlaceRef, TollRef
from veilleur.records import Article, Event

BACKGROUND_DAYS = 365
CIVILIAN_PREFIX = "Civilians"
UNIDENTIFIED = "Unidentified Armed Group ({country})"
MILITARY = "Military Forces of {country}"
IRREALIS_REACH = 70  # characters before a cue in which "devrait", "pour libérer"... make it a forecast
COORDINATION = re.compile(
    r"^[\s,]*(?:et|ou|ainsi que|puis)?[\s,]*(?:(?:dans|à|au|aux|en|sur|de|d'|du|des|les?|la|l')\s*)*"
    r"(?:(?:ville|villes|localités?|villages?|quartiers?|régions?|zones?)\s+(?:de|d'|du|des)?\s*)?$",
    re.IGNORECASE,
)
ACTOR_COORDINATION = re.compile(
    r"^[\s,]*(?:et|ainsi que|avec|aux côtés d[eu']?|appuyée?s? par|soutenue?s? par|alliée?s? (?:à|au|aux))"
    r"[\s,]*(?:(?:les?|la|l'|des|du|de|d'|ses|son|sa|leurs?)\s*)*$",
    re.IGNORECASE,
)
AGENT = re.compile(r"\b(?:par|de la part d[eu'])\s*(?:les?|la|l'|des|du)?\s*$", re.IGNORECASE)
APPOSITION = re.compile(r"^[\s,]*(?:son|leur|ses|leurs) alliée?s?[\s,]*$", re.IGNORECASE)


@dataclass
class _Frame:
    """One trigger with the mentions it was given."""

    trigger: Trigger
    sentence: tuple[int, int]
    places: list[PlaceRef] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    actors_before: list[ActorRef] = field(default_factory=list)
    actors_after: list[ActorRef] = field(default_factory=list)
    tolls: list[TollRef] = field(default_factory=list)


@dataclass
class ArticleContext:
    """What earlier sentences established: the place and the sides the story is about."""

    country: str | None
    place: PlaceRef | None = None
    actor1: ActorRef | None = None
    mentioned: dict[str, int] = field(default_factory=dict)  # canonical name -> mentions so far
    actors: dict[str, ActorRef] = field(default_factory=dict)  # canonical name -> latest mention


def extract_events(
    article: Article,
    annotation: Annotation,
    mentions: Mentions,
    cues: CueLexicon,
    country: str | None,
) -> list[Event]:
    """Events the article reports as having happened, merged within the article."""
    text = article.text
    published = article.published
    body_end = cues.body_end(text)
    context = ArticleContext(country=country)
    events: list[Event] = []
    previous_sentence_events: list[Event] = []
    for start, end in annotation.sentences:
        if start >= body_end:
            break
        frames = _frames_for_sentence(text, (start, end), cues, mentions, annotation)
        sentence_events: list[Event] = []
        for frame in frames:
            sentence_events.extend(_events_from_frame(article, frame, context, published, cues))
        tolls = [t for t in mentions.tolls_in(start, end) if not _in_period_sentence(mentions, start, end)]
        if not frames and tolls and previous_sentence_events:
            # "Dix-sept civils ont été tués." after the sentence that named the strike
            _attach_tolls(article, previous_sentence_events[-1], tolls, context)
        _update_context(context, mentions, start, end)
        events.extend(sentence_events)
        previous_sentence_events = sentence_events or ([] if frames else previous_sentence_events[-1:])
    return merge_events(events)


# --- frames ---------------------------------------------------------------------------------------


def _frames_for_sentence(
    text: str,
    sentence: tuple[int, int],
    cues: CueLexicon,
    mentions: Mentions,
    annotation: Annotation,
) -> list[_Frame]:
    start, end = sentence
    triggers = [
        t
        for t in cues.find_triggers(text, start, end)
        if not _is_irrealis(text, t, start, cues, annotation) and not _is_negated(text, t, start, cues)
    ]
    if not triggers:
        return []
    frames = [_Frame(trigger=t, sentence=sentence) for t in triggers]
    middles = [(a.trigger.end + b.trigger.start) // 2 for a, b in zip(frames, frames[1:], strict=False)]
    bounds = [start, *middles, end]
    for index, frame in enumerate(frames):
        lo, hi = bounds[index], bounds[index + 1]
        t = frame.trigger
        previous_end = frames[index - 1].trigger.end if index else start
        next_start = frames[index + 1].trigger.start if index + 1 < len(frames) else end
        frame.places = [p for p in mentions.places_in(start, end) if lo <= p.start < hi]
        if not any(p.start >= t.end for p in frame.places):
            # a place named before the first cue frames the whole sentence ("À Raqqa, ...")
            frame.places = frame.places or [p for p in mentions.places_in(start, t.start)][-1:]
        frame.dates = [d for d in mentions.dates_in(start, end) if lo <= d.start < hi]
        frame.dates = frame.dates or mentions.dates_in(start, end)
        actors = [a for a in mentions.actors_in(start, end) if not _is_attributed(text, a, start, cues)]
        frame.actors_before = [a for a in actors if previous_end <= a.start < t.start]
        if not frame.actors_before:
            frame.actors_before = [a for a in actors if a.end <= t.start][-1:]
        frame.actors_after = [a for a in actors if t.end <= a.start < next_start]
        frame.tolls = [x for x in mentions.tolls_in(start, end) if lo <= x.start < hi or lo < x.end <= hi]
    return _drop_subsumed_frames(frames)


def _drop_subsumed_frames(frames: list[_Frame]) -> list[_Frame]:
    """Several cues of one category in one clause are one event ("a bombardé ... frappes")."""
    kept: list[_Frame] = []
    for frame in frames:
        if kept and kept[-1].trigger.category == frame.trigger.category and not frame.places:
            previous = kept[-1]
            previous.actors_after.extend(a for a in frame.actors_after if a not in previous.actors_after)
            previous.tolls.extend(x for x in frame.tolls if x not in previous.tolls)
            continue
        kept.append(frame)
    return kept


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
    left = text[max(sentence_start, actor.start - 30) : actor.start]
    verbs = list(cues.attribution.finditer(left))
    return bool(verbs) and len(left[verbs[-1].end() :].split()) <= 3


# --- events ---------------------------------------------------------------------------------------


def _events_from_frame(
    article: Article,
    frame: _Frame,
    context: ArticleContext,
    published: date | None,
    cues: CueLexicon,
) -> list[Event]:
    when = _event_date(frame, published)
    if when is None:
        return []
    event_day, time_precision, date_ref = when
    places = _event_places(article.text, frame, context)
    if not places:
        return []
    actor1, assoc1, actor2, assoc2 = _sides(article.text, frame, context, places[0])
    category = frame.trigger.category
    event_type, sub_event_type = category.event_type, category.sub_event_type
    civilians_hit = actor2 is not None and actor2.name.startswith(CIVILIAN_PREFIX)
    if category.civilian_type and civilians_hit:
        event_type, sub_event_type = category.civilian_type
    if category.state_sub_event_type:
        sub_event_type = (
            category.state_sub_event_type
            if actor1 is not None and actor1.state
            else category.non_state_sub_event_type
        )
    fatalities = _fatalities(frame.tolls, len(places))
    events = []
    for index, place in enumerate(places):
        event = Event(
            doc=article.id,
            event_type=event_type,
            sub_event_type=sub_event_type,
            actor1=actor1.name if actor1 else "",
            assoc_actor_1="; ".join(a.name for a in assoc1),
            actor2=actor2.name if actor2 else "",
            assoc_actor_2="; ".join(a.name for a in assoc2),
            location=place.name,
            admin1=place.admin1,
            admin2=place.admin2,
            country=place.country,
            latitude=place.latitude,
            longitude=place.longitude,
            geo_precision=place.precision,
            event_date=event_day.isoformat(),
            time_precision=time_precision,
            fatalities=fatalities[index],
            source_outlet=article.source,
        )
        event.add_evidence("sentence", article.span(*frame.sentence))
        event.add_evidence("trigger", article.span(frame.trigger.start, frame.trigger.end))
        if place.start < place.end:
            event.add_evidence("location", article.span(place.start, place.end))
        if date_ref is not None:
            event.add_evidence("event_date", article.span(date_ref.start, date_ref.end))
        for name, ref in (("actor1", actor1), ("actor2", actor2)):
            if ref is not None and ref.start < ref.end:
                event.add_evidence(name, article.span(ref.start, ref.end))
        for toll in frame.tolls:
            event.add_evidence("fatalities", article.span(toll.start, toll.end))
        events.append(event)
    return events


def _event_date(frame: _Frame, published: date | None) -> tuple[date, int, DateRef | None] | None:
    """The day and its precision, or None when the event is background history."""
    if published is None:
        return None
    if any(d.kind == "year" and d.value.year < published.year - 1 for d in frame.dates):
        return None
    days = [d for d in frame.dates if d.kind in ("day", "week", "month")]
    if not days:
        return published, 2, None
    trigger = frame.trigger
    nearest = min(days, key=lambda d: min(abs(d.start - trigger.end), abs(trigger.start - d.end)))
    if nearest.value > published or nearest.value < published - timedelta(days=BACKGROUND_DAYS):
        return None
    return nearest.value, min(nearest.precision, 3), nearest


def _event_places(text: str, frame: _Frame, context: ArticleContext) -> list[PlaceRef]:
    """The place(s) of the event: coordinated places split into one event each."""
    trigger = frame.trigger
    after = [p for p in frame.places if p.start >= trigger.end]
    before = [p for p in frame.places if p.end <= trigger.start]
    chosen: list[PlaceRef] = []
    if after:
        chosen = [after[0]]
        for place in after[1:]:
            if COORDINATION.match(text[chosen[-1].end : place.start]):
                chosen.append(place)
            else:
                break
    elif before:
        chosen = [before[-1]]
    elif context.place is not None:
        chosen = [context.place]
    finer = [p for p in chosen if p.precision < 3]
    if finer and len(finer) < len(chosen):
        # "dans la province de Hama, à Jib al-Jarrah": the province only frames the village
        chosen = finer
    return _unique_places(chosen)


def _unique_places(places: list[PlaceRef]) -> list[PlaceRef]:
    seen: set[tuple[str, int]] = set()
    out = []
    for place in places:
        key = (place.name, place.precision)
        if key not in seen:
            seen.add(key)
            out.append(place)
    return out


def _sides(
    text: str,
    frame: _Frame, context: ArticleContext, place: PlaceRef
) -> tuple[ActorRef | None, list[ActorRef], ActorRef | None, list[ActorRef]]:
    """actor1 (who acts), its allies, actor2 (who is acted upon), its allies."""
    subject_group = _coordinated(text, frame.actors_before, reverse=True)
    object_group = _coordinated(text, frame.actors_after, reverse=False)
    if frame.trigger.passive:
        agents = [a for a in frame.actors_after if AGENT.search(text[max(0, a.start - 8) : a.start])]
        subject_group, object_group = agents[:1], subject_group or object_group
    if frame.trigger.inverted:
        subject_group, object_group = object_group, subject_group
    actor1 = subject_group[0] if subject_group else None
    if actor1 is None and not frame.trigger.passive and not frame.trigger.inverted:
        actor1 = context.actor1
    victims = _victim_actor(frame.tolls, place.country)
    if victims is not None and (not object_group or object_group[0].name.startswith(CIVILIAN_PREFIX)):
        object_group = [victims]
    actor2 = object_group[0] if object_group else None
    if actor1 is None:
        actor1 = _default_actor1(frame, actor2, place.country)
    if actor2 is None and actor1 is not None:
        actor2 = _default_opponent(context, actor1, frame)
    assoc1 = [a for a in subject_group[1:] if actor1 is None or a.name != actor1.name]
    assoc2 = [a for a in object_group[1:] if actor2 is None or a.name != actor2.name]
    if actor1 is not None and actor1.generic and actor1.country != place.country and place.country:
        actor1 = actor1.for_country(place.country)
    return actor1, _unique(assoc1), actor2, _unique(assoc2)


def _coordinated(text: str, actors: list[ActorRef], reverse: bool) -> list[ActorRef]:
    """The run of coordinated actors nearest the cue: "l'armée syrienne et le Hezbollah"."""
    if not actors:
        return []
    ordered = sorted(actors, key=lambda a: a.start, reverse=reverse)
    group = [ordered[0]]
    for actor in ordered[1:]:
        left, right = (actor, group[-1]) if reverse else (group[-1], actor)
        gap = text[left.end : right.start]
        if left.end <= right.start and (ACTOR_COORDINATION.match(gap) or APPOSITION.match(gap)):
            group.append(actor)
        else:
            break
    group.sort(key=lambda a: a.start)
    # a state named with its allies leads: "le Hezbollah et l'armée syrienne" -> the army acts
    group.sort(key=lambda a: not a.state)
    return _unique(group)


def _unique(actors: list[ActorRef]) -> list[ActorRef]:
    seen: set[str] = set()
    out = []
    for actor in actors:
        if actor.name not in seen:
            seen.add(actor.name)
            out.append(actor)
    return out


def _victim_actor(tolls: list[TollRef], country: str) -> ActorRef | None:
    for toll in tolls:
        if toll.civilian and toll.count > 0 and country:
            return ActorRef.synthetic(f"{CIVILIAN_PREFIX} ({country})", country, state=False)
    return None


def _default_actor1(frame: _Frame, actor2: ActorRef | None, country: str) -> ActorRef | None:
    if not country:
        return None
    category = frame.trigger.category.name
    if category in ("territory", "air", "weapons", "arrest") and (actor2 is None or not actor2.state):
        return ActorRef.synthetic(MILITARY.format(country=country), country, state=True)
    return ActorRef.synthetic(UNIDENTIFIED.format(country=country), country, state=False)


def _default_opponent(context: ArticleContext, actor1: ActorRef, frame: _Frame) -> ActorRef | None:
    """The side the story has pitted against ``actor1`` most often."""
    if frame.trigger.category.name in ("weapons", "change", "transfer", "base"):
        return None
    candidates = [
        (count, name)
        for name, count in context.mentioned.items()
        if name != actor1.name and context.actors[name].state != actor1.state
    ]
    if not candidates:
        return None
    _, name = max(candidates)
    return context.actors[name]


def _fatalities(tolls: list[TollRef], places: int) -> list[int]:
    """Killed per place: the largest toll of the clause, split evenly, remainder to the first."""
    total = max((t.count for t in tolls), default=0)
    share, remainder = divmod(total, places)
    return [share + (remainder if i == 0 else 0) for i in range(places)]


def _attach_tolls(article: Article, event: Event, tolls: list[TollRef], context: ArticleContext) -> None:
    count = max(t.count for t in tolls)
    if count > event.fatalities:
        event.fatalities = count
        for toll in tolls:
            event.add_evidence("fatalities", article.span(toll.start, toll.end))
    if not event.actor2 and any(t.civilian for t in tolls) and event.country:
        event.actor2 = f"{CIVILIAN_PREFIX} ({event.country})"


def _in_period_sentence(mentions: Mentions, start: int, end: int) -> bool:
    """Deaths summed over "les 125 derniers jours" are a long-period total, not an event."""
    return any(d.kind == "period" for d in mentions.dates_in(start, end))


def _update_context(context: ArticleContext, mentions: Mentions, start: int, end: int) -> None:
    places = mentions.places_in(start, end)
    if places:
        context.place = places[-1]
    for actor in mentions.actors_in(start, end):
        if actor.name.startswith(CIVILIAN_PREFIX):
            continue
        context.mentioned[actor.name] = context.mentioned.get(actor.name, 0) + 1
        context.actors[actor.name] = actor
        if context.actor1 is None or actor.state:
            context.actor1 = actor


# --- merging --------------------------------------------------------------------------------------


def merge_events(events: Sequence[Event]) -> list[Event]:
    """One event per sub-event type x place x day x sides; a capture absorbs the fighting for it."""
    merged: dict[tuple[str, ...], Event] = {}
    for event in events:
        key = (event.sub_event_type, event.location, event.event_date, event.actor1, event.actor2)
        kept = merged.get(key)
        if kept is None:
            merged[key] = event
            continue
        kept.fatalities = max(kept.fatalities, event.fatalities)
        kept.time_precision = min(kept.time_precision, event.time_precision)
        kept.assoc_actor_1 = kept.assoc_actor_1 or event.assoc_actor_1
        kept.assoc_actor_2 = kept.assoc_actor_2 or event.assoc_actor_2
        for name, spans in event.evidence.items():
            for span in spans:
                kept.add_evidence(name, span)
    result = list(merged.values())
    captures = [e for e in result if e.sub_event_type.endswith("territory") and e.event_type == "Battles"]
    out = []
    for event in result:
        same_capture = next(
            (c for c in captures if event.sub_event_type == "Armed clash" and _same_place_day(c, event)), None
        )
        if same_capture is not None:
            same_capture.fatalities = max(same_capture.fatalities, event.fatalities)
            continue
        out.append(event)
    return out


def _same_place_day(a: Event, b: Event) -> bool:
    return a.location == b.location and a.event_date == b.event_date
