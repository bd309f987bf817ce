"""Sides: who acts (actor1 and allies) and who is acted upon (actor2 and allies) in a frame.

Word order decides first (the subject before the cue acts), then voice (passive agents after "par"),
then what the whole article says (its protagonist and adversary stand in for pronouns and unnamed
forces), then what the event type implies (civilian victims, crowds, state-only air forces).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from veilleur.datafiles import load_json
from veilleur.extract.cues import REMOTE_VIOLENCE, VIOLENCE_AGAINST_CIVILIANS, Category
from veilleur.extract.frames import Frame
from veilleur.extract.mentions import (
    CIVILIANS,
    CROWD_PREFIXES,
    VAGUE_PEOPLE,
    ActorRef,
    PlaceRef,
    TollRef,
    army_of,
    country_with_article,
)

CIVILIAN_PREFIX = CIVILIANS
UNIDENTIFIED = "Unidentified Armed Group ({country})"
UNIDENTIFIED_PREFIX = UNIDENTIFIED.split("{", 1)[0]
MILITARY = "Military Forces of {country}"
MILITARY_PREFIX = MILITARY.split("{", 1)[0]
POLICE = "Police Forces of {country}"
POLICE_PREFIX = POLICE.split("{", 1)[0]
CIVILIANS_MAY_ACT = frozenset({"protest", "riot"})
# a place is taken from an armed side: the residents or the displaced a capture's sentence names lost no ground
CIVILIANS_HOLD_NO_GROUND = frozenset({"territory"})
TWO_SIDED = frozenset({"clash"})  # fighting: two armed sides, named or not
NO_DEFAULT_TARGET = frozenset({"weapons", "change", "transfer", "base", "protest", "riot"})
ACTOR_COORDINATION = re.compile(
    r"^[\s,]*(?:et|ainsi que|avec|aux côtés d[eu']?|appuyée?s? par|soutenue?s? par|alliée?s? (?:à|au|aux)"
    # "l'armée et ses alliés du Hezbollah", "les forces gouvernementales et leurs alliés des milices claniques"
    r"|(?:et|ainsi que|avec) (?:ses|son|sa|leurs?) alliée?s?(?= (?:du|des|de|d')\b))"
    r"[\s,]*(?:(?:les?|la|l'|des|du|de|d'|ses|son|sa|leurs?)\s*)*$",
    re.IGNORECASE,
)
# ... "par des membres des forces de l'ordre": the members a force is named through are that force
AGENT = re.compile(r"\b(?:par|de la part d[eu'])\s*(?:les?|la|l'|des|du)?[\s\"«]*"
                   r"(?:(?:membres|éléments|agents|hommes|unités)\s+(?:des|du|de\s+la|de\s+l'|d'|de)\s*)?$",
                   re.IGNORECASE)
AGENT_REACH = 40
COMPLEMENT = re.compile(  # "les défenses des terroristes": "des" after a noun is "of the", not an article
    r"\b(?:de|d'|contre|aux|au|à|sur|chez|avec)\s*(?:la\s+|l'|les\s+)?$"
    # ... but "dans des frappes", "lors des combats": after a preposition it is the article
    r"|\b(?!(?:et|ou|que|qui|mais|dont|puis|dans|lors|pendant|durant|après|avant|depuis|sous|parmi|selon|entre|par"
    r"|vers|malgré|outre)\b)[a-zéèêëàâîïôûç]{3,}\s+(?:des|du)\s*$"
)
GENITIVE = re.compile(r"\s*(?:(?:de|des|du|d')\s*(?:la\s+|l'|les\s+)?)?", re.IGNORECASE)  # or "attaque terroriste"
TARGET = re.compile(r"\bcontre\s+(?:\w+\s+){0,4}?(?:les?|la|l'|des|du|d')?[\s\"«]*$", re.IGNORECASE)
HARMED_AFTER = re.compile(  # killed, wounded, taken or targeted
    r"[^.;:]{0,40}?\b(?:ont|a|avaient|avait|auraient|aurait) (?:\w+ )?(?:été (?:tuée?s?|blessée?s?|enlevée?s?|"
    r"kidnappée?s?|visée?s?|ciblée?s?|attaquée?s?|touchée?s?|fauchée?s?|prise?s? pour cibles?)|péri|trouvé la mort"
    r"|perdu la vie)"
    # "le soldat serait mort dans l'explosion": any tense of "mourir", not only "sont morts"
    r"|[^.;:]{0,40}?\b(?:est|sont|serait|seraient|était|étaient) (?:\w+ )?morte?s?\b"
    # "les Hachd ont perdu, lundi, 27 combattants": a side that lost men is the side hit
    r"|[^.;:]{0,20}?\b(?:ont|a|avaient|avait) perdu\b[^.;:]{0,30}?\b(?:\d+|\w+) (?:\w+ )?(?:combattants|soldats"
    r"|hommes|militaires|policiers|membres|miliciens|éléments)\b"
    r"|\s+(?:tuée?s?|blessée?s?|enlevée?s?|kidnappée?s?|tombée?s?)\b"  # "trois soldats tués dans l'attaque"
    # "les soldats patrouillaient près du village lorsqu'ils ont été touchés par l'explosion": the subject the
    # pronoun of a clause of time takes up was harmed
    r"|[^.;:]{0,120}?\b(?:lorsqu|quand|alors qu|après qu)['’]?\s*(?:ils|elles|il|elle)\s+(?:ont|a|avaient|avait)"
    r" (?:\w+ )?été (?:tuée?s?|blessée?s?|enlevée?s?|visée?s?|ciblée?s?|attaquée?s?|touchée?s?|surprise?s?"
    r"|prise?s? pour cibles?|pris dans une embuscade|pris en embuscade)",
    re.IGNORECASE,
)
# "deux morts parmi les soldats", "qui a coûté la vie à sept soldats", "l'armée a perdu jeudi douze soldats": the
# dead are these
HARMED_BEFORE = re.compile(
    # ... the last of a list too: "a coûté la vie à cinq gardes et un soldat"
    r"(?:\bparmi|coûté la vie (?:à|aux)|été fatale?s? (?:à|aux)|\bperdu)\s+(?:(?:les|des|ses|leurs|\w+)\s+){0,2}"
    r"(?:(?:et|ainsi que)\s+(?:\w+\s+){0,2})?$",
    re.IGNORECASE,
)
# "le bastion du Hezbollah", "Patikul, fief des rebelles": the group holds the place, it does not act in the event
# told there (a capture of it takes the place from them: the group stays the side acted upon)
HOLDER = re.compile(r"\b(?:bastions?|fiefs?|places? fortes?)\s+(?:\w+\s+)?(?:de\s+la|de\s+l'|des|du|de|d')\s*$",
                    re.IGNORECASE)
# "se sont affrontés", "s'affrontent", "se sont violemment accrochés": reflexive, reciprocal with a plural subject
RECIPROCAL = re.compile(r"\bs(?:e\s+|['’]\s*)(?:(?:sont|est|étaient|était|seraient|serait)\s+)?(?:\w+\s+)?$",
                        re.IGNORECASE)
# "des combats opposant les FSR à l'armée", "ont opposé le M23 aux FARDC": the two sides of a fight, the first named
# first
OPPOSING = re.compile(
    r"\boppos(?:ant|ants|ée?s?|ent|aient|ait|era|eront)\s+(?:\w+\s+){0,2}?(?:les?|la|l'|des|du|d')?\s*$", re.IGNORECASE)
OPPOSING_REACH = 40
OPPOSED_TO = re.compile(r"\s*(?:à|au|aux)\s*(?:la\s+|l'|les\s+)?", re.IGNORECASE)
RELATIVE_SUBJECT = re.compile(r"[\s,]*(?:qui|lesquels|lesquelles|lequel|laquelle)\b", re.IGNORECASE)
APPOSITION = re.compile(r"^[\s,]*(?:son|leur|ses|leurs) alliée?s?[\s,]*$", re.IGNORECASE)


@dataclass
class ArticleContext:
    """The sides the story is about, and the place earlier sentences established."""

    country: str | None
    protagonist: ActorRef | None = None  # the state force the article follows
    adversary: ActorRef | None = None  # the named armed group the article follows
    sides: dict[str, tuple[int, ActorRef]] = field(default_factory=dict)  # name -> (mentions, first mention)
    place: PlaceRef | None = None
    holders: set[str] = field(default_factory=set)  # groups named only as holding a place ("le fief du gang")

    @classmethod
    def survey(cls, actors: list[ActorRef], country: str | None, text: str = "") -> ArticleContext:
        """Count who the whole article talks about, to stand in for unnamed or pronoun subjects; and the groups it
        names only as the holders of places ("le bastion du Hezbollah")."""
        context = cls(country=country)
        acting = {a.name for a in actors if not holds_the_place(text, a)}
        context.holders = {a.name for a in actors if a.name not in acting}
        for actor in actors:
            if actor.name.startswith(CIVILIAN_PREFIX):
                continue
            count, first = context.sides.get(actor.name, (0, actor))
            context.sides[actor.name] = (count + 1, first)
        ranked = sorted(context.sides.values(), key=lambda item: (-item[0], item[1].start))
        context.protagonist = next((a for _, a in ranked if a.state), None)
        # a UN mission or another external force the story names (as the target, the reporter or the mediator)
        # is not the armed group whose attacks it leaves unattributed
        groups = [(n, a) for n, a in ranked if not a.state and not a.generic and not a.external
                  and not _same_side(a, context.protagonist)
                  # ... nor a militia that fights beside the country's forces ("les VDP ont tué vingt terroristes"
                  # in a story that names no army): the terrorists are not the volunteers
                  and not (country and country in a.fights_for)]
        # ... nor one the text names by no name of its own ("des rebelles syriens"); a story that names one armed
        # group, once ("les combattants de Boko Haram continuent de semer la terreur"), follows that group
        named = [(n, a) for n, a in groups if not a.name.startswith(UNIDENTIFIED_PREFIX)]
        # (named once, a group of another country is one the story compares, not the one it follows; one named as
        # the holder of a place, "la banlieue sud de Beyrouth, un fief du Hezbollah", is where things happened)
        # (a group that fights across borders is at home in each country it operates in: Boko Haram in Chad)
        home = [(n, a) for n, a in named if country and country in (a.country, *a.operates_in)
                and a.name not in context.holders]
        context.adversary = next((a for n, a in groups if n >= 2), None)
        if context.adversary is None or context.adversary.name.startswith(UNIDENTIFIED_PREFIX):
            context.adversary = next((a for n, a in named if n >= 2), None) or (
                home[0][1] if len(named) == 1 and home else context.adversary)
        return context

    def opponent_of(self, actor: ActorRef, allies: Sequence[ActorRef] = (), kin: bool = True,
                    home: str = "") -> ActorRef | None:
        """The most-mentioned side of the other kind (state vs non-state), none of the actor's ``allies`` (those
        the text coordinates with it: "l'armée et le Hezbollah se sont emparés de Palmyre"), the forces of the
        ``home`` country (where the event is) first; failing one, and when ``kin``, the most-mentioned other side
        the text names."""
        ranked = sorted(self.sides.values(), key=lambda item: (item[1].generic, -item[0], item[1].start))
        taken = {actor.name, *(a.name for a in allies)}
        free = [a for _, a in ranked if a.name not in taken and not _same_side(a, actor)]
        other_kind = [a for a in free if a.state != actor.state]
        # an armed group that strikes in a country fights that country's forces before a foreign force the story
        # names ("des jihadistes ont pris Konna" in a story of France's intervention: Mali's army lost it)
        at_home = next((a for a in other_kind if home and a.state and a.country == home), None)
        # a story of two militias, or of two states, names no side of the other kind: the other one named
        return at_home or next(iter(other_kind), None) or next(
            (a for a in free if kin and not a.generic and not a.name.startswith(CROWD_PREFIXES)), None)


def holds_the_place(text: str, actor: ActorRef) -> bool:
    """Is the actor named as the holder of a place ("le bastion du Hezbollah")?"""
    return bool(text) and HOLDER.search(text[max(0, actor.start - 40) : actor.start]) is not None


def _same_side(one: ActorRef, other: ActorRef | None) -> bool:
    """A government ally and the forces of a state it fights beside ("l'armée syrienne appuyée par le Hezbollah"):
    neither is the other's adversary."""
    if other is None:
        return False
    return (other.state and other.country in one.fights_for) or (one.state and one.country in other.fights_for)


