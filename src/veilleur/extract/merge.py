"""Merging within one article: one event per sub-event type x place x day (codebook section 1).

Repeated reports fold together (tolls: parts told in one sentence add up, figures told apart keep the
lowest); an event that is one face of another (the fighting for a captured town) folds into
it; a province-level lead is dropped when the article gives the detail.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from veilleur.extract.cues import REMOTE_VIOLENCE, CueLexicon, opens_with
from veilleur.extract.mentions import STATE_FORCES
from veilleur.extract.sides import CIVILIAN_PREFIX, UNIDENTIFIED_PREFIX
from veilleur.records import Event, great_circle_km
from veilleur.resolve.numbers import indefinite_toll

APART = "apart"  # evidence key: the words that open the event's sentence as another happening ("Ailleurs, ...")
ANOTHER = "another"  # evidence key: the cue told as another of its kind ("une autre frappe"), at its own place
# evidence key: the words that open the event's sentence as what happened next ("Peu après, ...")
SEQUEL = "sequel"
NEIGHBOUR_KM = 10.0  # two names for one happening's place (a town and its district)
# how far from the town it names a place told only "near" it may lie ("une base au nord de Mogadiscio")
NEARBY_KM = 75.0
AGREEMENT = "Agreement"
AGREEMENT_STEPS_DAYS = 7  # an agreement is concluded, initialled, signed and comes into force within about a week
CLASH_OUTCOMES = frozenset({"Government regains territory", "Non-state actor overtakes territory", AGREEMENT})
# the means of a strike, from the most precisely named to the least ("bombardé" says less than "frappes aériennes")
REMOTE_MEANS = ("Chemical weapon", "Suicide bomb", "Air/drone strike", "Shelling/artillery/missile attack",
                "Remote explosive/landmine/IED", "Grenade")
# a demonstration's sub-types, from the mildest to the gravest turn it can take
DEMONSTRATION_SEVERITY = ("Peaceful protest", "Protest with intervention", "Violent demonstration",
                          "Excessive force against protesters")
EXCESSIVE_FORCE, VIOLENT_DEMONSTRATION = "Excessive force against protesters", "Violent demonstration"
CIVILIAN_ATTACK = ("Violence against civilians", "Attack")
ABDUCTION = "Abduction/forced disappearance"
ATTENTAT_WORDS = frozenset({"attentat", "attentats"})  # a terrorist attack, coded a bomb when no means is named
# what a side does to the other in the course of a fight (takes prisoners, seizes the weapons of the fallen)
SPOILS_OF_A_FIGHT = frozenset({"Arrests", "Disrupted weapons use"})
FIGHTING_TYPES = frozenset({"Battles", REMOTE_VIOLENCE})
CROWD_TYPES = frozenset({"Protests", "Riots"})
CAPTURES = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# "le raid" with no aircraft named: the attack it tells again may be a ground raid as well as a bombing
BARE_RAID_WORDS = frozenset({"raid", "raids"})
# how words that tell both sides fighting begin ("prennent d'assaut", "les ont repoussés", "des combats", "ont
# riposté"): told so, the forces' fight with attackers is an event of its own
FOUGHT_STEMS = ("assaut", "repouss", "combat", "affront", "accroch", "échange", "ripost")
# fighting told only as fire opened or exchanged, with no means named ("des affrontements", "ont ouvert le feu")
FIRE_ONLY_STEMS = ("affrontement", "ouvert le feu", "ouvrir le feu", "ouvrent le feu")
SHELLING = "Shelling/artillery/missile attack"
STRIKES = frozenset({"Air/drone strike", SHELLING})
ATTACK_NOUNS = frozenset({"attaque", "attaques"})  # the word says an attack, not how it was made
DETERMINERS = frozenset({"la", "le", "les", "l'", "un", "une", "des", "cette", "ces", "cet", "ce", "d'", "de", "du"})
# what a province-level "attaque" may tell in detail: killings of civilians, strikes, bombs
HOW_AN_ATTACK_IS_MADE = frozenset({"Violence against civilians", REMOTE_VIOLENCE})


def inherit_dates(events: list[Event]) -> list[Event]:
    """An undated mention of a place the article dates elsewhere is that day's: the nearest dated mention
    before it (narrative time runs with the text: "un court instant plus tard"), else, for a headline or
    lead, the first mention dated to the day after it."""
    dated_at: dict[str, list[tuple[int, Event]]] = {}  # place -> its dated mentions, in text order
    for index, event in enumerate(events):
        if "event_date" in event.evidence:
            dated_at.setdefault(event.location, []).append((index, event))
    for index, event in enumerate(events):
        if event.sub_event_type == "Disrupted weapons use":
            continue  # discoveries are reported, rarely dated
        dated = dated_at.get(event.location, [])
        if "event_date" in event.evidence:
            if event.time_precision != 3:
                continue
            # known only to the month ("au cours du week-end" in an article dated by its month): the day that
            # month names for the same place
            dated = [(i, e) for i, e in dated if e.time_precision == 1 and _within_span(e, event)]
        before = [e for i, e in dated if i < index]
        # a day told later fits a headline dated by the publication only within the span its precision
        # leaves open (the week, or the month): "le 1er juillet" of a flashback is not November's lead
        after = [e for i, e in dated if i > index and e.time_precision == 1 and _within_span(e, event)]
        earlier = before[-1] if before else next(iter(after), None)
        if earlier is None:
            continue
        event.event_date, event.time_precision = earlier.event_date, earlier.time_precision
        for span in earlier.evidence["event_date"]:
            event.add_evidence("event_date", span)
    return events


SPAN_DAYS = {2: 7, 3: 31}  # time_precision -> days an undated event's date stands for (a week, a month)


def _within_span(dated: Event, undated: Event) -> bool:
    """Does the dated event's day fall in the week (or month) that the undated event's date stands for?"""
    if undated.time_precision == 3 and dated.event_date[:7] == undated.event_date[:7]:
        return True  # a publication known to the month: any day of that month
    return day_in_span(date.fromisoformat(dated.event_date), undated)


def day_in_span(day: date, undated: Event) -> bool:
    """Does ``day`` fall from the day before the undated event's date to the end of the week (or month) that
    date stands for?"""
    gap = (date.fromisoformat(undated.event_date) - day).days
    return -1 <= gap <= SPAN_DAYS.get(undated.time_precision, 0)


def merge_events(events: Sequence[Event], cues: CueLexicon) -> list[Event]:
    """One event per sub-event type x place x day (codebook section 1), then two folds:

    an event that is one face of another at the same place and day is folded into it (see
    ``_part_of``); a province-level event is dropped when the article also reports a finer event of
    that type in that province on that day (a lead summarising the details).
    """
    merged: dict[tuple[str, str, str, int], Event] = {}
    for event in events:
        # an event its sentence tells as another happening ("Ailleurs, ...") is merged only with its own sentence's
        key = (event.sub_event_type, event.location, event.event_date, _apart_sentence(event))
        kept = merged.get(key)
        if kept is None:
            merged[key] = event
        else:
            _absorb(kept, event, cues)
    result = _fold_told_nearby(_merge_neighbours(list(merged.values()), cues), cues)
    out = []
    for event in result:
        absorber = _final_absorber(event, result, cues)
        if absorber is not None:
            _fold(event, absorber)
            continue
        details = _details_of(event, result)
        if details:
            _hand_down(event, details)
            continue
        told_how = _told_how(event, result, cues)
        if told_how:
            _hand_down_toll(event, told_how)
            continue
        out.append(event)
    return out


def _apart_sentence(event: Event) -> int:
    """Where the sentence that tells the event as another happening begins; -1 for an event told plainly."""
    return min((span.start for span in event.evidence.get(APART, [])), default=-1)


def _told_apart(a: Event, b: Event, marks: tuple[str, ...] = (APART,)) -> bool:
    """Is one of the two told, in a sentence of its own, as another happening than the other ("Ailleurs, ...")?
    With ``ANOTHER`` among the marks, also as another of its kind ("une autre frappe a visé X"): no second name
    for the other's place, however near."""
    return any(mark in event.evidence for event in (a, b) for mark in marks) and not _same_sentence(a, b)


