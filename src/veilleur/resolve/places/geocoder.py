"""The geocoder: finds and resolves the place names of a text, running the scan, the country votes, the
choice among candidates and the links between names (:mod:`veilleur.resolve.places`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from veilleur.records import Place
from veilleur.resolve.places.capitals import capital_anaphors
from veilleur.resolve.places.choice import (
    DOMINANT_POPULATION,
    anchors_of,
    choose_place,
    geo_precision,
    near_others,
    plausible,
    real_town,
)
from veilleur.resolve.places.countries import (
    actor_ties,
    country_codes,
    country_mentions,
    country_words_in,
    load_countries,
    names_country,
)
from veilleur.resolve.places.cues import UNRESOLVED_CUE, Cue, fits_cue, introduces_place, read_cue
from veilleur.resolve.places.gazetteer import (
    Gazetteer,
    candidates_of,
    country_gazetteer,
    default_gazetteer,
    gazetteer_size,
    near_key,
    prominence,
)
from veilleur.resolve.places.keys import name_key
from veilleur.resolve.places.links import (
    admin_chains,
    chain_fallbacks,
    half_of_unknown_name,
    is_respelt,
    without_far_villages,
    without_stray_respellings,
)
from veilleur.resolve.places.matching import (
    Match,
    ScanMemo,
    is_person,
    name_part,
    opens_district_name,
    opens_longer_name,
    own_name_spelt,
    scan,
    supported_as_place,
)
from veilleur.resolve.places.name_context import (
    CAPITALISED_RUN,
    CAPITALISED_WORD,
    TITLE_BEFORE,
    bracketed_acronym,
    holds_whole,
    part_of_compound,
)
from veilleur.resolve.places.results import Geocoded, GeocodeResult, PlaceMention
from veilleur.resolve.places.stoplist import is_stopped
from veilleur.resolve.places.votes import MAX_DETAIL_COUNTRIES, rank_countries, shared_name_countries, usual_countries
from veilleur.resolve.sized_cache import SizedCache
from veilleur.spans import SpanIndex

MAX_REACH_COUNTRIES = 4  # villages are also looked up in as many countries where the text's named actors operate
DETAIL_BUDGET = 512 * 2**20  # bytes of country gazetteers a geocoder keeps (all of them take about 900 MiB)


class Geocoder:
    """Finds and resolves place names in a text. Results depend on the text alone (the only state is the
    country gazetteers it keeps loaded); share one per process.

    Every text is read against the base gazetteer (world towns, admin1 units, curated rows); the villages
    and small towns of the article's main countries (:meth:`article_countries`) are then loaded and read
    too, so a village called "Attack" or "Amani" abroad can never match.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        detail: Callable[[str], Gazetteer | None] | None = country_gazetteer,
        detail_budget: int = DETAIL_BUDGET,
    ) -> None:
        self.gazetteer = gazetteer or default_gazetteer()
        # ISO code -> that country's detailed gazetteer, kept while they fit in ``detail_budget`` bytes;
        # None reads the base only
        self.detail = SizedCache(detail, gazetteer_size, detail_budget) if detail is not None else None

    # -- the article's countries ----------------------------------------------------------------------

    def article_countries(
        self, text: str, matches: list[Match] | None = None, votes: Counter[str] | None = None
    ) -> list[str]:
        """The article's countries, best supported first.

        A country name counts two votes, an adjective one, a place found in one country only ("Maiduguri",
        "province du Nord-Kivu", a capital) two or one and a half. Callers may add votes of their own
        (actors tied to a country) through :func:`rank_countries`.
        """
        if matches is None:
            matches = [m for m in scan(text, [self.gazetteer]) if not opens_longer_name(text, m)]
        return rank_countries(
            country_mentions(text, adjectives=False), country_mentions(text, names=False), matches, votes
        )

    def country_prior(self, text: str) -> str | None:
        """The article's main country, or None when nothing in it points to one."""
        ranked = self.article_countries(text)
        return ranked[0] if ranked else None

    def _gazetteers(self, countries: Sequence[str]) -> list[Gazetteer]:
        """The base, then the detailed gazetteers of the countries given, in that order."""
        found = [self.gazetteer]
        codes = country_codes()
        for country in countries:
            detail = self.detail(codes[country]) if self.detail is not None and country in codes else None
            if detail is not None:
                found.append(detail)
        return found

    # -- public entry point --------------------------------------------------------------------------

    def find(self, text: str, country: str | None = None, candidates: Sequence[tuple[int, int]] = (),
             votes: Counter[str] | None = None, persons: Sequence[tuple[int, int]] = (),
             reach: Sequence[str] = ()) -> GeocodeResult:
        """Place mentions in ``text``; ``candidates`` (e.g. spaCy LOC/GPE spans) are resolved too, fuzzily.

        ``country`` is the article's main country when the caller knows it; the article's other countries
        come from :meth:`article_countries`, with the caller's extra ``votes`` (e.g. named actors' countries).
        ``reach`` are countries where the text's places may also lie without being the article's (where its
        named actors operate: Cameroon, Chad and Niger for Boko Haram): their places are searched as the
        article's countries' are, but they win no vote, so they never become its main country.
        ``persons`` are the parser's person names: a name inside one is a place only after "à", "village de"...
        """
        # spans asked about once per match are indexed: a long text has thousands of matches
        inside_country = SpanIndex((start, end) for start, end, _, _ in country_words_in(text))
        entities, person_spans = SpanIndex(candidates), SpanIndex(persons)

        def usable(match: Match) -> bool:
            # "Faso" of Burkina Faso, "Ivoire" of Côte d'Ivoire name a country, not a village
            return not inside_country.encloses(match.start, match.end)

        memo = ScanMemo()
        base = [m for m in scan(text, [self.gazetteer], memo) if usable(m)]
        # with the parser's place entities at hand, only a name it calls a place (or a locative cue
        # introduces) votes for its country: "Douze civils" is no vote for Douz, Tunisia; a person's
        # name ("Mamadou Barry") never votes
        voters = [m for m in base if (not candidates or supported_as_place(text, m, entities))
                  and not is_person(text, m, person_spans) and not opens_longer_name(text, m)]
        ranked = self.article_countries(text, voters, votes)
        if not country and not votes and not country_mentions(text):
            # nothing names or qualifies a country, nor an actor tied to one: the places the text names where a
            # place is due, looked for in the countries such news most reports from, say which it is
            ranked = self._usual_countries_named(text, memo, usable, base, settled=bool(ranked)) or ranked
        if country and country not in ranked[:MAX_DETAIL_COUNTRIES]:
            ranked.insert(0, country)
        country = country or (ranked[0] if ranked else None)
        detailed = ranked[:MAX_DETAIL_COUNTRIES]
        beyond = [c for c in dict.fromkeys(reach) if c not in detailed][:MAX_REACH_COUNTRIES]
        gazetteers = self._gazetteers([*detailed, *beyond])
        matches = ([m for m in scan(text, gazetteers, memo) if usable(m)] if len(gazetteers) > 1
                   else base)
        extra = self._candidate_matches(text, matches, candidates, gazetteers)
        # a name the parser saw whole and the gazetteer knows whole ("Ngan-Ha", held as Nganha) replaces the
        # shorter names the scan found inside it ("Ngan")
        whole = SpanIndex((m.start, m.end) for m in extra if m.places and not m.fuzzy)
        matches = [m for m in matches if not whole.encloses(m.start, m.end)] + extra
        home = {*detailed, *beyond}
        named = set(country_mentions(text, adjectives=False))
        matches = [m for m in matches if plausible(text, m, home, named, entities)
                   and not (is_person(text, m, person_spans)
                            and not (real_town(m, home) and not name_part(text, m)))
                   and not opens_district_name(text, m)]
        cues = [read_cue(text, m.start) for m in matches]
        admins = {p.admin1 for m, c in zip(matches, cues, strict=True) if c.wants_admin1 for p in m.places}
        anchors = anchors_of(matches, home)
        # what a near-miss spelling is checked against: the places the text names exactly, each once
        exact = list({id(p): p for m in matches if not m.fuzzy for p in m.places
                      if not home or p.country in home}.values())
        result = GeocodeResult()
        # the mentions of villages found by their key, not by their spelling, and of towns found as half a name:
        # trusted only near the text's other places
        respelt: set[int] = set()
        chains = admin_chains(text, matches, cues, home)
        # the place a chain settles a name to ("Sido, dans l'Ouham-Fafa"), and each mention's key, chaining, cue
        chained: dict[str, Place] = {}
        keyed: list[tuple[str, bool, Cue]] = []
        for index, (match, cue) in enumerate(zip(matches, cues, strict=True)):
            if index in chains:  # "Bwito, territoire de Rutshuru, province du Nord-Kivu": Bwito is in Nord-Kivu
                match.places = [p for p in match.places if (p.country, p.admin1) == chains[index][0]]
            # a name does not vouch for itself: its town would lift its own district (Ash Shihr's)
            others = [place for key, place in anchors if key != match.key]
            place = choose_place(match, cue, country, admins, others, text, home,
                                 supported_as_place(text, match, entities))
            if place is not None and match.fuzzy and not near_others(place, exact, home):
                place = None  # "Kouloubadiéni" is no village 850 km from the Gao the sentence names
            if place is None:
                if match.key.startswith("?") or match.fuzzy:
                    result.unresolved.append((match.start, match.end, text[match.start:match.end]))
                continue
            precision, qualifier = geo_precision(place, cue)
            if place.feature == "park":
                # a national park or a forest is no place anyone lives: only its province is known, placed at
                # its capital (codebook section 4)
                place, precision, qualifier = self._province_of(place) or place, 3, qualifier or "province"
            if index in chains:
                chained.setdefault(match.key, place)
            result.mentions.append(
                PlaceMention(match.start, match.end, text[match.start:match.end], place, precision, qualifier)
            )
            keyed.append((match.key, index in chains, cue))
            if is_respelt(place, match, text[match.start:match.end]) or half_of_unknown_name(match, place):
                respelt.add(id(result.mentions[-1]))
        result.mentions = self._as_chained(result.mentions, keyed, chained)
        result.mentions, far = without_far_villages(text, result.mentions)
        result.mentions, stray = without_stray_respellings(result.mentions, respelt)
        far += stray
        result.unresolved += far
        result.mentions += chain_fallbacks(text, matches, cues, chains, result.mentions)
        result.mentions += capital_anaphors(text, country, result.mentions, self.gazetteer)
        result.mentions.sort(key=lambda m: m.start)
        # nothing named a country (no name, adjective or unambiguous place): the places found say where
        found = Counter(m.place.country for m in result.mentions)
        result.countries = ranked or [country for country, _ in found.most_common()]
        result.reach = beyond
        result.unresolved += self._cued_unknowns(text, SpanIndex((m.start, m.end) for m in matches))
        result.unresolved = sorted(set(result.unresolved))
        result.unknown_places = [
            u for u in result.unresolved if UNRESOLVED_CUE.search(text[max(0, u[0] - 30) : u[0]].lower())
        ]
        return result

    def _usual_countries_named(self, text: str, memo: ScanMemo, usable: Callable[[Match], bool],
                               base: Sequence[Match], settled: bool) -> list[str]:
        """The countries of :func:`usual_countries` (and the base's) where the names the text places after a cue
        ("à Sofara", "la province du Soum") lie, ranked as :func:`rank_countries` ranks them: each name counts
        by its candidates spelt as the text spells it and of the kind its cue asks for (a province's cue
        names no town: "la province du Séno" is no Ban Xénô in Laos). Where no country wins and the base's places
        ``settled`` none either, the few countries that share the names are all searched
        (:func:`shared_name_countries`). A name of a large city of the base (by its own name or its French
        one: "à Bassora" is Basra, "à Bakou" Baku) is that city's, and casts no vote for a village namesake."""
        scanned = [m for m in scan(text, self._gazetteers(usual_countries()), memo) if usable(m)]
        cities = {(m.start, m.end): m.places for m in base}
        cued = []
        for match in scanned:
            cue = read_cue(text, match.start)
            if not (match.introduced or cue.precision or cue.wants_area):
                continue  # a name no cue introduces may be a person's or a word's: it says nothing here
            if any(p.feature == "city" and p.population >= DOMINANT_POPULATION and fits_cue(p, cue)
                   for p in cities.get((match.start, match.end), ())):
                continue
            places = [p for p in match.places if fits_cue(p, cue)]
            # a place that bears the name as its own outranks one that has it as an alias (Sofara, Mali, is not
            # Sapaga, Burkina Faso, once also called so)
            places = [p for p in places if own_name_spelt(p, match)] or places
            cued.append(replace(match, places=places, introduced=True))
        return rank_countries(Counter(), Counter(), cued) or ([] if settled else shared_name_countries(cued))

    def _as_chained(self, mentions: list[PlaceMention], keyed: list[tuple[str, bool, Cue]],
                    chained: dict[str, Place]) -> list[PlaceMention]:
        """A name is one place throughout a text: where a chain settles it ("à Sido, dans l'Ouham-Fafa"), its
        other mentions ("à Sido au nord de la Centrafrique") are that place, not a namesake elsewhere."""
        if not chained:
            return mentions
        out = []
        for mention, (key, in_chain, cue) in zip(mentions, keyed, strict=True):
            place = chained.get(key)
            if place is not None and not in_chain and place is not mention.place and place.feature != "admin1":
                precision, qualifier = geo_precision(place, cue)
                mention = PlaceMention(mention.start, mention.end, mention.text, place, precision, qualifier)
            out.append(mention)
        return out

    def _province_of(self, place: Place) -> Place | None:
        """The admin1 entry of the province ``place`` lies in."""
        return next((p for p in self.gazetteer.candidates(name_key(place.admin1))
                     if p.feature == "admin1" and p.country == place.country and p.admin1 == place.admin1), None)

    def geocode(self, name: str, country: str | None = None, context: str = "") -> Geocoded:
        """One name resolved as the text around it would be: what ``veilleur geocode`` shows.

        ``context`` is a sentence that contains the name (or is read before it); ``country`` an ACLED
        country name or ISO code, read as the article's main country.
        """
        codes = {c.code: c.name for c in load_countries()}
        country = codes.get((country or "").upper(), country) or None
        if context and name in context:
            text, start = context, context.index(name)
        else:
            prefix = f"{context} à " if context else "à "  # a locative cue, as a name alone would have in news
            text, start = prefix + name, len(prefix)
        end = start + len(name)
        # the countries the context's named groups operate in are searched ("Boko Haram": Cameroon, Chad...);
        # their votes are left out, as a name alone says more surely where it is ("l'armée turque ... Afrine")
        reach = actor_ties(text).reach if context else ()
        result = self.find(text, country=country, candidates=[(start, end)], reach=reach)
        chosen = next((m for m in result.mentions if m.start < end and start < m.end), None)
        key = name_key(name)
        countries = list(dict.fromkeys([*([country] if country else []), *result.countries]))
        gazetteers = self._gazetteers([*countries[:MAX_DETAIL_COUNTRIES], *result.reach])
        candidates = sorted(candidates_of(key, gazetteers), key=lambda p: -prominence(p, key))
        if chosen is not None:
            why = (f"best of {len(candidates)} candidate(s) for key {key!r}; article countries: "
                   f"{', '.join(result.countries) or 'none'}; cue: {chosen.qualifier or 'none'}")
        elif candidates:
            why = "no candidate fits the context (another country, or a village without a place cue)"
        elif result.countries or country:
            searched = ", ".join(dict.fromkeys([*([country] if country else []), *result.countries]))
            why = f"no place with key {key!r} in the world's towns and provinces or in {searched}"
        else:
            why = (f"no town or province with key {key!r}, nor a village of the usual countries; other villages "
                   "are searched in the article's countries only, and nothing names one (give a country, or a "
                   "context that names it)")
        return Geocoded(name, chosen, candidates, result.countries, why)

    def _candidate_matches(self, text: str, found: list[Match], spans: Sequence[tuple[int, int]],
                           gazetteers: Sequence[Gazetteer]) -> list[Match]:
        """Extra spans not covered by the scan: exact key, then fuzzy key; "?" marks a miss to report."""
        extra: list[Match] = []
        taken = SpanIndex((m.start, m.end) for m in found)
        found_spans = sorted((m.start, m.end) for m in found)
        for start, end in spans:
            # the parser's span may open on the place noun ("arrondissement de Ngan-Ha"): the name is its capitals
            if (name := CAPITALISED_WORD.search(text, start, end)) is not None and not text[start].isupper():
                start = name.start()
            overlapping = taken.overlaps(start, end)
            # the span holds whole the shorter names the scan found in it ("Ngan" in "Ngan-Ha")
            within = overlapping and holds_whole(found_spans, start, end)
            if (overlapping and not within) or not text[start:end][:1].isupper():
                continue
            if bracketed_acronym(text, start, end) or TITLE_BEFORE.search(text, max(0, start - 40), start):
                continue  # a parser's span is no place where the scan's is none: "(MANUA)", "le général X"
            key = name_key(text[start:end])
            if not key or is_stopped(text, key, start, end) or names_country(text[start:end]):
                continue
            cued = UNRESOLVED_CUE.search(text[max(0, start - 30) : start].lower())
            # a near-miss spelling is trusted only where the text announces a place ("à", "le village de")
            known = any(key in g.index for g in gazetteers)
            if not known and (joined := next(filter(None, (g.same_letters(key) for g in gazetteers)), None)):
                key, known = joined, True  # "Mongko" is Mong Ko: the same letters, not a near miss
            if within and not known:
                continue  # only a name known whole outranks the names found inside it
            resolved = key if known else (near_key(key, gazetteers) if cued else None)
            if resolved is None:
                extra.append(Match(start, end, "?" + key, []))
            else:
                extra.append(Match(start, end, resolved, candidates_of(resolved, gazetteers), fuzzy=not known,
                                   introduced=introduces_place(text, start),
                                   partial=part_of_compound(text, start, end)))
        return extra

    def _cued_unknowns(self, text: str, found: SpanIndex) -> Iterator[tuple[int, int, str]]:
        """Capitalised names after "le village de", "à"... that the gazetteer does not hold."""
        for run in CAPITALISED_RUN.finditer(text):
            start, end = run.span()
            if not UNRESOLVED_CUE.search(text[max(0, start - 30):start].lower()):
                continue
            if found.overlaps(start, end):
                continue
            key = name_key(run.group())
            first_key = name_key(run.group().split()[0])
            if not key or names_country(run.group()) or is_stopped(text, key, start, end):
                continue
            if not is_stopped(text, first_key, start, end):
                yield start, end, run.group()
