"""Frames: one trigger and the mentions of its sentence that belong to it.

Triggers are found on the parse (:mod:`veilleur.extract.triggers`). A trigger whose own clause, or a verb
that governs it, reports a forecast, a plan, a denial, a habit or a long-period total opens no frame
(:func:`_excluded`). The sides come from the tree where it names them (subject, "par"-agent, object), and
the sentence's places, dates, tolls and remaining actors are shared out between triggers by position.
Several cues of one category in one clause make one frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from veilleur.annotate import Annotation, Token
from veilleur.extract.cues import REMOTE_VIOLENCE, CueLexicon, Trigger, load_categories
from veilleur.extract.grammar import (
    OBJECT_DEPS,
    Roles,
    Tree,
    attachment,
    auxiliaries,
    clause_head,
    clause_of,
    governing_chain,
    is_irrealis_verb,
    is_negated,
    past_relative_clauses,
    roles,
    subject_relatives_on_others,
)
from veilleur.extract.mentions import CIVILIANS, CROWD_PREFIXES, ActorRef, DateRef, Mentions, PlaceRef, TollRef
from veilleur.extract.triggers import SUBJECTS, RelativeDays, TriggerLexicon, TriggerRow
from veilleur.resolve.dates import PRECISION_DAY, PRECISION_WEEK
from veilleur.resolve.numbers import find_death_tolls, parse_quantity
from veilleur.resolve.places.countries import country_names_in
from veilleur.resolve.places.links import UNKNOWN_MEMBERS

CUE_ARTICLE = 4  # "l'aviation syrienne était intervenue": an actor the cue opens with (after "l'", "les ") acts
# "en provenance de l'est de Deir Ezzor": where the force came from, not the event; "des malades évacués sur
# Brazzaville": where the wounded were taken
ORIGIN = re.compile(
    r"(?:(?:en provenance|venu(?:e|s|es)?|venant|à destination|rejoindre|depuis"
    r"|(?:évacu|transfér|transport|achemin|rapatri)(?:é|ée|és|ées)\s+(?:sur|vers))\s+(?:de\s+|d')?"
    # "une ONG basée à Londres", "des rebelles basés au Pakistan": where a body sits, not where it acts; "la
    # libération des prisonniers détenus à Casablanca": where someone is held, not where the release is asked
    r"|(?:basée?s?|(?:détenu|emprisonné|incarcéré|écroué)(?:e|s|es)?)\s+(?:depuis\s+)?(?:à|en|au|aux|dans)\s+)"
    r"\s*(?:l'|la\s+|le\s+)?"
    r"(?:(?:nord|sud|est|ouest)(?:-\w+)?\s+(?:de\s+|d')(?:l'|la\s+|le\s+)?)?"
    # "depuis la bande de Gaza", "depuis la région de Kherson": the name a place noun introduces
    r"(?:(?:bande|région|province|ville|localité|zone|territoire|état|prison)\s+(?:de\s+|d'|du\s+)(?:l'|la\s+|le\s+)?)?$",
    re.IGNORECASE,
)
# "depuis la prise de Kaboul", "depuis la chute de Mossoul": a place of another happening that marks a time (or
# of where a force came from): not where the cue's event is
SINCE_ANOTHER = re.compile(r"\bdepuis\s+(?:l['’]\s*|la\s+|le\s+|les\s+)[a-zà-ÿ-]+\s+(?:de\s+|d['’]\s*|du\s+|des\s+)"
                           r"(?:l['’]\s*|la\s+|le\s+)?$", re.IGNORECASE)
COUNTRY_REACH = 60  # "dans l'est séparatiste prorusse de l'" before a country's name
REFERENCE = re.compile(
    r"\b(?:km|kilomètres?)\b[^.;:]*$"
    # "dans des localités proches d'Al Hoceima, à Imzouren": places named by the town they are near, not that town
    r"|\b(?:localités?|villages?|villes?|communes?|quartiers?|secteurs?)\s+(?:proches?|voisine?s?|environnante?s?)"
    r"\s+(?:de\s+(?:la\s+|l')?|d'|du\s+)$"
    # "la mobilisation y a été plus importante qu'à Yaoundé": the place a comparison measures by is not the
    # story's ("aussi bien à Gao qu'à Tombouctou", "ainsi qu'à Hama" join places, they compare none)
    r"|\b(?:plus|moins|aussi|davantage)\b(?!\s+bien\b)"
    r"(?:(?!\b(?:ainsi|alors|tandis|bien|tant|parce|sorte|même)\b)[^.;:!?]){0,60}\bqu(?:e\s+|['’]\s*)"
    r"(?:(?:à|au|aux|dans|en)\s+(?:la\s+|le\s+|les\s+|l['’]\s*)?)?$",
    re.IGNORECASE,
)
COORDINATION = re.compile(
    # "le camp de Goundam, ainsi que celui de Léré": the pronoun stands for the place noun said before
    r"^[\s,]*(?:et|ou|ainsi que|puis)?[\s,]*(?:(?:celui|celle|ceux|celles)\s+)?"
    r"(?:(?:dans|à|au|aux|en|sur|de|d'|du|des|les?|la|l')\s*)*"
    r"(?:(?:ville|villes|localités?|villages?|quartiers?|régions?|zones?|municipalités?|communes?)\s+(?:de|d'|du|des)?\s*)?$",
    re.IGNORECASE,
)
_UNKNOWN_MEMBERS = re.compile("^" + UNKNOWN_MEMBERS)
# "les villes de Labé, au nord, et de Dalaba": a compass apposition situates the member before it; the list goes on
COMPASS_APPOSITION = re.compile(
    r"^\s*,\s*(?:au|à\s+l'|à\s+l’|dans\s+le|dans\s+l'|dans\s+l’)\s*(?:nord|sud|est|ouest|centre)(?:-(?:est|ouest))?"
    # "les villes de Kara et de Yabroud, au nord de Damas, et à Alep": the town it situates them by
    r"(?:\s+du\s+pays|\s+(?:de\s+|d'|d’|du\s+)[^,.;:()]{1,40})?(?=\s*,)",
    re.IGNORECASE,
)
# the words that open a compass apposition up to the town it names ("Yabroud, au nord de" Damas)
COMPASS_REFERENCE = re.compile(
    r"\s*,\s*(?:au|à\s+l'|à\s+l’|dans\s+le|dans\s+l'|dans\s+l’)\s*(?:nord|sud|est|ouest|centre)(?:-(?:est|ouest))?"
    r"\s+(?:de\s+(?:la\s+|l'|l’)?|d'|d’|du\s+)",
    re.IGNORECASE,
)
NAME_GOES_ON = re.compile(r"[ \t]+[A-ZÀ-Ý][a-zà-ÿ]")
LIST_GOES_ON = re.compile(r"(?:\s*\(\d+\))?(?:\s*,|\s+(?:et|ou))\s+(?:à|au|aux|dans)\s", re.IGNORECASE)
APPOSED_PLACE = re.compile(r"^\s*,?\s*(?:à|au|dans)\s", re.IGNORECASE)  # "Jaramana, à Damas": one place
QUOTE = re.compile('"')
COMPLEMENT_GAP = re.compile(r"\s+(?:de|du|d['’])\s*", re.IGNORECASE)  # a place named as another's complement
CLAUSE_BREAK = re.compile(r"\s(?:et|puis|mais|avant|après)\s|[;:.]", re.IGNORECASE)
# a subject that takes up the armed group named before it: "le groupe s'est emparé de", "ce mouvement a pris"
# (not a pronoun: "ils", "elle" as often stand for soldiers, a town or a spokesman)
ANAPHORIC_AGENT = re.compile(r"(?:le|ce|cet|ces|les)\s+(?:groupes?|mouvements?|organisations?)", re.IGNORECASE)
ANTECEDENT_REACH = 400  # characters back to the group an anaphoric subject takes up: this sentence or the last
REPORT_TIME_DEPS = frozenset({"obl:mod", "obl", "advmod", "nmod"})  # how a day hangs on the verb that reports


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
    agents: list[ActorRef] = field(default_factory=list)  # read from the tree: who acts
    patients: list[ActorRef] = field(default_factory=list)  # read from the tree: who is acted upon
    undergone: bool = False  # the tree says the subject suffers the cue ("le convoi est tombé dans une embuscade")
    civilian_target: bool = False  # the tree's target is a village, a market, a bus... (cues.civilian_targets)
    forces_target: bool = False  # the tree's target is a military base, an army convoy... (cues.forces_targets)
    police_target: bool = False  # ... of the police: a police station, a police patrol (cues.police_targets)
    # a place the gazetteer does not hold is named in the cue's reach: the event is somewhere specific
    unplaced: bool = False
    day_offset: int = 0  # "cinq jours après un attentat": the event is 5 days before the day the sentence tells
    # the named armed group that "le groupe", the cue's subject, takes up ("Le M23 ... Le groupe a pris X")
    antecedent: ActorRef | None = None
    # the days of the sentence that date something else than the cue (a relative clause, a participle on
    # another noun): the story does not go on from them
    others_days: list[DateRef] = field(default_factory=list)
    # its clause says it adds to what was told ("les attaques ont également visé Rehovot")
    additive: bool = False
    # (start, start) of two of its places that nouns the tree coordinates each carry ("des positions à Homs et des
    # dépôts à Hama"): members of one list although words stand between them
    coordinated: set[tuple[int, int]] = field(default_factory=set)
    # the places of its reach told each with a count of their own dead ("cinq civils à Ariha, trois à Saraqeb"),
    # when two or more are: one event per place, each with its own toll
    counted: list[CountedPlace] = field(default_factory=list)
    # "une autre frappe a visé X", "ont attaqué un autre poste": told as another happening than one told before
    another: bool = False


@dataclass(frozen=True)
class CountedPlace:
    """A place told with the count of the dead that fell there, and where that count is written."""

    place: PlaceRef
    count: int
    start: int
    end: int


def frames_for_sentence(
    text: str,
    sentence: tuple[int, int],
    cues: CueLexicon,
    mentions: Mentions,
    annotation: Annotation,
    triggers: TriggerLexicon,
) -> list[Frame]:
    start, end = sentence
    tree = Tree.of(annotation.tokens_within(start, end))
    wordings: dict[tuple[int, ...], str | None] = {}  # the sentence's triggers often share a clause

    def reporting(group: list[tuple[Trigger, Token, TriggerRow]]) -> list[tuple[Trigger, Token, TriggerRow]]:
        return [_without_a_fight(text, tree, f, cues) for f in group if exclusion_reason(
            text, tree, f[1], cues, triggers, mentions, wordings, crowd=bool(f[0].category.crowd),
            capture=f[0].category.name == TERRITORY) is None
                and not _an_ordinary_crime_arrest(text, sentence, f[0], cues)]

    candidates = triggers.find(tree, _aircraft_words_naming_people(tree, mentions.actors_in(start, end), cues))
    # a cue that is an event only alone ("tuant douze civils") counts only where no other cue reports one and
    # the sentence tells no total ("l'insurrection qui a tué 20 000"): it is not read for exclusions otherwise
    found = reporting([f for f in candidates if not f[0].category.only_alone])
    if found and all(f[0].category.outweighed_by_killing for f in found):
        # "ont incendié des maisons et tué sept personnes": the killing decides, the burning is part of it
        found = reporting([f for f in candidates if f[0].category.only_alone]) or found
    if any(not f[0].toll_only and not f[0].anaphoric for f in found):
        # "dix terroristes ont été neutralisés lors de frappes aériennes": the deaths are the strikes' toll
        found = [f for f in found if not f[0].toll_only]
    elif found and all(f[0].toll_only for f in found) and not cues.totals_a_period(
            text, start, end, day_starts(mentions, start, end)):
        # "a poignardé trois passants avant d'être abattu": a death told by itself names no act, so the killing
        # verb beside it is one
        killings = reporting([f for f in candidates if f[0].category.only_alone])
        found = sorted(found + killings, key=lambda f: f[0].start)
    if found and (told_before := _killings_beside_past_relatives(tree, found, reporting(
            [f for f in candidates if f[0].category.only_alone]))):
        # "les miliciens, qui avaient attaqué Bunia le 2 mai, ont tué trois civils jeudi": the cues in the
        # pluperfect relative say who the killers are, by what they did before; the killing is an event of its own
        found = sorted(found + told_before, key=lambda f: f[0].start)
    if found:
        cumulative = cues.totals_a_period(text, start, end, day_starts(mentions, start, end))
    else:
        alone = [f for f in candidates if f[0].category.only_alone]
        if not alone or cues.totals_a_period(text, start, end, day_starts(mentions, start, end)):
            return []  # most sentences: no cue at all
        found, cumulative = reporting(alone), False
        if not found:
            return []
    frames = [
        Frame(trigger=t, sentence=sentence, text=text, aircraft=bool(cues.aircraft.search(t.wording)))
        for t, _, _ in found
    ]
    # a city that acts is its government, a force's home town is whose it is: neither places the event
    acting = [*_acting_names(tree), *_home_names(tree, triggers.home_nouns, triggers.area_nouns)]
    sentence_places = [
        p for p in mentions.places_in(start, end) if not names_an_origin(text, p, start)
        and not any(p.start <= s < p.end for s in acting)
    ]
    described = [p for p in sentence_places if not is_reference_point(text, p, start)]
    sentence_places = described or sentence_places
    # "a indiqué le chef de la Garde présidentielle à Tripoli", "selon un général de la police de Kirkouk": where
    # the source is, not where the event happened
    sentence_places = [p for p in sentence_places if not _in_a_source(text, p, start, cues)]
    # "ils ont voulu faire un massacre, comme ils ont fait à Fataki": what the event is likened to happened there
    likened = _comparison_clauses(tree, {token.i for _, token, _ in found}, triggers.comparison_marks)
    sentence_places = [p for p in sentence_places if not any(s <= p.start < e for s, e in likened)]
    sentence_dates = mentions.dates_in(start, end)
    actors = [
        a
        for a in mentions.actors_in(start, end)
        if not is_a_source(text, a, start, cues)
    ]
    cue_tokens = {token.i for _, token, _ in found}
    for index, (frame, (_, token, row)) in enumerate(zip(frames, found, strict=True)):
        t = frame.trigger
        # a cue's reach: from the previous cue to the next one in the sentence
        lo = frames[index - 1].trigger.end if index else start
        hi = frames[index + 1].trigger.start if index + 1 < len(frames) else end
        # a row may list nouns with verbs ("attaque", "attaquer"): the word found says how its sides hang on it
        nominal = row.nominal or token.pos == "NOUN"
        # places the tree hangs on the trigger first ("ont attaqué Bana, Kiro et Tessit"), then by position
        attached = {(w.start, w.end) for w in attachment(tree, token, nominal)}
        frame.places = _with_coordinated(
            text, [p for p in sentence_places if any(s <= p.start < e for s, e in attached)], sentence_places
        )
        frame.coordinated = _coordinated_in_tree(tree, frame.places, cue_tokens)
        if not frame.places:
            frame.places = [p for p in sentence_places if lo <= p.start < hi or t.start <= p.start < t.end]
        if not frame.places:
            # a place named before the first cue frames the whole sentence ("À Raqqa, ...")
            frame.places = [p for p in sentence_places if p.end <= t.start][-1:]
        frame.country_level = not sentence_places and (
            cues.country_level.search(text, start, end) is not None or _in_a_country(text, start, end, cues))
        frame.unplaced = not frame.places and any(lo <= s < hi for s, _ in mentions.unplaced)
        # a date inside a relative clause in a past tense dates what that clause describes ("localité d'où
        # était partie en 2010 la contestation"), not the trigger
        described_spans = (past_relative_clauses(tree, token) + _since_clauses(tree, token)
                           + _report_time(tree, token, cues.saying_verbs))
        # a day told in a participle on another noun is that noun's (a year there is read as before)
        described_days = _participle_modifiers(tree, token, {f.trigger.start for f in frames},
                                               triggers.harm_verbs | triggers.state_participles | triggers.time_nouns,
                                               triggers.occasion_words)
        # a day, week or month more than a week old in a "depuis" phrase the cue is not part of opens a period
        opened = _since_phrases(tree, token, triggers.period_marks)
        # ... and so does the day that ends one, told after it ("depuis l'attaque de Brazzaville, dans la nuit du 3 au
        # 4 avril, les embuscades ... ont provoqué l'exode")
        opened += [(day.start, day.end) for other in tree.tokens if other.i != token.i
                   and (day := _period_opened_by(text, tree, other, mentions, triggers.period_marks)) is not None]
        # "les victimes de l'explosion du 4 août": a day that complements another noun is that noun's
        described_days += _days_of_other_nouns(tree, token, sentence_dates, triggers.time_nouns,
                                              triggers.harm_verbs | triggers.state_participles)
        own_dates = [d for d in sentence_dates if not any(s <= d.start < e for s, e in described_spans)
                     and not (d.kind == "day" and any(s <= d.start < e for s, e in described_days))
                     and not (opens_a_period(d, mentions.published) and any(s <= d.start < e for s, e in opened))]
        # "a annoncé mercredi avoir tué ... lors d'une opération menée lundi": the saying verb's day dates the
        # report, when the clause it reports names a day of its own
        said = _said_time(tree, token, cues.saying_verbs)
        if (told := [d for d in own_dates if not any(s <= d.start < e for s, e in said)]) != own_dates and any(
                d.kind in ("day", "week", "month") for d in told):
            own_dates = told
        frame.others_days = [d for d in sentence_dates if d.kind == "day" and d not in own_dates]
        frame.dates = [d for d in own_dates if lo <= d.start < hi or t.start <= d.start < t.end]
        frame.dates = frame.dates or own_dates
        frame.day_offset = _day_offset(tree, token, triggers.relative_days, mentions)
        frame.another = _told_as_another(tree, token, triggers.another_modifiers)
        frame.additive = any(k.dep == "advmod" and k.lemma in triggers.additive_adverbs
                             for k in tree.children(clause_head(tree, token)))
        # "l'aviation syrienne", "les bombardiers russes": the cue word may open the actor's name
        frame.actors_before = [a for a in actors if lo <= a.start <= t.start + CUE_ARTICLE]
        if not frame.actors_before:
            frame.actors_before = [a for a in actors if a.start <= t.start][-1:]
        frame.actors_after = [a for a in actors if t.start + CUE_ARTICLE < a.start < hi]
        # "l'armée confirme l'attaque d'un camp": who says the event happened, the saying verb's subject, did not
        # do it (a claim, "les talibans ont revendiqué l'attaque", is no verb of saying here)
        reporters = _reporters_of(tree, token, cues.saying_verbs)
        frame.actors_before = [a for a in frame.actors_before if not any(s <= a.start < e for s, e in reporters)]
        found_roles = _agent_via(tree, token, row.agent_via) if row.agent_via else roles(
            tree, token, triggers.support_verbs, nominal,
            # "a sauté sur une mine": the verbs whose oblique the subject suffers, only for an oblique
            triggers.undergo_words | (triggers.undergo_on_words if token.dep.startswith("obl") else frozenset()),
            triggers.harm_verbs,
        )
        frame.undergone = found_roles.undergone
        frame.agents = _actors_within(actors, found_roles.agents)
        if not frame.agents:
            frame.antecedent = _antecedent_of(text, found_roles.agents, mentions)
        frame.patients = _actors_within(actors, found_roles.patients)
        frame.civilian_target = _hits(tree, token, found_roles.patients, sentence_dates,
                                      lambda noun: noun.lemma in cues.civilian_targets
                                      or _counted_people_of_a_nation(tree, noun, actors)) or _inside_a_venue(
                                          tree, token, cues.civilian_venues)
        frame.forces_target = _hits(tree, token, found_roles.patients, sentence_dates,
                                    _a_place_of(tree, cues, cues.forces_qualifiers,
                                                cues.police_targets | cues.army_targets))
        frame.police_target = frame.forces_target and _hits(
            tree, token, found_roles.patients, sentence_dates,
            _a_place_of(tree, cues, cues.police_qualifiers, cues.police_targets))
        if not cumulative:
            # "les proches des victimes de l'explosion, qui a tué 200 personnes, ont manifesté": the blast's toll
            others = subject_relatives_on_others(tree, token, _noun_phrase(tree, token) if token.pos == "NOUN"
                                                 else {token.i})
            # a toll that holds another cue's words ("ont tué trois civils") is that cue's
            frame.tolls = [x for x in mentions.tolls_in(start, end) if (lo <= x.start < hi or lo < x.end <= hi)
                           and not any(s <= x.start < e for s, e in others)
                           and not (index + 1 < len(frames) and x.start <= hi < x.end)
                           and not (index and x.start < lo <= x.end)]
            frame.counted = _counts_at_places(text, start, sentence_places, mentions.tolls_in(start, end), (lo, hi),
                                              cues)
    frames = _fold_objects_into_verbs(frames, tree, triggers.time_nouns)
    frames = _fold_means_into_acts(frames, tree, triggers.gunfire_nouns)
    return _drop_subsumed_frames(_grenades_into_the_fight(frames, tree, triggers.gunfire_nouns), tree)


def _told_as_another(tree: Tree, token: Token, modifiers: frozenset[str]) -> bool:
    """"une autre frappe", "ont attaqué un autre poste": the cue noun, or the object of the cue verb, says it is
    another of its kind."""
    heads = [token, *(k for k in tree.children(token) if k.dep in OBJECT_DEPS)]
    return any(k.lemma in modifiers and k.dep in ("amod", "det") for head in heads for k in tree.children(head))


def _counts_at_places(text: str, sentence_start: int, places: list[PlaceRef], tolls: list[TollRef],
                      reach: tuple[int, int], cues: CueLexicon) -> list[CountedPlace]:
    """The places of the cue's reach each told with a count of its own dead, when two or more are: "cinq civils à
    Ariha, trois à Saraqeb et deux à Jisr" (a toll, or a bare number standing for one, right before the place), "À
    Ariha, les frappes ont fait cinq morts ; à Saraqeb, trois civils ont été tués" (the first toll of the clause
    the place opens). Each count is that place's toll, not a part of one toll split evenly (codebook section 6)."""
    counted: list[CountedPlace] = []
    for index, place in enumerate(places):
        if not reach[0] <= place.start < reach[1]:
            continue
        floor = max(places[index - 1].end if index else sentence_start, reach[0])
        found = count_before(text, floor, place, tolls, cues) or _count_of_clause(
            text, sentence_start, place, places[index + 1 :], tolls, reach[1], cues)
        if found is not None:
            counted.append(found)
    # "la région a été bombardée ... trois morts à A, deux à B": the towns counted lie in the province the sentence
    # names (a town of that name elsewhere is a homonym, not one of them)
    provinces = {(p.country, p.admin1) for p in places if p.precision == 3 and reach[0] <= p.start < reach[1]}
    if provinces:
        counted = [c for c in counted if (c.place.country, c.place.admin1) in provinces]
    spans = {(c.start, c.end) for c in counted}
    return counted if len(counted) >= 2 and len(spans) == len(counted) else []