def _final_absorber(event: Event, events: list[Event], cues: CueLexicon) -> Event | None:
    """The event ``event`` folds into, followed through the events that fold in turn (a protest's arrests
    fold into the protest, which folds into the day's graver turn of the same crowd)."""
    absorber, seen = None, {id(event)}
    current = event
    while (nxt := next((o for o in events if id(o) not in seen and _part_of(current, o, cues)), None)) is not None:
        absorber = current = nxt
        seen.add(id(nxt))
    return absorber


def _part_of(event: Event, other: Event, cues: CueLexicon) -> bool:
    """Is ``event`` one face of ``other``, the way the codebook codes it once?

    The fighting for a captured place is the capture; a car bomb driven by a suicide attacker is the
    suicide bombing; civilians killed by a strike are the strike.
    """
    clash = event.sub_event_type == "Armed clash"
    if clash and other.sub_event_type in CLASH_OUTCOMES and _same_sentence(event, other):
        return True  # "a repris Mayadine après de violents combats", "capitulation à l'issue de combats"
    if _raid_of_the_fight(event, other) or _shooting_in_the_attack(event, other) or _fire_of_the_strike(event, other):
        return True
    if event.location != other.location:
        return False
    if _the_agreement_told_again(event, other):
        return True  # "ont signé mardi à Khartoum un accord de paix ... Conclu samedi dernier, l'accord a été paraphé"
    if _shell_of_the_fight(event, other, cues):
        return True  # "de violents combats entre milices ... une roquette a atterri dans la chambre du voisin"
    if clash and other.sub_event_type in CAPTURES and _fought_in_the_hours_before(event, other, cues):
        return True  # "tombée dimanche aux mains du M23 ... de violents combats ces dernières 48 heures"
    same_day = event.event_date == other.event_date or "event_date" not in event.evidence
    if not same_day:
        return False
    if event.sub_event_type == "Armed clash":
        return other.event_type == "Battles" and other.sub_event_type.endswith("territory")
    if event.sub_event_type in SPOILS_OF_A_FIGHT and other.event_type in FIGHTING_TYPES:
        # "huit jihadistes tués et 38 suspects arrêtés lors de l'opération", "les troupes ont saisi les armes du
        # militant tué": the arrests and seizures one of the fighting sides makes where and when it fights are
        # part of that fight, not events of their own; a place taken is searched by its new masters once it is
        # theirs ("un dépôt d'armes découvert dans la ville reprise"), which the capture does not tell
        return other.sub_event_type not in CAPTURES and _side_of(event.actor1, other)
    if event.event_type == other.event_type == REMOTE_VIOLENCE and event.sub_event_type in REMOTE_MEANS and (
            other.sub_event_type in REMOTE_MEANS and _same_or_unnamed(event.actor1, other.actor1)):
        # one side's strikes on one place and day, told once as "bombardé", once as "frappes aériennes", are one
        # event, coded by the means the text names most precisely (not a second blast told as what happened next)
        return REMOTE_MEANS.index(event.sub_event_type) > REMOTE_MEANS.index(other.sub_event_type) and not (
            _a_second_blast(event, other))
    if _only_called_attentat(event) and (other.event_type, other.sub_event_type) == CIVILIAN_ATTACK:
        # "les assaillants ont abattu quatorze passagers ... cet horrible attentat": the word says a terrorist
        # attack, not a bomb; the killing the text tells is how it was done
        return True
    if event.sub_event_type == "Remote explosive/landmine/IED":
        # "une voiture piégée conduite par un kamikaze" is the suicide bombing; "une bombe a explosé ... Peu après, une
        # kamikaze s'est fait exploser au même endroit" ("une deuxième explosion") is a second blast
        return other.sub_event_type == "Suicide bomb" and not _a_second_blast(event, other)
    if (event.event_type, event.sub_event_type) == CIVILIAN_ATTACK:
        if other.event_type in CROWD_TYPES:
            # "les forces de sécurité ont tué cinq personnes en tirant pour disperser les manifestants": the force
            # used on a crowd is its demonstration's (codebook section 2); people attacked by no one named where
            # a riot is ("des magasins ont été attaqués") are the rioters' victims, unless the attack kills: a
            # massacre is no aside of a riot
            return event.actor1.startswith(STATE_FORCES) or (
                other.event_type == "Riots" and event.actor1.startswith(UNIDENTIFIED_PREFIX) and not event.fatalities)
        if other.sub_event_type == ABDUCTION:
            # "des hommes armés ont attaqué un convoi ... trois employés ont été enlevés": an attack that kills no one,
            # by those who take people away there that day, is how they took them; a killing is an attack of its own
            return not event.fatalities and _same_or_unnamed(event.actor1, other.actor1)
        return other.event_type == REMOTE_VIOLENCE and not _only_called_attentat(other)
    if other.sub_event_type in DEMONSTRATION_SEVERITY:
        # one crowd on one day is one demonstration, coded by its gravest turn; arresting its members is
        # the intervention
        if event.sub_event_type in DEMONSTRATION_SEVERITY:
            if {event.sub_event_type, other.sub_event_type} == {EXCESSIVE_FORCE, VIOLENT_DEMONSTRATION}:
                # a crowd told burning, stoning or killing was violent, however hard it was met: a riot; clashes
                # alone ("des heurts") do not say who was violent, and lethal force on the crowd is the graver turn
                riot = other if other.sub_event_type == VIOLENT_DEMONSTRATION else event
                return (other is riot) == _told_by_the_crowds_violence(riot, cues)
            return DEMONSTRATION_SEVERITY.index(event.sub_event_type) < DEMONSTRATION_SEVERITY.index(
                other.sub_event_type)
        return event.sub_event_type == "Arrests"
    if event.sub_event_type == "Looting/property destruction":
        # what attackers or rioters loot and burn where they strike is part of that attack or riot
        return other.event_type in ("Battles", "Violence against civilians", "Riots")
    return False


