"""Disambiguation: which of a name's candidates the text means (by its cue, the article's countries, the
provinces and places it names around it, size), whether a candidate is plausible at all, and the
``geo_precision`` the cue gives it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from veilleur.records import Place
from veilleur.resolve.places.countries import country_named_near
from veilleur.resolve.places.cues import LOCATIVE_BEFORE, Cue, read_cue
from veilleur.resolve.places.gazetteer import AREAS, SUB_PROVINCE_AREAS, distance_km, prominence
from veilleur.resolve.places.keys import own_name_key
from veilleur.resolve.places.matching import Match, own_name_spelt, supported_as_place
from veilleur.resolve.places.name_context import DETERMINER_BEFORE, WEAK_POSITION
from veilleur.spans import SpanIndex

# with no country to go by, a place that bears the name as its own outranks a far larger one that has it as one of
# its aliases ("la commune de Boni" is Boni in Mali, not Bonn, also written so in some language)
OWN_NAME_BONUS = 2.0
SEAT_BONUS, SEAT_KM = 1.0, 60.0  # the town that names a district lies in it (its point is the district's)
SPELLING_BONUS = 1.5  # "Palmyre" is Tadmur's French name, not Palmer (Alaska) folded alike
FUZZY_REACH_KM = 150.0  # a place found by a near-miss spelling lies this near a place the text names exactly
TOWN_POPULATION = 10_000  # a name the parser took for a person is still a place if it is a real town
WORLD_CITY = 1_000_000  # a city this large may be named without its country ("à Paris", "à Washington")
# a name whose candidates lie this close together is one anchor (a town with its district and province)
ANCHOR_SPREAD_KM = 50.0
SURVEYED_KM = 15.0  # how far apart two gazetteers may put one town


def surveyed_point(place: Place, candidates: Sequence[Place]) -> Place:
    """A town the Who's On First extracts hold that GeoNames holds too, under the same name in the same province and
    near it, is one town: it takes GeoNames' point, the survey the codebook's coordinates follow (the extracts put
    some towns' points kilometres off, Tessalit 7 km east of the town)."""
    if not place.geonameid.startswith("wof:") or place.feature in AREAS:
        return place
    twins = [p for p in candidates if p.geonameid and ":" not in p.geonameid and p.name == place.name
             and (p.country, p.admin1) == (place.country, place.admin1) and distance_km(p, place) <= SURVEYED_KM]
    twin = min(twins, key=lambda p: distance_km(p, place), default=None)
    return place if twin is None else replace(place, latitude=twin.latitude, longitude=twin.longitude)


def real_town(match: Match, home: set[str]) -> bool:
    """A town of the article's countries large enough to be meant even where the parser saw a person."""
    return any(p.population >= TOWN_POPULATION and (not home or p.country in home) for p in match.places)


_SEPARATORS = re.compile(r"([\s\-‐–]+)")


def _short_form(place: Place, key: str) -> bool:
    """The key is only the first half of the place's hyphenated name ("Dibaya" of Dibaya-Lubwe, an alias GeoNames
    gives it): spelt so, the name is rather a place that bears it whole, if one does ("Marawi" of Marawi City is
    that city's name with its unit word, not half of it)."""
    own = own_name_key(place.name)
    if own == key or not own.startswith(key + " "):
        return False
    parts = _SEPARATORS.split(place.name)  # words and the separators between them
    separator = 2 * (key.count(" ") + 1) - 1
    return separator < len(parts) and "-" in parts[separator]


def _seat_of(town: Place, area: Place) -> bool:
    """May the town be the seat the area is named after: near its point and, for a province, inside it ("Karak" is
    Karak City, in the Karak governorate, not Qir Moav across the line, which GeoNames also calls Al Karak)."""
    inside = area.feature != "admin1" or (town.country, town.admin1) == (area.country, area.admin1)
    return inside and distance_km(town, area) <= SEAT_KM


AREA_SEAT_KM = 150.0  # a unit's seat may lie far from the unit's centre (a Saharan cercle is 100 km across)


def _area_tier(places: Sequence[Place], key: str, home: set[str]) -> list[Place]:
    """The candidates an administrative unit's name may mean, best kind first: a town of that name (the
    unit's seat), a village of that name beside the unit (a seat the tables hold as a village), the unit
    itself, a province; a same-named hamlet elsewhere only when nothing else bears the name."""
    local = [p for p in places if not home or p.country in home] or list(places)
    units = [p for p in local if p.feature in SUB_PROVINCE_AREAS or p.feature == "district"]
    # a seat lies in its unit: same province, and the nearest of the villages that bear the unit's name
    seats = sorted((min(distance_km(p, u) for u in units if u.admin1 == p.admin1), n, p)
                   for n, p in enumerate(local)
                   if p.feature == "village" and own_name_key(p.name) == key
                   and any(u.admin1 == p.admin1 for u in units))
    tiers = (
        [p for p in local if p.feature == "city"],
        [p for km, _, p in seats[:1] if km <= AREA_SEAT_KM],  # the nearest, as a unit's point is its centre
        units,
        [p for p in local if p.feature == "admin1"],
    )
    return next((tier for tier in tiers if tier), list(places))


DOMINANT_RATIO = 10.0  # a namesake this many times as large...
DOMINANT_POPULATION = 100_000  # ...and a city: the name is the city's unless the context tells them apart
NAMESAKE_REACH_KM = 300.0  # "near" the text's other places, for two namesakes the anchors cannot tell apart


def _dominant_namesake(best: Place, places: Sequence[Place], key: str, home: set[str],
                       anchors: Sequence[Place]) -> Place | None:
    """A city far larger than the town chosen, of the same name, where nothing in the text tells them apart:
    both bear the name as their own (not as a former or foreign alias), both lie in the article's countries and
    both near the other places the text names.
    The article's first country and the nearest anchor then decide nothing: "Donetsk" next to "Louhansk" in a
    story about Ukraine and Russia is the city of a million, not the Russian town of 50,000 across the border."""
    if best.feature != "city" or best.country not in home or not anchors or own_name_key(best.name) != key:
        return None

    def near(place: Place) -> bool:
        return any(distance_km(place, a) <= NAMESAKE_REACH_KM for a in anchors)

    rivals = [p for p in places if p is not best and p.feature == "city" and p.country in home
              and own_name_key(p.name) == key
              and p.population >= max(DOMINANT_POPULATION, DOMINANT_RATIO * best.population)]
    if not rivals or not near(best):
        return None
    rival = max(rivals, key=lambda p: p.population)
    return rival if near(rival) else None


def choose_place(match: Match, cue: Cue, country: str | None, admins: set[str],
                 anchors: list[Place], text: str, home: set[str], supported: bool) -> Place | None:
    """The best candidate for a match, or None when no candidate fits the cue and the country."""
    provinces = {(p.country, p.admin1) for p in match.places if p.feature == "admin1"}
    # a district that bears its own province's name (a county "Nord-Kivu" in Nord-Kivu) is the province
    places = [p for p in match.places
              if p.feature not in SUB_PROVINCE_AREAS or (p.country, p.name) not in provinces]
    # towns that compete with a province of the same name: the article's own countries' (Brno and Borna
    # abroad fold like "Borno" but do not make "dans le Borno" a town)
    towns = [p for p in places if p.feature not in ("admin1", "village") and (not home or p.country in home)]
    if cue.wants_admin1 and any(p.feature == "admin1" for p in places):
        places = [p for p in places if p.feature == "admin1"]
    elif (towns or cue.wants_town) and cue.precision != 3:
        places = [p for p in places if p.feature != "admin1"]
    elif any(p.feature == "admin1" for p in places):
        # "dans le Borno": a province's name is the province, not a hamlet that shares it
        places = [p for p in places if p.feature != "village"]
    if cue.definite and any(p.feature in AREAS for p in places):
        places = [p for p in places if p.feature != "village"]  # "dans le Golan": the area, not a hamlet
    # a village is never half of an unknown hyphenated name; two towns may be ("route Gao-Ansongo")
    places = [p for p in places if p.feature != "village"
              or not match.partial and _village_fits(p, match, cue, home, text, supported)]
    if match.partial:
        # half of an unknown hyphenated name is not the first half of another one ("Champs" of the
        # Champs-Élysées is not Champs-sur-Marne)
        places = [p for p in places if not _short_form(p, match.key)]
    if DETERMINER_BEFORE.search(text, max(0, match.start - 4), match.start):
        # "sur les Champs", "dans la Chapelle": an article makes the word a common noun or the name of a
        # place the text has named whole before, never the short form of a town's longer name
        # (Champs-sur-Marne); a town's name that holds its article is matched with it ("Le Caire")
        places = [p for p in places if not _short_form(p, match.key)]
    if cue.wants_area:
        places = _area_tier(places, match.key, home)
    if not places:
        return None
    # a district named after its seat: of several towns of that name, the one in the district is meant
    areas = [p for p in match.places if p.feature in AREAS]
    best = max(places, key=lambda p: _score(p, match.key, country, admins, anchors)
               + (SPELLING_BONUS if p.geonameid in match.exact and p.feature not in AREAS
                  and not _short_form(p, match.key) else 0.0)
               + (SEAT_BONUS if p.feature not in AREAS and any(_seat_of(p, a) for a in areas) else 0.0)
               + (OWN_NAME_BONUS if not home and own_name_spelt(p, match) else 0.0))
    return surveyed_point(_dominant_namesake(best, places, match.key, home, anchors) or best, match.places)


def _village_fits(place: Place, match: Match, cue: Cue, home: set[str], text: str, supported: bool) -> bool:
    """Small villages share names with words and people everywhere: trust one only where a place is due
    (a locative word or place noun before it), or where the parser calls the name a place and the
    village is spelt just so; never at a sentence start or after "selon"."""
    if cue.wants_town:
        return not home or place.country in home
    left = text[max(0, match.start - 12):match.start]
    if WEAK_POSITION.search(left):  # sentence start, "selon X": a source or a person, not a village
        return False
    if LOCATIVE_BEFORE.search(left):
        return True
    if place.country in home:
        return supported and place.geonameid in match.exact
    return country_named_near(text, match.start, place.country)


def _score(place: Place, key: str, country: str | None, admins: set[str], anchors: list[Place]) -> float:
    score = prominence(place, key)
    if country and place.country == country:
        score += 4.0
    if place.admin1 in admins:
        score += 2.0
    near = [distance_km(place, a) for a in anchors if a is not place]
    if near and min(near) < 100:
        score += 2.0
    elif near and min(near) < 300:
        score += 1.0
    return score


def geo_precision(place: Place, cue: Cue) -> tuple[int, str]:
    if cue.wants_area:  # the unit's seat or the unit itself; a unit known only as a province is that
        return (3 if place.feature == "admin1" else 2), cue.qualifier
    if cue.wants_admin1 and place.feature != "admin1":
        return 2, cue.qualifier  # "la région de Baalbek": around a town, not a province
    if place.feature == "admin1":
        return (2, cue.qualifier) if cue.precision == 2 else (3, cue.qualifier or "province")
    if cue.precision == 2:
        return 2, cue.qualifier
    if place.feature in {"region", "admin2"}:
        return 2, cue.qualifier or place.feature
    return 1, cue.qualifier


def near_others(place: Place, others: list[Place], home: set[str]) -> bool:
    """Is a place found by a near-miss spelling within reach of a place the text names exactly?
    With no other place to check it against, only a town is trusted: one letter apart, a village is
    another village (Krasino is not Krasavino), and a name abroad must be a city that needs no country."""
    if not others:
        return place.population >= (TOWN_POPULATION if place.country in home else WORLD_CITY)
    return any(distance_km(place, p) <= FUZZY_REACH_KM for p in others)


def plausible(text: str, match: Match, home: set[str], named: set[str], spans: SpanIndex) -> bool:
    """Keep, of a match's candidates, those in the article's countries, in a country the text names, or
    a world city the parser (or a locative cue) calls a place; drop the match if none is left."""
    if not home and not named:
        return True  # nothing says where the text is: every candidate stays (short texts, the CLI)
    supported = supported_as_place(text, match, spans) and not match.fuzzy  # a near-miss is never a far city
    # "la Médina", "le Souk": a determiner before the name makes it a common noun, not a far city (a city
    # whose French name holds its article, "Le Caire", is matched with it)
    determined = DETERMINER_BEFORE.search(text, max(0, match.start - 4), match.start) is not None
    far_city = supported and not determined
    if far_city and any(p.country not in home and p.country not in named for p in match.places):
        # "dans la province de Samar, aux Philippines": what a province's cue names is no city abroad (Samara)
        far_city = not read_cue(text, match.start).wants_admin1
    match.places = [
        p for p in match.places
        if p.country in home or p.country in named
        or (far_city and p.population >= WORLD_CITY and p.geonameid in match.exact)
    ]
    return bool(match.places) or match.key.startswith("?")


def anchors_of(matches: Sequence[Match], home: set[str]) -> list[tuple[str, Place]]:
    """(key, place) of each name the text names without ambiguity, each once (a name told again is no new anchor
    to measure): the places the other names are measured against (:func:`choose_place`)."""
    anchors: list[tuple[str, Place]] = []
    anchored: set[tuple[str, int]] = set()
    for m in matches:
        if m.fuzzy:
            continue  # a near-miss spelling vouches for nothing
        local = [p for p in m.places if p.country in home] or m.places
        # hamlets that share a city's or a province's name do not make the name ambiguous
        local = [p for p in local if p.feature != "village"] or local
        if (local and (m.key, id(local[0])) not in anchored
                and all(distance_km(local[0], p) <= ANCHOR_SPREAD_KM for p in local)):
            anchors.append((m.key, local[0]))  # one place, or a town with its district and province
            anchored.add((m.key, id(local[0])))
    return anchors
