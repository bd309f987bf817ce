"""Assemble events from triggers and resolved mentions, sentence by sentence.

Each trigger (a French cue such as "ont repris", "frappe aérienne") opens one candidate event. The
mentions that the resolvers found in its sentence are shared out between the sentence's triggers by
position: actors before the cue act, actors after it suffer (or the reverse for passive and "lost"
cues); places and dates go to the nearest cue. What the text reports as planned, feared or generic is
left out, and so is what happened more than a year before publication (codebook section 1).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from veilleur.annotate import Annotation
from veilleur.extract.cues import CueLexicon, Trigger
from veilleur.extract.mentions import ActorRef, DateRef, Mentions, PlaceRef, TollRef
from veilleur.records import Article, Event

BACKGROUND_DAYS = 365
NEIGHBOUR_KM = 10.0  # two names for one happening's place (a town and its district)
CLASH_OUTCOMES = frozenset({"Government regains territory", "Non-state actor overtakes territory", "Agreement"})
CIVILIAN_PREFIX = "Civilians"
UNIDENTIFIED = "Unidentified Armed Group ({country})"
MILITARY = "Military Forces of {country}"
CIVILIANS_MAY_ACT = frozenset({"protest", "riot"})
UNDATED_BY_NATURE = frozenset({"weapons"})  # discoveries are reported, rarely dated
NO_DEFAULT_TARGET = frozenset({"weapons", "change", "transfer", "base", "protest", "riot"})
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
AGENT = re.compile(r"\b(?:par|de la part d[eu'])\s*(?:les?|la|l'|des|du)?[\s\"«]*$", re.IGNORECASE)
COMPLEMENT = re.compile(  # "les défenses des terroristes": "des" after a noun is "of the", not an article
    r"\b(?:de|d'|contre|aux|au|à|sur|chez|avec)\s*(?:la\s+|l'|les\s+)?$"
    r"|\b(?!(?:et|ou|que|qui|mais|dont|puis)\b)[a-zéèêëàâîïôûç]{3,}\s+(?:des|du)\s*$"
)
GENITIVE = re.compile(r"\s*(?:(?:de|des|du|d')\s*(?:la\s+|l'|les\s+)?)?", re.IGNORECASE)  # or "attaque terroriste"
TARGET = re.compile(r"\bcontre\s+(?:\w+\s+){0,4}?(?:les?|la|l'|des|du|d')?[\s\"«]*$", re.IGNORECASE)
APPOSED_PLACE = re.compile(r"^\s*,?\s*(?:à|au|dans)\s", re.IGNORECASE)  # "Jaramana, à Damas": one place
PLACE_ANAPHOR = re.compile(
    r"\b(?:cette|ce|la|le) (?:même )?"
    r"(?:(?P<city>ville|localité|cité|bourgade|quartier|village)|(?P<region>province|région))\b(?! d[eu'])",
    re.IGNORECASE,
)
NEAR = re.compile(
    r"(?:près|proximité|abords|environs|autour|alentours|sud|nord|est|ouest)\s+(?:de|d')\s*(?:la\s+|l')?$", re.I
)
ORIGIN = re.compile(  # "en provenance de l'est de Deir Ezzor": where the force came from, not the event
    r"(?:en provenance|venu(?:e|s|es)?|venant|à destination|rejoindre|depuis)\s+(?:de\s+|d')?\s*(?:l'|la\s+|le\s+)?"
    r"(?:(?:nord|sud|est|ouest)(?:-\w+)?\s+(?:de\s+|d')(?:l'|la\s+|le\s+)?)?$",
    re.IGNORECASE,
)
CLAUSE_BREAK = re.compile(r"\s(?:et|puis|mais|avant|après)\s|[;:.]", re.IGNORECASE)
REFERENCE = re.compile(r"\b(?:km|kilomètres?)\b[^.;:]*$", re.IGNORECASE)
BACKGROUND_REACH = 60  # a year ("en 2014") this close to a cue dates it
PLACE_REACH = 100  # a place named further after the cue belongs to another clause
APPOSITION = re.compile(r"^[\s,]*(?:son|leur|ses|leurs) alliée?s?[\s,]*$", re.IGNORECASE)


@dataclass
class _Frame:
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

    def text_between(self, start: int, end: int) -> str:
        return self.text[start:end]


@dataclass
class ArticleContext:
    """The sides the story is about, and the place earlier sentences established."""

    country: str | None
    protagonist: ActorRef | None = None  # the state force the article follows
    adversary: ActorRef | None = None  # the named armed group the article follows
    sides: dict[str, tuple[int, ActorRef]] = field(default_factory=dict)  # name -> (mentions, first mention)
    place: PlaceRef | None = None
    places: list[PlaceRef] = field(default_factory=list)  # places named so far, in order

    @classmethod
    def survey(cls, actors: list[ActorRef], country: str | None) -> ArticleContext:
        """Count who the whole article talks about, to stand in for unnamed or pronoun subjects."""
        context = cls(country=country)
        for actor in actors:
            if actor.name.startswith(CIVILIAN_PREFIX):
                continue
            count, first = context.sides.get(actor.name, (0, actor))
            context.sides[actor.name] = (count + 1, first)
        ranked = sorted(context.sides.values(), key=lambda item: (-item[0], item[1].start))
        context.protagonist = next((a for _, a in ranked if a.state), None)
        context.adversary = next((a for n, a in ranked if not a.state and not a.generic and n >= 2), None)
        return context

    def opponent_of(self, actor: ActorRef) -> ActorRef | None:
        """The most-mentioned side of the other kind (state vs non-state)."""
        ranked = sorted(self.sides.values(), key=lambda item: (item[1].generic, -item[0], item[1].start))
        return next((a for _, a in ranked if a.state != actor.state and a.name != actor.name), None)


def extract_events(
    article: Article,
    annotation: Annotation,
    mentions: Mentions,
    cues: CueLexicon,
    country: str | None,
) -> list[Event]:
    """Events the article reports as having happened, merged within the article."""
    text = article.text
    body_end = cues.body_end(text)
    context = ArticleContext.survey([a for a in mentions.actors if a.start < body_end], country)
    mentions = _with_article_knowledge(text, mentions, context)
    events: list[Event] = []
    previous: list[Event] = []
    recent_dates: list[DateRef] = []  # the last day named, for the next two sentences if they name none
    carried_once = False
    for start, end in annotation.sentences:
        if start >= body_end:
            break
        if _in_long_period_sentence(text, mentions, start, end, cues):
            previous, recent_dates = [], []  # "3250 morts durant les 125 derniers jours": a long-period total, no event
            _update_context(context, text, mentions, start, end, [])
            continue
        frames = _frames_for_sentence(text, (start, end), cues, mentions, annotation)
        current: list[Event] = []
        for frame in frames:
            trigger = frame.trigger
            if (trigger.toll_only or trigger.anaphoric or trigger.category.only_alone) and not frame.places:
                _share_tolls(article, previous, frame.tolls)  # "40 terroristes ont été éliminés."
                continue
            current.extend(_events_from_frame(article, frame, context, article.published, recent_dates))
        tolls = [] if cues.cumulative.search(text, start, end) else mentions.tolls_in(start, end)
        if not frames and tolls and previous:
            # "Dix-sept civils ont été tués." after the sentence that named the strike
            _share_tolls(article, previous[-1:], tolls)
        named_days = [d for d in mentions.dates_in(start, end) if d.kind == "day"]
        recent_dates = named_days[-1:] or (recent_dates if not carried_once else [])
        carried_once = not named_days
        _update_context(context, text, mentions, start, end, current)
        events.extend(current)
        previous = current
    return merge_events(_inherit_dates(events), article.original)


def _inherit_dates(events: list[Event]) -> list[Event]:
    """An undated mention of a place the article dates elsewhere (headline, follow-up) is that day's."""
    dated: dict[str, Event] = {}
    for event in events:
        if "event_date" in event.evidence and event.time_precision == 1:
            dated.setdefault(event.location, event)
    for event in events:
        earlier = dated.get(event.location)
        if earlier is None or "event_date" in event.evidence or event.sub_event_type == "Disrupted weapons use":
            continue  # discoveries are reported, rarely dated
        event.event_date, event.time_precision = earlier.event_date, earlier.time_precision
        for span in earlier.evidence["event_date"]:
            event.add_evidence("event_date", span)
    return events