def _the_agreement_told_again(event: Event, other: Event) -> bool:
    """Is ``event`` an agreement told after ``other``, at its place, between the same sides (or sides left unnamed),
    within a week of it? An agreement is concluded, initialled, signed and comes into force over a few days: the
    steps the article tells of one agreement are that agreement, coded once on the day it tells first."""
    if not event.sub_event_type == other.sub_event_type == AGREEMENT or _same_sentence(event, other):
        return False
    if not (_same_or_unnamed(event.actor1, other.actor1) and _same_or_unnamed(event.actor2, other.actor2)):
        return False
    days = abs((date.fromisoformat(event.event_date) - date.fromisoformat(other.event_date)).days)
    return days <= AGREEMENT_STEPS_DAYS and _first_cue_at(event) > _first_cue_at(other)


def _first_cue_at(event: Event) -> int:
    """Where the event's first cue stands in the text (-1 with none)."""
    return min((span.start for span in event.evidence.get("trigger", [])), default=-1)


def _shell_of_the_fight(event: Event, other: Event, cues: CueLexicon) -> bool:
    """"De violents combats ont opposé l'armée aux rebelles à Goma ... Une roquette est tombée sur une maison": a
    shell or a rocket that kills no one and that its sentence gives no side of, told where and when a fight is, is
    a shot of that fight (its sides are the story's, the fight's), not a bombardment of its own (a fight told only
    as fire opened is the strike's instead, see ``_fire_of_the_strike``; a bombardment told by its act, "les
    blindés ont bombardé le terminal", stays one)."""
    return (event.sub_event_type == SHELLING and not event.fatalities and other.sub_event_type == "Armed clash"
            and _told_only_by(event, cues.munition_words)
            and not any(name in event.evidence for name in ("actor1", "actor2"))
            and {event.actor1, event.actor2} == {other.actor1, other.actor2}
            and event.location == other.location and event.event_date == other.event_date
            and not _fire_of_the_strike(other, event))