# "trois à Saraqeb" after a comma, "et", a colon or "dont" ("dix morts, dont six à A et quatre à B")
ELLIPTIC_COUNT = re.compile(r"(?:^|[,;:]|\bet|\bdont)\s*(?P<count>\d+|[a-zà-ÿ-]+)$", re.IGNORECASE)


def count_before(text: str, floor: int, place: PlaceRef, tolls: list[TollRef], cues: CueLexicon
                 ) -> CountedPlace | None:
    """"cinq civils à Ariha", "trois à Saraqeb", "deux autres dans le village de X": a toll (or a bare number
    after a comma or "et", standing for one) that only a locative stands between and the place."""
    for toll in tolls:
        if floor <= toll.end <= place.start and cues.count_at_place.match(text[toll.end : place.start]):
            return CountedPlace(place, _own_count(text, toll), toll.start, toll.end)
    gap = text[floor : place.start]
    for word in reversed(list(re.finditer(r"[\w-]+", gap))):
        if cues.count_at_place.match(gap[word.end() :]) is None:
            continue  # a word of the locative itself ("dans le village de")
        elliptic = ELLIPTIC_COUNT.search(gap, 0, word.end())
        count = parse_quantity(word.group()) if elliptic is not None else None
        if count is not None and elliptic is not None and elliptic.start("count") == word.start():
            return CountedPlace(place, count, floor + word.start(), floor + word.end())
        if cues.count_at_place.match(" " + gap[word.start() :]) is None:
            break  # a word that is no part of the locative ("cinq [autres] à"): no count stands before it
    return None