def _with_article_knowledge(text: str, mentions: Mentions, context: ArticleContext) -> Mentions:
    """Read generic labels and place anaphora with what the whole article says.

    "les terroristes" in a story about one named group is that group; "cette ville" is the town
    named last.
    """
    actors = [
        context.adversary.at(a.start, a.end)
        if context.adversary is not None and a.generic and not a.state and not a.name.startswith(CIVILIAN_PREFIX)
        else a
        for a in mentions.actors
    ]
    places = list(mentions.places)
    for match in PLACE_ANAPHOR.finditer(text):
        wants_region = bool(match.group("region"))
        earlier = [p for p in places if p.end <= match.start() and (p.precision == 3) == wants_region]
        if earlier:
            antecedent = max(earlier, key=lambda p: p.end)
            near = NEAR.search(text[max(0, match.start() - 25) : match.start()])
            places.append(antecedent.at(match.start(), match.end(), 2 if near else antecedent.precision))
    return Mentions(places=places, dates=list(mentions.dates), actors=actors, tolls=list(mentions.tolls))


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
        if not _is_irrealis(text, t, start, cues, annotation)
        and not _is_negated(text, t, start, cues)
        and not cues.generic.search(text, max(start, t.start - IRREALIS_REACH), min(end, t.end + 30))
    ]
    if any(not t.category.only_alone for t in triggers) or cues.cumulative.search(text, start, end):
        triggers = [t for t in triggers if not t.category.only_alone]  # "l'insurrection qui a tué 20 000"
    if not triggers:
        return []
    frames = [
        _Frame(trigger=t, sentence=sentence, text=text, aircraft=bool(cues.aircraft.search(t.text))) for t in triggers
    ]
    sentence_places = [
        p for p in mentions.places_in(start, end) if not ORIGIN.search(text[max(start, p.start - 30) : p.start])
    ]
    described = [p for p in sentence_places if not _is_reference_point(text, p, start)]
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
        frame.actors_before = [a for a in actors if lo <= a.start <= t.start]
        if not frame.actors_before:
            frame.actors_before = [a for a in actors if a.start <= t.start][-1:]
        frame.actors_after = [a for a in actors if t.start < a.start < hi]
        if not cumulative:
            frame.tolls = [x for x in mentions.tolls_in(start, end) if lo <= x.start < hi or lo < x.end <= hi]
    return _drop_subsumed_frames(frames)