def _told_only_by(event: Event, words: frozenset[str]) -> bool:
    """Does every cue of the event open with one of these words ("une roquette", "les obus")?"""
    told = _trigger_words(event)
    return bool(told) and all(opens_with(cue, words) for cue in told)


def _fought_in_the_hours_before(fight: Event, capture: Event, cues: CueLexicon) -> bool:
    """Is the fight dated only by a span of the last hours up to the report ("ces dernières 48 heures"), which
    the capture's day (the fight's, or the day before) falls in? Then it is the fighting that took the place."""
    spans = fight.evidence.get("event_date", [])
    return bool(spans) and all(cues.recent_hours.search(span.text) for span in spans) and 0 <= (
        date.fromisoformat(fight.event_date) - date.fromisoformat(capture.event_date)).days <= 1


def _a_second_blast(a: Event, b: Event) -> bool:
    """Is the later told of two blasts told, in a sentence of its own, as what happened next ("Peu après, ...") or as
    another ("une deuxième explosion")? (A blast told before the other is no second one of it.)"""
    later = max((a, b), key=_first_cue_at)
    return not _same_sentence(a, b) and (ANOTHER in later.evidence or SEQUEL in later.evidence)


def _same_day_nearby(a: Event, b: Event, km: float) -> bool:
    """One day, and one place or two names for places this close."""
    if a.event_date != b.event_date:
        return False
    return a.location == b.location or _within_km(a, b, km)


def _within_km(a: Event, b: Event, km: float) -> bool:
    """Are both events placed, at most ``km`` apart?"""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return great_circle_km(a.latitude, a.longitude, b.latitude, b.longitude) <= km  # type: ignore[arg-type]


def _raid_of_the_fight(event: Event, other: Event) -> bool:
    """"cinq soldats tués lors de l'attaque d'une base par le PKK ... Le raid s'est produit dans le district
    d'Eruh": a raid that names no aircraft, between the sides of a fight told that day nearby, is that fight
    told again, not a strike from the air."""
    words = _trigger_words(event)
    return (event.sub_event_type == "Air/drone strike" and bool(words) and words <= BARE_RAID_WORDS
            and other.sub_event_type == "Armed clash" and {event.actor1, event.actor2} == {other.actor1, other.actor2}
            and _same_day_nearby(event, other, NEARBY_KM))


def _shooting_in_the_attack(event: Event, other: Event) -> bool:
    """"une attaque au couteau ... la police a abattu l'assaillant", "un kamikaze qui a ouvert le feu sur la foule,
    avant d'actionner sa ceinture explosive": fighting that names no target of its own, by the attacker of
    civilians that day and place, is that attack (its target was taken from the story's state forces)."""
    if event.sub_event_type != "Armed clash" or "actor2" in event.evidence or event.actor1 != other.actor1:
        return False
    if any(stem in cue for cue in _trigger_words(event) for stem in FOUGHT_STEMS):
        return False  # "cinq assaillants prennent d'assaut le restaurant": a siege, fought by the forces that end it
    # the civilians must be named: an attack or a bomb with no victim named may be on the forces the fighting tells
    # of ("ont mené une attaque contre les bases", events._assault_bombs)
    on_civilians = (other.event_type, other.sub_event_type) == CIVILIAN_ATTACK or other.event_type == REMOTE_VIOLENCE
    return on_civilians and other.actor2.startswith(CIVILIAN_PREFIX) and "actor2" in other.evidence and (
        _same_day_nearby(event, other, NEIGHBOUR_KM))


def _fire_of_the_strike(event: Event, other: Event) -> bool:
    """"un bateau de la marine a pris feu lors d'affrontements avec des extrémistes" after "une attaque au missile
    contre une frégate", "des blindés ont ouvert le feu contre un terminal" where its bombardment is told: fire
    opened or exchanged, with no means named, between the sides of a strike told that day at that place, is that
    strike, coded by its means."""
    words = _trigger_words(event)
    return (event.sub_event_type == "Armed clash" and bool(words)
            and all(word.startswith(FIRE_ONLY_STEMS) for word in words)
            and other.sub_event_type in STRIKES and {event.actor1, event.actor2} == {other.actor1, other.actor2}
            and event.location == other.location and event.event_date == other.event_date)


def _trigger_words(event: Event) -> set[str]:
    """The event's cue words, lowercased, without their article ("l'attentat", "le raid")."""
    words = set()
    for span in event.evidence.get("trigger", []):
        word = span.text.lower().replace("’", "'").removeprefix("l'")
        words.add(word.split(" ", 1)[1] if word.startswith(("le ", "la ", "les ")) else word)
    return words


def _told_by_the_crowds_violence(riot: Event, cues: CueLexicon) -> bool:
    """A riot told by some act of the crowd's own ("ont incendié", "jets de pierres"), not only as clashes."""
    words = [span.text for span in riot.evidence.get("trigger", [])]
    return any(not opens_with(word, cues.two_sided_words) for word in words)


