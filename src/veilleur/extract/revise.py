"""Revisions of an article's events that need all of them: what one sentence cannot tell alone.

A fight no armed group is named in, told in a story of demonstrations, is the crowd's riot; the sides a
demonstration's sub-event implies; a force facing a crowd is its police; a march met with lethal force; a
group's bomb that opened its assault; events told abroad in passing; an unnamed group's home country. Each is
a plain function over the events; :func:`revise` applies those read once the reports are merged.
"""

from __future__ import annotations

from collections import Counter

from veilleur.annotate import Annotation
from veilleur.extract.cues import (
    ARMED_CLASH,
    EXCESSIVE_FORCE,
    INTERVENTION,
    PEACEFUL_PROTEST,
    REMOTE_VIOLENCE,
    VIOLENT_DEMONSTRATION,
    CueLexicon,
)
from veilleur.extract.mentions import CROWD_PREFIXES, PROTESTERS, RIOTERS, STATE_FORCES, VAGUE_PEOPLE
from veilleur.extract.merge import swap_sides_evidence, told_with, trade_sides, unnamed_actor1
from veilleur.extract.sides import (
    CIVILIAN_PREFIX,
    MILITARY_PREFIX,
    POLICE,
    POLICE_PREFIX,
    UNIDENTIFIED_PREFIX,
    state_force,
    unidentified_group,
    unnamed_group_home,
)
from veilleur.records import Event

CROWD_EVENT_TYPES = frozenset({"Protests", "Riots"})
ARRESTS = "Arrests"


def revise(events: list[Event], cues: CueLexicon, country: str | None,
           policed: frozenset[str] | set[str] = frozenset()) -> list[Event]:
    """The merged events of an article, revised with what the whole article tells (``country``: the
    article's own; ``policed``: the countries whose police the story names, and not their army)."""
    return _unnamed_groups_at_home(_without_places_in_passing(_demonstration_sides(
        _bloodless(_police_facing_crowds(_police_of_the_story(_lethal_interventions(_assault_bombs(events)), cues,
                                                              policed), cues)), cues), country))


def _police_of_the_story(events: list[Event], cues: CueLexicon, policed: frozenset[str] | set[str]) -> list[Event]:
    """"un groupe armé a attaqué les forces de sécurité" in a story of policemen killed: a force named by words
    that may mean the army or the police is the police, where the story names policemen and no soldiers."""
    for event in events:
        for field_name in ("actor1", "actor2"):
            name = getattr(event, field_name)
            words = [span.text.lower() for key in (field_name, f"{field_name}_context")
                     for span in event.evidence.get(key, [])]
            if (name.startswith(MILITARY_PREFIX) and event.country in policed and words
                    and all(w.startswith(cues.crowd_police_words) for w in words)):
                setattr(event, field_name, POLICE_PREFIX + name.removeprefix(MILITARY_PREFIX))
    return events


def _unnamed_groups_at_home(events: list[Event]) -> list[Event]:
    """An armed group the text does not name is the country's it comes from, not always the place's ("deux
    assaillants ont attaqué un policier à Jérusalem": Palestine's), see sides.unnamed_group_home."""
    for event in events:
        event.actor1, event.actor2 = unnamed_group_home(event.actor1), unnamed_group_home(event.actor2)
        for name in ("assoc_actor_1", "assoc_actor_2"):
            setattr(event, name, "; ".join(unnamed_group_home(a) for a in getattr(event, name).split("; ")))
    return events


def _bloodless(events: list[Event]) -> list[Event]:
    """A toll read near a peaceful march is another event's ("un groupe de manifestants s'est rassemblé à Pathein.
    Il y a deux jours, 38 personnes ont été tuées"): a march that meets lethal force is excessive force against
    protesters, one that turns violent a riot (codebook section 2); no one is killed in a peaceful one."""
    for event in events:
        if event.sub_event_type != PEACEFUL_PROTEST:
            continue
        event.fatalities = 0
        event.evidence.pop("fatalities", None)
        if event.actor2.startswith(CIVILIAN_PREFIX):
            # the victims the toll named, not who the march faced: a peaceful march has no actor2
            event.actor2 = ""
            event.evidence.pop("actor2", None)
    return events


