"""Assemble events from triggers and resolved mentions, sentence by sentence.

Each trigger (a lemma pattern of ``event_triggers.json`` found on the parse: "ont repris", "frappe
aérienne") opens one candidate event unless its clause reports no fact (:mod:`veilleur.extract.frames`).
The tree names the sides where it can (subject, "par"-agent, object, an action noun's complement) and the
places hung on the trigger; the sentence's other mentions are shared out by position. What the text
reports as planned, feared or generic is left out, and so is what happened more than a year before
publication (codebook section 1).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from veilleur.annotate import Annotation, Token
from veilleur.extract.cues import (
    AIR_STRIKE,
    ARMED_CLASH,
    CIVILIAN_ATTACK,
    MOB_VIOLENCE,
    PEACEFUL_PROTEST,
    REMOTE_VIOLENCE,
    VIOLENT_DEMONSTRATION,
    CueLexicon,
    Trigger,
    opens_with,
)
from veilleur.extract.frames import (
    CLAUSE_BREAK,
    CountedPlace,
    Frame,
    count_before,
    day_starts,
    first_person_sides,
    frames_for_sentence,
    is_a_source,
    is_reference_point,
    listed_together,
    names_an_origin,
    opens_a_period,
    periods_opened,
    situates,
)
from veilleur.extract.grammar import CLAUSE_DEPS, Tree, past_relative_clauses
from veilleur.extract.mentions import (
    CROWD_PREFIXES,
    PROTESTERS,
    RIOTERS,
    ActorRef,
    DateRef,
    Mentions,
    PlaceRef,
    TollRef,
)
from veilleur.extract.merge import (
    ANOTHER,
    APART,
    ATTACK_NOUNS,
    NEIGHBOUR_KM,
    SEQUEL,
    day_in_span,
    inherit_dates,
    merge_events,
    told_by_no_figure,
    unnamed_actor1,
)
from veilleur.extract.revise import armed_groups_first, crowd_clashes, revise, told_as_fighting
from veilleur.extract.revise import unclaimed as revise_unclaimed
from veilleur.extract.sides import (
    CIVILIAN_PREFIX,
    MILITARY_PREFIX,
    POLICE_PREFIX,
    UNIDENTIFIED_PREFIX,
    ArticleContext,
    sides,
    unidentified_group,
)
from veilleur.extract.triggers import TriggerLexicon
from veilleur.records import Article, Event, great_circle_km
from veilleur.resolve.dates import month_end
from veilleur.resolve.numbers import parse_quantity
from veilleur.resolve.places.cues import area_nouns

BACKGROUND_DAYS = 365
UNDATED_BY_NATURE = frozenset({"weapons"})  # discoveries are reported, rarely dated
# the event types no act of violence is: an anaphor ("l'attaque", "ces frappes") never tells one of them again
NON_VIOLENT_TYPES = frozenset({"Strategic developments", "Protests"})
BACKGROUND_REACH = 60  # a year ("en 2014") this close to a cue dates it
DAY_CARRIED_SENTENCES = 2  # a day named carries to the next two sentences that name none
PERIOD_START_REACH = 30  # "qui ont débuté le " before a day
REPORTED_DAY_REACH = 25  # "a indiqué mardi": a day right after a verb of saying dates the saying
PLACE_REACH = 100  # a place named further after the cue belongs to another clause
# an anaphor that adds ("également") a town this far from every event told tells another one: a town of its own,
# not a second name for the place told (merge.NEIGHBOUR_KM: a town and its district)
ANOTHER_PLACE_KM = NEIGHBOUR_KM
EACH_PLACE_REACH = 60  # characters after a toll to "dans chacune des localités"


def extract_events(
    article: Article,
    annotation: Annotation,
    mentions: Mentions,
    cues: CueLexicon,
    country: str | None,
    triggers: TriggerLexicon,
) -> list[Event]:
    """Events the article reports as having happened, merged within the article."""
    text = article.text
    body_end = cues.body_end(text)
    # the state force the story follows is one it tells acting, not the one it quotes ("selon la police", "un
    # officier de police a indiqué")
    # ... nor one a link to another article names ("Lire aussi : ... la Police de Kinshasa")
    links = [(start, end) for start, end in annotation.sentences if start < body_end and cues.is_link(text, start, end)]
    surveyed = [a for a in mentions.actors if a.start < body_end and not any(lo <= a.start < hi for lo, hi in links)
                and not (a.state and _a_source(text, a, annotation, cues))]
    context = ArticleContext.survey(surveyed, country, text)
    mentions = _with_article_knowledge(text, mentions, context, cues)
    events: list[Event] = []
    previous: list[Event] = []
    # the last day named, and how many sentences ago: the next sentences that name none take it (or any later
    # one that says it goes on, "le même jour")
    last_day: list[DateRef] = []
    since_day = 0
    # an article known by its month only is dated by the first day it names in that month: the day it reports
    # ("Dimanche 3 décembre 2023.") is the best guess for what it tells with no day of its own
    article_day = [] if article.published_precision != "month" or article.published is None else [
        d for d in mentions.dates if d.kind == "day" and d.start < body_end
        and article.published <= d.value <= month_end(article.published)][:1]
    unclaimed: list[tuple[int, int]] = []  # the spans of text that tell attacks the text says were not claimed
    placeless: Frame | None = None  # an event told with no place yet ("a frappé un véhicule dans le centre")
    placeless_told: list[Frame] = []  # every event its sentence told with no place, the last one ``placeless``
    # the events the last sentence that told any told: a toll that says it adds to the dead told before ("un
    # assaillant a également été tué") is theirs, though sentences with no cue came between
    last_told: list[Event] = []
    waiting_lead: Frame | None = None  # a lead told by an attack's word with a toll and no place, for the next sentence
    for start, end in annotation.sentences:
        if start >= body_end:
            break
        if cues.is_link(text, start, end) or cues.is_caption(text, start, end) or (
                _is_subheading(text, annotation, start, end) and not mentions.places_in(start, end)):
            # "Lire aussi : ..." names another article's event; a caption describes a photo; a subheading that
            # names no place announces the paragraphs below it (one that does may name events of its own:
            # "Des heurts aussi à Lorient et Nantes")
            continue
        frames = _tolls_to_the_placed(frames_for_sentence(text, (start, end), cues, mentions, annotation, triggers))
        if (waiting_lead is not None and placeless is waiting_lead
                and waiting_lead.sentence[1] < _previous_end(annotation, start)):
            placeless = waiting_lead = None  # only the next sentence may place it
        if not frames and _in_long_period_sentence(text, mentions, start, end, cues):
            # "3250 morts durant les 125 derniers jours": a long-period total
            previous, last_day, last_told = [], [], []
            _update_context(context, text, mentions, start, end, [])
            continue
        if last_day and cues.tells_the_same_day(text, start, end):
            since_day = 1  # "Puis, dans la soirée, ... ont attaqué le village"
        recent_dates = (last_day if since_day <= DAY_CARRIED_SENTENCES else []) or article_day
        current: list[Event] = []
        retold: list[Event] = []  # events an anaphor of this sentence tells again
        for frame in frames:
            trigger = frame.trigger
            if (trigger.anaphoric or trigger.toll_only) and placeless is not None and frame.places and not (
                    events or current) and _tells_again(trigger, placeless):
                # "tués par un engin explosif ... dans une attaque. L'engin a explosé près de X": the anaphor places
                # the placeless event of its own kind
                placeless = _of_the_anaphors_kind(trigger, placeless_told) or placeless
                # "... tuant 24 personnes. L'attaque a eu lieu près de Rahad": the next sentence places it; so do
                # deaths told with a place after it ("L'Iran a lancé des missiles ... une femme a été tuée à Haïfa")
                tolls = frame.tolls if trigger.toll_only else placeless.tolls
                current.extend(_events_from_frame(article, replace(placeless, places=frame.places, tolls=tolls,
                                                                   dates=placeless.dates or frame.dates),
                                                  context, recent_dates, cues))
                placeless = None
                continue
            another_time = trigger.anaphoric and (_another_time(article, frame, events + current)
                                                  or _another_place(frame, _of_its_kind(trigger, events + current)))
            if trigger.anaphoric and (events or current) and not frame.unplaced and not another_time:
                # "l'attaque", "ces frappes" once an event has been told: the same event, told again (an unknown
                # village named with it is another one: "l'attaque du village de Ngurahi")
                pointed = previous or current or _last_told(annotation, trigger, frame, events)
                told_again = _of_its_kind(trigger, pointed)
                _share_tolls(article, told_again, frame.tolls, cues)
                _date_told_again(article, told_again, frame)
                _place_told_again(article, told_again, frame)
                retold.extend(e for e in told_again if e not in retold)
                continue
            if (trigger.toll_only or trigger.anaphoric or trigger.category.only_alone) and not (
                frame.places or frame.unplaced or another_time
            ):
                # "40 terroristes ont été éliminés.", but not deaths its clause dates to another day ("Il y a deux
                # jours, 38 personnes ont été tuées" after a march told today)
                told_before = previous or _added_to(frame.tolls, last_told)
                if not (trigger.toll_only and _another_time(article, frame, told_before)):
                    _share_tolls(article, told_before, frame.tolls, cues)
                if (not (told_before or events or current) and frame.tolls and placeless is None
                        and not (frame.unplaced or trigger.toll_only)):
                    # "l'ELN a mené une attaque qui a fait deux morts. ... touchés par l'explosion près d'El Tarra":
                    # a lead that opens the story with a toll and no place waits for the sentence that places it
                    placeless = waiting_lead = frame
                continue
            if placeless is not None and not (events or current) and _places_the_lead(placeless, frame):
                # "Deux civils ont été tués samedi par un engin explosif ... Samedi, c'est un camion qui a heurté
                # un engin explosif près de Tessalit": the lead's toll, told with no place, is the placed event's
                frame = replace(frame, tolls=placeless.tolls)
                if not (frame.actors_before or frame.actors_after or frame.agents or frame.patients):
                    # "De violents affrontements ont éclaté entre l'armée et les rebelles Fano, faisant neuf morts. Les
                    # combats ont eu lieu à Debark": the sides the lead names are the placed event's, not the story's
                    # (told across the two sentences: the lead's names are this event's evidence)
                    frame = replace(frame, actors_before=placeless.actors_before, actors_after=placeless.actors_after,
                                    agents=placeless.agents, patients=placeless.patients,
                                    sentence=(placeless.sentence[0], frame.sentence[1]))
                placeless = None
            told = _events_from_frame(article, frame, context, recent_dates, cues)
            if (trigger.toll_only or _attack_noun(trigger)) and (events or current):
                # (deaths told with no means are the strikes' by the side standing in for their author, as attacks
                # the text says are alike)
                _as_the_strikes_told(told, (events + current)[-1],
                                     trigger.toll_only or cues.alike.match(text, trigger.end) is not None)
            if not told and not frame.places and not trigger.anaphoric:
                placeless_told = [*(f for f in placeless_told if f.sentence == frame.sentence), frame]
                placeless = frame
            current.extend(told)
        if not frames and (hit := _hardest_hit(text, annotation, (start, end), mentions, triggers)) is not None:
            if placeless is not None and not (events or current) and _tells_again(placeless.trigger, placeless):
                # "L'armée a lancé des missiles vers des zones urbaines, tuant six civils. La ville d'Ariha a été
                # particulièrement touchée": the place the lead struck hardest places it
                current.extend(_events_from_frame(
                    article, replace(placeless, places=[hit], tolls=placeless.tolls or mentions.tolls_in(start, end)),
                    context, recent_dates, cues))
                placeless = None
            else:
                # "... plusieurs villages de la région de Mopti. Le village de Sévaré a été le plus touché": the lead
                # placed by its province only is placed where it struck hardest (codebook section 4)
                _narrow_to(article, previous or last_told, hit)
        if (told_last := current or previous or last_told) and (
                one_by_one := _told_one_by_one(article, annotation, (start, end), mentions, triggers, told_last[-1])):
            # "Deux attaques ont visé la région. La première a eu lieu lundi à A ... La seconde, mercredi, à B"
            current.extend(one_by_one)
        if not frames and events:
            current.extend(_done_elsewhere_too(article, annotation, (start, end), mentions, triggers, events)
                           or _counted_elsewhere(article, annotation, (start, end), mentions, cues, events)
                           or _its_turn(article, (start, end), mentions, cues, events))
        # "Dix-sept civils ont été tués." after the sentence that named the strike (the sentence is read for
        # a total only then)
        tolls = mentions.tolls_in(start, end) if not frames else []
        # "le bilan est de quatre morts": the sentence gives the toll of what was told
        counted = bool(tolls) and cues.toll_sentence.search(text, start, end) is not None
        told_before = previous or _added_to(tolls, last_told) or _untolled_given(tolls, last_told, counted)
        tolls = tolls if told_before else []
        summed = tolls and cues.totals_a_period(text, start, end, day_starts(mentions, start, end))
        if tolls and not summed and not _dates_another_day(mentions, start, end, told_before[-1], counted):
            _share_tolls(article, _told_with_the_last(told_before, events), tolls, cues)
        if cues.unclaimed.search(text, start, end):
            # "l'assaut, qui n'a pas été revendiqué": the sentence's own events; "L'attentat n'a pas été
            # revendiqué": those told before (see _unclaimed)
            unclaimed.append((start if current else 0, end))
        elif previous and cues.claim.search(text, start, end):
            _credit_claim(article, previous, mentions.actors_in(start, end))
        # the day the story goes on from is a day the sentence tells of, not the day it was reported on ("... ont
        # été tués lundi à Koutougou, ont indiqué mardi des sources")
        named_days = [d for d in mentions.dates_in(start, end) if d.kind == "day"
                      and not cues.follows_attribution(text, d.start, reach=REPORTED_DAY_REACH, max_words=0)]
        if named_days:
            recalled = _past_descriptions(annotation, start, end)
            named_days = [d for d in named_days if not any(lo <= d.start < hi for lo, hi in recalled)]
        # ... not one every cue of the sentence reads as another thing's ("l'explosion survenue le 4 août")
        named_days = [d for d in named_days if not frames or not all(d in f.others_days for f in frames)]
        # ... nor the day a movement began, long before ("les manifestations qui ont débuté le 25 septembre"): the
        # sentences after it tell what goes on since, not that day
        named_days = [d for d in named_days if not (opens_a_period(d, article.published) and cues.period_start.search(
            text, max(start, d.start - PERIOD_START_REACH), d.start))]
        if named_days and any(opens_a_period(d, article.published) for d in named_days):
            # ... nor the day of an event a period runs from ("retranchés depuis l'attaque de Brazzaville, dans la nuit
            # du 3 au 4 avril")
            opened = periods_opened(text, annotation, start, end, mentions, triggers.period_marks)
            named_days = [d for d in named_days if d not in opened]
        last_day, since_day = (named_days[-1:], 1) if named_days else (last_day, since_day + 1)
        if current and (apart := cues.opens_apart(text, start, end)) is not None:
            # "Ailleurs, les forces ont abattu trois militants": another happening than those told before (merge
            # keeps it apart from them)
            for event in current:
                event.add_evidence(APART, article.span(apart.start(), apart.end()))
        elif current and (sequel := cues.sequel.match(text, start, end)) is not None:
            # "Peu après, une kamikaze s'est fait exploser au même endroit": what happened next
            for event in current:
                event.add_evidence(SEQUEL, article.span(sequel.start(), sequel.end()))
        _update_context(context, text, mentions, start, end, current)
        events.extend(current)
        # "L'attaque s'est déroulée près de la rivière. Cette attaque a coûté la vie à douze personnes": a
        # sentence that only tells an event again keeps it the one the next sentence goes on about
        previous = current or retold
        last_told = previous or last_told
    merged = armed_groups_first(merge_events(inherit_dates(crowd_clashes(events, annotation, cues)), cues))
    revise_unclaimed([e for e in merged if any(lo <= span.start < hi for span in e.evidence.get("trigger", [])
                                               for lo, hi in unclaimed)])
    return revise(merged, cues, country, _policed(text, surveyed, cues))


def _policed(text: str, actors: list[ActorRef], cues: CueLexicon) -> set[str]:
    """The countries whose police the story tells of, and not their army (by words that say which: "policiers",
    "soldats"; not "les forces de sécurité", which may be either; ``actors`` leaves out the forces it quotes)."""
    police: Counter[str] = Counter()
    army: Counter[str] = Counter()
    for actor in actors:
        if text[actor.start : actor.end].lower().startswith(cues.crowd_police_words):
            continue
        if actor.name.startswith(POLICE_PREFIX):
            police[actor.country] += 1
        elif actor.name.startswith(MILITARY_PREFIX):
            army[actor.country] += 1
    return {country for country in police if country and not army[country]}


def _tolls_to_the_placed(frames: list[Frame]) -> list[Frame]:
    """"Tous trois ont succombé lors de heurts entre des manifestants et la police à Gizeh": a toll the parse gave a
    cue of the sentence that has no place is the toll of the sentence's placed cue that has none."""
    placed = [f for f in frames if f.places or f.unplaced]
    unplaced = [f for f in frames if not (f.places or f.unplaced) and f.tolls and not f.trigger.anaphoric]
    if not placed or not unplaced or any(f.tolls for f in placed):
        return frames
    tolls = list(dict.fromkeys(t for f in unplaced for t in f.tolls))
    given = {id(f) for f in unplaced}
    return [replace(f, tolls=tolls) if f is placed[0] else replace(f, tolls=[]) if id(f) in given else f
            for f in frames]