def _side_of(actor: str, fight: Event) -> bool:
    """Is ``actor`` one of the fight's sides, or the state's forces when the state fights in it (the police
    arrest where the army fought)?"""
    sides = (fight.actor1, fight.actor2)
    if actor in sides:
        return True
    state = actor.startswith(STATE_FORCES) and actor.split(" of ", 1)[-1]
    return bool(state) and any(s.startswith(STATE_FORCES) and s.split(" of ", 1)[-1] == state for s in sides)


def _only_called_attentat(event: Event) -> bool:
    """A bombing coded from the word "attentat" alone: the word's default means, no explosive named."""
    words = _trigger_words(event)
    return event.sub_event_type == "Remote explosive/landmine/IED" and bool(words) and words <= ATTENTAT_WORDS


def _one_names_the_other(a: str, b: str) -> bool:
    """One side unnamed (or unidentified), the other named."""
    return (not a or _is_generic_name(a)) != (not b or _is_generic_name(b))


def _same_or_unnamed(a: str, b: str) -> bool:
    return a == b or not a or not b or _is_generic_name(a) or _is_generic_name(b)


def _fold(event: Event, absorber: Event) -> None:
    """What an event folded into another leaves it: the larger toll, the side acted upon when the other names
    none; arrests make a protest one with intervention."""
    absorber.fatalities = max(absorber.fatalities, event.fatalities)
    if absorber.geo_precision == 3 and event.geo_precision < 3 and (absorber.country, absorber.admin1) == (
            event.country, event.admin1):
        # "lors de l'attaque d'une base ... dans la province de Siirt", then "Le raid s'est produit dans le district
        # d'Eruh": the face folded in names the most specific place of the happening (codebook section 4)
        absorber.location, absorber.admin2 = event.location, event.admin2
        absorber.latitude, absorber.longitude = event.latitude, event.longitude
        absorber.geo_precision = event.geo_precision
        for span in event.evidence.get("location", []):
            absorber.add_evidence("location", span)
    if event.sub_event_type == "Arrests" and absorber.sub_event_type in DEMONSTRATION_SEVERITY:
        if absorber.sub_event_type == "Peaceful protest":
            absorber.sub_event_type = "Protest with intervention"
        if not absorber.actor2:
            absorber.actor2 = event.actor1
            # the force keeps the words that named it: "les services de sécurité" facing a crowd are its police
            for key in ("actor1", "actor1_context"):
                for span in event.evidence.get(key, []):
                    absorber.add_evidence(key.replace("actor1", "actor2"), span)
    elif not absorber.actor2 and event.actor2 and event.actor2 != absorber.actor1:
        # "six personnes tuées dans un bombardement russe ... la frappe": the face folded in named who was hit
        absorber.actor2 = event.actor2
        for key in ("actor2", "actor2_context"):
            for span in event.evidence.get(key, []):
                absorber.add_evidence(key, span)


def _merge_neighbours(events: list[Event], cues: CueLexicon) -> list[Event]:
    """"une frappe sur Hodeïdah ... une maison du quartier d'Al Hali": one strike, two names for its place."""
    out: list[Event] = []
    for event in events:
        twin = next((kept for kept in out if _same_happening_nearby(kept, event)), None)
        if twin is None:
            out.append(event)
        else:
            _absorb(twin, event, cues)
    return out


def _fold_told_nearby(events: list[Event], cues: CueLexicon) -> list[Event]:
    """"une embuscade ... entre les villes de Dori et de Seytenga", "une base militaire au nord de Mogadiscio":
    an event told near a town, in another sentence than the one that names the place it happened at, of the same
    kind, between the same two sides, the same day, is that event, told again by the nearest town a reader knows."""
    out: list[Event] = []
    for event in events:
        precise = next((o for o in events if o is not event and _told_near(event, o)), None)
        if precise is None:
            out.append(event)
        else:
            _absorb(precise, event, cues)
    return out


def _told_near(approximate: Event, precise: Event) -> bool:
    if approximate.geo_precision != 2 or precise.geo_precision not in (1, 2):
        return False
    if precise.geo_precision == 2 and _report_weight(approximate) >= _report_weight(precise):
        # "tués dimanche dans un guet-apens près de Kirkouk", then "une embuscade dans la région de Hawija ... 27 de
        # nos héros": two places told only near, one fight; it stays where the fuller report (the larger toll, else
        # the later, detailed one) places it
        return False
    if approximate.sub_event_type != precise.sub_event_type or approximate.event_date != precise.event_date:
        return False
    if {approximate.actor1, approximate.actor2} != {precise.actor1, precise.actor2} or _same_sentence(
            approximate, precise) or _told_apart(approximate, precise, (APART, ANOTHER)):
        return False
    return _within_km(approximate, precise, NEARBY_KM)


def _report_weight(event: Event) -> tuple[int, int]:
    """How full a report is: its toll, then how late it comes (the detail follows the lead)."""
    return event.fatalities, _first_cue_at(event)