def _drop_subsumed_frames(frames: list[_Frame]) -> list[_Frame]:
    """Several cues of one category in one clause are one event ("a bombardé ... frappes")."""
    kept: list[_Frame] = []
    for frame in frames:
        previous = kept[-1] if kept else None
        if previous is not None and previous.trigger.category == frame.trigger.category:
            placed_before = any(p.start >= previous.trigger.end for p in previous.places)
            one_clause = not CLAUSE_BREAK.search(frame.text, previous.trigger.end, frame.trigger.start)
            if not frame.places or (not placed_before and one_clause):
                # "Les avions de guerre de la coalition ... en bombardant le marché de Hodeïdah"
                if not placed_before:
                    previous.places = frame.places or previous.places
                previous.actors_after += [a for a in frame.actors_after if a not in previous.actors_after]
                previous.tolls += [x for x in frame.tolls if x not in previous.tolls]
                previous.dates += [d for d in frame.dates if d not in previous.dates]
                continue
        kept.append(frame)
    return kept


def _is_reference_point(text: str, place: PlaceRef, sentence_start: int) -> bool:
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
    left = text[max(sentence_start, actor.start - 30) : actor.start]
    verbs = list(cues.attribution.finditer(left))
    return bool(verbs) and len(left[verbs[-1].end() :].split()) <= 3