def _previous_end(annotation: Annotation, start: int) -> int:
    """Where the sentence before the one at ``start`` ends (-1 for the first)."""
    return max((e for _, e in annotation.sentences if e <= start), default=-1)


def _untolled_given(tolls: list[TollRef], last_told: list[Event], counted: bool) -> list[Event]:
    """The events told last, when they have no toll yet and the sentence gives the toll of what the story told ("le
    bilan est de quatre gendarmes et 14 soldats tués"), though sentences with no cue came between; else none (a
    figure for an event that has one is another source's, see _share_tolls)."""
    if not tolls or not last_told or any(e.fatalities for e in last_told):
        return []
    return last_told if counted else []


def _added_to(tolls: list[TollRef], last_told: list[Event]) -> list[Event]:
    """The events told last, when every toll of ``tolls`` says its dead add to those told before ("un assaillant a
    également été tué"), else none."""
    return last_told if tolls and all(t.additive for t in tolls) else []


def _a_source(text: str, actor: ActorRef, annotation: Annotation, cues: CueLexicon) -> bool:
    """"selon l'armée", "a indiqué un responsable de la police": a side named as who reports, not as who acts."""
    floor = max((start for start, _ in annotation.sentences if start <= actor.start), default=0)
    return is_a_source(text, actor, floor, cues)