def _same_happening_nearby(a: Event, b: Event) -> bool:
    # "des milices se sont affrontées à Tripoli" then "la 444e brigade ... près de l'aéroport de Mitiga": a side
    # one report leaves unidentified is no other side than the one the other report names (two unidentified
    # sides are not known to be one: two knife attacks in one city)
    if a.sub_event_type != b.sub_event_type or not (a.actor1 == b.actor1 or _one_names_the_other(a.actor1, b.actor1)):
        return False
    if a.event_date != b.event_date and "event_date" in a.evidence and "event_date" in b.evidence:
        return False
    if _another_day_than_undated(a, b) or _another_day_than_undated(b, a):
        return False  # "ce marché avait déjà été la cible d'un attentat le 1er juillet": an earlier one
    if _same_sentence(a, b) or _told_apart(a, b, (APART, ANOTHER)):
        return False  # "Jobar et Zamalka": places named together are distinct events; so is one told "ailleurs"
    if a.geo_precision == 3 or b.geo_precision == 3:
        return False  # a province's capital point is not a neighbour of the town the detail names
    return _within_km(a, b, NEIGHBOUR_KM)


def _another_day_than_undated(dated: Event, undated: Event) -> bool:
    """Is ``dated`` told on a day outside the week (or month) that the undated event's date stands for?"""
    if "event_date" not in dated.evidence or "event_date" in undated.evidence:
        return False
    return not day_in_span(date.fromisoformat(dated.event_date), undated)


def _same_sentence(a: Event, b: Event) -> bool:
    return bool(set(a.evidence.get("sentence", [])) & set(b.evidence.get("sentence", [])))


def _absorb(kept: Event, other: Event, cues: CueLexicon) -> None:
    """Fold a second report of the same event into the first.

    Tolls: two figures of one sentence are parts of the story ("sept ... puis cinq morts") and add up;
    figures told in other sentences are other sources' counts (or a part of the dead told again, or a
    total over more than this event), and the lowest wins (codebook section 6).
    """
    kept.fatalities = _combined_toll(kept, other)
    if "event_date" not in kept.evidence and "event_date" in other.evidence:
        # "Attentat suicide à Ankara" (dated by the publication only), then "Dimanche 13 mars, une voiture piégée a
        # explosé ... dans le quartier de Kizilay": the report that names the day dates the event
        kept.event_date, kept.time_precision = other.event_date, other.time_precision
    kept.time_precision = min(kept.time_precision, other.time_precision)
    if _named_the_other_way(kept, other, cues):
        trade_sides(kept)
    for name in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2"):
        mine, theirs = getattr(kept, name), getattr(other, name)
        # a victim the text names beats an opponent the article only implies
        named_victims = name == "actor2" and theirs.startswith(CIVILIAN_PREFIX) and name not in kept.evidence
        # an unidentified armed group is better named by the group, not by a state force the other report
        # read there ("les forces de défense alertées par ces prises d'otages" are not the hostage-takers)
        renamed = _is_generic_name(mine) and not _is_generic_name(theirs) and not theirs.startswith(STATE_FORCES)
        better = not mine or named_victims or renamed
        other_side = kept.actor2 if name == "actor1" else kept.actor1 if name == "actor2" else ""
        # a report that sets my side against theirs ("un groupe armé a attaqué les forces de sécurité", then "sept
        # policiers ... le groupe armé") names their side in this slot, not a better name for mine
        their_other_side = other.actor2 if name == "actor1" else other.actor1 if name == "actor2" else ""
        reversed_sides = bool(mine) and mine == their_other_side
        if theirs and better and theirs != other_side and not reversed_sides:
            setattr(kept, name, theirs)
    for name, spans in other.evidence.items():
        for span in spans:
            kept.add_evidence(name, span)


def _named_the_other_way(kept: Event, other: Event, cues: CueLexicon) -> bool:
    """The kept report has both its sides from the story only (the protagonist, the adversary), and the other
    names the same two in its sentence, the other way round: the order the text gives wins."""
    if not kept.actor1 or not kept.actor2 or kept.actor1 == kept.actor2 or (
            (kept.actor1, kept.actor2) != (other.actor2, other.actor1)):
        return False
    if not any(name in kept.evidence for name in ("actor1", "actor2")) and all(
            name in other.evidence for name in ("actor1", "actor2")):
        return True
    if kept.sub_event_type == "Armed clash" and _begun_by_its_actor1(other, cues) and not _told_as_begun(kept, cues):
        # "les Hachd ont perdu 27 combattants dans des affrontements qui les ont opposés aux jihadistes", then "les
        # Hachd sont tombés dans une embuscade tendue par les jihadistes": the side that began the fight acts
        return True
    # "Nouveaux bombardements à Homs" (who fired, unsaid, is the story's other side), then "des chars de l'armée
    # ont bombardé Homs": the report that names who acts wins
    # (fighting names no side that acts: its order is the story's, see events._armed_groups_first)
    return kept.sub_event_type != "Armed clash" and "actor1" not in kept.evidence and "actor1" in other.evidence


def _begun_by_its_actor1(event: Event, cues: CueLexicon) -> bool:
    """Is the fight told as one its actor1, named in the text, began ("une embuscade tendue par les rebelles")?"""
    return "actor1" in event.evidence and _told_as_begun(event, cues)


def _told_as_begun(event: Event, cues: CueLexicon) -> bool:
    """Is the fight told as one a side began ("une embuscade", "l'attaque"), not only as fighting ("combats")?"""
    return told_with(event, cues.initiative_words)