def _fought_the_harmed(category: Category, harmed: list[ActorRef], object_group: list[ActorRef]) -> bool:
    """Does a fight name, beside the side whose men died, another side that fought them?"""
    return (category.name == "clash" and bool(harmed) and bool(object_group)
            and object_group[0].name not in {a.name for a in harmed})


def _first_named_first(harmed: list[ActorRef], fought: list[ActorRef]) -> tuple[list[ActorRef], list[ActorRef]]:
    """The two sides of a fight told by its dead ("douze soldats ont été tués dans des combats qui les ont opposés aux
    rebelles"; "des combats contre l'armée ont fait vingt morts parmi les jihadistes"): the one named first acts,
    as in "des combats entre A et B"."""
    if harmed[0].start < fought[0].start:
        return harmed[:1], [a for a in fought if a.name != harmed[0].name]
    return fought, harmed


def sides(
    text: str,
    frame: Frame,
    context: ArticleContext,
    place: PlaceRef,
) -> tuple[ActorRef | None, list[ActorRef], ActorRef | None, list[ActorRef]]:
    """actor1 (who acts), its allies, actor2 (who is acted upon), its allies."""
    category = frame.trigger.category
    if category.crowd:
        return _crowd_sides(frame, place)
    # a bomb or a shell that hits a group's stronghold ("une voiture piégée a secoué le bastion du Hezbollah") is
    # neither that group's nor aimed at it: the group names where the blast fell
    bombed_stronghold = category.event_type == REMOTE_VIOLENCE
    if bombed_stronghold:
        def acting(actors: list[ActorRef]) -> list[ActorRef]:
            return [a for a in actors if not holds_the_place(text, a)]

        frame = replace(frame, actors_before=acting(frame.actors_before), actors_after=acting(frame.actors_after),
                        agents=acting(frame.agents), patients=acting(frame.patients))
    before, named_victims = frame.actors_before, []
    if category.name not in CIVILIANS_MAY_ACT:
        # civilians are acted upon, whatever the word order ("21 civils tués par des raids")
        named_victims = [a for a in before if a.name.startswith(CIVILIAN_PREFIX)]
        before = [a for a in before if a not in named_victims]
    # "21 soldats maliens ont été tués lors de l'attaque", "deux personnes ont été blessées lors d'une attaque": the
    # subject of a verb of death or harm is a victim, as is whoever "parmi" or "a coûté la vie à" names
    harmed = [a for a in before if HARMED_AFTER.match(text, a.end) or _named_as_harmed(text, a)] + [
        a for a in frame.actors_after if _named_as_harmed(text, a)]
    # "une attaque contre une base des forces de sécurité": the forces are the target wherever they stand
    targets = harmed + [a for a in before if TARGET.search(text[max(0, a.start - 40) : a.start])]
    # "les défenses des terroristes de Daesh, brisant le siège": a complement is not the subject
    subjects = [a for a in before if a not in targets and not COMPLEMENT.search(text[max(0, a.start - 12) : a.start])]
    subject_group = _subject_run(text, subjects, [a for a in before if a not in targets])
    object_group = _coordinated(text, frame.actors_after, reverse=False) or targets
    # the tree names who acts (subject, "par"-agent, "de" complement of an action noun); civilians named
    # there are victims all the same ("des civils tués par...": a passive subject is a patient anyway)
    agents = [a for a in frame.agents if category.name in CIVILIANS_MAY_ACT or not a.name.startswith(CIVILIAN_PREFIX)]
    syntactic = bool(agents)
    if syntactic:
        # the agent with whatever the text coordinates before it ("l'armée et le Hezbollah ont repris":
        # the parser may hang the first conjunct elsewhere)
        last = max(agents, key=lambda a: a.start)
        pool = _unique([*(a for a in frame.actors_before if a.start < last.start), *agents])
        subject_group = _coordinated(text, [a for a in pool if a.start <= last.start], reverse=True)
        subject_group += [a for a in agents if a not in subject_group]
        patients = [a for a in frame.patients if a not in subject_group]
        object_group = _coordinated(text, patients, reverse=False) or [
            a for a in object_group if a not in subject_group
        ]
    elif frame.patients:
        object_group = _coordinated(text, frame.patients, reverse=False)
        # "des soldats sont tombés dans une embuscade": the tree's patient is no subject that acts; nor is
        # another mention of the side it names ("l'armée, dans le fief de l'EI, assure avoir tué 29 terroristes":
        # "l'EI" named on the way is not who killed them)
        patient_names = {a.name for a in object_group}
        subject_group = _subject_run(text, [a for a in subjects if a.name not in patient_names],
                                     [a for a in before if a not in targets and a.name not in patient_names])
    genitive = (
        object_group
        and object_group[0].start >= frame.trigger.end
        and GENITIVE.fullmatch(text[frame.trigger.end : object_group[0].start])
    )
    if not syntactic and not subject_group and category.genitive_agent and genitive:
        # "une attaque des islamistes shebab contre l'hôtel": the genitive of an action noun acts
        subject_group, object_group = object_group[:1], object_group[1:] or targets
    if not syntactic and not subject_group and not frame.trigger.passive:
        # "des obus tirés par l'armée ukrainienne": an agent after the cue acts
        subject_group = [a for a in frame.actors_after if _named_as_agent(text, a)][:1]
        object_group = [a for a in object_group if a not in subject_group] or targets
    if frame.trigger.passive and not syntactic:
        agents = [a for a in frame.actors_after if _named_as_agent(text, a)]
        subject_group, object_group = agents[:1], subject_group or object_group
    if frame.trigger.inverted:
        subject_group, object_group = object_group, subject_group
    # (two names of one side are one: "l'armée malienne a perdu douze soldats dans une embuscade" names who was hit)
    named_sides = _unique(object_group)
    if category.name == "clash" and not subject_group and len(named_sides) == 1:
        # "des combats opposant les FSR à l'armée", "ont opposé le M23 aux FARDC": the side the first is
        # opposed to is the other side of the fight
        named_sides += _opposed_to(text, named_sides[0], frame.actors_after) or _named_after(named_sides[0], frame)
    if (category.name == "clash" and not subject_group and len(named_sides) > 1
            and not _same_side(named_sides[0], named_sides[1])):
        # "des combats ont opposé l'armée israélienne et le Hamas", "combats entre Tsahal et le Hamas": fighting
        # between the two sides it names, the first named first
        subject_group, object_group = named_sides[:1], named_sides[1:]
    if (category.between_parties and len(subject_group) > 1 and not object_group
            and not _same_side(subject_group[0], subject_group[1])):
        # "l'armée et le M23 ont conclu une trêve": the first party and the other (the Syrian army and Hezbollah
        # that fights beside it are one party)
        subject_group, object_group = subject_group[:1], subject_group[1:2]
    # (in the order the text names them, though a state named with its allies leads them: "des jihadistes et des
    # soldats se sont affrontés")
    parties = sorted(_unique(subject_group), key=lambda a: a.start)
    if (category.name == "clash" and len(parties) > 1 and not object_group and not _same_side(parties[0], parties[1])
            and RECIPROCAL.search(text[max(0, frame.trigger.start - 30) : frame.trigger.start])):
        # "les FARDC et les Wazalendo se sont affrontés": the subjects fought each other, the first named first
        subject_group, object_group = parties[:1], parties[1:2]
    if category.self_directed:
        group = subject_group or object_group
        subject_group, object_group = group[:1], group[:1]
    actor1 = subject_group[0] if subject_group else None
    if actor1 is None and frame.antecedent is not None and not frame.trigger.inverted and not frame.trigger.passive:
        actor1 = frame.antecedent  # "Le M23 a lancé une offensive. Le groupe a pris le contrôle de Kibumba"
    if (actor1 is not None and category.state_actor1 and not actor1.state and frame.aircraft
            and not category.on_the_ground(frame.trigger.text) and not category.flown_by_anyone(frame.trigger.wording)):
        actor1 = None  # "les victimes des raids", "frappes": a non-state group has no aircraft
    # "douze soldats ont été tués dans des affrontements qui les ont opposés aux rebelles", "56 rebelles ont été tués
    # dans des combats qui les ont opposés aux troupes gouvernementales": fighting between the side
    # whose dead it names and the side it names beside them, the first named first (word order, as "entre A et B"),
    # before the story's protagonist stands in for an unnamed actor1; the side that began it, where another report
    # says so ("une embuscade tendue par les rebelles"), leads once the reports are merged (merge._absorb) ...
    # (dead told by a common noun after the cue, "faisant vingt morts parmi les jihadistes", wait for the story's
    # sides: the common noun may be the group the fight names)
    if actor1 is None and _fought_the_harmed(category, harmed, object_group) and (
            not harmed[0].generic or harmed[0].start < object_group[0].start):
        subject_group, object_group = _first_named_first(harmed, object_group)
        actor1 = subject_group[0]
    protagonist = context.protagonist
    # the story's army stands in for an unnamed actor at home, not across a border ("au Burkina voisin")
    at_home = protagonist is not None and protagonist.country in ("", place.country)
    # ... unless it is this attack's target ("une attaque a frappé un poste de l'armée"); fighting "entre
    # l'armée et des rebelles" names both sides after the cue
    targeted = protagonist is not None and (frame.undergone or any(a.name == protagonist.name for a in harmed) or (
        category.name != "clash" and any(a.name == protagonist.name for a in object_group)))
    if actor1 is None and category.context_actor1 and not frame.trigger.inverted and at_home and not targeted:
        actor1 = protagonist
    # a force named by a common noun ("la police") is re-countried with the place below: not one from abroad
    abroad = protagonist is not None and not protagonist.generic and protagonist.country not in ("", place.country)
    if actor1 is None and category.state_actor1 and abroad and not targeted:
        actor1 = protagonist  # "des frappes ont visé Tyr" in a story that follows Israel's army: its aircraft
    victims = named_victims[:1] or _victim_actor(frame.tolls, place.country, category.event_type)
    armed_target = bool(object_group) and not object_group[0].name.startswith(CIVILIAN_PREFIX)
    if not victims and not armed_target and frame.civilian_target and category.civilian_type and place.country:
        # "ont attaqué le village de Dhi", "l'attaque contre l'hôtel": the people there are the victims
        victims = [ActorRef.civilians(place.country)]
    # "dix personnes ont été tuées quand des rebelles ont attaqué une base de l'armée": people said of no side are
    # not said to be civilians where the attack hit a base, a post or a convoy of the state's forces
    said_civilian = any(not (frame.forces_target and _vague_people(text, a)) for a in named_victims) or any(
        t.civilian and not (frame.forces_target and t.vague) for t in frame.tolls)
    if victims and not (armed_target and (category.name == "clash" or not said_civilian)):
        # the dead are civilians when the text says so, or when a bombing names no armed target; civilians who
        # die in fighting between armed sides are that fight's toll (codebook section 2)
        object_group = list(victims)
    if category.name in CIVILIANS_HOLD_NO_GROUND:
        object_group = [a for a in object_group if not a.name.startswith(CIVILIAN_PREFIX)]
    if actor1 is None and _fought_the_harmed(category, harmed, object_group):
        # ... and beside dead said of no named side, once it has not ("faisant vingt morts parmi les jihadistes")
        subject_group, object_group = _first_named_first(harmed, object_group)
        actor1 = subject_group[0]
    actor2 = object_group[0] if object_group else None
    if actor2 is None and frame.forces_target and place.country:
        # "ont attaqué un camp militaire", "le convoi de l'armée a été visé": the country's forces, unnamed
        actor2 = _home_forces(context, place.country, frame.police_target)
    if actor1 is None:
        adversary = context.adversary
        if adversary is not None and bombed_stronghold and adversary.name in context.holders:
            adversary = None  # the story names the group only as the holder of the place bombed
        actor1 = _default_actor1(frame, actor2, place.country, adversary)
    if actor2 is None and category.event_type == VIOLENCE_AGAINST_CIVILIANS and place.country:
        # "deux éleveurs ont été enlevés": who is abducted, unnamed, is a civilian, not the story's other side
        actor2 = ActorRef.civilians(place.country)
    # the sides the tree coordinates with actor1 as who acts ("l'armée et le Hezbollah se sont emparés de X")
    allies = agents if actor1 is not None and any(a.name == actor1.name for a in agents) else []
    falls_on_people = category.civilian_type or category.event_type == REMOTE_VIOLENCE or (
        category.owned_by_civilians and not (actor1 is not None and actor1.name.startswith(CROWD_PREFIXES)))
    # an armed group's bomb falls on whoever was there, not on another group the story names (below)
    kin = not (falls_on_people and actor1 is not None and not actor1.state)
    # an armed group's bomb with no target named (no base, no convoy) is not aimed at the forces the story follows:
    # it falls on whoever was there (below)
    untargeted_bomb = category.falls_on_whoever_is_there and not frame.forces_target
    if actor2 is None and actor1 is not None and category.name not in NO_DEFAULT_TARGET and not (
            (category.owned_by_civilians or untargeted_bomb) and not actor1.state):
        actor2 = context.opponent_of(actor1, allies, kin, place.country)
        if (category.name in CIVILIANS_HOLD_NO_GROUND and actor2 is not None and actor2.state and not actor1.state
                and place.country and actor2.country not in ("", place.country)):
            # "les rebelles ont pris Alep" in a story that names only Russia's aircraft: a town a group takes by force
            # was held by the country's own army, not by a foreign air force the story names
            actor2 = state_force(MILITARY, place.country)
    if actor2 is not None and actor1 is not None and actor2.name == actor1.name and not category.self_directed:
        named_apart = actor2.start < actor2.end and actor2.start != actor1.start
        actor2 = context.opponent_of(actor1, allies, kin, place.country)
        if (actor2 is None and named_apart and not actor1.state and not actor1.generic
                and not actor1.name.startswith(UNIDENTIFIED_PREFIX) and place.country):
            # "les Wazalendo ont tué dix rebelles" in a story that follows the Wazalendo: the label the story reads
            # as its group names, in the group's own sentence, fighters it struck, of a group the text does not name
            actor2 = unidentified_group(place.country)
    if (actor2 is None and category.name in TWO_SIDED and actor1 is not None and not actor1.state
            and not actor1.generic and not actor1.name.startswith(CROWD_PREFIXES) and place.country):
        # "une embuscade tendue par Boko Haram", "les combats se sont intensifiés" in a story of the Fano: a fight
        # needs two sides, and the one a named group fights where neither the text nor the story names another
        # is the country's army
        actor2 = state_force(MILITARY, place.country)
    if (actor2 is None and category.name in TWO_SIDED and actor1 is not None and place.country
            and actor1.name == UNIDENTIFIED.format(country=place.country)):
        # "des combats entre milices rivales" in a story that names no side: two groups the text does not name
        actor2 = unidentified_group(place.country)
    if actor2 is None and falls_on_people and place.country and (actor1 is None or not actor1.state):
        # an armed group's attack, bomb or looting on no armed side, named or known to the story, falls on whoever
        # was there (codebook section 2: a battle needs two organised sides)
        actor2 = ActorRef.civilians(place.country)
    assoc1 = [a for a in subject_group[1:] if actor1 is None or a.name != actor1.name]
    assoc2 = [a for a in object_group[1:] if actor2 is None or a.name != actor2.name]
    if actor2 is not None and _auxiliary_abroad(actor2, place.country):
        # "ont visé le camp de Léré, où sont stationnés des hommes de Wagner": foreign auxiliaries hit beside the
        # army they serve are that army's associates (codebook section 3), the army is what was hit
        actor2, assoc2 = _home_forces(context, place.country), [actor2, *assoc2]
    # "l'armée" in a sentence about Burkina Faso is Burkina Faso's army; "les belligérants" who sign a truce in
    # Geneva are the story's
    country = context.country if category.sides_of_the_story and context.country else place.country
    if country:
        actor1 = _the_storys_army(actor1, context, country) or (
            actor1.for_country(country) if actor1 is not None and actor1.generic else actor1)
        actor2 = _the_storys_army(actor2, context, country) or (
            actor2.for_country(country) if actor2 is not None and actor2.generic else actor2)
    return actor1, _unique(assoc1), actor2, _unique(assoc2)


