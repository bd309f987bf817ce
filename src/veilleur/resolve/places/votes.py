"""The article's countries: votes from the countries a text names or qualifies, the places it names that lie
in one country only, and the caller's own (named actors' countries)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from veilleur.datafiles import load_json
from veilleur.resolve.places.gazetteer import prominence
from veilleur.resolve.places.matching import Match

PLACE_VOTE = 2
LONE_PLACE_VOTE = 1.5


def rank_countries(
    named: Counter[str], adjectives: Counter[str], matches: Sequence[Match], extra: Counter[str] | None = None
) -> list[str]:
    """Countries by votes: two per name, one per adjective ("frappes russes" says who, not where), and for
    each place spelt as the text spells it and found in one country only, two when the text names or
    qualifies that country or "à" introduces the place, else one and a half (a place says where more
    surely than an adjective, but a town abroad may share a surname: "Bah"); plus ``extra`` (e.g. actors
    tied to a country). Past the first, a country needs two votes: a lone adjective or a lone town makes
    no article about that country."""
    votes: dict[str, float] = defaultdict(float)
    for country, n in named.items():
        votes[country] += PLACE_VOTE * n
    for country, n in (adjectives + (extra or Counter())).items():
        votes[country] += n
    # what a country past the first must show: its votes with each lone namesake counted once, as a
    # namesake told again is the same namesake ("la plaine Savo" twice is not two places in Italy)
    support = defaultdict(float, votes)
    lone: set[tuple[str, str]] = set()
    shared: list[Match] = []
    for match in matches:
        # a name also found abroad (Kufa / Kofa) says nothing, unless only one country's place is spelt so
        spelt = {p.country for p in match.places if p.geonameid in match.exact}
        if len(spelt) > 1 and match.introduced:
            shared.append(match)
        if len(spelt) == 1:
            country = spelt.pop()
            sure = country in named or country in adjectives or match.introduced
            votes[country] += PLACE_VOTE if sure else LONE_PLACE_VOTE
            if sure or (country, match.key) not in lone:
                support[country] += PLACE_VOTE if sure else LONE_PLACE_VOTE
                lone.add((country, match.key))
    if votes and not named:
        # "des soldats français visés à Gao": a place a cue introduces, spelt so in several countries (Gao of Mali
        # and of Burkina Faso), none of which the text qualifies or places, in a text that names no country, is
        # still where the text is, rather than the country an adjective says who is from: the largest such
        # place's country
        for match in shared:
            spelt_places = [p for p in match.places if p.geonameid in match.exact]
            if not any(votes.get(p.country) for p in spelt_places):
                country = max(spelt_places, key=lambda p: prominence(p, match.key)).country
                votes[country] += PLACE_VOTE
                support[country] += PLACE_VOTE
    # a tie goes to the country the text names ("Au Yémen, ... un cessez-le-feu signé à Genève"): a name says
    # what the story is about, a town may be where one thing of it happened
    ranked = [(country, n) for country, n in sorted(
        votes.items(), key=lambda item: (-item[1], -named[item[0]], item[0])) if n > 0]
    # a lone adjective ("des avions russes") says who acts, not where the story is: past the first, two votes
    return [country for rank, (country, _) in enumerate(ranked) if rank == 0 or support[country] >= 2]


MAX_DETAIL_COUNTRIES = 4  # villages are looked up in the article's few main countries only


@lru_cache(maxsize=1)
def usual_countries() -> tuple[str, ...]:
    """Where a place is looked for when nothing in the text says which country (``usual_countries`` of
    data/place_cues.json)."""
    return tuple(load_json("place_cues.json")["usual_countries"])


def shared_name_countries(matches: Sequence[Match]) -> list[str]:
    """The few countries where the names are spelt so, when each lies in several ("Tongo-Tongo" is a village of
    Niger and of the DR Congo; "Tripoli" a city of Libya and of Lebanon): the one with the largest such place
    first, then the one with most of them; none when the names lie in more countries than a text's villages are
    looked up in."""
    spelt = [p for m in matches for p in m.places if p.geonameid in m.exact]
    countries = Counter(p.country for p in spelt)
    if not countries or len(countries) > MAX_DETAIL_COUNTRIES:
        return []
    largest = {c: max(p.population for p in spelt if p.country == c) for c in countries}
    return sorted(countries, key=lambda c: (-largest[c], -countries[c], c))