def told_with(event: Event, words: frozenset[str]) -> bool:
    """Does one of the event's cues open with one of these words ("embuscade", "heurts")?"""
    return any(opens_with(span.text, words) for span in event.evidence.get("trigger", []))


def trade_sides(event: Event) -> None:
    """actor1 and actor2 trade places, with their allies and the words that named them."""
    event.actor1, event.actor2 = event.actor2, event.actor1
    event.assoc_actor_1, event.assoc_actor_2 = event.assoc_actor_2, event.assoc_actor_1
    swap_sides_evidence(event)


def swap_sides_evidence(event: Event) -> None:
    """The words that named actor1 name actor2 and back, when the sides trade places."""
    for suffix in ("", "_context"):
        first, second = event.evidence.pop(f"actor1{suffix}", None), event.evidence.pop(f"actor2{suffix}", None)
        if first:
            event.evidence[f"actor2{suffix}"] = first
        if second:
            event.evidence[f"actor1{suffix}"] = second


def _combined_toll(kept: Event, other: Event) -> int:
    a, b = kept.fatalities, other.fatalities
    if not a or not b or a == b or _same_toll_words(kept, other):
        # the same words read for two cues of one sentence ("une explosion à la voiture piégée ... 37 personnes
        # sont décédées") are one toll, not two parts of the story
        return max(a, b)
    vague, other_vague = told_by_no_figure(kept), told_by_no_figure(other)
    if vague != other_vague:
        # "L'embuscade a fait de nombreuses victimes" and "quatre gendarmes et 14 militaires tués": the figure
        return b if vague else a
    if _same_sentence(kept, other):
        return a + b
    return min(a, b)


def told_by_no_figure(event: Event) -> bool:
    """Is the event's toll a count by convention only ("plusieurs morts", "de nombreuses victimes")?"""
    spans = event.evidence.get("fatalities", [])
    return bool(spans) and all(indefinite_toll(span.text) for span in spans)


def _same_toll_words(a: Event, b: Event) -> bool:
    return bool(set(a.evidence.get("fatalities", [])) & set(b.evidence.get("fatalities", [])))


def _is_generic_name(name: str) -> bool:
    return name.startswith("Unidentified")


def _details_of(event: Event, events: list[Event]) -> list[Event]:
    """The finer events of the same kind, in the same province (or district), that a lead placed only by that
    province (or district) summarises."""
    if event.geo_precision != 3 and not _placed_by_its_district(event):
        return []
    undated = "event_date" not in event.evidence
    return [
        other
        for other in events
        if other is not event
        and other.sub_event_type == event.sub_event_type
        and other.admin1 == event.admin1
        and other.geo_precision <= 2 and other.location != event.location
        and (event.geo_precision == 3 or _in_the_district(other, event))
        and (undated or other.event_date == event.event_date or "event_date" not in other.evidence
             or _the_day_before(other, event) or _in_the_leads_span(other, event))
        and (
            other.actor1 == event.actor1
            or unnamed_actor1(other)  # "les bombardiers ont visé X et Y" after "l'aviation russe a ..."
            or _is_generic_name(other.actor1)
            or _is_generic_name(event.actor1)
        )
    ]


def _in_the_leads_span(detail: Event, lead: Event) -> bool:
    """"Deux attaques ont visé cette semaine la région de Mopti ... la première lundi à Djenné": a lead dated to the
    week (or month) only stands for the days of it its details name."""
    return lead.time_precision > 1 and detail.time_precision == 1 and day_in_span(
        date.fromisoformat(detail.event_date), lead)


def _told_how(lead: Event, events: list[Event], cues: CueLexicon) -> list[Event]:
    """"une série d'attaques attribuées à Boko Haram dans l'Extrême-Nord", then "un homme a été tué mardi par des
    membres de Boko Haram à Mora": a province-level fight told only as "attaques" is summed up by the attacks on
    civilians, the strikes and the bombs of its side that the article places in that province that day (the word
    says an attack, not a fight: the details say how it was made)."""
    if lead.geo_precision != 3 or lead.sub_event_type != "Armed clash" or not _told_only_as_an_attack(lead):
        return []
    sides = {side for side in (lead.actor1, lead.actor2) if side and not _is_generic_name(side)}
    return [
        other
        for other in events
        if other is not lead
        and other.event_type in HOW_AN_ATTACK_IS_MADE
        and other.admin1 == lead.admin1
        and _told_of_the_leads_day(other, lead)
        and bool(sides & {other.actor1, other.actor2})
        and not _told_apart(lead, other)
        and not _part_of(other, lead, cues)  # "le raid" that tells the fight again folds into it
    ]


def _told_of_the_leads_day(detail: Event, lead: Event) -> bool:
    """Is the detail told of the lead's day, or the day before the lead's report? A lead with no day of its own
    stands for the days around its publication, not for an attack "le 21 février dernier" months before."""
    if "event_date" not in detail.evidence:
        return True
    if "event_date" not in lead.evidence:
        return day_in_span(date.fromisoformat(detail.event_date), lead)
    return detail.event_date == lead.event_date or _the_day_before(detail, lead)