SUBHEADING_MAX_WORDS = 10
SENTENCE_END = ".!?…:;"


def _is_subheading(text: str, annotation: Annotation, start: int, end: int) -> bool:
    """A short line of its own inside the article, with no finite verb and no final stop ("Une riposte
    aérienne", "« Un carnage »"): a subheading names in a few words what the paragraphs below it tell.
    The article's first line is its headline, which may be the only place a lead's event is named."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    if line != text[start:end].strip() or not text[:line_start].strip() or not text[end:].strip():
        return False
    bare = line.strip(" «»\"'“”")
    words = bare.split()
    if not words or len(words) > SUBHEADING_MAX_WORDS or bare[-1] in SENTENCE_END:
        return False
    return not any(t.feature("VerbForm") == "Fin" for t in annotation.tokens_within(start, end))


def _last_told(annotation: Annotation, anaphor: Trigger, frame: Frame, events: list[Event]) -> list[Event]:
    """"... une attaque. Le bilan fait état de dix morts. L'attaque a été enregistrée à X": a sentence with no cue
    between them does not leave a singular anaphor pointing at nothing; it tells the last event told again (the
    last at the place it names, or in the province it places, when it names one). A plural ("les attaques") as often
    sums the story's events."""
    word = annotation.tokens[anaphor.token] if 0 <= anaphor.token < len(annotation.tokens) else None
    if word is None or word.feature("Number") != "Sing" or not events:
        return []
    if not frame.places:
        return events[-1:]
    named = {p.name for p in frame.places}
    provinces = {p.admin1 for p in frame.places if p.admin1}
    return [e for e in events if e.location in named or e.geo_precision == 3 and e.admin1 in provinces][-1:]


def _of_its_kind(anaphor: Trigger, events: list[Event]) -> list[Event]:
    """The events an anaphor can point back to: "l'attentat" after a march against it is not the march."""
    crowd = bool(anaphor.category.crowd)
    return [e for e in events if e.actor1.startswith(CROWD_PREFIXES) == crowd]


def _of_the_anaphors_kind(anaphor: Trigger, placeless: list[Frame]) -> Frame | None:
    """The last event told with no place whose cue is of the anaphor's category ("l'engin" for "un engin
    explosif"), if any."""
    return next((f for f in reversed(placeless) if f.trigger.category.name == anaphor.category.name), None)


def _tells_again(anaphor: Trigger, placeless: Frame) -> bool:
    """Can ``anaphor`` be the placeless event told again? "l'attaque", "la frappe" name an act of violence:
    after "des arrestations ici et là" with no place, "après l'attaque ... de Rusaka le 16 avril" is an attack
    of its own, not the arrests placed (a toll with no cue of its own places whatever was told)."""
    return anaphor.toll_only or placeless.trigger.category.event_type not in NON_VIOLENT_TYPES


def _places_the_lead(lead: Frame, frame: Frame) -> bool:
    """Does ``frame`` tell again, with its place, the event a lead told with a toll and no place: the same kind
    of cue, no toll of its own, and no other day than the lead's?"""
    if not lead.tolls or frame.tolls or not frame.places:
        return False
    # "une attaque ... a fait deux morts. Les soldats ... ont été touchés par l'explosion": the attack the lead names
    # by no means is the one the next sentence tells the means of
    if lead.trigger.category.name != frame.trigger.category.name and not (
            _attack_noun(lead.trigger) and frame.trigger.category.event_type not in NON_VIOLENT_TYPES):
        return False
    lead_days = {d.value for d in lead.dates if d.kind == "day"}
    days = {d.value for d in frame.dates if d.kind == "day"}
    return not (lead_days and days and not lead_days & days)


def _attack_noun(trigger: Trigger) -> bool:
    """"des attaques", "l'attaque": the word says an attack, not how it was made."""
    words = [w for w in trigger.text.lower().replace("’", "'").removeprefix("l'").split() if w not in DETERMINERS]
    return trigger.category.name == "attack" and bool(words) and words[0] in ATTACK_NOUNS


def _as_the_strikes_told(told: list[Event], last: Event, alike: bool = False) -> None:
    """"Un peu plus au nord, 10 personnes ont été tuées à Gorlovka", "des attaques ont été signalées à Chiraz":
    deaths or attacks told with no means and no author, in a story of strikes or shelling, are that kind of
    event by the same side (codebook section 2: civilians killed by a strike are the strike)."""
    if last.event_type != REMOTE_VIOLENCE:
        return
    for event in told:
        # ... or by the side the story says strikes, standing in for the author the sentence leaves unnamed, when
        # the text says the attacks are of the same kind ("des attaques similaires avaient visé le camp")
        by_the_striker = alike and event.actor1 == last.actor1 and not event.evidence.get("actor1")
        if event.actor1.startswith(UNIDENTIFIED_PREFIX) or by_the_striker:
            if event.actor2 == last.actor1:  # the side the story's strikes hit, not the striker's own
                event.actor2 = last.actor2
            event.event_type, event.sub_event_type, event.actor1 = last.event_type, last.sub_event_type, last.actor1


def _with_article_knowledge(text: str, mentions: Mentions, context: ArticleContext, cues: CueLexicon) -> Mentions:
    """Read generic labels and place anaphora with what the whole article says.

    "les terroristes" in a story about one named group is that group ("des hommes armés", who the text says
    it does not know, are not); "nous" in a spokesman's quote is the spokesman's side; "cette ville" is the town
    named last.
    """
    # ... but not the label of someone's allies ("les forces gouvernementales et leurs alliés des milices claniques")
    actors = [
        context.adversary.at(a.start, a.end)
        if context.adversary is not None and a.generic and not a.state and not a.anonymous
        and not a.name.startswith(CIVILIAN_PREFIX) and not cues.allies_of.search(text, max(0, a.start - 20), a.start)
        else a
        for a in mentions.actors
    ]
    # "« Nous avons pris la ville », a affirmé le porte-parole du M23": "nous" is the speaker's side
    actors = sorted([*actors, *first_person_sides(text, actors, cues)], key=lambda a: (a.start, a.end))
    places = list(mentions.places)
    for match in cues.place_anaphor.finditer(text):
        wants_region = bool(match.group("region"))
        # "A Debark, située à 750 km de la capitale Addis Abeba, ... la ville est calme": not the yardstick
        earlier = [p for p in places if p.end <= match.start() and (p.precision == 3) == wants_region
                   and not is_reference_point(text, p, 0)]
        if earlier:
            antecedent = max(earlier, key=lambda p: p.end)
            near = cues.near_anaphor.search(text[max(0, match.start() - 25) : match.start()])
            places.append(antecedent.at(match.start(), match.end(), 2 if near else antecedent.precision))
    return Mentions(places=places, dates=list(mentions.dates), actors=actors, tolls=list(mentions.tolls),
                    unplaced=list(mentions.unplaced), published=mentions.published)