def _count_of_clause(text: str, sentence_start: int, place: PlaceRef, later: list[PlaceRef], tolls: list[TollRef],
                     reach_end: int, cues: CueLexicon) -> CountedPlace | None:
    """"; à Saraqeb, trois civils ont été tués", "puis Dori, où quatre personnes ont été tuées": the first toll of
    the clause that the place opens (or that a relative on the place opens), before the next place and clause."""
    fronted = cues.place_opens_clause.search(text[sentence_start : place.start]) is not None and re.match(
        r"\s*,", text[place.end : place.end + 3]) is not None
    if not fronted and cues.place_relative.match(text[place.end : reach_end]) is None:
        return None
    clause_end = min([reach_end, *(p.start for p in later)])
    stop = re.compile(r"[;:]").search(text, place.end, clause_end)
    clause_end = stop.start() if stop is not None else clause_end
    toll = next((t for t in tolls if place.end <= t.start < clause_end), None)
    return CountedPlace(place, _own_count(text, toll), toll.start, toll.end) if toll is not None else None


def _own_count(text: str, toll: TollRef) -> int:
    """The dead a toll's own words count: "12 personnes dans le village de A et 3 dans celui de B" is read as one
    toll of 15, whose words count the 12 of A."""
    own = find_death_tolls(text[toll.start : toll.end])
    return own[0].count if len(own) == 1 else toll.count


TERRITORY = "territory"
TRANSFER = "transfer"


def _killings_beside_past_relatives(
    tree: Tree, found: list[tuple[Trigger, Token, TriggerRow]], killings: list[tuple[Trigger, Token, TriggerRow]]
) -> list[tuple[Trigger, Token, TriggerRow]]:
    """The killing cues outside the relative clauses in a past tense that hold every other cue found."""
    out = []
    for killing in killings:
        spans = past_relative_clauses(tree, killing[1])
        if spans and all(any(s <= f[0].start < e for s, e in spans) for f in found):
            out.append(killing)
    return out


def _without_a_fight(text: str, tree: Tree, found: tuple[Trigger, Token, TriggerRow],
                     cues: CueLexicon) -> tuple[Trigger, Token, TriggerRow]:
    """A capture its clause says was made with no fight ("ont pris le contrôle de la ville sans combat", "sont
    entrés dans Gao sans rencontrer de résistance") is a non-violent transfer of territory (codebook section 2);
    any other cue as it was found."""
    trigger, token, row = found
    if trigger.category.name != TERRITORY:
        return found
    span = tree.span(tree.subtree(clause_head(tree, token)))
    if span is None or cues.no_fight.search(text, *span) is None:
        return found
    return replace(trigger, category=load_categories()[TRANSFER]), token, row


def _aircraft_words_naming_people(tree: Tree, actors: Sequence[ActorRef], cues: CueLexicon) -> frozenset[int]:
    """"des chasseurs dozos ont attaqué", "les chasseurs traditionnels": a word that names aircraft elsewhere
    ("chasseurs") opens the registry's name of an armed group of people (the Dozo hunters), which goes on with
    no preposition after it; "les drones du Hezbollah", "les avions de la coalition" are aircraft of a side."""
    return frozenset(
        t.i for a in actors if not a.state and not a.generic for t in tree.tokens
        if a.start <= t.start and t.end < a.end and cues.aircraft.fullmatch(t.text)
        and (after := tree.get(t.i + 1)) is not None and after.start < a.end and after.pos != "ADP")


def _in_a_country(text: str, start: int, end: int, cues: CueLexicon) -> bool:
    """Does the sentence place something in a country, or a compass part of it ("en Afghanistan", "dans le sud du
    Liban")? With no finer place in the sentence, that is all it says of where (codebook section 4)."""
    return any(cues.in_a_country.search(text[max(start, s - COUNTRY_REACH) : s])
               for s, _, _ in country_names_in(text) if start <= s < end)


def _an_ordinary_crime_arrest(text: str, sentence: tuple[int, int], trigger: Trigger, cues: CueLexicon) -> bool:
    """An arrest told in a sentence that names a crime of no political violence ("ont arrêté un individu en
    possession de cannabis", "ont interpellé 43 orpailleurs"): the codebook's arrests are of the sides of a
    conflict. The sentence, not the clause: the parser often cuts "Concernant la lutte contre le crime
    organisé, les unités ont arrêté ..." into pieces."""
    return trigger.category.sub_event_type == "Arrests" and cues.ordinary_crime.search(text, *sentence) is not None


def _day_offset(tree: Tree, token: Token, relative: RelativeDays, mentions: Mentions) -> int:
    """Days from the day a sentence tells to the event an action noun names, when the noun is placed from it
    ("quatre jours après l'attentat" -> -4, "au lendemain de l'attaque" -> -1); 0 when the noun's phrase names
    its own day ("deux jours après l'attaque du 3 mars") or no offset is said."""
    if token.pos != "NOUN":
        return 0
    # the offset hangs on the cue's noun or on a noun above it in its phrase ("cinq jours après un attentat à la
    # bombe"), not higher than the first that bears one
    while True:
        offset = _counted_offset(tree, token, relative)
        head = tree.head(token)
        if not offset and head is not None and head.pos == "NOUN" and head.lemma in relative.heads:
            offset = relative.heads[head.lemma]
        if offset or token.dep != "nmod" or head is None or head.pos != "NOUN":
            break
        token = head
    if offset and _names_a_day(tree, mentions, tree.subtree(token)):
        return 0
    return offset


def _counted_offset(tree: Tree, token: Token, relative: RelativeDays) -> int:
    """"quatre jours après l'attentat": the direction of the noun's case mark times its counted unit's days."""
    children = tree.children(token)
    direction = next((relative.marks[k.lemma] for k in children if k.dep == "case" and k.lemma in relative.marks), 0)
    for unit in children if direction else ():
        count = next((parse_quantity(k.text) for k in tree.children(unit) if k.dep == "nummod"), None)
        if unit.lemma in relative.units and count:
            return direction * count * relative.units[unit.lemma]
    return 0


def _acting_names(tree: Tree) -> list[int]:
    """Where the proper nouns that are the subject of an active verb start: "Téhéran a lancé des missiles",
    "Moscou a frappé": a city that acts is its government, not where the event is."""
    return [t.start for t in tree.tokens if t.dep == "nsubj" and t.pos == "PROPN"
            and (head := tree.head(t)) is not None and head.pos == "VERB"]


def _home_names(tree: Tree, home_nouns: frozenset[str], area_nouns: frozenset[str]) -> list[int]:
    """Where the proper nouns start that say whose a force is, not where the event is: the plain "de"
    complement of a force noun ("le chef d'une milice de Misrata"), through the area nouns between them ("les
    forces kurdes de la région autonome du Kurdistan"). "des troupes près de Malakal" places them."""
    starts = []
    for token in tree.tokens:
        if token.pos != "PROPN" or token.dep != "nmod":
            continue
        kids = tree.children(token)
        if {k.lemma for k in kids if k.dep in ("case", "fixed")} != {"de"} or any(k.dep == "advmod" for k in kids):
            continue
        head = tree.head(token)
        while head is not None and head.pos == "NOUN" and head.lemma in area_nouns and head.dep == "nmod":
            head = tree.head(head)
        if head is not None and head.pos == "NOUN" and head.lemma in home_nouns:
            starts.append(token.start)
    return starts


def _with_coordinated(text: str, places: list[PlaceRef], sentence_places: list[PlaceRef]) -> list[PlaceRef]:
    """The places the tree attached, and the ones listed after them ("ont visé Maarat al-Nouman et Saraqeb"):
    the parser often loses a list's later members when a hyphenated name breaks its tree."""
    if not places:
        return places
    out = list(places)
    for place in sentence_places:
        if place.start < out[-1].end or place in out or situates(text, out[-1], place):
            continue
        if not listed_together(text, out[-1], place):
            break
        out.append(place)
    return out


def _coordinated_in_tree(tree: Tree, places: list[PlaceRef], cue_tokens: set[int]) -> set[tuple[int, int]]:
    """The pairs of successive places (by start) that sit in coordinated nouns: the later one in a conjunct of a
    noun whose own part holds the earlier ("des positions à Homs et des dépôts à Hama"; the parser may make
    "dépôts" a conjunct of "Homs"). A conjunct that is a cue is an event of its own, not a list member."""
    at = {t.start: t for t in tree.tokens}
    pairs = set()
    for first, then in zip(places, places[1:], strict=False):
        a, b = at.get(first.start), at.get(then.start)
        if a is not None and b is not None and _in_a_later_conjunct(tree, a, b, cue_tokens):
            pairs.add((first.start, then.start))
    return pairs