def _told_only_as_an_attack(event: Event) -> bool:
    """Is every word that tells the event the attack noun ("des attaques", "l'attaque"), none saying how?"""
    spans = event.evidence.get("trigger", [])
    return bool(spans) and all(_head_word(span.text) in ATTACK_NOUNS for span in spans)


def _head_word(words: str) -> str:
    """The first word after the determiners ("l'attaque" -> "attaque", "une série d'attaques" keeps "série")."""
    tokens = words.lower().replace("’", "'").removeprefix("l'").split()
    return next((token for token in tokens if token not in DETERMINERS), "")


def _hand_down_toll(lead: Event, details: list[Event]) -> None:
    """The lead's toll, split among details that have none (codebook section 6)."""
    if not any(detail.fatalities for detail in details):
        _split_toll(lead, lead.fatalities, details)


def _split_toll(lead: Event, toll: int, details: list[Event]) -> None:
    """``toll`` of the lead's, split evenly among ``details``, the remainder to the first (codebook section 6)."""
    if not toll or not details:
        return
    share, remainder = divmod(toll, len(details))
    for index, detail in enumerate(details):
        detail.fatalities = share + (remainder if index == 0 else 0)
        for span in lead.evidence.get("fatalities", []):
            detail.add_evidence("fatalities", span)


def _placed_by_its_district(event: Event) -> bool:
    """Is the event placed by the name of a district ("dans le département du Mayo-Sava"), not of a town in it?"""
    return event.geo_precision == 2 and bool(event.admin2) and event.location == event.admin2


def _in_the_district(detail: Event, lead: Event) -> bool:
    """Does the detail lie in the district that places the lead ("l'arrondissement de Mora" in the Mayo-Sava)? A
    town the gazetteer gives no district for is in it when it lies near the district's point."""
    if detail.admin2:
        return detail.admin2 == lead.admin2
    return _within_km(detail, lead, NEARBY_KM)


def _the_day_before(detail: Event, lead: Event) -> bool:
    """Is the detail told on the day before the lead's? A lead is often dated by the day it is reported ("quatre
    personnes tuées dans une explosion dans la région de Mopti, rapporte ce mercredi la presse"), the detail by the
    day it happened ("le minibus a heurté un engin explosif ce mardi près de Parou")."""
    return (date.fromisoformat(lead.event_date) - date.fromisoformat(detail.event_date)).days == 1


def unnamed_actor1(event: Event) -> bool:
    """actor1 implied by the article, or named only by a common noun ("les bombardiers")."""
    spans = event.evidence.get("actor1", [])
    return not spans or not any(ch.isupper() for span in spans for ch in span.text)


def _toll_left_to(lead: Event, details: list[Event], untolled: list[Event]) -> int:
    """The part of the lead's toll that falls to the details the text gives no toll of their own.

    All untolled: the whole toll, theirs to share. Some tolled: a lead that counts fewer dead than each tolled
    detail does not count them ("trois policiers tués dans des échanges de tirs dans la province ... une embuscade à
    A ... quatre soldats et cinq militants tués à B"): its toll is the one untolled detail's. (A lead
    that counts more may sum them, or be another source's count: what it leaves to the others is not known.)"""
    if not lead.fatalities or not untolled:
        return 0
    if len(untolled) == len(details):
        return lead.fatalities
    tolled = [d.fatalities for d in details if d.fatalities]
    return lead.fatalities if len(untolled) == 1 and lead.fatalities < min(tolled) else 0


def _hand_down(lead: Event, details: list[Event]) -> None:
    """What the lead says and the details do not (who, the toll, the day) passes to the details;
    a toll for them all is split evenly, the remainder to the first (codebook section 6)."""
    untolled = [d for d in details if not d.fatalities]
    _split_toll(lead, _toll_left_to(lead, details, untolled), untolled)
    for detail in details:
        if (not any(name in detail.evidence for name in ("actor1", "actor2"))
                and any(name in lead.evidence for name in ("actor1", "actor2"))
                and detail.actor1 != detail.actor2 and (detail.actor1, detail.actor2) == (lead.actor2, lead.actor1)):
            # a detail whose two sides come from the story only, the other way round from the lead that names one
            # ("Quatre soldats ont été tués dans des échanges de tirs", then "les affrontements ont éclaté à
            # Malhar"): the order the text gives wins
            trade_sides(detail)
        # "les bombardiers" after "l'aviation russe" are the same side; "les jihadistes ont attaqué X" after
        # "l'armée a bombardé les jihadistes" act against the lead's actor1
        reverse = "actor2" in lead.evidence and detail.actor1 == lead.actor2 != lead.actor1
        if "actor1" in lead.evidence and unnamed_actor1(detail) and not reverse:
            detail.actor1 = lead.actor1
        taken_from = {"actor1": "actor2", "actor2": "actor1"} if reverse else {"actor1": "actor1", "actor2": "actor2"}
        for name, lead_name in taken_from.items():
            if lead_name in lead.evidence and name not in detail.evidence:
                setattr(detail, name, getattr(lead, lead_name))
                for span in lead.evidence[lead_name]:
                    detail.add_evidence(name, span)
        if "event_date" in lead.evidence and "event_date" not in detail.evidence:
            detail.event_date, detail.time_precision = lead.event_date, lead.time_precision
            for span in lead.evidence["event_date"]:
                detail.add_evidence("event_date", span)