def _events_from_frame(
    article: Article,
    frame: Frame,
    context: ArticleContext,
    recent_dates: list[DateRef],
    cues: CueLexicon,
) -> list[Event]:
    when = _event_date(frame, article.published, recent_dates, article.published_precision == "month")
    if when is None:
        return []
    event_day, time_precision, date_ref = when
    places = _event_places(article.text, frame, context, cues)
    if not places:
        return []
    actor1, assoc1, actor2, assoc2 = sides(article.text, frame, context, places[0])
    category = frame.trigger.category
    if category.authorities_only and actor1 is not None and not (actor1.state or actor1.government_ally):
        return []  # "les assaillants ont saisi les armes des policiers": part of their attack, told apart
    event_type, sub_event_type = category.event_type, category.sub_event_type
    civilians_hit = actor2 is not None and actor2.name.startswith(CIVILIAN_PREFIX)
    if category.civilian_type and civilians_hit:
        event_type, sub_event_type = category.civilian_type
    elif (civilians_hit and category.name == "clash" and frame.civilian_target and not frame.forces_target
          and opens_with(frame.trigger.text, cues.initiative_words)):
        # "ont tendu une embuscade à un bus de voyageurs", "un minibus est tombé dans une embuscade": what the
        # ambush hit is the people's, no armed side: an attack on them (codebook section 2); civilians killed in
        # "combats" or "affrontements" stay the toll of the fight between armed sides
        event_type, sub_event_type = CIVILIAN_ATTACK
    elif (civilians_hit and sub_event_type == "Armed clash" and category.name == "clash" and actor1 is not None
          and not frame.trigger.passive):
        # civilians killed in "combats", "affrontements", an "embuscade" are the fight's toll (codebook section 2):
        # the fight stays one, against the side the story opposes to the first (a civilian "abattu par des hommes
        # armés" was shot in no fight: an attack on him, below)
        actor2 = context.opponent_of(actor1)
    elif civilians_hit and sub_event_type == "Armed clash" and not _is_crowd(actor1, None):
        # a battle is fought between armed, organised sides: armed men against civilians is an attack on
        # them (codebook section 2)
        event_type, sub_event_type = CIVILIAN_ATTACK
    if category.state_sub_event_type:
        sub_event_type = (
            category.state_sub_event_type
            if actor1 is not None and (actor1.state or actor1.government_ally)
            else category.non_state_sub_event_type
        )
    elif (category.state_actor1 and actor1 is not None and not actor1.state and category.non_state_sub_event_type
          and not category.flown_by_anyone(frame.trigger.wording)):
        sub_event_type = category.non_state_sub_event_type  # "les rebelles ont bombardé": no air force
        if category.on_the_ground(frame.trigger.text):  # "un raid de rebelles contre une base"
            event_type, sub_event_type = CIVILIAN_ATTACK if civilians_hit else ARMED_CLASH
    elif (category.state_actor1 and actor1 is not None and actor1.name.startswith(POLICE_PREFIX)
          and category.on_the_ground(frame.trigger.text)):
        # "la police a abattu neuf hommes lors d'un raid": the police raid on foot
        event_type, sub_event_type = CIVILIAN_ATTACK if civilians_hit else ARMED_CLASH
    if actor1 is not None and frame.sentence[0] <= actor1.start < actor1.end <= frame.sentence[1] and category.flown(
            article.text[actor1.start:actor1.end]):
        sub_event_type = AIR_STRIKE  # the sentence names an aircraft as who bombarded or fired
    refined = category.refine(frame.text, *frame.sentence, aircraft=frame.aircraft)
    if refined is not None:
        event_type, sub_event_type = refined
        if event_type == "Riots" and actor1 is not None and actor1.name.startswith(PROTESTERS):
            actor1 = actor1.as_rioters()  # demonstrators who fight are rioters (codebook section 3)
        elif (event_type, sub_event_type) == CIVILIAN_ATTACK and actor1 is not None and actor1.name.startswith(
                PROTESTERS) and places[0].country:
            # demonstrators attacked by armed strangers are acted upon; who fired is unnamed
            actor1, actor2 = unidentified_group(places[0].country), actor1
    if actor1 is not None and actor1.name.startswith(CIVILIAN_PREFIX) and event_type in VIOLENT_EVENT_TYPES:
        # "un voleur tué par des habitants": civilians are no side of a fight nor an armed group; people of a place
        # who kill or beat someone are a mob (codebook section 2: Riots, Mob violence)
        actor1 = replace(actor1, name=actor1.name.replace(CIVILIAN_PREFIX, RIOTERS, 1))
        event_type, sub_event_type = VIOLENT_DEMONSTRATION
        if _is_mob(actor1, actor2):
            sub_event_type = MOB_VIOLENCE
    if (event_type == "Battles" and _is_crowd(actor1, actor2)
            or sub_event_type in CROWD_VIOLENCE and _is_crowd(actor1, None)):
        # fighting between a crowd and the police, or a crowd that attacks, burns or loots, is a riot, the
        # crowd acting (codebook section 2)
        event_type, sub_event_type = VIOLENT_DEMONSTRATION
        crowd, other = (actor1, actor2) if _is_crowd(actor1, None) else (actor2, actor1)
        if _is_mob(crowd, other):
            sub_event_type = MOB_VIOLENCE
        actor1, actor2 = crowd.as_rioters() if crowd is not None else None, other
    if sub_event_type == PEACEFUL_PROTEST:
        actor2, assoc2 = None, []  # a force named near a peaceful march did not act on it (codebook section 2)
    own_counts = _own_counts(frame, places) or _respective_counts(article.text, frame, len(places), cues)
    fatalities = own_counts or _fatalities(frame.tolls, len(places), _for_each_place(article.text, frame.tolls, cues))
    events = []
    respective_days = _respective_days(article.text, frame, places, cues)
    for index, place in enumerate(places):
        own_day = respective_days[index] if respective_days else _own_day(frame, places[index - 1], place) if index \
            else None
        day, precision, day_ref = ((own_day.value, own_day.precision, own_day) if own_day is not None
                                   else (event_day, time_precision, date_ref))
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
            event_date=day.isoformat(),
            time_precision=precision,
            fatalities=fatalities[index],
            source_outlet=article.source,
        )
        event.add_evidence("sentence", article.span(*frame.sentence))
        event.add_evidence("trigger", article.span(frame.trigger.start, frame.trigger.end))
        if frame.another:
            event.add_evidence(ANOTHER, article.span(frame.trigger.start, frame.trigger.end))
        if place.start < place.end:
            event.add_evidence("location", article.span(place.start, place.end))
        if day_ref is not None:
            event.add_evidence("event_date", article.span(day_ref.start, day_ref.end))
        for name, ref in (("actor1", actor1), ("actor2", actor2)):
            if ref is not None and ref.start < ref.end:
                # a side the article named elsewhere (the story's protagonist) is evidenced where it was named
                in_sentence = frame.sentence[0] <= ref.start < frame.sentence[1]
                event.add_evidence(name if in_sentence else f"{name}_context", article.span(ref.start, ref.end))
        if actor2 is not None and actor2.start == actor2.end and actor2.name.startswith(CIVILIAN_PREFIX):
            for toll in frame.tolls:  # the victims are known from the toll ("21 civils tués")
                event.add_evidence("actor2", article.span(toll.start, toll.end))
        toll_words = [(c.start, c.end) for c in own_counts_of(frame, place)] or [(t.start, t.end) for t in frame.tolls]
        for lo, hi in toll_words:
            event.add_evidence("fatalities", article.span(lo, hi))
        events.append(event)
    return events


DETERMINERS = frozenset({"le", "la", "les", "ce", "cet", "cette", "ces"})  # "les attaques" is an anaphor's cue
CROWD_VIOLENCE = frozenset({"Attack", "Looting/property destruction"})
VIOLENT_EVENT_TYPES = frozenset({"Battles", "Violence against civilians"})  # whose actor1 is an armed side