def _demonstration_sides(events: list[Event], cues: CueLexicon) -> list[Event]:
    """The sides a demonstration's sub-event implies (codebook section 2: Protests): a peaceful march faces no
    one (the police watching it did not intervene); a march the state's forces intervened in faces them, its
    police when the text names no force ("les gaz lacrymogènes ont dispersé le cortège"), and so does a riot told
    as clashes ("des affrontements ont éclaté en marge du cortège": a fight has two sides); the people arrested
    in a story of demonstrations or riots, named by no other word than "personnes", are that crowd."""
    crowds = {(e.country, e.event_type) for e in events if e.event_type in CROWD_EVENT_TYPES}
    for event in events:
        if event.sub_event_type == PEACEFUL_PROTEST and event.actor2:
            event.actor2 = ""
            for key in ("actor2", "actor2_context"):
                event.evidence.pop(key, None)
        elif (event.sub_event_type in (INTERVENTION, EXCESSIVE_FORCE) or _riot_told_as_clashes(event, cues)) and not (
                event.actor2) and event.country:
            event.actor2 = state_force(POLICE, event.country).name
        elif (event.sub_event_type == ARRESTS and event.actor2 in ("", f"{CIVILIAN_PREFIX} ({event.country})")
              and all(_vague_words(span.text) for span in event.evidence.get("actor2", []))):
            # a story of both is one of demonstrations that turned violent: those arrested marched first
            crowd = PROTESTERS if (event.country, "Protests") in crowds else (
                RIOTERS if (event.country, "Riots") in crowds else "")
            if crowd:
                event.actor2 = f"{crowd} ({event.country})"
    return events


def _riot_told_as_clashes(event: Event, cues: CueLexicon) -> bool:
    """"des affrontements ont éclaté en marge du cortège": a riot told by a word of two-sided fighting."""
    return (event.event_type, event.sub_event_type) == VIOLENT_DEMONSTRATION and told_with(event, cues.two_sided_words)


def _vague_words(words: str) -> bool:
    """"dix personnes": people said of no side."""
    last = words.lower().split()[-1:]
    return not last or last[0] in VAGUE_PEOPLE


def _assault_bombs(events: list[Event]) -> list[Event]:
    """A group's bomb (a car bomb, a suicide bomber) told with no target, in a place and on a day its assault on a
    state's forces is told: the bomb opened that assault on them ("un kamikaze a fait exploser un véhicule à
    l'entrée de la base, puis des shebab ont attaqué les soldats"), it did not fall on civilians the text never
    names."""
    for event in events:
        if event.event_type != REMOTE_VIOLENCE or not event.actor2.startswith(CIVILIAN_PREFIX) or event.evidence.get(
                "actor2"):
            continue
        assault = next((other for other in events if (other.event_type, other.sub_event_type) == ARMED_CLASH
                        and other.actor1 == event.actor1 and other.location == event.location
                        and other.event_date == event.event_date and other.actor2.startswith(STATE_FORCES)), None)
        if assault is not None:
            event.actor2 = assault.actor2
            for span in assault.evidence.get("actor2", []):
                event.add_evidence("actor2", span)
    return events


def armed_groups_first(events: list[Event]) -> list[Event]:
    """Fighting that no sentence gives a side of ("des combats ont eu lieu à Gondar", both sides taken from the
    story) opposes the named armed group the story follows to the state's forces: ACLED codes the group that
    takes the fight to the state first. Word order decides only where the text names the sides; done after
    merging, so that the order does not change which reports are one event."""
    for event in events:
        if event.sub_event_type != "Armed clash" or "actor1" in event.evidence or "actor2" in event.evidence:
            continue
        # the group the story follows, by its name: a story that names none leaves the order as it stands
        if not event.actor1.startswith(STATE_FORCES) or not event.actor2 or event.actor2.startswith(
                (*STATE_FORCES, CIVILIAN_PREFIX, *CROWD_PREFIXES, UNIDENTIFIED_PREFIX)):
            continue
        trade_sides(event)
    return events


def _without_places_in_passing(events: list[Event], country: str | None) -> list[Event]:
    """Events told abroad in passing are left out: a story from one country names foreign places for other
    reasons (a capital that speaks, a town a speaker came from, a homonym of an unknown village), so an event
    is kept in the article's country, or in the country where most of its events are."""
    counts = Counter(e.country for e in events)
    if len(counts) < 2:
        return events
    top = max(counts.values())
    main = {c for c, n in counts.items() if n == top} | ({country} if country else set())
    # a demonstration abroad is the story's own ("A Paris, 200 Kurdes ont manifesté"): diasporas march where
    # they live, and a place names no speaker or homonym when a crowd gathers in it
    return [e for e in events if e.country in main or e.event_type == "Protests"]