NOMINALS = frozenset({"NOUN", "PROPN"})


def _in_a_later_conjunct(tree: Tree, a: Token, b: Token, cue_tokens: set[int]) -> bool:
    """Does ``b``'s noun phrase go up to a conjunct of a noun whose part outside that conjunct holds ``a``?"""
    token: Token | None = b
    while token is not None and token.pos in NOMINALS and token.i not in cue_tokens:
        head = tree.head(token)
        if token.dep == "conj" and head is not None and head.pos in NOMINALS and head.i not in cue_tokens:
            if not any(k.dep == "cc" for k in tree.children(token)):
                return False  # "le quartier de Jaramana, à Damas": a comma alone apposes, it lists nothing
            inside = {t.i for t in tree.subtree(token)}
            return a.i not in inside and any(t.i == a.i for t in tree.subtree(head))
        if head is None or head.i == token.i:
            return False
        token = head
    return False


def situates(text: str, place: PlaceRef, reference: PlaceRef) -> bool:
    """Is ``reference`` the town a compass apposition right after ``place`` situates it by ("Yabroud, au nord de
    Damas")? A list goes on past it."""
    return COMPASS_REFERENCE.fullmatch(text, place.end, reference.start) is not None


def listed_together(text: str, first: PlaceRef, then: PlaceRef) -> bool:
    """Is ``then`` the next member of a list that ``first`` is in ("Bana, Kiro et Tessit", "les villages de Kfar
    Kila et de Khiam"), not a place that situates it ("Jaramana, à Damas")?"""
    gap = text[first.end : then.start]
    # "l'axe Mora-Waza": two places a hyphen joins are a pair (a road's two ends)
    if gap == "-":
        return True
    if not gap.strip() or NAME_GOES_ON.match(text, then.end):
        return False  # "Bab Sbaa": two names side by side are one name the gazetteer holds in parts
    if COMPLEMENT_GAP.fullmatch(gap):
        return False  # "la Vieille Ville de Jérusalem": the second place is the first's town, not a member
    gap = _UNKNOWN_MEMBERS.sub("", COMPASS_APPOSITION.sub("", gap, count=1), count=1)
    # "à Moscou, à Omsk et à Tomsk": where the list goes on with its preposition, ", à" is no apposition
    return COORDINATION.match(gap) is not None and (
        APPOSED_PLACE.match(gap) is None or LIST_GOES_ON.match(text, then.end) is not None)


def _hits(tree: Tree, trigger: Token, patients: tuple[tuple[int, int], ...], dates: list[DateRef],
          kind: Callable[[Token], bool]) -> bool:
    """Is what the trigger hits of a ``kind`` (a village, a market; a military base)? The tree's target, or, for
    a verb, the first noun after it outside the sentence's date mentions (the parser hangs "le village" on
    "vendredi" in "ont attaqué vendredi le village")."""
    if any(t.pos == "NOUN" and kind(t) and any(s <= t.start < e for s, e in patients) for t in tree.tokens):
        return True
    if trigger.pos != "VERB":
        return False
    after = [t for t in tree.tokens if t.i > trigger.i and t.pos == "NOUN"
             and not any(d.start <= t.start < d.end for d in dates)]
    return bool(after) and after[0].i - trigger.i <= 6 and kind(after[0])


def _counted_people_of_a_nation(tree: Tree, noun: Token, actors: list[ActorRef]) -> bool:
    """"a poignardé trois Israéliens", "ont tué deux Maliens": people counted and named by their nation (a
    capitalised common noun, "israélien" its lemma), no armed side, are civilians, as in a death toll."""
    return (noun.text[:1].isupper() and noun.lemma[:1].islower() and noun.i > tree.tokens[0].i
            and any(k.dep == "nummod" for k in tree.children(noun))
            and not any(a.start <= noun.start < a.end for a in actors))


def _inside_a_venue(tree: Tree, trigger: Token, venues: frozenset[str]) -> bool:
    """Is the trigger told as taking place inside one of the ``venues`` ("l'attaque par des hommes armés dans un
    cabaret", "ont ouvert le feu dans un bar")? Where people gather, they are what it hits."""
    return any(t.lemma in venues and any(c.dep == "case" and c.lemma == "dans" for c in tree.children(t))
               for t in tree.subtree(trigger) if t.i != trigger.i)


def _a_place_of(tree: Tree, cues: CueLexicon, qualifiers: frozenset[str],
                as_such: frozenset[str]) -> Callable[[Token], bool]:
    """A place or unit of a state force: one that is the force's ``as_such`` ("le commissariat", "la caserne"),
    or a base, post or convoy the ``qualifiers`` make the force's ("une base militaire", "un convoi de l'armée",
    "un poste de police")."""
    return lambda noun: noun.lemma in as_such or noun.lemma in cues.forces_targets and any(
        k.lemma in qualifiers for k in tree.children(noun))


def _verb_taking(tree: Tree, noun: Token, lemmas: frozenset[str], deps: tuple[str, ...] = ("obj",)) -> Token | None:
    """The verb of ``lemmas`` that takes the noun in one of the ``deps`` slots, or None."""
    verb = tree.head(noun) if noun.pos == "NOUN" and noun.dep in deps else None
    return verb if verb is not None and verb.lemma in lemmas else None