def _the_storys_army(actor: ActorRef | None, context: ArticleContext, country: str) -> ActorRef | None:
    """"l'armée" in a story that follows a foreign army fighting in the country ("l'armée israélienne" in Gaza or
    Lebanon) is that army, when the story names none of the country's own."""
    followed = context.protagonist
    if (actor is None or not actor.generic or actor.start == actor.end or followed is None or followed.generic
            or not actor.name.startswith(MILITARY_PREFIX) or not followed.name.startswith(MILITARY_PREFIX)
            or followed.country in ("", country)):
        return None
    home_army = any(first.name.startswith(MILITARY_PREFIX) and first.country == country and not first.generic
                    for _, first in context.sides.values())
    return None if home_army else followed.at(actor.start, actor.end)


def _auxiliary_abroad(actor: ActorRef, country: str) -> bool:
    """A foreign force that fights under the command of the country's own (Wagner's men in Mali)."""
    return bool(country) and not actor.state and actor.country != country and country in actor.fights_for


def _vague_people(text: str, actor: ActorRef) -> bool:
    """"dix personnes", "les victimes": people the text names as no side's."""
    words = text[actor.start : actor.end].lower().split()
    return bool(words) and words[-1] in VAGUE_PEOPLE


def _opposed_to(text: str, first: ActorRef, after: list[ActorRef]) -> list[ActorRef]:
    """The side "opposer A à B" names after the first ("des combats opposant les FSR à l'armée"): a verb of
    opposing before the first, and "à" between the two."""
    if OPPOSING.search(text, max(0, first.start - OPPOSING_REACH), first.start) is None:
        return []
    return [a for a in after if a.start >= first.end and a.name != first.name
            and OPPOSED_TO.fullmatch(text, first.end, a.start)][:1]