def _is_crowd(actor1: ActorRef | None, actor2: ActorRef | None) -> bool:
    return any(a is not None and a.name.startswith(CROWD_PREFIXES) for a in (actor1, actor2))


def _is_mob(crowd: ActorRef | None, victims: ActorRef | None) -> bool:
    """A crowd the text names as no demonstrators' ("une foule en colère", "des habitants en colère") that turns
    on civilians: mob violence, a lynching or a vigilante killing, not a demonstration turned violent (codebook
    section 2: Riots)."""
    return (crowd is not None and crowd.name.startswith(RIOTERS) and victims is not None
            and victims.name.startswith(CIVILIAN_PREFIX))


def _event_date(
    frame: Frame, published: date | None, recent_dates: list[DateRef], month_only: bool = False
) -> tuple[date, int, DateRef | None] | None:
    """The day and its precision, or None when the event is background history."""
    if published is None:
        return None
    trigger = frame.trigger
    if any(_dates_trigger_to_the_past(d, frame, published) for d in frame.dates):
        return None
    days = [d for d in frame.dates if d.kind in ("day", "week", "month")]
    if not days and any(d.kind == "year" for d in frame.dates):
        return None  # "ont intensifié leurs frappes en 2018": placed in a year only, a summary, not an event
    if not days and recent_dates and frame.trigger.category.name not in UNDATED_BY_NATURE:
        days = recent_dates  # the story goes on from the day the previous sentence named
    if not days:
        # no time cue: the publication's week (or month), or as far from it as the text says ("deux ans après
        # son rapt": background history when that is more than a year)
        if frame.day_offset < -BACKGROUND_DAYS:
            return None
        return published + timedelta(days=frame.day_offset), 3 if month_only else 2, None
    nearest = min(days, key=lambda d: _distance(d, trigger))
    day = nearest.value + timedelta(days=frame.day_offset)
    latest = month_end(published) if month_only else published
    if day > latest or day < published - timedelta(days=BACKGROUND_DAYS):
        return None
    return day, min(nearest.precision, 3), nearest


def _dates_trigger_to_the_past(mention: DateRef, frame: Frame, published: date) -> bool:
    """"conquis en 2014", "enlevés par Daech en 2014": a year close after the cue (or before it in the
    same clause) makes the event background history."""
    if mention.kind != "year" or mention.value.year >= published.year - 1:
        return False
    trigger = frame.trigger
    if mention.start >= trigger.end:
        return mention.start - trigger.end <= BACKGROUND_REACH
    between = frame.text[mention.end : trigger.start]
    return len(between) <= BACKGROUND_REACH and not CLAUSE_BREAK.search(between)


def _distance(mention: DateRef, trigger: Trigger) -> int:
    return max(0, mention.start - trigger.end, trigger.start - mention.end)


def _event_places(text: str, frame: Frame, context: ArticleContext, cues: CueLexicon) -> list[PlaceRef]:
    """The place(s) of the event: coordinated places split into one event each."""
    trigger = frame.trigger
    # a place inside the cue's words is the complement the row asked for ("l'explosion de Gao"); a capture's is
    # read as before, its typing wants the place named apart ("la prise de Gao" is no event by itself)
    first = trigger.start if trigger.category.name != "territory" else trigger.end
    after = [p for p in frame.places if first <= p.start <= trigger.end + PLACE_REACH]
    before = [p for p in frame.places if p.end <= trigger.start]
    named_taken = trigger.taken >= 0
    if named_taken:
        # "ont pris Kidal": the name taken is the place; another place of the sentence is not the one taken, and a
        # name that is no place ("a repris Moussa Traoré sur ce point à Bamako") tells no capture
        after = [p for p in frame.places if p.start <= trigger.taken < p.end]
        before = []
    if trigger.category.name == "territory" and not named_taken and after:
        # "se sont emparés de Kamanyola, dans le Sud-Kivu": the province named after the capture's words only
        # situates the town named in them, which is where the capture is
        inside = [p for p in frame.places if trigger.start <= p.start < trigger.end]
        if inside and inside[-1].precision < after[0].precision and (inside[-1].country, inside[-1].admin1) == (
                after[0].country, after[0].admin1):
            after = inside[-1:]
    chosen: list[PlaceRef] = []
    if after:
        # the reach is the first member's: "des manifestations ont eu lieu ... dans le centre du pays, à Gafsa,
        # Kasserine et à Jelma" names three places however far the list runs on
        chosen = _list_from(text, after[0], [p for p in frame.places if p.start > after[0].start], frame.coordinated,
                            frame.dates)
        if before and cues.pronoun_member.search(text, trigger.end, after[0].start):
            # "Le village de Djibo a été attaqué lundi et celui de Dori mardi": the pronoun stands for the subject's
            # place noun, whose place heads the list
            chosen = [before[-1], *chosen]
    elif before:
        # "les villages de Kfar Kila et de Khiam ont été visés par les raids": every coordinated place
        chosen = [before[-1]]
        for place in reversed(before[:-1]):
            if not listed_together(text, place, chosen[0]):
                break
            chosen.insert(0, place)
    elif not named_taken and (far_after := [p for p in frame.places if p.start >= trigger.end]):
        chosen = _list_from(text, far_after[0], far_after[1:], frame.coordinated, frame.dates)
    elif context.place is not None and not frame.country_level and (
        frame.trigger.category.name != "territory" or frame.unplaced
    ):
        # a capture is of a named place: "ont perdu une grande partie des territoires" borrows none; an
        # unknown village near the place the story is at is that place, as a nearby one (codebook section 4)
        chosen = [replace(context.place, precision=max(context.place.precision, 2))] if frame.unplaced else [
            context.place
        ]
    counted = [c.place for c in frame.counted]
    if counted and all(p.precision == 3 or any(p.start == c.start for c in counted) for p in chosen):
        # "cinq civils à Ariha, trois à Saraqeb et deux à Jisr": each place told with its own dead is an event
        chosen = counted
    if len(chosen) > 1 and cues.route_between.search(text[max(0, chosen[0].start - 40) : chosen[0].start]):
        # "sur la route entre Boni et Hombori": the first named place, precision 2 (codebook section 4)
        chosen = [replace(chosen[0], precision=max(chosen[0].precision, 2))]
    finer = [p for p in chosen if p.precision < 3]
    if finer and len(finer) < len(chosen):
        # "dans la province de Hama, à Jib al-Jarrah": the province only frames the village
        chosen = finer
    if len(chosen) == 1 and (unit := _unit_within(text, chosen[0], frame.places)) is not None:
        chosen = [unit]
    return _unique_places(chosen)


UNIT_AFTER_REACH = 60  # characters from a province's name to the unit of it named next ("..., département de")
_UNIT_BREAK = re.compile(r"[.;:!?()]|\bet\b")  # a list or another clause: no unit of the province


def _unit_within(text: str, province: PlaceRef, places: list[PlaceRef]) -> PlaceRef | None:
    """"dans la région du Nord-Ouest, département de la Menchum": a unit of the province (a department, a
    circle, a territory: the geocoder's :func:`~veilleur.resolve.places.cues.area_nouns`) named right after it is
    where the event is, finer."""
    if province.precision != 3:
        return None
    unit = next((p for p in places if p.start >= province.end), None)
    if unit is None or unit.precision >= province.precision or (unit.country, unit.admin1) != (
            province.country, province.admin1) or unit.start - province.end > UNIT_AFTER_REACH:
        return None
    between = text[province.end : unit.start]
    if _UNIT_BREAK.search(between):
        return None
    words = set(re.findall(r"[\w-]+", between.lower()))
    return unit if not words.isdisjoint(area_nouns()) else None


def _list_from(text: str, first: PlaceRef, following: list[PlaceRef],
               coordinated: set[tuple[int, int]], days: Sequence[DateRef] = ()) -> list[PlaceRef]:
    """``first`` and the places after it that go on the list it opens ("à Gafsa, Kasserine et à Jelma"), by its
    words or by the nouns the tree coordinates ("des positions à Homs et des dépôts à Hama"); a member may bring
    its own day (``days``: "mercredi à Omdurman, puis jeudi à Bahri")."""
    chosen = [first]
    for place in following:
        if situates(text, chosen[-1], place):
            continue  # "Kara et Yabroud, au nord de Damas, et Alep": Damas only situates the towns before it
        if not listed_together(text, chosen[-1], place) and (chosen[-1].start, place.start) not in coordinated \
                and not listed_together(_without_days(text, chosen[-1].end, place.start, days), chosen[-1], place):
            break
        chosen.append(place)
    return chosen