# --- events ---------------------------------------------------------------------------------------


def _events_from_frame(
    article: Article,
    frame: _Frame,
    context: ArticleContext,
    published: date | None,
    recent_dates: list[DateRef],
) -> list[Event]:
    when = _event_date(frame, published, recent_dates)
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
            if actor1 is not None and (actor1.state or actor1.government_ally)
            else category.non_state_sub_event_type
        )
    elif category.state_actor1 and actor1 is not None and not actor1.state and category.non_state_sub_event_type:
        sub_event_type = category.non_state_sub_event_type  # "les rebelles ont bombardé": no air force
    refined = category.refine(frame.text, *frame.sentence)
    if refined is not None:
        event_type, sub_event_type = refined
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
        if actor2 is not None and actor2.start == actor2.end and actor2.name.startswith(CIVILIAN_PREFIX):
            for toll in frame.tolls:  # the victims are known from the toll ("21 civils tués")
                event.add_evidence("actor2", article.span(toll.start, toll.end))
        for toll in frame.tolls:
            event.add_evidence("fatalities", article.span(toll.start, toll.end))
        events.append(event)
    return events


def _event_date(
    frame: _Frame, published: date | None, recent_dates: list[DateRef]
) -> tuple[date, int, DateRef | None] | None:
    """The day and its precision, or None when the event is background history."""
    if published is None:
        return None
    trigger = frame.trigger
    if any(_dates_trigger_to_the_past(d, frame, published) for d in frame.dates):
        return None
    days = [d for d in frame.dates if d.kind in ("day", "week", "month")]
    if not days and recent_dates and frame.trigger.category.name not in UNDATED_BY_NATURE:
        days = recent_dates  # the story goes on from the day the previous sentence named
    if not days:
        return published, 2, None
    nearest = min(days, key=lambda d: _distance(d, trigger))
    if nearest.value > published or nearest.value < published - timedelta(days=BACKGROUND_DAYS):
        return None
    return nearest.value, min(nearest.precision, 3), nearest


def _dates_trigger_to_the_past(mention: DateRef, frame: _Frame, published: date) -> bool:
    """"conquis en 2014", "enlevés par Daech en 2014": a year close after the cue (or before it in the
    same clause) makes the event background history."""
    if mention.kind != "year" or mention.value.year >= published.year - 1:
        return False
    trigger = frame.trigger
    if mention.start >= trigger.end:
        return mention.start - trigger.end <= BACKGROUND_REACH
    between = frame.text_between(mention.end, trigger.start)
    return len(between) <= BACKGROUND_REACH and not CLAUSE_BREAK.search(between)


def _distance(mention: DateRef, trigger: Trigger) -> int:
    return max(0, mention.start - trigger.end, trigger.start - mention.end)