def _named_after(first: ActorRef, frame: Frame) -> list[ActorRef]:
    """The other side a fight's cue names after the first, when it names no subject ("les affrontements continuent
    dans le Nord-Kivu, où le M23 combat l'armée"): the two sides the cue's reach names are the fight's, the first
    named first, as in "des combats entre A et B"; civilians there are the fight's toll, not a side."""
    named = sorted(_unique_spans([*frame.actors_after, *frame.patients]), key=lambda a: a.start)
    if not any(a.start == first.start for a in named):
        return []
    return [a for a in named if a.start > first.start and a.name != first.name
            and not _same_side(first, a) and not a.name.startswith((CIVILIAN_PREFIX, *CROWD_PREFIXES))][:1]


def _unique_spans(actors: list[ActorRef]) -> list[ActorRef]:
    """The mentions, each span once."""
    return list({(a.start, a.end): a for a in actors}.values())


def _named_as_agent(text: str, actor: ActorRef) -> bool:
    """"des obus tirés par l'armée", "des arrestations par des membres des forces de l'ordre"."""
    return AGENT.search(text[max(0, actor.start - AGENT_REACH) : actor.start]) is not None


def _named_as_harmed(text: str, actor: ActorRef) -> bool:
    return HARMED_BEFORE.search(text, max(0, actor.start - 40), actor.start) is not None