def _without_days(text: str, start: int, end: int, days: Sequence[DateRef]) -> str:
    """The text with the days named between ``start`` and ``end`` blanked out: "à Omdurman, puis jeudi à Bahri"
    lists two places as "à Omdurman, puis à Bahri" does."""
    for day in days:
        if day.kind == "day" and start <= day.start and day.end <= end:
            text = text[: day.start] + " " * (day.end - day.start) + text[day.end :]
    return text


def _own_day(frame: Frame, before: PlaceRef, place: PlaceRef) -> DateRef | None:
    """The day a listed place brings with it: named right after it ("ont attaqué Djibo lundi et Dori mardi"), or
    between the place before it and itself ("mercredi à Omdurman, puis jeudi à Bahri"), unless it is the day named
    right after the place before (that place's own)."""
    days = [d for d in frame.dates if d.kind == "day"]
    following = next((d for d in days if d.start >= place.end and _right_after(frame.text, place, d)), None)
    return following or next((d for d in days if before.end <= d.start and d.end <= place.start
                              and not _right_after(frame.text, before, d)), None)


def _right_after(text: str, place: PlaceRef, day: DateRef) -> bool:
    """Is the day named right after the place, only a comma between ("Djibo lundi", "Djibo, lundi,")?"""
    return day.start >= place.end and not text[place.end : day.start].strip(" ,")


def _unique_places(places: list[PlaceRef]) -> list[PlaceRef]:
    seen: set[tuple[str, int]] = set()
    out = []
    for place in places:
        key = (place.name, place.precision)
        if key not in seen:
            seen.add(key)
            out.append(place)
    return out


def own_counts_of(frame: Frame, place: PlaceRef) -> list[CountedPlace]:
    """The count of dead the frame tells at ``place`` itself ("trois à Saraqeb"), if any."""
    return [c for c in frame.counted if c.place.start == place.start][:1]


def _own_counts(frame: Frame, places: list[PlaceRef]) -> list[int]:
    """Killed per place when every place is told with its own count ("cinq civils à Ariha, trois à Saraqeb"),
    else none (the clause's toll is split among them, :func:`_fatalities`)."""
    counts = [own_counts_of(frame, place) for place in places]
    return [found[0].count for found in counts] if len(places) > 1 and all(counts) else []


def _respective_counts(text: str, frame: Frame, places: int, cues: CueLexicon) -> list[int]:
    """"ont attaqué A et B, faisant respectivement cinq et trois morts": the counts one toll lists, one per place in
    the order told, when the clause says "respectivement" and the toll lists as many counts as there are places."""
    if places < 2 or cues.respectively.search(text, *frame.sentence) is None:
        return []
    for toll in frame.tolls:
        counts = [n for word in re.findall(r"[\w-]+", text[toll.start : toll.end])
                  if (n := parse_quantity(word)) is not None]
        if len(counts) == places and sum(counts) == toll.count:
            return counts
    return []


def _respective_days(text: str, frame: Frame, places: list[PlaceRef], cues: CueLexicon) -> list[DateRef]:
    """"Les villages de A et B ont été attaqués, respectivement lundi et mardi": the days named after the places, one
    per place in the order told, when the clause says "respectivement"."""
    if len(places) < 2 or cues.respectively.search(text, *frame.sentence) is None:
        return []
    days = [d for d in frame.dates if d.kind == "day" and d.start > max(p.end for p in places)]
    return days if len(days) == len(places) else []


def _for_each_place(text: str, tolls: list[TollRef], cues: CueLexicon) -> bool:
    """Is a toll told as every place's ("cinq personnes tuées dans chacune des deux localités")?"""
    return any(cues.each_place.match(text[toll.end : toll.end + EACH_PLACE_REACH]) for toll in tolls)


def _fatalities(tolls: list[TollRef], places: int, each: bool = False) -> list[int]:
    """Killed per place: the largest toll of the clause, split evenly, remainder to the first (``each``: the toll is
    told as every place's, "dans chacune des localités", and each place takes it whole); the dead of two armed sides
    add up ("neutralisé une vingtaine de terroristes ; quatre soldats ont perdu la vie": 24)."""
    by_side: dict[str, int] = {}
    for toll in tolls:
        if toll.side:
            by_side[toll.side] = max(by_side.get(toll.side, 0), toll.count)
    total = max([*(t.count for t in tolls), sum(by_side.values()) if len(by_side) > 1 else 0], default=0)
    if each:
        return [total] * places
    share, remainder = divmod(total, places)
    return [share + (remainder if i == 0 else 0) for i in range(places)]


def _share_tolls(article: Article, events: list[Event], tolls: list[TollRef], cues: CueLexicon) -> None:
    """A toll for the events just told, split evenly, the remainder to the first (codebook section 6)."""
    count = max((t.count for t in tolls), default=0)
    if not events or count == 0:
        return
    # "... a coûté la vie à un soldat. Plusieurs assaillants avaient aussi été neutralisés": dead told as coming on
    # top of the event's own add up to them; any other figure is the same dead told again
    additive = all(t.additive for t in tolls)
    vague = all(t.indefinite for t in tolls)
    for event, share in zip(events, _fatalities(tolls, len(events), _for_each_place(article.text, tolls, cues)),
                            strict=True):
        told = set(event.evidence.get("fatalities", []))
        if not event.fatalities or any(article.span(t.start, t.end) in told for t in tolls):
            event.fatalities = max(event.fatalities, share)
        elif additive:
            event.fatalities += share
        elif vague != told_by_no_figure(event):
            # "Plusieurs personnes ont été tuées ... 85 corps": a figure says more than a count by convention
            event.fatalities = event.fatalities if vague else share
        else:
            event.fatalities = max(event.fatalities, share)
        for toll in tolls:
            event.add_evidence("fatalities", article.span(toll.start, toll.end))
        # civilians killed "also" are dead on top of the event's victims, not who they were
        if "actor2" not in event.evidence and any(t.civilian for t in tolls) and event.country and not additive:
            event.actor2 = ActorRef.civilians(event.country).name
            event.add_evidence("actor2", article.span(tolls[0].start, tolls[0].end))
            if ((event.event_type, event.sub_event_type) == ARMED_CLASH and not event.actor1.startswith(CROWD_PREFIXES)
                    and not told_as_fighting(event, cues, cues.two_sided_words)):
                # "une attaque a eu lieu à Mandouri. Cinq personnes ont été tuées": armed men against civilians is
                # an attack on them, as when the toll is in the cue's sentence; civilians killed in "combats" are
                # the fighting's toll (codebook section 2)
                event.event_type, event.sub_event_type = CIVILIAN_ATTACK


def _told_with_the_last(previous: list[Event], told: list[Event]) -> list[Event]:
    """The events a toll told after them, with no cue of its own, counts: the last one told and those its cue
    told with it at other places ("ont attaqué les postes de A, B et C. 17 soldats ont péri": a toll for the
    three, split among them per codebook section 6), not the events other cues of that sentence told."""
    if not previous:
        return []
    last = previous[-1]
    cue = last.evidence.get("trigger")
    group = [e for e in previous if e.evidence.get("trigger") == cue] if cue else [last]
    if len(group) == 1 and _place_borrowed(last):
        # "... les postes de A, B et C. Les combats ont duré huit heures. 17 soldats ont péri": a cue with no place
        # of its own, at the first place of the list told before, tells the listed events again
        listed = [e for e in told if e.evidence.get("location") == last.evidence.get("location") and e is not last]
        if listed:
            first_cue = listed[-1].evidence.get("trigger")
            return [e for e in told if e.evidence.get("trigger") == first_cue]
    return group


def _place_borrowed(event: Event) -> bool:
    """Is the event's place named outside its own sentence (the place the story is at)?"""
    places, sentences = event.evidence.get("location", []), event.evidence.get("sentence", [])
    return bool(places and sentences) and not any(s.start <= p.start < s.end for p in places for s in sentences)


def _own_date(article: Article, frame: Frame, kinds: tuple[str, ...]) -> tuple[date, int, DateRef] | None:
    """The date an anaphor's own clause names, when one of its dates is of ``kinds`` ("day", "month"): its day,
    precision and words; None for background history or a clause with no date of its own."""
    if not any(d.kind in kinds for d in frame.dates):
        return None
    when = _event_date(frame, article.published, [], article.published_precision == "month")
    if when is None or when[2] is None:
        return None
    return when[0], when[1], when[2]