def _event_places(text: str, frame: _Frame, context: ArticleContext) -> list[PlaceRef]:
    """The place(s) of the event: coordinated places split into one event each."""
    trigger = frame.trigger
    after = [p for p in frame.places if trigger.end <= p.start <= trigger.end + PLACE_REACH]
    before = [p for p in frame.places if p.end <= trigger.start]
    chosen: list[PlaceRef] = []
    if after:
        chosen = [after[0]]
        for place in after[1:]:
            gap = text[chosen[-1].end : place.start]
            if COORDINATION.match(gap) and not APPOSED_PLACE.match(gap):
                chosen.append(place)
            else:
                break
    elif before:
        chosen = [before[-1]]
    elif far_after := [p for p in frame.places if p.start >= trigger.end]:
        chosen = far_after[:1]
    elif context.place is not None and not frame.country_level:
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
    frame: _Frame,
    context: ArticleContext,
    place: PlaceRef,
) -> tuple[ActorRef | None, list[ActorRef], ActorRef | None, list[ActorRef]]:
    """actor1 (who acts), its allies, actor2 (who is acted upon), its allies."""
    category = frame.trigger.category
    if category.crowd:
        return _crowd_sides(frame, place)
    before, named_victims = frame.actors_before, []
    if category.name not in CIVILIANS_MAY_ACT:
        # civilians are acted upon, whatever the word order ("21 civils tués par des raids")
        named_victims = [a for a in before if a.name.startswith(CIVILIAN_PREFIX)]
        before = [a for a in before if a not in named_victims]
    # "une attaque contre une base des forces de sécurité": the forces are the target wherever they stand
    targets = [a for a in before if TARGET.search(text[max(0, a.start - 40) : a.start])]
    # "les défenses des terroristes de Daesh, brisant le siège": a complement is not the subject
    subjects = [a for a in before if a not in targets and not COMPLEMENT.search(text[max(0, a.start - 12) : a.start])]
    subject_group = _coordinated(text, subjects, reverse=True)
    object_group = _coordinated(text, frame.actors_after, reverse=False) or targets
    genitive = (
        object_group
        and object_group[0].start >= frame.trigger.end
        and GENITIVE.fullmatch(text[frame.trigger.end : object_group[0].start])
    )
    if not subject_group and category.genitive_agent and genitive:
        # "une attaque des islamistes shebab contre l'hôtel": the genitive of an action noun acts
        subject_group, object_group = object_group[:1], object_group[1:] or targets
    if frame.trigger.passive:
        agents = [a for a in frame.actors_after if AGENT.search(text[max(0, a.start - 12) : a.start])]
        subject_group, object_group = agents[:1], subject_group or object_group
    if frame.trigger.inverted:
        subject_group, object_group = object_group, subject_group
    if category.self_directed:
        group = subject_group or object_group
        subject_group, object_group = group[:1], group[:1]
    actor1 = subject_group[0] if subject_group else None
    if actor1 is not None and category.state_actor1 and not actor1.state and frame.aircraft:
        actor1 = None  # "les victimes des raids", "frappes": a non-state group has no aircraft
    if actor1 is None and category.context_actor1 and not frame.trigger.inverted:
        actor1 = context.protagonist
    victims = named_victims[:1] or _victim_actor(frame.tolls, place.country, category.event_type)
    if victims and not (object_group and object_group[0].state and category.name == "clash"):
        object_group = list(victims)
    actor2 = object_group[0] if object_group else None
    if actor1 is None:
        actor1 = _default_actor1(frame, actor2, place.country)
    if actor2 is None and actor1 is not None and category.name not in NO_DEFAULT_TARGET:
        actor2 = context.opponent_of(actor1)
    if actor2 is not None and actor1 is not None and actor2.name == actor1.name and not category.self_directed:
        actor2 = context.opponent_of(actor1)
    assoc1 = [a for a in subject_group[1:] if actor1 is None or a.name != actor1.name]
    assoc2 = [a for a in object_group[1:] if actor2 is None or a.name != actor2.name]
    if actor1 is not None and actor1.generic and place.country and actor1.country != place.country:
        actor1 = actor1.for_country(place.country)
    return actor1, _unique(assoc1), actor2, _unique(assoc2)


def _crowd_sides(
    frame: _Frame, place: PlaceRef
) -> tuple[ActorRef | None, list[ActorRef], ActorRef | None, list[ActorRef]]:
    """Protesters or rioters act; the force that intervenes (or the crowd's victim) is acted upon."""
    crowd_name = frame.trigger.category.crowd.format(country=place.country)
    actors = frame.actors_before + frame.actors_after
    crowd = next((a for a in actors if a.name == crowd_name), None)
    crowd = crowd or ActorRef.synthetic(crowd_name, place.country, state=False)
    others = [a for a in actors if a.name != crowd_name]
    target = next((a for a in others if a.state), None) or next(iter(others), None)
    return crowd, [], target, []


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