def _crowd_sides(
    frame: Frame, place: PlaceRef
) -> tuple[ActorRef | None, list[ActorRef], ActorRef | None, list[ActorRef]]:
    """Protesters or rioters act; the force that intervenes (or the crowd's victim) is acted upon."""
    crowd_name = frame.trigger.category.crowd.format(country=place.country)
    actors = frame.actors_before + frame.actors_after
    crowd = next((a for a in actors if a.name == crowd_name), None)
    crowd = crowd or ActorRef.synthetic(crowd_name, place.country, state=False)
    # "des manifestants ont incendié des pneus": the protesters the riot cue's sentence names are its crowd
    others = [a for a in actors if a.name != crowd_name
              and not (a.name.startswith(CROWD_PREFIXES) and a.country == place.country)]
    target = next((a for a in others if a.state), None)
    # a demonstration acts on nobody but the force that intervenes; a riot may have a victim
    if target is None and frame.trigger.category.event_type != "Protests":
        target = next(iter(others), None)
    return crowd, [], target, []


def _subject_run(text: str, subjects: list[ActorRef], named: list[ActorRef]) -> list[ActorRef]:
    """The sides named before the cue that act: the run coordinated nearest it ("l'armée et le Hezbollah"), or the
    nearest side ``named`` alone when a relative clause opens on it, complement as it may be ("la France s'est
    engagée aux côtés des militaires maliens, qui ont repris Konna": the relative's antecedent acts)."""
    nearest = max(named, key=lambda a: a.start, default=None)
    if nearest is not None and RELATIVE_SUBJECT.match(text, nearest.end):
        return [nearest]
    return _coordinated(text, subjects, reverse=True)


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