def _date_told_again(article: Article, events: list[Event], frame: Frame) -> None:
    """"Mali : 40 civils tués dans une attaque" then "ont été tués lundi dans l'attaque": the day the retelling
    names dates an event its first telling left undated."""
    own = _own_date(article, frame, ("day",))
    if own is None:
        return
    day, precision, told = own
    for event in events:
        # only a day within the week (or month) the undated telling stands for: "avait déjà été frappée par un
        # attentat le 2 février" is an earlier one
        if "event_date" not in event.evidence and day_in_span(day, event):
            event.event_date, event.time_precision = day.isoformat(), precision
            event.add_evidence("event_date", article.span(told.start, told.end))


def _place_told_again(article: Article, events: list[Event], frame: Frame) -> None:
    """"... tués dans une attaque dans la province de Diyala" then "L'attaque a eu lieu près de Baqouba": the one
    place finer than a region that the retelling names inside the region the first telling placed the event in is
    the event's place (the most specific place named for it, codebook section 4)."""
    finer = {(p.name, p.admin1, p.country): p for p in frame.places if p.precision < 3}
    if len(finer) != 1:
        return  # several places: a list, or a place and its town, that no single event is refined to
    _narrow_to(article, events, next(iter(finer.values())))


def _narrow_to(article: Article, events: list[Event], place: PlaceRef) -> None:
    """The events placed only by the province ``place`` lies in are placed at ``place``, the most specific place
    named for them (codebook section 4)."""
    for event in events:
        if event.geo_precision == 3 and (event.country, event.admin1) == (place.country, place.admin1):
            event.location, event.admin1, event.admin2 = place.name, place.admin1, place.admin2
            event.latitude, event.longitude, event.geo_precision = place.latitude, place.longitude, place.precision
            event.add_evidence("location", article.span(place.start, place.end))


def _another_time(article: Article, frame: Frame, told: list[Event]) -> bool:
    """"Cette mesure fait suite à l'attaque qui a frappé la zone en mai dernier": an anaphor whose own clause
    names a day or a month that none of the events told so far stands for points to an earlier event, not back
    to them (background history, or no date of its own: left as a retelling)."""
    own = _own_date(article, frame, ("day", "month")) if told else None
    return own is not None and not any(_same_time(own[0], own[1], event) for event in told)


def _done_elsewhere_too(article: Article, annotation: Annotation, sentence: tuple[int, int], mentions: Mentions,
                        triggers: TriggerLexicon, told: list[Event]) -> list[Event]:
    """"Des interventions ont également eu lieu à Schaerbeek", "les bourgades de Ghadfa et Kansafra ont également
    enregistré 4 victimes": a sentence with no cue of its own whose verb says that something took place or was
    recorded too (triggers.occurrence_verbs, or "avoir lieu", with an additive adverb) tells the last event again
    at the places it names that the story has not told it at, with the toll it gives them."""
    start, end = sentence
    text = article.text
    if not mentions.places_in(start, end) or any(d.kind == "day" for d in mentions.dates_in(start, end)):
        return []
    tree = Tree.of(annotation.tokens_within(start, end))
    root = next((t for t in tree.tokens if t.head == t.i), None)
    additive = next((k for k in tree.children(root) if k.dep == "advmod" and k.lemma in triggers.additive_adverbs),
                    None) if root is not None else None
    if root is None or additive is None:
        return []
    if root.lemma not in triggers.occurrence_verbs and not (
            root.lemma == "avoir" and any(k.dep == "obj" and k.lemma == "lieu" for k in tree.children(root))):
        return []
    # not a place in a clause that says what for ("pour dénoncer l'inaction à Kobané")
    aims = [span for k in tree.tokens if k.dep == "advcl" and any(
        m.dep == "mark" and m.lemma in triggers.purpose_marks for m in tree.children(k))
        if (span := tree.span(tree.subtree(k))) is not None]
    last = told[-1]
    told_at = {e.location for e in told if (e.sub_event_type, e.event_date) == (last.sub_event_type, last.event_date)}
    places = _unique_places([
        p for p in mentions.places_in(start, end) if p.precision < 3 and p.name not in told_at
        and not is_reference_point(text, p, start) and not names_an_origin(text, p, start)
        and not any(lo <= p.start < hi for lo, hi in aims)])
    if not places:
        return []
    # each place takes the toll of its own clause ("Ghadfa et Kansafra ont enregistré 4 victimes, tandis que deux
    # autres sont tombées à Abu al-Duhur"), split among the places of that clause
    at = {t.start: t for t in tree.tokens}

    def clause(offset: int) -> int:
        # the clause's head, whatever its part of speech ("tandis que trois autres sont mortes", an adjective)
        token = at.get(offset)
        while token is not None and token.dep not in CLAUSE_DEPS and (head := tree.head(token)) is not None \
                and head.i != token.i:
            token = head
        return token.i if token is not None else -1

    tolls = {clause(t.start): t for t in reversed(mentions.tolls_in(start, end))}
    by_clause: dict[int, list[PlaceRef]] = {}
    for place in places:
        by_clause.setdefault(clause(place.start), []).append(place)
    out = []
    for head, members in by_clause.items():
        toll = tolls.get(head)
        for place, fatalities in zip(members, _fatalities([toll] if toll else [], len(members)), strict=True):
            event = _told_at(article, last, place, fatalities, sentence, toll)
            # told at a place the story had not told it at, with "également": another happening than those told
            # nearby before (merge keeps it apart from them)
            event.add_evidence(APART, article.span(additive.start, additive.end))
            out.append(event)
    return out


def _told_one_by_one(article: Article, annotation: Annotation, sentence: tuple[int, int], mentions: Mentions,
                     triggers: TriggerLexicon, lead: Event) -> list[Event]:
    """"Deux attaques ont visé la région de Mopti. La première a eu lieu lundi à Djenné, faisant deux morts. La
    seconde, mercredi à Sévaré": an ordinal standing for a noun (triggers.ordinal_pronouns with its article) takes up
    one of the events the lead told; the place, day and toll its part of the sentence names are that event's."""
    start, end = sentence
    if not _counted_plural(article, lead):
        return []  # "l'attaque au couteau, la 2e de la semaine": a rank of the event told, not one of several
    tree = Tree.of(annotation.tokens_within(start, end))
    days = [d for d in mentions.dates_in(start, end) if d.kind == "day"]
    # "la première lundi à Djenné": the parser may hang the ordinal, and its article, on the day that follows it
    ordinals = [t for t in tree.tokens if t.lemma in triggers.ordinal_pronouns and (
        t.dep != "amod" and any(k.dep == "det" for k in tree.children(t))
        or t.dep == "amod" and _on_a_day(head := tree.head(t), days) and head is not None
        and any(k.dep == "det" and k.i < t.i for k in tree.children(head)))]
    out = []
    for index, ordinal in enumerate(ordinals):
        part_end = ordinals[index + 1].start if index + 1 < len(ordinals) else end
        place = next((p for p in mentions.places_in(ordinal.start, part_end) if p.precision < 3
                      and not is_reference_point(article.text, p, start)
                      and not names_an_origin(article.text, p, start)), None)
        if place is None or any(d.kind != "day" for d in mentions.dates_in(ordinal.start, part_end)):
            continue  # "la première remonte à mars 2019, à Dori": an earlier event, recalled
        toll = next(iter(mentions.tolls_in(ordinal.start, part_end)), None)
        event = _told_at(article, lead, place, toll.count if toll is not None else 0, sentence, toll)
        day = next((d for d in days if ordinal.start <= d.start < part_end), None)
        if day is not None:
            event.event_date, event.time_precision = day.value.isoformat(), day.precision
            event.evidence["event_date"] = [article.span(day.start, day.end)]
        event.add_evidence(ANOTHER, article.span(ordinal.start, ordinal.end))
        out.append(event)
    return out


COUNT_BEFORE_CUE_REACH = 25  # characters before a cue noun where its count stands ("Deux violentes attaques")


def _counted_plural(article: Article, event: Event) -> bool:
    """Was the event told by a cue counted two or more ("Deux attaques ont visé", "trois explosions")?"""
    for span in event.evidence.get("trigger", []):
        words = re.findall(r"[\w-]+", article.original[max(0, span.start - COUNT_BEFORE_CUE_REACH) : span.end])
        if any((n := parse_quantity(word)) is not None and n >= 2 for word in words[-4:-1]):
            return True
    return False