def _reporters_of(tree: Tree, token: Token, saying_verbs: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """The spans of the subjects of a verb of saying whose object is the cue noun."""
    if (verb := _verb_taking(tree, token, saying_verbs)) is None:
        return ()
    subjects = [k for k in tree.children(verb) if k.dep == "nsubj"]
    return tuple(span for k in subjects if (span := tree.span(tree.subtree(k))) is not None)


def _report_time(tree: Tree, token: Token, saying_verbs: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of the time phrases of a verb of saying that reports the cue noun ("l'attaque a été rapportée
    mercredi par des médias", "l'armée a confirmé jeudi l'attaque"): they date the report, not the event (a day
    inside the noun's phrase, "l'attaque de lundi", still dates it)."""
    verb = _verb_taking(tree, token, saying_verbs, ("obj", "nsubj:pass"))
    return [] if verb is None else _time_phrases(tree, verb, token)


def _said_time(tree: Tree, token: Token, saying_verbs: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of the time phrases of a verb of saying whose reported clause the cue verb heads ("l'armée a
    annoncé mercredi avoir tué vingt terroristes", "a indiqué jeudi que des soldats ont été tués")."""
    verb = tree.head(token) if token.pos == "VERB" and token.dep in ("xcomp", "ccomp") else None
    if verb is None or verb.lemma not in saying_verbs:
        return []
    return _time_phrases(tree, verb, token)


def _time_phrases(tree: Tree, verb: Token, token: Token) -> list[tuple[int, int]]:
    """The spans of the time phrases hung on a verb of saying, other than the cue ``token`` itself."""
    return [span for k in tree.children(verb) if k.dep in REPORT_TIME_DEPS and k.i != token.i
            and (span := tree.span(tree.subtree(k))) is not None]


def _actors_within(actors: list[ActorRef], spans: tuple[tuple[int, int], ...]) -> list[ActorRef]:
    """The actors named in the spans: a name that begins inside one belongs to it, though the parse may have
    cut the name off ("par des membres du groupe djihadiste Boko Haram": "Boko" hung elsewhere)."""
    return [a for a in actors if any(s <= a.start < e for s, e in spans)]


def _antecedent_of(text: str, agents: tuple[tuple[int, int], ...], mentions: Mentions) -> ActorRef | None:
    """The armed group an anaphoric subject ("le groupe", "ce mouvement") takes up: the nearest non-state side
    named before it by its name (not "des rebelles"), in its sentence or the one before."""
    for start, end in agents:
        if ANAPHORIC_AGENT.fullmatch(text[start:end].strip()) is None:
            continue
        before = [a for a in mentions.actors_in(max(0, start - ANTECEDENT_REACH), start)
                  if not a.generic and not a.state]
        return before[-1] if before else None
    return None


def _agent_via(tree: Tree, token: Token, lemmas: frozenset[str]) -> Roles:
    """"tombée aux mains des rebelles", "passée sous le contrôle du M23": the complement of "mains" or
    "contrôle" took the place."""
    heads = [k for k in tree.children(token) if k.lemma in lemmas]
    complements = [c for h in heads for c in tree.children(h) if c.dep == "nmod"]
    spans = tuple(s for c in complements if (s := tree.span(tree.subtree(c))) is not None)
    return Roles(agents=spans)


def _purpose_of_a_described_thing(tree: Tree, verb: Token) -> bool:
    """"la coalition formée pour combattre les Houthis": the purpose of a participle that describes a noun says
    what the thing is for, not what it did ("l'aviation est intervenue pour bombarder" reports the bombing)."""
    head = tree.head(verb)
    return verb.feature("VerbForm") == "Inf" and head is not None and head.dep == "acl"


def exclusion_reason(
    text: str, tree: Tree, token: Token, cues: CueLexicon, triggers: TriggerLexicon, mentions: Mentions,
    wordings: dict[tuple[int, ...], str | None] | None = None, crowd: bool = False, capture: bool = False,
) -> str | None:
    """Why the trigger reports no fact (denied, planned, forecast, habitual, a long total), or None.

    Scope is the trigger's own clause and the verbs that govern it, never the whole sentence.
    ``wordings``: :func:`_clause_wording` by clause (its tokens' indexes), kept by the caller for the other
    triggers of the sentence. ``crowd``: the trigger tells a demonstration or a riot, whose clause may say what
    the crowd demands ("ont défilé et réclament la libération de l'opposant") without being unreal.
    """
    if tree.tokens and tree.tokens[-1].text == "?":
        return "a question"  # "Y a-t-il eu des explosions ?" asks, it does not report
    if is_negated(tree, token):
        return "negated"
    modifiers = _noun_modifiers(tree, token) if token.pos == "NOUN" else set()
    if modifiers & triggers.anticipation_modifiers:
        return "an event to come"  # "la prochaine bataille", "une éventuelle attaque"
    if modifiers & triggers.habit_modifiers:
        return "a habit"  # "des affrontements réguliers", "des attaques répétées"
    if token.pos == "NOUN" and (determiners := [k for k in tree.children(token) if k.dep == "det"]) and all(
            k.text.lower() in triggers.any_determiners for k in determiners):
        return "any event of its kind"  # "a interdit tout rassemblement", "contre toute manifestation"
    if token.lemma in triggers.classifier_nouns and _bare_complement(tree, token):
        return "a kind of thing"  # "les opérations de combat s'achèvent", "un avion de combat"
    if token.pos == "NOUN" and token.lemma not in triggers.counted_within_one_event and any(
            k.dep == "nummod" and (parse_quantity(k.text) or 0) >= triggers.tally_min_events
            for k in tree.children(token)):
        return "a tally of events"  # "ont mené jusqu'ici 350 assauts", "57 attaques suicides ont fait 605 morts"
    # a noun listed after another ("la violence et les enlèvements ont augmenté") stands where the first does
    lead = _first_conjunct(tree, token) if token.pos == "NOUN" else token
    if (head := _abstract_head(tree, lead, triggers.abstract_heads)) is not None:
        return f"what {head.text!r} is about"  # "l'augmentation des attaques", "la fin des combats"
    if (verb := _perceiving_verb(tree, lead, triggers.perception_verbs)) is not None:
        return f"a sound heard: {verb.text!r}"  # "ont entendu des tirs", "des explosions ont été entendues"
    if token.pos == "NOUN" and token.dep.startswith("obl") and (verb := tree.head(token)) is not None and any(
            k.dep == "obj" and k.lemma in triggers.abstract_heads for k in tree.children(verb)):
        return f"what {verb.text!r} ends or stops"  # "mettre fin aux combats", "mettre un terme aux violences"
    if token.pos == "NOUN" and (lead.dep == "obj" or lead.dep.startswith(("nsubj", "obl"))) and (
            verb := tree.head(lead)) is not None and verb.lemma in triggers.trend_verbs:
        return f"a trend: {verb.text!r}"  # "les enlèvements ont augmenté", "spécialisé dans les enlèvements"
    if (verb := _habitual_present(tree, lead, triggers.nowadays_adverbs)) is not None and not _names_a_day(
            tree, mentions):
        # "le groupe procède maintenant à des attaques contre les commerçants", "l'armée utilise aujourd'hui des
        # frappes aériennes": events of a kind a side now does, told in the present, are what it does, not one event
        # (a narrative present tells one: "les militaires lancent des gaz lacrymogènes sur la foule")
        return f"what a side now does: {verb.text!r}"
    if _describes_in_the_present(tree, token) and not _names_a_day(tree, mentions, tree.subtree(token)):
        return f"a relative clause in the present, describing: {token.text!r}"  # "les jihadistes, qui combattent"
    if token.pos == "NOUN" and not _names_a_day(tree, mentions, tree.subtree(token)) and (relative := next(
            (k for k in tree.children(token) if _describes_in_the_present(tree, k)), None)) is not None:
        # "la bataille qui oppose les jihadistes aux Kurdes pour Kobané a suscité des manifestations": a fight told
        # by what it is, in the present, is the background of the story, not one of its events (a day named in the
        # phrase makes it news: "les combats qui opposent depuis mardi l'armée aux rebelles")
        return f"an event described in the present: {relative.text!r}"
    if token.pos == "NOUN" and token.dep.startswith("nsubj") and (where := _where_in_the_present(tree, token)) \
            is not None and not _names_a_day(tree, mentions, tree.subtree(tree.head(token) or token)):
        # "la région du Nord-Kordofan, où les combats sont actuellement les plus intenses": what goes on at a place,
        # told in the present, describes the place (the parser may hang the clause as a conjunct)
        return f"a place described in the present: {where.text!r}"
    if token.pos == "NOUN" and token.dep == "nmod" and (zone := tree.head(token)) is not None and \
            zone.lemma in triggers.zone_nouns and not _names_a_day(tree, mentions, tree.subtree(token)):
        return f"a zone named by it: {zone.text!r}"  # "piégés dans la zone des bombardements"
    if token.pos == "NOUN" and token.dep == "nmod" and (left := tree.head(token)) is not None and \
            left.lemma in triggers.aftermath_heads and not _names_a_day(tree, mentions, tree.subtree(token)):
        return f"what fighting left or how long it lasted: {left.text!r}"  # "les vestiges du combat"
    if token.pos == "NOUN" and _told_as_a_run(tree, token, triggers) and not _names_a_week(tree, mentions) \
            and not _names_a_town(tree, mentions):
        # "trois attaques ont fait des morts dans le département", "une série d'enlèvements a secoué la région": a
        # run of events told with no day and no town sums them up, it tells none of them; one told this week ("deux
        # attaques ont visé cette semaine la région. La première ...") is news the article may take up one by one
        return "a run of events told with no day and no town"
    if token.pos == "NOUN" and (described := _place_described_by(tree, token, triggers.place_nouns)) is not None \
            and not _names_a_day(tree, mentions, tree.subtree(described)):
        # "Kasserine, ville agitée par des heurts": what a place is shaken by, told as what it is, is the background
        # of the story (a day named makes it news: "la ville, secouée mardi par des heurts")
        return f"a place described: {described.text!r}"
    for governor in governing_chain(tree, token):
        marks = {k.lemma for k in tree.children(governor) if k.dep == "mark"}
        if marks & triggers.negating_marks:
            return f"negated by {governor.text!r}"  # "sans combattre"
        if marks & triggers.period_marks and not _names_a_day(tree, mentions, tree.subtree(governor)):
            # "depuis que des milliers sont descendus dans la rue il y a trois mois": where a period starts,
            # told as background (a day named there is news: "depuis que l'armée a repris vendredi le quartier")
            return f"the start of a period: {governor.text!r}"
        aim = marks & triggers.purpose_marks and governor.pos == "VERB"
        if aim and (governor.lemma in triggers.aim_lemmas or _purpose_of_a_described_thing(tree, governor)):
            return f"an aim: {governor.text!r}"  # "pour reprendre la ville", "une coalition formée pour combattre"
        if aim and governor.i != token.i and governor.lemma in triggers.support_verbs and token.dep in OBJECT_DEPS \
                and (head := tree.head(token)) is not None and head.i == governor.i:
            # "la patrouille était en route pour effectuer un raid": the act a verb of doing is for is its aim
            return f"an aim: {governor.text!r}"
        if governor.i != token.i and governor.lemma in triggers.plan_lemmas and not (
                crowd and cues.crowd_demands.fullmatch(governor.text.lower()) and _in_subject(tree, governor, token)):
            # "menacent d'attaquer", "préparaient une attaque"; but "des milliers de manifestants ont réclamé
            # lundi la démission du ministre": the crowd that demands is there, only what it demands is not
            return f"governed by {governor.lemma!r}"
        if governor.i != token.i and governor.lemma in triggers.habit_lemmas and _simple_tense(tree, governor) \
                and not _names_a_day(tree, mentions):
            return f"a disposition: {governor.text!r}"  # "n'hésite pas à exécuter ses otages"
        if governor.pos in ("VERB", "AUX") and _hypothetical(tree, governor):
            return f"future or conditional: {governor.text!r}"
        for subordinate in (k for k in tree.children(governor) if k.dep == "advcl"):
            # "ont tué 50 personnes depuis que...": a total, unless the sentence names the day
            period = {k.lemma for k in tree.children(subordinate) if k.dep == "mark"} & triggers.period_marks
            if period and not _names_a_day(tree, mentions):
                return f"a total over a period: {subordinate.text!r}"
    if (opener := _fronted_since_the_start(text, tree, cues)) is not None:
        return f"a total since the start, fronted: {opener!r}"
    clause = clause_of(tree, token)
    span = tree.span(clause)
    if span is None:
        return None
    lo, hi = span
    in_clause = _on_tokens_of(clause)
    # "aux cris de « Biya doit partir »", "pour « groupement en vue de commettre des violences »": words quoted
    # apart from the cue are someone else's (a slogan, a charge), not the mood in which the cue is told
    quoted = tuple(q for q in _quoted_spans(text, lo, hi) if not q[0] < token.start < q[1])
    indexes = (*(t.i for t in clause), *(start for start, _ in quoted), *((-1,) if crowd else ()),
               *((-2,) if capture else ()))
    if wordings is None or indexes not in wordings:
        wording = _clause_wording(text, cues, lo, hi, lambda offset: in_clause(offset) and not any(
            start < offset < end for start, end in quoted), demands_allowed=crowd, capture=capture)
        if wordings is not None:
            wordings[indexes] = wording
    else:
        wording = wordings[indexes]  # the same tokens and quotes: the same span and the same matches in it
    if wording is not None:
        return wording
    own_dates = [d for d in mentions.dates_in(lo, hi) if in_clause(d.start)]
    if (long_period := _long_period(text, cues, own_dates)) is not None:
        return f"long period in its clause: {long_period!r}"
    if (since := _period_since(text, tree, token, own_dates, triggers.period_marks, mentions.published)) is not None:
        return f"a total since {text[since.start:since.end]!r}"
    if (start := _period_opened_by(text, tree, token, mentions, triggers.period_marks)) is not None:
        # "retranchés dans la forêt depuis l'attaque de Brazzaville, dans la nuit du 3 au 4 avril": an event told as
        # the start of a period, months ago, is the background the period runs from, not the story's news (a recent
        # one is: "les écoles sont fermées depuis l'attaque de mardi")
        return f"the start of a period: {text[start.start:start.end]!r}"
    head = clause_head(tree, token)
    if head.feature("VerbForm") in ("Inf", "Part") and not own_dates:
        # "avaient combattu l'armée entre 1998 et 2003, avant de signer un cessez-le-feu": a clause with no
        # tense and no date of its own is told in the time of the clause it hangs on
        upper = tree.head(head)
        if upper is not None and (long_period := _long_period(text, cues, _dates_of(tree, upper, mentions))):
            return f"long period in the clause it hangs on: {long_period!r}"
    return None


CLAUSE_ENDS = frozenset({",", ";", ":", ".", "!", "?"})


def _participle_modifiers(tree: Tree, token: Token, cue_starts: set[int],
                          harm_verbs: frozenset[str],
                          occasion_words: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The spans of the past participles that describe another noun than the cue's, with what hangs on them
    ("l'explosion survenue le 4 août", "un jeune homme arrêté lundi soir"): a date there tells when that noun's
    own story happened, as in a relative clause, not when ``token``'s event did. A participle that tells an
    event of the sentence, or its toll ("douze rebelles tués mardi"), dates it: it is left out. So are the
    ``harm_verbs`` the caller adds a participle of state to ("tué par des hommes armés mardi") and a day the
    tagger took for a participle ("a fait quinze morts dimanche"). A noun the cue's clause makes its occasion
    ("ont tué vingt terroristes lors d'une opération menée lundi": ``occasion_words``) is the event itself."""
    own = _noun_phrase(tree, token) if token.pos == "NOUN" else {token.i}
    spans = []
    for verb in tree.tokens:
        if verb.dep != "acl" or verb.feature("VerbForm") != "Part" or verb.feature("Tense") != "Past":
            continue
        if verb.head in own:
            continue  # "la manifestation organisée mardi": the cue's own phrase, which the day dates
        if any(k.dep.startswith("aux") for k in tree.children(verb)):
            continue  # "a enlevé dimanche": a compound tense the parse hung on a noun, not a modifier
        if _occasion_of(tree, tree.head(verb), token, occasion_words):
            continue
        inside = tree.subtree(verb)
        if verb.lemma in harm_verbs or any(t.i == token.i or t.start in cue_starts for t in inside):
            continue
        span = tree.span(inside)
        if span is not None:
            spans.append(span)
    return spans


def _occasion_of(tree: Tree, noun: Token | None, cue: Token, occasion_words: frozenset[str]) -> bool:
    """Is ``noun`` the occasion the cue's clause names ("lors d'une opération", "au cours d'une patrouille",
    "pendant une marche"), hung on the cue or on its clause's head?"""
    if noun is None or not occasion_words:
        return False
    marked = [k for k in tree.children(noun) if k.dep == "case" and k.lemma in occasion_words]
    word = tree.head(noun) if not marked else None
    if not marked and (word is None or word.lemma not in occasion_words):
        return False
    host = tree.head(word) if word is not None else tree.head(noun)
    return host is not None and host.i in (cue.i, clause_head(tree, cue).i)


# the links that keep to a noun's own phrase ("l'attaque d'un camp de l'armée"); a clause that hangs on the noun
# ("l'attentat, qui ... ressemble à celui commis le 17 février") tells of other things than the noun
PHRASE_DEPS = frozenset({"nmod", "amod", "det", "case", "nummod", "appos", "flat", "flat:name", "compound", "fixed",
                         "advmod"})


def _noun_phrase(tree: Tree, noun: Token) -> set[int]:
    """The indexes of the noun and of the words of its own phrase: its complements, not the clauses on it."""
    phrase, todo = {noun.i}, [noun]
    while todo:
        for child in tree.children(todo.pop()):
            if child.dep in PHRASE_DEPS and child.i not in phrase:
                phrase.add(child.i)
                todo.append(child)
    return phrase


OF_CASES = frozenset({"de", "du", "d'", "d’"})


def _days_of_other_nouns(tree: Tree, token: Token, dates: list[DateRef], time_nouns: frozenset[str],
                         harm_verbs: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of the days that a "de" makes the complement of a noun outside the cue's own phrase ("les
    proches des victimes de l'explosion du 4 août ont manifesté"): that noun's day, as in a participle on it; so
    is a bare day the parse hangs on a noun that a past participle describes ("un jeune homme arrêté lundi soir":
    the arrest's day), unless the participle tells a harm, the toll of the sentence's event ("douze rebelles tués
    mardi"); the caller adds the participles of state to ``harm_verbs`` ("tué par une balle perdue mardi": what
    the bullet is, not an event of its own). A word of time ("dans la nuit du 3 au 4 avril") is when, not what."""
    own = _noun_phrase(tree, token) if token.pos == "NOUN" else {token.i}
    spans = []
    for mention in dates:
        if mention.kind != "day":
            continue
        inside = [t for t in tree.tokens if mention.start <= t.start < mention.end]
        indexes = {t.i for t in inside}
        top = next((t for t in inside if t.head not in indexes and t.head != t.i), None)
        noun = tree.head(top) if top is not None else None
        if top is None or noun is None or top.dep != "nmod" or noun.pos != "NOUN" or noun.i in own:
            continue
        if noun.lemma in time_nouns or noun.feature("NounType") == "Time":
            continue
        described = any(k.dep == "acl" and k.feature("VerbForm") == "Part" and k.feature("Tense") == "Past"
                        and k.lemma not in harm_verbs for k in tree.children(noun))
        if not described and not any(t.dep == "case" and t.text.lower() in OF_CASES for t in inside):
            continue
        spans.append((mention.start, mention.end))
    return spans


def _since_clauses(tree: Tree, token: Token) -> list[tuple[int, int]]:
    """The spans of the "depuis que" clauses that do not contain ``token``, to their next comma: a date there
    opens the period ("les affrontements les plus violents depuis que des milliers sont descendus dans la rue il y
    a trois mois"), it does not date ``token``'s event."""
    spans = []
    for since in tree.tokens:
        after = tree.get(since.i + 1)
        if since.lemma != "depuis" or after is None or after.lemma not in ("que", "qu'"):
            continue
        span, stop = _to_clause_end(tree, since)
        if not since.i <= token.i < stop:
            spans.append(span)
    return spans


def _to_clause_end(tree: Tree, first: Token) -> tuple[tuple[int, int], int]:
    """The character span from ``first`` to the next comma or other clause end (left out), or to the sentence's
    end; and the index of the first token past it."""
    end = next((t for t in tree.tokens if t.i > first.i and t.text in CLAUSE_ENDS), None)
    if end is None:
        return (first.start, tree.tokens[-1].end), tree.tokens[-1].i + 1
    return (first.start, end.start), end.i


def _comparison_clauses(tree: Tree, cue_tokens: set[int], marks: frozenset[str]) -> list[tuple[int, int]]:
    """The spans of the clauses a comparison opens ("comme ils l'ont fait à Fataki") that hold no cue: another
    happening the event is likened to, told by a verb that stands for the cue's ("faire")."""
    spans = []
    for verb in tree.tokens:
        if verb.pos not in ("VERB", "AUX") or not any(
                k.dep == "mark" and k.lemma in marks for k in tree.children(verb)):
            continue
        inside = tree.subtree(verb)
        if any(t.i in cue_tokens for t in inside):
            continue
        span = tree.span(inside)
        if span is not None:
            spans.append(span)
    return spans


def _since_phrases(tree: Tree, token: Token, marks: frozenset[str]) -> list[tuple[int, int]]:
    """The spans from each "depuis" that opens a phrase to the next comma or the end of the clause, when ``token``
    is not in them: "des émeutes que l'on n'avait plus vues depuis les mobilisations de début décembre" are not
    December's; the date that ends the phrase ("depuis l'arrivée de la junte au pouvoir en septembre 2021") is
    the start of the period too, wherever the parse hangs it."""
    spans = []
    for since in tree.tokens:
        if since.lemma not in marks or since.dep != "case":
            continue
        span, stop = _to_clause_end(tree, since)
        if not since.i <= token.i < stop:
            spans.append(span)
    return spans


def opens_a_period(mention: DateRef, published: date | None) -> bool:
    """A day, a week or a month more than a week before publication ("début décembre" in March)."""
    return published is not None and mention.kind in ("day", "week", "month") and (
        published - mention.value).days > LONG_PERIOD_DAYS


def _bare_complement(tree: Tree, token: Token) -> bool:
    """A singular noun with no article, after a bare "de", complement of another noun ("opérations de combat")."""
    kids = tree.children(token)
    return (token.pos == "NOUN" and token.dep == "nmod" and token.feature("Number") == "Sing"
            and not any(k.dep == "det" for k in kids)
            and any(k.dep == "case" and k.text.lower() in ("de", "d'", "d’") for k in kids))


def _first_conjunct(tree: Tree, token: Token) -> Token:
    """The first of the nouns a list coordinates ("des vols et des enlèvements": "vols"), or the token itself."""
    while token.dep == "conj" and (head := tree.head(token)) is not None and head.pos == "NOUN":
        token = head
    return token


def _perceiving_verb(tree: Tree, token: Token, perception_verbs: frozenset[str]) -> Token | None:
    """The verb of perception whose object or passive subject is the cue noun, or the noun it is the
    complement of ("entendu des échanges de coups de feu": "coups" hangs on "échanges"), or None."""
    while token.pos == "NOUN" and token.dep == "nmod" and (head := tree.head(token)) is not None:
        token = head
    return _verb_taking(tree, token, perception_verbs, ("obj", "nsubj:pass"))


def _told_as_a_run(tree: Tree, token: Token, triggers: TriggerLexicon) -> bool:
    """Is the cue noun told as a run of events: counted by a small number ("trois attaques"; a tally of tens is read
    apart), the complement of a series ("une série d'attaques") or the first of a run ("les premières attaques")?"""
    head = tree.head(token)
    if token.dep in ("nmod", "conj") and head is not None and head.lemma in triggers.series_heads:
        return True  # "une série d'enlèvements et d'attaques" (the parser may hang the second as the head's conjunct)
    if token.feature("Number") != "Plur" or token.lemma in triggers.counted_within_one_event:
        return False
    kids = tree.children(token)
    if any(k.dep == "amod" and k.lemma in triggers.series_modifiers for k in kids):
        return True
    return any(k.dep == "nummod" and 2 <= (parse_quantity(k.text) or 0) < triggers.tally_min_events for k in kids)


def _names_a_town(tree: Tree, mentions: Mentions) -> bool:
    """Whether the sentence names a place finer than a province (a town, a village, a district)."""
    span = tree.span(tree.tokens)
    return span is not None and any(place.precision < 3 for place in mentions.places_in(*span))


def _abstract_head(tree: Tree, token: Token, abstract_heads: frozenset[str]) -> Token | None:
    """The abstract noun a cue noun is the complement of, directly or through the nouns between them ("son
    style d'attaques de guérilla": "guérilla" hangs on "attaques", which hangs on "style"), or None."""
    while token.pos == "NOUN" and token.dep == "nmod" and (head := tree.head(token)) is not None:
        if head.lemma in abstract_heads:
            return head
        if head.pos != "NOUN":
            return None
        token = head
    return None


LONG_PERIOD_DAYS = 7
PHRASE_THEN_DATE = re.compile(r"[\s,]*")  # "depuis le début de la contestation le 2 avril": the date follows


def _period_since(text: str, tree: Tree, token: Token, dates: list[DateRef], marks: frozenset[str],
                  published: date | None) -> DateRef | None:
    """The first of ``dates`` that opens a period longer than a week, in (or right after) a phrase that "depuis"
    introduces and that the cue is not part of: "51 manifestants ont été tués depuis le début de la contestation
    le 2 avril" sums the weeks since, while "fermées depuis l'attaque du 3 avril" dates the attack."""
    if published is None:
        return None
    old = [d for d in dates if (published - d.value).days > LONG_PERIOD_DAYS]
    if not old:
        return None
    for phrase in tree.tokens:
        if not any(k.dep == "case" and k.lemma in marks for k in tree.children(phrase)):
            continue
        tokens = tree.subtree(phrase)
        span = tree.span(tokens)
        if span is None or any(t.i == token.i for t in tokens):
            continue
        lo, hi = span
        for mention in old:
            if lo <= mention.start < hi or (
                    hi <= mention.start and PHRASE_THEN_DATE.fullmatch(text, hi, mention.start) is not None):
                return mention
    return None


# what may come between a "depuis" phrase and the date that ends it: ", dans la nuit du 3 au 4 avril" (the date read
# may begin at "au 4 avril"), ", le 3 avril"
SINCE_THEN_DATE = re.compile(r"[\s,]*(?:(?:dans\s+)?la\s+nuit\s+)?(?:du\s+(?:\d{1,2}\s+)?|le\s+)?")


def _noun_modifiers(tree: Tree, noun: Token) -> set[str]:
    """The lemmas of the adjectives and participles that qualify a cue noun, and the "autres" nouns listed with it
    ("les embuscades et autres attaques répétées": the ambushes are among the repeated attacks)."""
    nouns = [noun, *(k for k in tree.children(noun) if k.dep == "conj" and _told_as_others(tree, k))]
    return {k.lemma for n in nouns for k in tree.children(n) if k.dep in ("amod", "acl")}


def _told_as_others(tree: Tree, conjunct: Token) -> bool:
    """Is the conjunct told as "autres" of the same kind ("les embuscades et autres attaques")?"""
    return any(k.dep == "amod" and k.lemma == "autre" for k in tree.children(conjunct))


def periods_opened(text: str, annotation: Annotation, start: int, end: int, mentions: Mentions,
                   marks: frozenset[str]) -> list[DateRef]:
    """The days (weeks, months) more than a month old that date what "depuis" opens in the sentence ("depuis
    l'attaque de Brazzaville, dans la nuit du 3 au 4 avril"): the start of a period, which the sentences after it
    do not take up."""
    tree = Tree.of(annotation.tokens_within(start, end))
    return [day for token in tree.tokens if (day := _period_opened_by(text, tree, token, mentions, marks)) is not None]


BACKGROUND_START_DAYS = 31  # an event a period runs from, told more than a month back, is the story's background


def _period_opened_by(text: str, tree: Tree, token: Token, mentions: Mentions,
                      marks: frozenset[str]) -> DateRef | None:
    """The day, week or month more than a month old that dates a cue noun opened by "depuis" ("depuis l'attaque de
    Brazzaville, dans la nuit du 3 au 4 avril" told in September), or None ("fermées depuis l'attaque du 2 octobre"
    told in mid-October dates an attack that is news)."""
    if token.pos != "NOUN" or not any(k.dep == "case" and k.lemma in marks for k in tree.children(token)):
        return None
    span = tree.span(tree.subtree(token))
    if span is None:
        return None
    lo, hi = span
    for mention in mentions.dates_in(lo, len(text)):
        inside = mention.start < hi
        if not inside and SINCE_THEN_DATE.fullmatch(text, hi, mention.start) is None:
            break
        if mentions.published is not None and mention.kind in ("day", "week", "month") and (
                mentions.published - mention.value).days > BACKGROUND_START_DAYS:
            return mention
        if not inside:
            break
    return None


def _quoted_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The stretches between a pair of double quotes (the normalised text's only kind) that overlap ``[lo, hi)``;
    quotes pair up from the start of the paragraph."""
    start = text.rfind("\n", 0, lo) + 1
    end = text.find("\n", hi)
    marks = [m.start() for m in QUOTE.finditer(text, start, len(text) if end < 0 else end)]
    return [(a, b) for a, b in zip(marks[0::2], marks[1::2], strict=False) if a < hi and b > lo]


def _on_tokens_of(clause: list[Token]) -> Callable[[int], bool]:
    """Whether an offset falls on one of the clause's own tokens (its span may hold an embedded clause's)."""
    starts = [(t.start, t.end) for t in clause]
    return lambda offset: any(s <= offset < e for s, e in starts)


def _dates_of(tree: Tree, token: Token, mentions: Mentions) -> list[DateRef]:
    """The dates that begin on the tokens of ``token``'s clause."""
    clause = clause_of(tree, token)
    span = tree.span(clause)
    if span is None:
        return []
    on_clause = _on_tokens_of(clause)
    return [d for d in mentions.dates_in(*span) if on_clause(d.start)]


def _in_subject(tree: Tree, verb: Token, token: Token) -> bool:
    """Is ``token`` in the phrase of ``verb``'s subject?"""
    return any(k.dep.startswith("nsubj") and any(t.i == token.i for t in tree.subtree(k))
               for k in tree.children(verb))


def _clause_wording(text: str, cues: CueLexicon, lo: int, hi: int, in_clause: Callable[[int], bool],
                    demands_allowed: bool = False, capture: bool = False) -> str | None:
    """The first irrealis, generic or negating wording found in the clause spanning ``[lo, hi)`` (that begins
    on one of its own tokens, ``in_clause``), as :func:`exclusion_reason` tells it, or None; with
    ``demands_allowed``, a crowd's demands are no irrealis wording; with ``capture``, a place taken with no fight
    ("sans combat") is no negation: its capture was a non-violent transfer."""
    patterns = (("irrealis", cues.irrealis), ("generic", cues.generic), ("negation", cues.negation),
                *((("negation", cues.no_fight),) if not capture else ()),
                ("a total since the start", cues.since_the_start))
    for name, pattern in patterns:
        for match in pattern.finditer(text, lo, hi):
            if demands_allowed and name in ("irrealis", "generic") and cues.crowd_demands.fullmatch(match.group(0)):
                continue
            if in_clause(match.start()):
                return f"{name} wording in its clause: {match.group(0)!r}"
    return None


def _fronted_since_the_start(text: str, tree: Tree, cues: CueLexicon) -> str | None:
    """The words of a phrase that counts from the start of a war or a year and opens the sentence, up to its comma
    ("Depuis le début du conflit en avril, ... plus de 5.000 personnes ont péri dans les combats"): fronted, it
    frames the whole sentence, however the parser cuts the tree (it may leave the phrase out of the cue's
    clause)."""
    span = tree.span(tree.tokens)
    if span is None:
        return None
    lo, hi = span
    comma = text.find(",", lo, hi)
    opener = cues.since_the_start.match(text, lo, comma) if comma > 0 else None
    return text[lo:comma] if opener is not None else None


def _long_period(text: str, cues: CueLexicon, dates: list[DateRef]) -> str | None:
    """The words of the first of ``dates`` that is a period longer than a week ("depuis deux ans", "entre 1998
    et 2003")."""
    return next((text[d.start:d.end] for d in dates
                 if d.kind == "period" and not cues.short_period.search(text, d.start, d.end)), None)


def _simple_tense(tree: Tree, verb: Token) -> bool:
    """A finite verb in the present or the imperfect, with no auxiliary ("n'hésite", "n'hésitaient"; not "n'ont pas
    hésité")."""
    return (verb.feature("VerbForm") == "Fin" and verb.feature("Tense") in ("Pres", "Imp")
            and not any(k.dep.startswith("aux") for k in tree.children(verb)))


def _describes_in_the_present(tree: Tree, verb: Token) -> bool:
    """A relative clause whose verb is in the simple present tells what its noun does or is ("les jihadistes,
    qui combattent l'armée dans le nord"); a fact is told in a past tense ("qui ont attaqué le camp")."""
    return (verb.pos == "VERB" and verb.dep == "acl:relcl" and verb.feature("Tense") == "Pres"
            and verb.feature("VerbForm") == "Fin" and not any(k.dep.startswith("aux") for k in tree.children(verb)))


def _place_described_by(tree: Tree, noun: Token, place_nouns: frozenset[str]) -> Token | None:
    """The participle a cue noun is the agent of, when that participle describes a place ("une ville agitée par des
    heurts", "la région, secouée par des violences"), else None."""
    participle = tree.head(noun)
    if noun.dep != "obl:agent" or participle is None or participle.dep not in ("acl", "amod") or \
            participle.feature("VerbForm") != "Part":
        return None
    place = tree.head(participle)
    if place is None or not (place.lemma in place_nouns or place.pos == "PROPN"):
        return None
    return participle


def _where_in_the_present(tree: Tree, subject: Token) -> Token | None:
    """The relative "où" that opens the clause ``subject`` is the subject of, when that clause is in the simple
    present (its verb, or the copula of its predicate), else None."""
    head = tree.head(subject)
    if head is None or head.i == subject.i:
        return None
    kids = tree.children(head)
    where = next((k for k in kids if k.lemma == "où" and k.feature("PronType") == "Rel"), None)
    if where is None or any(k.dep.startswith("aux") for k in kids):
        return None
    verb = head if head.pos in ("VERB", "AUX") else next((k for k in kids if k.dep == "cop"), None)
    if verb is None or verb.feature("Tense") != "Pres" or verb.feature("VerbForm") != "Fin":
        return None
    return where


def _names_a_day(tree: Tree, mentions: Mentions, tokens: Sequence[Token] | None = None) -> bool:
    """Whether a date to the day lies in the tokens (the whole sentence by default)."""
    span = tree.span(tree.tokens if tokens is None else tokens)
    return span is not None and any(d.precision == PRECISION_DAY for d in mentions.dates_in(*span))


def _names_a_week(tree: Tree, mentions: Mentions) -> bool:
    """Whether the sentence names a day or a week ("lundi", "cette semaine")."""
    span = tree.span(tree.tokens)
    return span is not None and any(d.precision <= PRECISION_WEEK for d in mentions.dates_in(*span))


def day_starts(mentions: Mentions, start: int, end: int) -> list[int]:
    """Where the dates to the day between ``start`` and ``end`` begin."""
    return [d.start for d in mentions.dates_in(start, end) if d.precision == 1]


def _habitual_present(tree: Tree, noun: Token, nowadays: frozenset[str]) -> Token | None:
    """The verb in the simple present, told with an adverb of the present time ("maintenant", "désormais"), whose
    indefinite plural object (or complement) the cue noun is ("procède maintenant à des attaques"), or None."""
    if noun.pos != "NOUN" or noun.feature("Number") != "Plur" or noun.dep not in ("obj", "obl:arg"):
        return None
    if not any(k.dep == "det" and k.feature("Definite") == "Ind" for k in tree.children(noun)):
        return None
    verb = tree.head(noun)
    if verb is None or verb.pos != "VERB" or auxiliaries(tree, verb):
        return None
    if verb.feature("Tense") != "Pres" or verb.feature("Mood") != "Ind":
        return None
    return verb if any(k.dep == "advmod" and k.lemma.lower() in nowadays for k in tree.children(verb)) else None


def _hypothetical(tree: Tree, verb: Token) -> bool:
    """Future, or a conditional that is not the reporting past conditional ("auraient été tués" is a
    reported fact; "reprendrait", "pourrait attaquer" are not)."""
    if not is_irrealis_verb(tree, verb):
        return False
    compound = any(a.lemma in ("avoir", "être") and a.feature("Mood") == "Cnd" for a in auxiliaries(tree, verb))
    return not compound or verb.lemma in ("pouvoir", "devoir", "vouloir")


# what introduces the weapon an act was done with ("une attaque à la roquette", "attaqué avec un drone")
MEANS_CASES = frozenset({"à", "au", "aux", "avec", "par"})
FIGHT_CATEGORIES = frozenset({"clash", "attack"})  # the cues of a fight on the ground
WEAPON_OF_A_STRIKE_CASES = frozenset({"de"})  # "des frappes de missiles"


def _fold_objects_into_verbs(frames: list[Frame], tree: Tree, time_nouns: frozenset[str]) -> list[Frame]:
    """"ont repoussé une attaque": an action noun that a cue verb takes as its object is the event that verb
    tells, told once, as the verb tells it (the soldiers who repel the attack do not carry it out). The parser
    may hang the object on a day between them ("ont repoussé dimanche une attaque")."""
    by_token = {f.trigger.token: f for f in frames}
    kept = []
    for frame in frames:
        noun = tree.get(frame.trigger.token)
        verb = tree.head(noun) if noun is not None and noun.pos == "NOUN" and noun.dep == "obj" else None
        while verb is not None and verb.lemma in time_nouns and verb.dep != "ROOT":
            verb = tree.head(verb)
        told = by_token.get(verb.i) if verb is not None and verb.pos == "VERB" else None
        if told is None or told is frame:
            kept.append(frame)
            continue
        told.places = told.places or frame.places
        _take_mentions(told, frame)
    return kept


def _fold_means_into_acts(frames: list[Frame], tree: Tree, gunfire: frozenset[str] = frozenset()) -> list[Frame]:
    """"une attaque à la roquette", "un poste attaqué avec un drone": a fight's cue whose means is a weapon's
    cue is one event, of the weapon's kind; the weapon's frame takes the act's sides, places, dates and tolls.
    A strike named with its weapon ("des frappes russes de missiles") is one strike, told with its own sides.
    A grenade named beside ``gunfire`` ("un assaut à la grenade et à l'arme automatique") is one weapon of the
    fight, which stays one."""
    by_token = {f.trigger.token: f for f in frames}
    folded = set()
    for frame in frames:
        act = tree.get(frame.trigger.token)
        if act is None or frame.trigger.category.event_type != "Battles" and frame.trigger.category.name != "air":
            continue
        strike = frame.trigger.category.name == "air"
        for child in tree.children(act):
            if not any(k.dep == "case" and k.lemma in (WEAPON_OF_A_STRIKE_CASES if strike else MEANS_CASES)
                       for k in tree.children(child)):
                continue
            means = next((by_token[k.i] for k in (child, *tree.children(child)) if k.i in by_token), None)
            if means is not None and strike and means is not frame and (
                    means.trigger.category.event_type == REMOTE_VIOLENCE):
                # one strike, told with its sides ("des frappes russes") and its weapon
                frame.places = frame.places or means.places
                _take_mentions(frame, means)
                folded.add(id(means))
                break
            if means is not None and _beside_gunfire(tree, means, gunfire):
                frame.places = frame.places or means.places
                _take_mentions(frame, means)
                folded.add(id(means))
                break
            if means is not None and means.trigger.category.event_type == REMOTE_VIOLENCE:
                means.actors_before += [a for a in frame.actors_before if a not in means.actors_before]
                means.agents = means.agents or frame.agents
                means.patients = means.patients or frame.patients
                means.civilian_target = means.civilian_target or frame.civilian_target
                means.places = means.places or frame.places
                _take_mentions(means, frame)
                folded.add(id(frame))
                break
    return [f for f in frames if id(f) not in folded]


def _beside_gunfire(tree: Tree, frame: Frame, gunfire: frozenset[str]) -> bool:
    """Is the frame a grenade's that the tree coordinates with gunfire: the noun itself ("à la grenade et à
    l'arme automatique"), or the verb that takes it ("ont lancé des grenades et échangé des tirs")?"""
    word = tree.get(frame.trigger.token)
    if word is None or frame.trigger.category.sub_event_type != "Grenade":
        return False

    def conjuncts(token: Token) -> list[Token]:
        first = tree.head(token) if token.dep == "conj" else None
        return [k for k in tree.children(token) if k.dep == "conj"] + ([first] if first is not None else [])

    if any(k.lemma in gunfire for k in conjuncts(word)):
        return True
    verb = tree.head(word) if word.dep in OBJECT_DEPS or word.dep == "obl:arg" else None
    return verb is not None and verb.pos == "VERB" and any(
        k.lemma in gunfire and (k.dep in OBJECT_DEPS or k.dep == "obl:arg")
        for other in conjuncts(verb) for k in tree.children(other))


def _grenades_into_the_fight(frames: list[Frame], tree: Tree, gunfire: frozenset[str]) -> list[Frame]:
    """"ont pris la base d'assaut, où ils ont lancé des grenades et échangé des tirs": grenades thrown beside
    gunfire in a sentence that tells a fight are that fight's weapons, not an attack of their own (its
    mentions go to the fight)."""
    fight = next((f for f in frames if f.trigger.category.event_type == "Battles"
                  and f.trigger.category.name in FIGHT_CATEGORIES), None)
    if fight is None:
        return frames
    kept = []
    for frame in frames:
        if _beside_gunfire(tree, frame, gunfire):
            fight.places = fight.places or frame.places
            _take_mentions(fight, frame)
            continue
        kept.append(frame)
    return kept


def _drop_subsumed_frames(frames: list[Frame], tree: Tree) -> list[Frame]:
    """Several cues of one category in one clause are one event ("a bombardé ... frappes"), as is a verb cue
    whose subject is the cue before it ("une attaque par drone a frappé un véhicule")."""
    kept: list[Frame] = []
    for frame in frames:
        previous = kept[-1] if kept else None
        if previous is not None and previous.trigger.category == frame.trigger.category:
            placed_before = any(p.start >= previous.trigger.end for p in previous.places)
            one_clause = not CLAUSE_BREAK.search(frame.text, previous.trigger.end, frame.trigger.start)
            verb = tree.get(frame.trigger.token)
            predicate = verb is not None and any(
                k.i == previous.trigger.token and k.dep in SUBJECTS for k in tree.children(verb))
            if predicate or one_clause and (not frame.places or not placed_before):
                # "Les avions de guerre de la coalition ... en bombardant le marché de Hodeïdah"
                if not placed_before:
                    previous.places = frame.places or previous.places
                _take_mentions(previous, frame)
                continue
        kept.append(frame)
    return kept


def _take_mentions(into: Frame, other: Frame) -> None:
    """The actors after the cue, tolls and dates of a frame folded into another, each once."""
    into.actors_after += [a for a in other.actors_after if a not in into.actors_after]
    into.tolls += [x for x in other.tolls if x not in into.tolls]
    into.dates += [d for d in other.dates if d not in into.dates]


def names_an_origin(text: str, place: PlaceRef, sentence_start: int) -> bool:
    """Is the place where a force came from or a body is based ("venus de Raqqa", "une ONG basée à Londres"), or
    that of a past happening that marks a time ("depuis la prise de Kaboul")?"""
    left = text[max(sentence_start, place.start - 40) : place.start]
    return ORIGIN.search(left[-30:]) is not None or SINCE_ANOTHER.search(left) is not None


def is_reference_point(text: str, place: PlaceRef, sentence_start: int) -> bool:
    """"Kofa, à huit kilomètres de la capitale, Maiduguri": a yardstick for another place."""
    return REFERENCE.search(text[max(sentence_start, place.start - 60) : place.start]) is not None


SOURCE_REACH = 60  # "a indiqué le chef de la Garde présidentielle à ": the words of a source's name and post
SOURCE_MAX_WORDS = 7
SOURCE_PREPOSITIONS = frozenset({"selon", "d'après", "d’après", "citant"})
SOURCE_ENDS = re.compile(r"[,;:«»\"()]|\bqu(?:e\b|')", re.IGNORECASE)  # a source's name runs to no clause


def _in_a_source(text: str, place: PlaceRef, sentence_start: int, cues: CueLexicon) -> bool:
    """Is the place named in the source an attribution names ("selon un responsable à Gao", ", a indiqué un officier
    à Gao"), the source's words running from the attribution to the place with no clause between?"""
    left = text[max(sentence_start, place.start - SOURCE_REACH) : place.start]
    verbs = list(cues.attribution.finditer(left))
    if not verbs:
        return False
    verb = verbs[-1]
    # a saying verb introduces its source only after what was said (", a indiqué un officier"): before it, its
    # subject is the source and what follows is what was said ("l'armée a annoncé la reprise de Gao")
    if not (verb.group(0).lower() in SOURCE_PREPOSITIONS or left[: verb.start()].rstrip().endswith((",", "»", '"'))):
        return False
    said = left[verb.end() :]
    return len(said.split()) <= SOURCE_MAX_WORDS and SOURCE_ENDS.search(said) is None


def is_a_source(text: str, actor: ActorRef, sentence_start: int, cues: CueLexicon) -> bool:
    """"selon l'armée russe", "un responsable dans l'armée a confirmé l'assaut": the army is a source or someone
    speaking for it here, not a side acting."""
    return cues.follows_attribution(text, actor.start, reach=30, max_words=3, floor=sentence_start) or bool(
        cues.speaker.search(text, max(sentence_start, actor.start - 40), actor.start))


SPEAKER_REACH = 150  # "», a déclaré mardi soir à la presse le colonel Jean Dupont, porte-parole du M23"
SPEAKER_END = re.compile(r'[."«»\n]')  # the speaker's words run to the sentence's end or the next quote
SPEAKER_BEFORE = re.compile(r":\s*$")  # "le porte-parole de l'armée a déclaré : «"
SPEAKER_GAP = re.compile(r"\s*,?\s*")  # between a closing quote and the verb that introduces its speaker
# the normalised text has only '"'; text given as it is may keep French quotes
QUOTE_MARK = re.compile('["«»]')


def first_person_sides(text: str, actors: Sequence[ActorRef], cues: CueLexicon) -> list[ActorRef]:
    """"« Nous avons pris Rutshuru », a affirmé le porte-parole du M23": the first person plural of a quote ("nous",
    "nos combattants") is the side of the speaker the text names, an armed side or a state's force (not a witness
    nor a crowd), as a mention of that side where the pronoun stands."""
    found: list[ActorRef] = []
    for start, end in _quotes(text):
        speaker = _quote_speaker(text, start, end, actors, cues)
        if speaker is None:
            continue
        for match in cues.first_person.finditer(text, start, end):
            if not any(a.start < match.end() and match.start() < a.end for a in actors):
                found.append(speaker.at(match.start(), match.end()))
    return found


def _quotes(text: str) -> list[tuple[int, int]]:
    """Every quote of the text (its opening and closing marks); quotes pair up from the start of each paragraph."""
    quotes: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        marks = [m.start() for m in QUOTE_MARK.finditer(text, start, end)]
        quotes += list(zip(marks[0::2], marks[1::2], strict=False))
        start = end + 1
    return quotes


def _quote_speaker(text: str, start: int, end: int, actors: Sequence[ActorRef],
                   cues: CueLexicon) -> ActorRef | None:
    """The side whose spokesman says the quote: named after it ("», a affirmé le porte-parole du M23") or before it
    ("le porte-parole de l'armée a déclaré : «"); none when the speaker is no side or not named."""
    gap = SPEAKER_GAP.match(text, end + 1)
    verb = cues.quote_speech.match(text, gap.end() if gap else end + 1)
    if verb is not None:  # "», a affirmé le porte-parole du M23": the speaker follows the verb
        stop = SPEAKER_END.search(text, verb.end(), verb.end() + SPEAKER_REACH)
        hi = stop.start() if stop else verb.end() + SPEAKER_REACH
        speaker = next((a for a in actors if verb.end() <= a.start < hi), None)
    else:
        lead_start = max(0, start - SPEAKER_REACH)
        if SPEAKER_BEFORE.search(text, lead_start, start) is None:
            return None
        lead = text[lead_start:start]
        lo = lead_start + 1 + max(lead.rfind(". "), lead.rfind("\n"), *(m.start() for m in QUOTE_MARK.finditer(lead)))
        verbs = list(cues.quote_speech.finditer(text, lo, start))
        if not verbs:
            return None
        # ", a affirmé le porte-parole de l'armée : «" names the speaker after the verb; "le porte-parole de l'armée
        # a déclaré : «" before it
        verb = verbs[-1]
        speaker = next((a for a in actors if verb.end() <= a.start < start), None) or next(
            (a for a in reversed(actors) if lo <= a.start < verb.start()), None)
    if speaker is None or speaker.name.startswith((CIVILIANS, *CROWD_PREFIXES)):
        return None
    return speaker