def state_force(template: str, country: str) -> ActorRef:
    """A country's army or police (``MILITARY``, ``POLICE``), implied by the text."""
    if template == MILITARY:  # a territory with no army of its own is held by another state's
        country = army_of(country)
    return ActorRef.synthetic(template.format(country=country_with_article(country)), country, state=True)


def unnamed_group_home(name: str) -> str:
    """The name of an unidentified armed group of the country it comes from (actors.json ``unnamed_groups_from``):
    "Unidentified Armed Group (Israel)" -> "Unidentified Armed Group (Palestine)"; any other name as it is."""
    if not name.startswith(UNIDENTIFIED_PREFIX):
        return name
    homes: dict[str, str] = load_json("actors.json").get("unnamed_groups_from", {})
    country = name[len(UNIDENTIFIED_PREFIX) :].strip("()")
    return UNIDENTIFIED.format(country=homes[country]) if country in homes else name


def unidentified_group(country: str) -> ActorRef:
    """An armed group the text does not name, of a country."""
    return ActorRef.synthetic(UNIDENTIFIED.format(country=country), country, state=False)


def _home_forces(context: ArticleContext, country: str, police: bool = False) -> ActorRef:
    """The state force the story follows, when it is that country's (and, for a target of the ``police``, its
    police); else that country's army, or its police."""
    protagonist = context.protagonist
    if protagonist is not None and protagonist.country in ("", country) and (
            not police or protagonist.name.startswith(POLICE_PREFIX)):
        return protagonist
    return state_force(POLICE if police else MILITARY, country)