def _on_a_day(token: Token | None, days: list[DateRef]) -> bool:
    return token is not None and any(d.start <= token.start < d.end for d in days)


def _its_turn(article: Article, sentence: tuple[int, int], mentions: Mentions, cues: CueLexicon,
              told: list[Event]) -> list[Event]:
    """"Djibo a été attaqué lundi. Mardi, ce fut au tour de Dori": a sentence with no cue of its own that gives a
    place its turn (cues.turn_of) tells the last event there too, on the day it names (else the last event's), with
    the toll it gives."""
    start, end = sentence
    turn = cues.turn_of.search(article.text, start, end)
    if turn is None:
        return []
    last = told[-1]
    place = next((p for p in mentions.places_in(turn.end(), end) if p.precision < 3
                  and not is_reference_point(article.text, p, start)), None)
    if place is None or place.name == last.location:
        return []
    toll = next(iter(mentions.tolls_in(start, end)), None)
    event = _told_at(article, last, place, toll.count if toll is not None else 0, sentence, toll)
    day = next((d for d in mentions.dates_in(start, end) if d.kind == "day"), None)
    if day is not None:
        event.event_date, event.time_precision = day.value.isoformat(), day.precision
        event.evidence["event_date"] = [article.span(day.start, day.end)]
    event.add_evidence(ANOTHER, article.span(turn.start(), turn.end()))
    return [event]


def _counted_elsewhere(article: Article, annotation: Annotation, sentence: tuple[int, int], mentions: Mentions,
                       cues: CueLexicon, told: list[Event]) -> list[Event]:
    """"À Djibo, dix habitants ont été tués. Cinq autres à Dori.": a sentence with no verb that gives a count of dead
    at a place the story has not told the last event at ("N autres à X", "trois à X et deux à Y") tells that event at
    that place too, with that toll."""
    start, end = sentence
    if any(t.feature("VerbForm") == "Fin" or t.pos == "VERB" for t in annotation.tokens_within(start, end)):
        return []
    last = told[-1]
    told_at = {e.location for e in told if (e.sub_event_type, e.event_date) == (last.sub_event_type, last.event_date)}
    places = [p for p in mentions.places_in(start, end) if p.precision < 3 and p.name not in told_at]
    out, floor = [], start
    for place in places:
        counted = count_before(article.text, floor, place, mentions.tolls_in(start, end), cues)
        floor = place.end
        if counted is None:
            continue
        event = _told_at(article, last, place, counted.count, sentence, None)
        event.add_evidence("fatalities", article.span(counted.start, counted.end))
        # the dead of another place: another happening than one told at a town nearby
        event.add_evidence(ANOTHER, article.span(counted.start, counted.end))
        out.append(event)
    return out


def _told_at(article: Article, last: Event, place: PlaceRef, fatalities: int, sentence: tuple[int, int],
             toll: TollRef | None) -> Event:
    """The event ``last`` told again at another place, with its own toll."""
    event = replace(last, location=place.name, admin1=place.admin1, admin2=place.admin2, country=place.country,
                    latitude=place.latitude, longitude=place.longitude, geo_precision=place.precision,
                    fatalities=fatalities, evidence={}, sources=[], loaded_terms=[], notes={})
    event.add_evidence("sentence", article.span(*sentence))
    event.add_evidence("location", article.span(place.start, place.end))
    if toll is not None:
        event.add_evidence("fatalities", article.span(toll.start, toll.end))
    for key in ("trigger", "actor1", "actor2", "event_date"):
        for span in last.evidence.get(key, []):
            event.add_evidence(f"{key}_context" if key in ("actor1", "actor2") else key, span)
    return event


def _hardest_hit(text: str, annotation: Annotation, sentence: tuple[int, int], mentions: Mentions,
                 triggers: TriggerLexicon) -> PlaceRef | None:
    """"Le village de Sévaré a été le plus touché", "la ville d'Ariha a été particulièrement touchée": the place a
    sentence with no cue of its own tells was struck hardest by what was told (triggers.hit_verbs with one of the
    hit_intensifiers), named before the verb; not a place struck by something that is no event ("touchée par les
    inondations": an agent that no cue names)."""
    start, end = sentence
    tree = Tree.of(annotation.tokens_within(start, end))
    verb = next((t for t in tree.tokens if t.lemma in triggers.hit_verbs and any(
        k.lemma in triggers.hit_intensifiers for k in tree.children(t) if k.dep == "advmod")), None)
    if verb is None or any(k.dep == "obl:agent" and k.lemma not in triggers.by_lemma for k in tree.children(verb)):
        return None
    return next((p for p in mentions.places_in(start, verb.start) if p.precision < 3
                 and not is_reference_point(text, p, start) and not names_an_origin(text, p, start)), None)


def _another_place(frame: Frame, told: list[Event]) -> bool:
    """"Les attaques ont également visé Rehovot": an anaphor whose clause adds ("également", "aussi") a town far
    from every place the events of its kind were told at is an event there, of the kind told (a province, or a
    town in the province an event was told in no finer, may be where they were: left as a retelling; and with no
    word that adds, a far town is most often an earlier event the story recalls)."""
    towns = [p for p in frame.places if p.precision < 3]
    return frame.additive and bool(towns) and bool(told) and all(
        _far_from(town, event) for town in towns for event in told)


def _far_from(place: PlaceRef, event: Event) -> bool:
    if event.latitude is None or event.longitude is None:
        return False
    if event.geo_precision == 3:
        return event.admin1 != place.admin1
    return great_circle_km(place.latitude, place.longitude, event.latitude, event.longitude) > ANOTHER_PLACE_KM


def _same_time(day: date, precision: int, event: Event) -> bool:
    """Does a day told with ``precision`` fall on the event's day, or in the week or month its date stands for?"""
    told = date.fromisoformat(event.event_date)
    if precision == 3 or event.time_precision == 3:
        return (day.year, day.month) == (told.year, told.month)
    if "event_date" not in event.evidence:
        return day_in_span(day, event)
    return abs((day - told).days) <= 1


def _credit_claim(article: Article, events: list[Event], actors: list[ActorRef]) -> None:
    """"L'attaque a été revendiquée par les Shebab": the claimant acts in the events just told, where
    the text had not named who did."""
    claimant = next((a for a in actors if not a.generic and not a.state), None)
    if claimant is None:
        return
    for event in events:
        if unnamed_actor1(event) or event.actor1.startswith("Unidentified"):
            event.actor1 = claimant.name
            event.add_evidence("actor1", article.span(claimant.start, claimant.end))


def _past_descriptions(annotation: Annotation, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence's relative clauses in the pluperfect or imperfect ("le district de Pulwama, où s'était produit
    l'attentat jeudi 14 février"): a day named there dates what the clause recalls, not the day the story goes on
    from. Parsed once per sentence that names days."""
    tree = Tree.of(annotation.tokens_within(start, end))
    root = next((t for t in tree.tokens if t.head == t.i), None)
    return past_relative_clauses(tree, root) if root is not None else []


def _dates_another_day(mentions: Mentions, start: int, end: int, event: Event, counted: bool = False) -> bool:
    """"En octobre 2017, un attentat avait fait 512 morts": a toll from another day is not this event's.

    ``counted``: the sentence tells the toll of what was told ("Vendredi, le bilan s'élevait à 18 morts"), where
    a later day is the day the dead were counted, not another day's deaths."""
    return any(d.value.isoformat() != event.event_date
               and not (counted and event.event_date and d.value.isoformat() > event.event_date)
               for d in mentions.dates_in(start, end))


def _in_long_period_sentence(text: str, mentions: Mentions, start: int, end: int, cues: CueLexicon) -> bool:
    """Deaths summed over "les 125 derniers jours" are a long-period total, not an event."""
    return any(
        d.kind == "period" and not cues.short_period.search(text, d.start, d.end) for d in mentions.dates_in(start, end)
    )


def _update_context(
    context: ArticleContext, text: str, mentions: Mentions, start: int, end: int, events: list[Event]
) -> None:
    """The story's current place: where the sentence's event happened, else the last place it named (not one a
    force came from or a body is based at: "une organisation basée dans l'Ohio" does not move the story there)."""
    places = [p for p in mentions.places_in(start, end)
              if not is_reference_point(text, p, start) and not names_an_origin(text, p, start)]
    located = [p for p in places if events and p.name == events[0].location]
    if located or places:
        context.place = (located or places)[-1]