def _victim_actor(tolls: list[TollRef], country: str, event_type: str) -> list[ActorRef]:
    """Civilians when the toll says so, or when a bombing's dead are not said to be fighters."""
    remote = event_type == "Explosions/Remote violence"
    if country and any((toll.civilian or remote and toll.unspecified) and toll.count > 0 for toll in tolls):
        return [ActorRef.synthetic(f"{CIVILIAN_PREFIX} ({country})", country, state=False)]
    return []


def _default_actor1(frame: _Frame, actor2: ActorRef | None, country: str) -> ActorRef | None:
    if not country:
        return None
    category = frame.trigger.category.name
    if category in ("territory", "air", "weapons", "arrest") and (actor2 is None or not actor2.state):
        return ActorRef.synthetic(MILITARY.format(country=country), country, state=True)
    return ActorRef.synthetic(UNIDENTIFIED.format(country=country), country, state=False)


def _fatalities(tolls: list[TollRef], places: int) -> list[int]:
    """Killed per place: the largest toll of the clause, split evenly, remainder to the first."""
    total = max((t.count for t in tolls), default=0)
    share, remainder = divmod(total, places)
    return [share + (remainder if i == 0 else 0) for i in range(places)]


def _share_tolls(article: Article, events: list[Event], tolls: list[TollRef]) -> None:
    """A toll for the events just told, split evenly, the remainder to the first (codebook section 6)."""
    count = max((t.count for t in tolls), default=0)
    if not events or count == 0:
        return
    for event, share in zip(events, _fatalities(tolls, len(events)), strict=True):
        event.fatalities = max(event.fatalities, share)
        for toll in tolls:
            event.add_evidence("fatalities", article.span(toll.start, toll.end))
        if "actor2" not in event.evidence and any(t.civilian for t in tolls) and event.country:
            event.actor2 = f"{CIVILIAN_PREFIX} ({event.country})"
            event.add_evidence("actor2", article.span(tolls[0].start, tolls[0].end))


def _in_long_period_sentence(text: str, mentions: Mentions, start: int, end: int, cues: CueLexicon) -> bool:
    """Deaths summed over "les 125 derniers jours" are a long-period total, not an event."""
    return any(
        d.kind == "period" and not cues.short_period.search(text, d.start, d.end) for d in mentions.dates_in(start, end)
    )


def _update_context(
    context: ArticleContext, text: str, mentions: Mentions, start: int, end: int, events: list[Event]
) -> None:
    """The story's current place: where the sentence's event happened, else the last place it named."""
    places = [p for p in mentions.places_in(start, end) if not _is_reference_point(text, p, start)]
    located = [p for p in places if events and p.name == events[0].location]
    if located or places:
        context.place = (located or places)[-1]


# --- merging --------------------------------------------------------------------------------------


def merge_events(events: Sequence[Event], original: str = "") -> list[Event]:
    """One event per sub-event type x place x day (codebook section 1), then two folds:

    an event that is one face of another at the same place and day is folded into it (see
    ``_part_of``); a province-level event is dropped when the article also reports a finer event of
    that type in that province on that day (a lead summarising the details).
    """
    merged: dict[tuple[str, str, str], Event] = {}
    for event in events:
        key = (event.sub_event_type, event.location, event.event_date)
        kept = merged.get(key)
        if kept is None:
            merged[key] = event
        else:
            _absorb(kept, event, original)
    result = _merge_neighbours(list(merged.values()), original)
    out = []
    for event in result:
        absorber = next((other for other in result if other is not event and _part_of(event, other)), None)
        if absorber is not None:
            absorber.fatalities = max(absorber.fatalities, event.fatalities)
            continue
        if _summarised_by_details(event, result):
            continue
        out.append(event)
    return out