def _police_facing_crowds(events: list[Event], cues: CueLexicon) -> list[Event]:
    """"les forces de sécurité ont dispersé les manifestants": a force named so, facing a crowd, is the police;
    so is one that arrests ("les services de sécurité ont interpellé trois suspects")."""
    for event in events:
        if event.event_type not in CROWD_EVENT_TYPES and event.sub_event_type != ARRESTS:
            continue
        for field_name in ("actor1", "actor2"):
            name = getattr(event, field_name)
            words = [span.text.lower() for key in (field_name, f"{field_name}_context")
                     for span in event.evidence.get(key, [])]
            if name.startswith(MILITARY_PREFIX) and words and all(
                    w.startswith(cues.crowd_police_words) for w in words):
                setattr(event, field_name, POLICE_PREFIX + name.removeprefix(MILITARY_PREFIX))
    return events


def _lethal_interventions(events: list[Event]) -> list[Event]:
    """A demonstration the state's forces broke up, whose day the article tells with dead, met lethal force: that
    is excessive force against protesters, not an intervention (codebook section 2: Protests). Read once the
    day's reports are merged, as the toll and the force are often told in other sentences than the cue."""
    for event in events:
        if event.sub_event_type == INTERVENTION and event.fatalities > 0 and event.actor2.startswith(STATE_FORCES):
            event.sub_event_type = EXCESSIVE_FORCE
    return events


def crowd_clashes(events: list[Event], annotation: Annotation, cues: CueLexicon) -> list[Event]:
    """In a story of demonstrations, clashes in which the sentence names no armed group are the crowd's riot:
    "des heurts ont éclaté avec les forces de l'ordre", "des heurts aussi à Lorient" (codebook section 2). A
    group the story named elsewhere, or an unidentified one assumed for want of a name, does not make them a
    battle. So is looting or burning that the sentence attributes to no one else ("des magasins pillés")."""
    clashes = []
    for event in events:
        if not event.country:
            continue
        if event.sub_event_type == "Armed clash":
            if told_as_fighting(event, cues):
                continue
        elif event.sub_event_type == "Looting/property destruction":
            # "des magasins ont été pillés": no one named did it, or the crowd did
            if "actor1" in event.evidence and not event.actor1.startswith(CROWD_PREFIXES):
                continue
        else:
            continue
        named = [name for field, name in (("actor1", event.actor1), ("actor2", event.actor2))
                 if name and field in event.evidence]
        if any(not a.startswith((*STATE_FORCES, CIVILIAN_PREFIX, *CROWD_PREFIXES)) for a in named):
            continue
        state = [a for a in (event.actor1, event.actor2) if a.startswith(STATE_FORCES)]
        clashes.append((event, state[0] if state else ""))
    if not clashes:
        return events  # no need to read the whole article's lemmas
    story = any(e.event_type in ("Protests", "Riots") for e in events) or any(
        t.lemma in cues.demonstration_lemmas for t in annotation.tokens)
    if not story:
        # "des heurts ont opposé des jeunes aux forces de l'ordre": street clashes with the police are a riot
        clashes = [(e, force) for e, force in clashes
                   if force.startswith(POLICE_PREFIX) and told_with(e, cues.street_clash_words)]
    cordons = [e for e, force in clashes if force and e.actor1 == force and _told_as_cordon(e, cues)]
    for event, force in clashes:
        if event in cordons:
            continue
        event.event_type, event.sub_event_type = VIOLENT_DEMONSTRATION
        if force and event.actor1 == force:
            swap_sides_evidence(event)  # the force that acted is now acted upon: its words go with it
        event.actor1, event.actor2 = f"{RIOTERS} ({event.country})", force
    return [e for e in events if not any(e is c for c in cordons)]


def _told_as_cordon(event: Event, cues: CueLexicon) -> bool:
    """Told only as the force surrounding a place ("la ville a été encerclée par les forces de l'ordre")."""
    words = [span.text.lower() for span in event.evidence.get("trigger", [])]
    return bool(words) and bool(cues.cordon_stems) and all(w.startswith(cues.cordon_stems) for w in words)


def told_as_fighting(event: Event, cues: CueLexicon, also: frozenset[str] = frozenset()) -> bool:
    """Told as fighting between armed sides ("combats", "embuscade"), or with ``also``'s words."""
    return told_with(event, cues.armed_clash_words | also)


def unclaimed(events: list[Event]) -> None:
    """"Aucun groupe n'a revendiqué l'attaque": an attack told before, whose authors the text named by no name of
    theirs ("des kamikazes", or no one), was not the named group's the article follows; it is an unidentified
    group's."""
    for event in events:
        if (unnamed_actor1(event) and event.country and not event.actor1.startswith(UNIDENTIFIED_PREFIX)
                and not event.actor1.startswith(STATE_FORCES) and not event.actor1.startswith(CROWD_PREFIXES)
                and not event.actor1.startswith(CIVILIAN_PREFIX)):
            event.actor1 = unidentified_group(event.country).name