def _air_war() -> dict[str, str]:
    """The side that flies a country's war's air strikes when it is not the country's own army (actors.json)."""
    air_war: dict[str, str] = load_json("actors.json").get("air_war", {})
    return air_war


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
    remote = event_type == REMOTE_VIOLENCE
    if country and any((toll.civilian or remote and toll.unspecified) and toll.count > 0 for toll in tolls):
        return [ActorRef.civilians(country)]
    return []


def _default_actor1(
    frame: Frame, actor2: ActorRef | None, country: str, adversary: ActorRef | None
) -> ActorRef | None:
    if not country:
        return None
    category = frame.trigger.category.name
    if category == "arrest" and (actor2 is None or not actor2.state):
        # arrests are police work
        return state_force(POLICE, country)
    # a rocket shot down over a country was fired at it: its defences are not who fired ("deux roquettes ont été
    # interceptées au-dessus d'Ashkelon")
    intercepted = category == "air" and frame.trigger.inverted
    flown_by = _air_war().get(country) if category == "air" else None
    if flown_by and (actor2 is None or not actor2.state) and not intercepted:
        return ActorRef.synthetic(flown_by, "", state=True)  # "un raid aérien" in Yemen: the coalition's
    if category in ("territory", "air", "weapons") and (actor2 is None or not actor2.state) and not intercepted:
        return state_force(MILITARY, country)
    if adversary is not None and (actor2 is None or actor2.name != adversary.name):
        # an attack the sentence leaves unattributed, in a story that follows one named group: that group
        return adversary
    return unidentified_group(country)