def _part_of(event: Event, other: Event) -> bool:
    """Is ``event`` one face of ``other``, the way the codebook codes it once?

    The fighting for a captured place is the capture; a car bomb driven by a suicide attacker is the
    suicide bombing; civilians killed by a strike are the strike.
    """
    clash = event.sub_event_type == "Armed clash"
    if clash and other.sub_event_type in CLASH_OUTCOMES and _same_sentence(event, other):
        return True  # "a repris Mayadine après de violents combats", "capitulation à l'issue de combats"
    if event.location != other.location:
        return False
    same_day = event.event_date == other.event_date or "event_date" not in event.evidence
    if not same_day:
        return False
    if event.sub_event_type == "Armed clash":
        return other.event_type == "Battles" and other.sub_event_type.endswith("territory")
    if event.sub_event_type == "Remote explosive/landmine/IED":
        return other.sub_event_type == "Suicide bomb"
    if event.event_type == "Violence against civilians" and event.sub_event_type == "Attack":
        return other.event_type == "Explosions/Remote violence"
    return False


def _merge_neighbours(events: list[Event], original: str) -> list[Event]:
    """"une frappe sur Hodeïdah ... une maison du quartier d'Al Hali": one strike, two names for its place."""
    out: list[Event] = []
    for event in events:
        twin = next((kept for kept in out if _same_happening_nearby(kept, event)), None)
        if twin is None:
            out.append(event)
        else:
            _absorb(twin, event, original)
    return out


def _same_happening_nearby(a: Event, b: Event) -> bool:
    if (a.sub_event_type, a.actor1) != (b.sub_event_type, b.actor1):
        return False
    if a.event_date != b.event_date and "event_date" in a.evidence and "event_date" in b.evidence:
        return False
    if _same_sentence(a, b):
        return False  # "Jobar et Zamalka": places named together are distinct events
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return _km(a, b) <= NEIGHBOUR_KM


def _same_sentence(a: Event, b: Event) -> bool:
    return bool(set(a.evidence.get("sentence", [])) & set(b.evidence.get("sentence", [])))


def _km(a: Event, b: Event) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _absorb(kept: Event, other: Event, original: str) -> None:
    """Fold a second report of the same event into the first.

    Tolls: two figures in one paragraph are parts of the story ("sept ... puis cinq morts") and add
    up; figures in different paragraphs come from different sources, and the lowest wins.
    """
    kept.fatalities = _combined_toll(kept, other, original)
    kept.time_precision = min(kept.time_precision, other.time_precision)
    for name in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
        mine, theirs = getattr(kept, name), getattr(other, name)
        # a victim the text names beats an opponent the article only implies
        named_victims = name == "actor2" and theirs.startswith(CIVILIAN_PREFIX) and name not in kept.evidence
        better = not mine or named_victims or (_is_generic_name(mine) and not _is_generic_name(theirs))
        other_side = kept.actor2 if name == "actor1" else kept.actor1 if name == "actor2" else ""
        if theirs and better and theirs != other_side:
            setattr(kept, name, theirs)
    for name, spans in other.evidence.items():
        for span in spans:
            kept.add_evidence(name, span)


def _combined_toll(kept: Event, other: Event, original: str) -> int:
    a, b = kept.fatalities, other.fatalities
    if not a or not b or a == b:
        return max(a, b)
    if _same_paragraph(kept, other, original):
        return a + b
    return min(a, b)


def _same_paragraph(a: Event, b: Event, original: str) -> bool:
    first, second = a.evidence.get("sentence", [])[-1:], b.evidence.get("sentence", [])[:1]
    if not first or not second or not original:
        return False
    lo, hi = sorted((first[0].end, second[0].start))
    return "\n" not in original[lo:hi]


def _is_generic_name(name: str) -> bool:
    return name.startswith("Unidentified")


def _summarised_by_details(event: Event, events: list[Event]) -> bool:
    if event.geo_precision != 3:
        return False
    undated = "event_date" not in event.evidence
    return any(
        other is not event
        and other.sub_event_type == event.sub_event_type
        and other.admin1 == event.admin1
        and other.geo_precision < 3
        and (undated or other.event_date == event.event_date)
        and (other.actor1 == event.actor1 or _is_generic_name(other.actor1) or _is_generic_name(event.actor1))
        for other in events
    )
