"""Event categories and the cue vocabularies around triggers (data: ``event_cues.json``).

The triggers themselves are lemma patterns (:mod:`veilleur.extract.triggers`); this module holds what they
point to — the categories, whose sub-event type may depend on who acts or suffers — and the word lists that
exclusion, attribution and place rules read (irrealis, generic, cumulative, negation, attribution verbs...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from veilleur.datafiles import load_json

CUES_FILE = "event_cues.json"
REMOTE_VIOLENCE = "Explosions/Remote violence"  # the event type of strikes, shelling and bombs
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"  # abductions, sexual violence: their victims are civilians
# the sub-event types the extractor assigns or revises beyond a category's own
PEACEFUL_PROTEST = "Peaceful protest"
INTERVENTION = "Protest with intervention"
EXCESSIVE_FORCE = "Excessive force against protesters"
VIOLENT_DEMONSTRATION = ("Riots", "Violent demonstration")
MOB_VIOLENCE = "Mob violence"
CIVILIAN_ATTACK = ("Violence against civilians", "Attack")
ARMED_CLASH = ("Battles", "Armed clash")
AIR_STRIKE = "Air/drone strike"
CAPTION_MAX_CHARS = 300  # a caption is a short line of its own
# "a indiqué que ...", "a déclaré : « ...": what follows is what was said
REPORTED_CLAUSE = re.compile(r"""\s*(?:que\b|qu['’]|:?\s*["«])""", re.IGNORECASE)
CAPTION_CREDIT_REACH = 40  # a photo credit closes its caption line: look at the line's last characters only
SINCE = re.compile(r"\b(?:depuis|à partir d[eu']?|dès)\s*(?:le\s+|ce\s+)?$", re.IGNORECASE)  # "depuis mardi"
SINCE_REACH = 20
ELISION = re.compile(r"^(?:l|d)['’]", re.IGNORECASE)  # "l'aviation": the noun after the elided article


@dataclass(frozen=True)
class Category:
    """An event category; its sub-event type may depend on who acts or who suffers."""

    name: str
    event_type: str
    sub_event_type: str
    state_sub_event_type: str = ""  # territory: when a state (or its ally) takes ground
    non_state_sub_event_type: str = ""
    ground_nouns: frozenset[str] = frozenset()  # cue nouns that, for a non-state side, mean a ground attack
    non_state_aircraft: frozenset[str] = frozenset()  # aircraft an armed group flies too ("drone")
    civilian_type: tuple[str, str] | None = None  # (event_type, sub_event_type) when civilians are the target
    context_actor1: bool = True  # an unnamed actor may be the story's protagonist (not for bombings)
    # a bomb: aimed at no one in particular, it falls on whoever was there unless the text names an armed target
    falls_on_whoever_is_there: bool = False
    self_directed: bool = False  # a mutiny or defection: the group acts on itself
    between_parties: bool = False  # an agreement: the parties its subject joins are its two sides
    state_actor1: bool = False  # only state forces (or coalitions of states) fly air strikes
    authorities_only: bool = False  # a seizure of weapons is the state's; an armed group's is part of its attack
    genitive_agent: bool = False  # "l'attaque des Shebab": the genitive of the action noun is who acts
    only_alone: bool = False  # "tuant douze civils": an event only when no other cue in the sentence
    # "ont incendié des maisons et tué sept personnes": a killing told beside it decides what the event is
    outweighed_by_killing: bool = False
    # (pattern, event_type, sub_event_type): the sentence says more ("dispersés au gaz lacrymogène")
    refinements: tuple[tuple[re.Pattern[str], str, str, bool], ...] = ()
    crowd: str = ""  # "Protesters ({country})": demonstrations and riots are acted by a crowd
    # an agreement is signed where the talks are held, often abroad: its unnamed sides are the story's country's
    sides_of_the_story: bool = False
    owned_by_civilians: bool = False  # looting: what an armed group takes with no owner named is the people's
    # a bombardment whose agent is an aircraft ("des bombardements exécutés par des avions russes") is an air strike
    aircraft_agents: frozenset[str] = frozenset()

    def on_the_ground(self, cue: str) -> bool:
        """The bare cue ("raid", not "raid aérien") may be a non-state side's incursion on the ground."""
        return len(cue.split()) == 1 and opens_with(cue, self.ground_nouns)

    def flown_by_anyone(self, cue: str) -> bool:
        """"une frappe de drone des Houthis": an aircraft armed groups fly too."""
        return any(opens_with(word, self.non_state_aircraft) for word in cue.split())

    def flown(self, agent: str) -> bool:
        """Is the side that acts named by an aircraft ("des hélicoptères de l'armée", "les bombardements de
        l'aviation syrienne", the genitive agent named with its action noun)?"""
        return any(opens_with(ELISION.sub("", word), self.aircraft_agents) for word in agent.split())

    def refine(self, text: str, start: int, end: int, aircraft: bool = False) -> tuple[str, str] | None:
        """The more specific (event_type, sub_event_type) that the sentence's wording calls for, if any.

        "ont bombardé ... à l'aide de lance-roquettes" is shelling, unless the cue itself names aircraft.
        """
        for pattern, event_type, sub_event_type, unless_aircraft in self.refinements:
            if not (unless_aircraft and aircraft) and pattern.search(text, start, end):
                return event_type, sub_event_type
        return None


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    text: str
    category: Category
    inverted: bool = False  # the subject is the side acted upon ("Daech a perdu X")
    toll_only: bool = False  # "ont été éliminés": a toll for the fighting just told, unless a place is named
    anaphoric: bool = False  # "après l'attaque": refers back to an event told, unless a place is named
    passive: bool = False  # "a été libérée", "ont été éliminés": the agent is after "par", if named
    token: int = -1  # index of the trigger word in the document's tokens (-1: found without a parse)
    means: str = ""  # the words the cue's row asked for beyond its span ("un drone ... a visé": "drone")
    taken: int = -1  # where the name of the place a capture verb took starts ("ont pris Kidal"), or -1

    @property
    def wording(self) -> str:
        """The cue's words with the means named apart from it."""
        return f"{self.text} {self.means}" if self.means else self.text


def opens_with(cue: str, words: frozenset[str]) -> bool:
    """Is the cue's first word, or its singular, one of these ("heurts" -> "heurt"; "guet-apens")?"""
    first = cue.split()[0].lower() if cue.split() else ""
    return first in words or first.rstrip("sx") in words


LINK_PUNCTUATION = " \t\n»«\"'-–—•*#"


@dataclass(frozen=True)
class CueLexicon:
    """The exclusion and attribution vocabularies, compiled."""

    irrealis: re.Pattern[str]
    period_start: re.Pattern[str]  # "qui ont débuté le" before a day: the start of a period
    crowd_demands: re.Pattern[str]  # "réclament la libération de": what a crowd demands, no irrealis for it
    generic: re.Pattern[str]
    cumulative: re.Pattern[str]
    summing: re.Pattern[str]  # "au total": cumulative unless the sentence names the day
    since_the_start: re.Pattern[str]  # "depuis le début du conflit": a clause that counts over a long period
    short_period: re.Pattern[str]
    recent_hours: re.Pattern[str]  # "ces dernières 48 heures": a span of hours up to the report
    negation: re.Pattern[str]
    no_fight: re.Pattern[str]  # "sans combat", "sans rencontrer de résistance": a capture is a non-violent transfer
    attribution: re.Pattern[str]
    facility: re.Pattern[str]  # "l'hôtel Medina": a name right after such a noun names the building
    metonym: re.Pattern[str]  # "le régime de Damas": the capital stands for its government
    agent: re.Pattern[str]  # "soutenue par Washington": so does a capital that is an agent
    aircraft: re.Pattern[str]  # cue words that name aircraft: only states fly them
    country_level: re.Pattern[str]  # "sur le territoire russe": placed no finer than a country
    in_a_country: re.Pattern[str]  # "en" before "Afghanistan", "dans le sud du" before "Liban": no finer either
    claim: re.Pattern[str]  # "l'attaque a été revendiquée par X": X answers for the events just told
    unclaimed: re.Pattern[str]  # "aucun groupe n'a revendiqué l'attaque": who did it is unknown
    first_person: re.Pattern[str]  # "« Nous avons pris la ville »": in a quote, the speaker's side
    quote_speech: re.Pattern[str]  # "», a affirmé le porte-parole du M23": the verb that introduces a quote's speaker
    same_day: re.Pattern[str]  # "le même jour": the story's last named day goes on
    sequel: re.Pattern[str]  # "Puis, dans la soirée, ...": so does a sentence that opens so
    apart: re.Pattern[str]  # "Ailleurs, ...", "Parallèlement, ...": the sentence tells another happening
    speaker: re.Pattern[str]  # "un responsable de l'armée": someone speaking for the actor, not the actor acting
    comment_markers: tuple[str, ...]
    demonstration_lemmas: frozenset[str]  # a story of demonstrations: its clashes are riots
    armed_clash_words: frozenset[str]  # ... but not those told with these words: "embuscade", "combats"
    two_sided_words: frozenset[str]  # "affrontements", "heurts": fighting that takes two sides, armed or not
    street_clash_words: frozenset[str]  # "des heurts" with the police: a riot, demonstration named or not
    cordon_stems: tuple[str, ...]  # "la ville a été encerclée par la police": a cordon, not a fight
    civilian_targets: frozenset[str]  # "ont attaqué le village": the victims are civilians
    civilian_venues: frozenset[str]  # "l'attaque dans un cabaret": the people there are the victims
    forces_targets: frozenset[str]  # "ont attaqué une base militaire": the target is a state force...
    forces_qualifiers: frozenset[str]  # ... when qualified by one of these
    police_targets: frozenset[str]  # "le commissariat": a place of the police, whatever qualifies it
    army_targets: frozenset[str]  # "la caserne": a place of a state force, whatever qualifies it
    police_qualifiers: frozenset[str]  # "un poste de police": a forces target of the police
    crowd_police_words: tuple[str, ...]  # "les forces de sécurité" facing a crowd are its police
    saying_verbs: frozenset[str]  # "l'armée confirme l'attaque": the subject reports the event named as object
    link: re.Pattern[str]  # "Lire aussi : ...": a link to another article
    caption: re.Pattern[str]  # "... le 28 mars à Gao ©AFP": a photo's caption, ended by its credit
    ordinary_crime: re.Pattern[str]  # "ont arrêté un trafiquant de drogue": an arrest the codebook does not code
    allies_of: re.Pattern[str]  # "leurs alliés des milices": a generic label that names someone's allies
    alike: re.Pattern[str]  # "des attaques similaires": an attack of the kind just told
    toll_sentence: re.Pattern[str]  # "le bilan est de quatre morts": the toll of what was told
    place_anaphor: re.Pattern[str]  # "cette ville", "la région": the town (region) named last
    near_anaphor: re.Pattern[str]  # "aux abords de" before a place anaphor: near it, not in it
    route_between: re.Pattern[str]  # "sur la route entre" before two places: one stretch, one event
    # "cinq civils à Ariha, trois à Saraqeb": the words between a count of dead and the place they fell at
    count_at_place: re.Pattern[str]
    place_opens_clause: re.Pattern[str]  # "; à Saraqeb, trois civils ont été tués": the place opens its clause
    place_relative: re.Pattern[str]  # "puis Dori, où quatre personnes ont été tuées": a clause on the place follows
    each_place: re.Pattern[str]  # "cinq morts dans chacune des localités": the toll is every place's, not split
    respectively: re.Pattern[str]  # "faisant respectivement cinq et trois morts": counts for the places in order
    turn_of: re.Pattern[str]  # "Mardi, ce fut au tour de Dori": the last event told, at that place too
    pronoun_member: re.Pattern[str]  # "Djibo a été attaqué lundi et celui de Dori mardi": one list across the verb
    # "une embuscade tendue par X": a fight one side began
    initiative_words: frozenset[str] = frozenset()
    # "une roquette a atterri": a bombardment told by its munition, not by an act
    munition_words: frozenset[str] = frozenset()

    def totals_a_period(self, text: str, start: int, end: int, day_starts: Iterable[int]) -> bool:
        """Does the sentence sum deaths or events over a period ("depuis le début du conflit", "au total" with
        no day named but the one a period runs from: "au total, 200 morts depuis mardi"), rather than report one
        day's? ``day_starts``: where the sentence's dates to the day begin."""
        if self.cumulative.search(text, start, end) is not None:
            return True
        one_day = any(SINCE.search(text, max(start, day - SINCE_REACH), day) is None for day in day_starts)
        return not one_day and self.summing.search(text, start, end) is not None

    def tells_the_same_day(self, text: str, start: int, end: int) -> bool:
        """Does the sentence say it goes on with the day the story last named?"""
        return self.sequel.match(text, start, end) is not None or self.same_day.search(text, start, end) is not None

    def opens_apart(self, text: str, start: int, end: int) -> re.Match[str] | None:
        """Does the sentence open by saying it tells another happening ("Ailleurs, ...", "Parallèlement, ...")?"""
        return self.apart.match(text, start, end)

    def is_link(self, text: str, start: int, end: int) -> bool:
        """Does the sentence open with "Lire aussi", "Voir aussi"..., or follow such a line of its own (the
        linked headline on the next line)?"""
        if self.link.match(text[start:end].lstrip(LINK_PUNCTUATION)) is not None:
            return True
        before = text[max(0, start - 60) : start]
        if "\n" not in before.rstrip(" \t"):
            return False
        previous_line = before.rstrip(" \t\n").rsplit("\n", 1)[-1].strip(LINK_PUNCTUATION + ":")
        return bool(previous_line) and self.link.fullmatch(previous_line) is not None

    def is_caption(self, text: str, start: int, end: int) -> bool:
        """Is the sentence the end of a line closed by a photo credit ("©AFP", "Photo : Reuters/...")?"""
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        line_start = text.rfind("\n", 0, start) + 1
        if line_end - end > CAPTION_CREDIT_REACH or line_end - line_start > CAPTION_MAX_CHARS:
            # more text follows on the line, or the line is a body paragraph (an agency's signature ends it)
            return False
        return self.caption.search(text, max(start, line_end - CAPTION_CREDIT_REACH), line_end) is not None

    def follows_attribution(self, text: str, start: int, reach: int, max_words: int, floor: int = 0) -> bool:
        """Does the name at ``start`` come right after "selon", "a rapporté"... (within ``max_words``)?"""
        left = text[max(floor, start - reach) : start]
        verbs = list(self.attribution.finditer(left))
        if not verbs:
            return False
        said = left[verbs[-1].end() :]
        # "a déclaré que des jihadistes ont attaqué": what follows "que" is what was said, its subject a side
        return len(said.split()) <= max_words and REPORTED_CLAUSE.match(said) is None

    def names_facility(self, text: str, name_start: int) -> bool:
        """Is the name starting here the proper name of a building ("l'hôtel Medina")?"""
        return self.facility.search(text, max(0, name_start - 30), name_start) is not None

    def names_government(self, text: str, name_start: int) -> bool:
        """Is the place named here a government by metonymy ("le régime de Damas")?"""
        return self.metonym.search(text, max(0, name_start - 30), name_start) is not None

    def names_agent(self, text: str, name_start: int) -> bool:
        """Is the name starting here the agent of a passive or of a noun of action ("annoncée par Moscou")? A
        capital named so is its government (the caller checks it is a capital)."""
        return self.agent.search(text, max(0, name_start - 10), name_start) is not None

    def body_end(self, text: str) -> int:
        """Where the article ends and reader comments or page furniture begin."""
        cut = len(text)
        for marker, pattern in zip(self.comment_markers, _line_openers(self.comment_markers), strict=True):
            if marker not in text:
                continue  # most articles: one substring search instead of a pattern tried at every character
            for match in pattern.finditer(text):
                if match.start() > len(text) // 4:  # a marker in the lead is a word, not furniture
                    cut = min(cut, match.start())
                    break
        return cut


@lru_cache(maxsize=4)
def _line_openers(markers: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """Each marker at a line's start, compiled once (:meth:`CueLexicon.body_end` reads every article)."""
    return tuple(re.compile(r"(?m)^\s*" + re.escape(marker)) for marker in markers)


# "a-t-il indiqué", "a-t-on appris", "ont-ils affirmé": the subject pronoun written after the auxiliary
_INVERTED_AUXILIARY = re.compile(r"^(a|ont) ")


def _with_inversion(phrase: str) -> str:
    """A literal phrase as a pattern; a perfect ("a indiqué", "ont annoncé") also with its subject inverted."""
    perfect = _INVERTED_AUXILIARY.match(phrase)
    if perfect is None:
        return re.escape(phrase)
    inverted = r"(?:-t)?(?:-(?:il|elle|on|ils|elles))?"
    return perfect.group(1) + inverted + " " + re.escape(phrase[perfect.end():])


def _alternation(words: list[str], end: str = r"(?!\w)") -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")" + end, re.IGNORECASE)


CATEGORY_KEYS = frozenset({
    "event_type", "sub_event_type", "state", "non_state", "civilians", "context_actor1", "self_directed",
    "between_parties", "falls_on_whoever_is_there",
    "state_actor1", "authorities_only", "genitive_agent", "only_alone", "refine", "crowd", "non_state_ground_nouns",
    "non_state_aircraft", "outweighed_by_killing", "sides_of_the_story", "owned_by_civilians", "aircraft_agents",
})


def _category(name: str, spec: dict[str, Any]) -> Category:
    unknown = {key for key in spec if not key.startswith("_")} - CATEGORY_KEYS
    if unknown:  # a misspelt key would silently turn its rule off
        raise ValueError(f"event category {name!r}: unknown keys {sorted(unknown)}")
    civilians = spec.get("civilians")
    return Category(
        name=name,
        event_type=spec["event_type"],
        sub_event_type=spec.get("sub_event_type", spec.get("state", "")),
        state_sub_event_type=spec.get("state", ""),
        non_state_sub_event_type=spec.get("non_state", ""),
        ground_nouns=frozenset(spec.get("non_state_ground_nouns", [])),
        non_state_aircraft=frozenset(spec.get("non_state_aircraft", [])),
        civilian_type=(civilians[0], civilians[1]) if civilians else None,
        context_actor1=bool(spec.get("context_actor1", True)),
        falls_on_whoever_is_there=bool(spec.get("falls_on_whoever_is_there", False)),
        self_directed=bool(spec.get("self_directed", False)),
        between_parties=bool(spec.get("between_parties", False)),
        state_actor1=bool(spec.get("state_actor1", False)),
        authorities_only=bool(spec.get("authorities_only", False)),
        genitive_agent=bool(spec.get("genitive_agent", False)),
        only_alone=bool(spec.get("only_alone", False)),
        outweighed_by_killing=bool(spec.get("outweighed_by_killing", False)),
        refinements=tuple(
            (
                re.compile(r["pattern"], re.IGNORECASE),
                r["event_type"],
                r["sub_event_type"],
                bool(r.get("unless_aircraft")),
            )
            for r in spec.get("refine", [])
        ),
        crowd=spec.get("crowd", ""),
        sides_of_the_story=bool(spec.get("sides_of_the_story", False)),
        owned_by_civilians=bool(spec.get("owned_by_civilians", False)),
        aircraft_agents=frozenset(spec.get("aircraft_agents", [])),
    )


@lru_cache(maxsize=4)
def load_categories(name: str = CUES_FILE) -> dict[str, Category]:
    """The event categories by name (shared by the cue patterns and the lemma triggers)."""
    return {key: _category(key, spec) for key, spec in load_json(name)["categories"].items()}


@lru_cache(maxsize=4)
def load_cues(name: str = CUES_FILE) -> CueLexicon:
    data = load_json(name)
    return CueLexicon(
        irrealis=_alternation(data["irrealis"]),
        crowd_demands=_alternation(data["crowd_demands"]),
        period_start=re.compile(r"\b(?:" + "|".join(map(re.escape, data["period_start_words"]))
                                + r")e?s?\s+(?:dès\s+|depuis\s+)?(?:le\s+)?$", re.IGNORECASE),
        generic=_alternation(data["generic"]),
        cumulative=_alternation(data["cumulative"]),
        summing=_alternation(data["summing"]),
        since_the_start=_alternation(data["since_the_start"], end=""),
        short_period=re.compile(data["short_period"], re.IGNORECASE),
        recent_hours=re.compile(data["recent_hours"], re.IGNORECASE),
        negation=_alternation([re.escape(w) for w in data["negations"]]),
        no_fight=_alternation(data["no_fight"]),
        # "d'après-midi" is no "d'après": a hyphen continues the word
        attribution=_alternation([_with_inversion(w) for w in data["attribution_verbs"]], end=r"(?![\w-])"),
        facility=re.compile(
            r"\b(?:(?:" + "|".join(map(re.escape, data["facility_nouns"])) + r")\s+"
            + r"|(?:" + "|".join(map(re.escape, data["street_nouns"])) + r")\s+(?:de\s+la|de\s+l['’]|du|des)\s*"
            + r"|(?:" + "|".join(map(re.escape, data["feature_nouns"])) + r")\s+(?:de\s+|d['’]|du\s+|des\s+))$",
            re.IGNORECASE,
        ),
        metonym=re.compile(r"\b(?:" + "|".join(data["metonym_heads"]) + r")\s+(?:de|d['’])\s*$", re.IGNORECASE),
        agent=re.compile(r"\b(?:" + "|".join(map(re.escape, data["agent_words"])) + r")\s+$", re.IGNORECASE),
        aircraft=re.compile(r"\b(?:" + data["aircraft_words"] + r")\b", re.IGNORECASE),
        country_level=re.compile(data["country_level"], re.IGNORECASE),
        in_a_country=re.compile(data["in_a_country"], re.IGNORECASE),
        claim=re.compile(data["claims"], re.IGNORECASE),
        unclaimed=re.compile(data["unclaimed"], re.IGNORECASE),
        first_person=re.compile(data["first_person"], re.IGNORECASE),
        quote_speech=re.compile(data["quote_speech"], re.IGNORECASE),
        same_day=_alternation([re.escape(w) for w in data["same_day_markers"]]),
        sequel=re.compile(r"\W*(?:et\s+)?(?:" + "|".join(map(re.escape, data["sequel_openers"])) + r")\b",
                          re.IGNORECASE),
        apart=re.compile(r"\W*(?:" + "|".join(map(re.escape, data["apart_openers"])) + r")\b", re.IGNORECASE),
        speaker=re.compile(
            r"\b(?:" + "|".join(data["speaker_nouns"]) + r")\s+(?:\w+\s+){0,2}"
            r"(?:de|dans|du|des|d')\s*(?:la\s+|l'|les\s+)?$",
            re.IGNORECASE,
        ),
        comment_markers=tuple(data["comment_markers"]),
        demonstration_lemmas=frozenset(data["demonstration_lemmas"]),
        armed_clash_words=frozenset(data["armed_clash_words"]),
        two_sided_words=frozenset(data["two_sided_words"]),
        street_clash_words=frozenset(data["street_clash_words"]),
        cordon_stems=tuple(data["cordon_stems"]),
        civilian_targets=frozenset(data["civilian_targets"]),
        civilian_venues=frozenset(data["civilian_venues"]),
        forces_targets=frozenset(data["forces_targets"]),
        forces_qualifiers=frozenset(data["forces_qualifiers"]),
        police_targets=frozenset(data["police_targets"]),
        army_targets=frozenset(data["army_targets"]),
        police_qualifiers=frozenset(data["police_qualifiers"]),
        crowd_police_words=tuple(data["crowd_police_words"]),
        saying_verbs=frozenset(data["saying_verbs"]),
        link=re.compile(r"(?:" + "|".join(map(re.escape, data["link_markers"])) + r")\b|"
                        + "|".join(map(re.escape, data["link_line_openers"])), re.IGNORECASE),
        caption=re.compile("|".join(map(re.escape, data["caption_credits"])), re.IGNORECASE),
        ordinary_crime=_alternation(data["ordinary_crime"]),
        allies_of=re.compile(data["allies_of"], re.IGNORECASE),
        alike=re.compile(data["alike"], re.IGNORECASE),
        toll_sentence=re.compile(data["toll_sentence"], re.IGNORECASE),
        place_anaphor=re.compile(data["place_anaphor"], re.IGNORECASE),
        near_anaphor=re.compile(data["near_anaphor"], re.IGNORECASE),
        route_between=re.compile(data["route_between"], re.IGNORECASE),
        count_at_place=re.compile(data["count_at_place"], re.IGNORECASE),
        place_opens_clause=re.compile(data["place_opens_clause"], re.IGNORECASE),
        place_relative=re.compile(data["place_relative"], re.IGNORECASE),
        each_place=re.compile(data["each_place"], re.IGNORECASE),
        respectively=re.compile(data["respectively"], re.IGNORECASE),
        turn_of=re.compile(data["turn_of"], re.IGNORECASE),
        pronoun_member=re.compile(data["pronoun_member"], re.IGNORECASE),
        initiative_words=frozenset(data["initiative_words"]),
        munition_words=frozenset(data["munition_words"]),
    )
