"""The one place that chains the stages: articles in, events out.

``annotate → resolve (mentions) → extract → frame``; reading inputs, storing and exporting are the
caller's business. A :class:`Pipeline` holds the per-process resources (spaCy model, gazetteer,
registries, lexicons); build one per process (or Dask worker) and reuse it.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from veilleur.annotate import Annotation, Annotator, Token
from veilleur.datafiles import load_json
from veilleur.extract.cues import CueLexicon, load_cues
from veilleur.extract.events import extract_events
from veilleur.extract.grammar import Tree, detached_subject
from veilleur.extract.mentions import (
    VAGUE_PEOPLE,
    ActorRef,
    DateRef,
    Mentions,
    PlaceRef,
    TollRef,
    country_with_article,
)
from veilleur.extract.sides import CIVILIAN_PREFIX, MILITARY
from veilleur.extract.triggers import TriggerLexicon, load_triggers
from veilleur.frame import frame_events
from veilleur.records import Article, Event, Place, Rejection
from veilleur.resolve.actors import ActorMention, ActorRegistry, ActorScan, default_registry
from veilleur.resolve.dates import find_dates
from veilleur.resolve.numbers import civilian_victims, find_death_tolls
from veilleur.resolve.place_roles import PlaceRoles
from veilleur.resolve.places.capitals import is_capital
from veilleur.resolve.places.countries import country_names_in
from veilleur.resolve.places.geocoder import Geocoder
from veilleur.resolve.places.results import GeocodeResult, PlaceMention
from veilleur.spans import OrderedSpans, SpanIndex

WORLD_CITY_POPULATION = 500_000
TEMPLATE_PREFIXES = ("Military Forces of", "Police Forces of", "Unidentified", "Civilians", "Protesters", "Rioters")
# "BAMAKO (AFP) -", "Niamey, 14 octobre (Agence/AP) –", "Le Caire (Égypte), 7 février –": a desk's town,
# its country, the day and the agency, then a dash; "BEYROUTH/AMMAN (Reuters) -": two desks filed it
DATELINE = re.compile(
    r"(?:/[A-ZÉ][\w'-]*)*(?:\s*\([A-ZÉ][^()\n]{0,30}\))?(?:,\s*[A-ZÉ][\w\s-]{0,30})?(?:,\s*\d{1,2}\s+\w+(?:\s+\d{4})?)?"
    r"\s*(?:\([^()\n]{1,40}\))?\s*[—–-]\s"
)
GENERIC_TO_NAMED = re.compile(r"\s*(?:\w+\s+)?(?:de|des|du|d')\s*(?:la\s+|l'|les\s+)?", re.IGNORECASE)
# one short article that asks for every lazy resource: spaCy's model, the base gazetteer, Mali's villages,
# the registries and lexicons
WARM_UP_TEXT = "Des combats ont opposé lundi l'armée malienne à des jihadistes près de Gao, faisant cinq morts."
EXTERNAL_FORCES = "External/Other Forces"  # the registry's actor type of UN missions, coalitions, foreign contractors


@dataclass
class ArticleResult:
    """What the pipeline made of one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    unresolved_places: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, sentence)
    rejection: Rejection | None = None


MAX_NAMES_IN_REASON = 5


def no_event_reason(result: ArticleResult) -> str:
    """Why an article gave no event, in one line for the articles list (empty if it gave events).

    What the pipeline knows: the publication date events are dated from is missing, or place names it could
    not find in the gazetteer (events need a place), else no event cue was recognised at all.
    """
    if result.events:
        return ""
    if result.rejection is not None:
        return result.rejection.reason
    if result.article.published is None:
        return "no publication date: events are dated from it"
    if result.unresolved_places:
        names = list(dict.fromkeys(result.article.text[s:e] for s, e, _ in result.unresolved_places))
        more = f" (+{len(names) - MAX_NAMES_IN_REASON})" if len(names) > MAX_NAMES_IN_REASON else ""
        return "no event recognised; places not found: " + ", ".join(names[:MAX_NAMES_IN_REASON]) + more
    return "no event recognised"


# glibc's mallopt parameters (malloc.h) and their values here
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
TRIM_THRESHOLD = 2_000_000_000  # never hand the top of the heap back between batches
MMAP_THRESHOLD = 32 * 1024 * 1024  # glibc's maximum on 64-bit: spaCy's large arrays come from the heap too


def keep_freed_memory() -> None:
    """Ask glibc to keep the memory it frees instead of returning it to the system: by default it trims the
    heap and unmaps large blocks, and spaCy's next batch faults the same pages back in inside its matrix
    products (bench_pipeline: 0.75 -> 0.79-0.80 of bare spaCy; peak RSS over a 2,000-article stream
    unchanged, 787 MiB). A no-op where the C library is not glibc."""
    name = ctypes.util.find_library("c") if sys.platform.startswith("linux") else None
    mallopt = getattr(ctypes.CDLL(name), "mallopt", None) if name else None
    if mallopt is not None:
        mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
        mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)


class Pipeline:
    """Articles in, coded and framed events out. Holds no state between articles."""

    def __init__(
        self,
        annotator: Annotator | None = None,
        geocoder: Geocoder | None = None,
        registry: ActorRegistry | None = None,
        cues: CueLexicon | None = None,
        triggers: TriggerLexicon | None = None,
        place_roles: PlaceRoles | None = None,
    ) -> None:
        self.annotator = annotator or Annotator()
        self.geocoder = geocoder or Geocoder()
        self.registry = registry or default_registry()
        self.cues = cues or load_cues()
        self.triggers = triggers or load_triggers()
        self.place_roles = place_roles or PlaceRoles.from_data()

    @classmethod
    def from_defaults(cls) -> Pipeline:
        """The bundled resources, each loaded when first needed."""
        return cls()

    @classmethod
    def loaded(cls) -> Pipeline:
        """The bundled resources, loaded now and set aside from the garbage collector (:meth:`warm_up`): for
        a process that codes articles with this pipeline for the rest of its life (CLI, batch worker, watcher)."""
        pipeline = cls.from_defaults()
        pipeline.warm_up()
        return pipeline

    def warm_up(self) -> None:
        """Load the lazy resources now, by coding one short article, then freeze what the process holds
        (:func:`gc.freeze`).

        spaCy's model, the gazetteer and the registries are some 600,000 objects the garbage collector
        tracks, alive as long as the process: every full collection walked them all (0.2 s, about once
        per 150 short articles, a fifth of what the pipeline spent beside spaCy on them). Frozen, they are
        never walked again; what coding articles allocates is collected as before. Freezing moves every
        object alive now out of the collector's sight, so a cycle among them that dies later is never freed:
        call it once, in a process that keeps the pipeline.

        It also keeps the memory the C allocator frees (:func:`keep_freed_memory`)."""
        keep_freed_memory()
        self.process(Article(id="warm-up", text=WARM_UP_TEXT))
        gc.collect()
        gc.freeze()

    def run(self, articles: Iterable[Article], batch_size: int = 16) -> Iterator[ArticleResult]:
        """Process articles in spaCy batches; one failing article never stops the others."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def process(self, article: Article) -> ArticleResult:
        return next(self._run_batch([article]))

    def _run_batch(self, batch: list[Article]) -> Iterator[ArticleResult]:
        for article, annotation in zip(batch, self._annotate(batch), strict=True):
            if isinstance(annotation, Rejection):
                yield ArticleResult(article, rejection=annotation)
            else:
                yield self._process_annotated(article, annotation)

    def _annotate(self, batch: list[Article]) -> list[Annotation | Rejection]:
        try:
            return list(self.annotator.annotate_many(a.text for a in batch))
        except Exception:  # noqa: BLE001 - redo one by one so only the culprit is rejected
            return [self._annotate_one(article) for article in batch]

    def _annotate_one(self, article: Article) -> Annotation | Rejection:
        try:
            return self.annotator.annotate(article.text)
        except Exception as exc:  # noqa: BLE001
            return Rejection(article.id, f"annotation failed: {exc!r}")

    def _process_annotated(self, article: Article, annotation: Annotation) -> ArticleResult:
        try:
            # a named group tied to a country (Boko Haram, the M23, the Houthis) is one vote for it; the
            # countries it operates in (Cameroon, Chad, Niger for Boko Haram) are searched for places too
            actors = self.registry.scan(article.text)
            ties = self.registry.ties(actors)
            # "Israël a mené des frappes sur Rafah": a country that acts does so where its forces operate
            acting = _countries_acting(article.text, annotation, self.triggers)
            reach = (*ties.reach, *self._reach_of(acting))
            # the parse puts unknown village names where places go ("ont bombardé Bint Jbeil"), whatever
            # entity label (often a person's) the model gave them
            roles = self.place_roles.spans(annotation.tokens)
            role_spans = SpanIndex(roles)
            persons = [(s, e) for s, e in annotation.person_entities if not role_spans.overlaps(s, e)]
            geocoded = self.geocoder.find(article.text, candidates=annotation.place_entities + roles,
                                          votes=ties.votes, persons=persons, reach=reach)
            country = geocoded.countries[0] if geocoded.countries else None
            mentions = self._mentions(article, annotation, geocoded, actors, acting, country,
                                      {*geocoded.countries, *geocoded.reach})
            events = extract_events(article, annotation, mentions, self.cues, country, self.triggers)
            frame_events(article, events)
        except Exception as exc:  # noqa: BLE001 - a bug on one article is reported, the batch goes on
            return ArticleResult(article, rejection=Rejection(article.id, f"extraction failed: {exc!r}"))
        sentences = OrderedSpans(annotation.sentences)
        unresolved = [
            (start, end, _sentence_of(article.text, sentences, start)) for start, end, _ in geocoded.unresolved
        ]
        return ArticleResult(article, events=events, unresolved_places=unresolved)

    def _reach_of(self, acting: list[ActorRef]) -> list[str]:
        """The countries where the forces of the countries the text makes act (:func:`_countries_acting`)
        operate, as the registry knows them."""
        reach: list[str] = []
        for forces_of_a_country in acting:
            forces = self.registry.get(forces_of_a_country.name)
            reach += forces.operates_in if forces is not None else ()
        return reach

    def _mentions(
        self, article: Article, annotation: Annotation, geocoded: GeocodeResult, scan: ActorScan,
        acting: list[ActorRef], country: str | None, plausible: set[str],
    ) -> Mentions:
        text = article.text
        found = self.registry.resolve(scan, country=country)
        named_actors = SpanIndex((m.start, m.end) for m in found if not m.generic)
        places = [
            PlaceRef(
                start=m.start, end=m.end, name=m.place.name, country=m.place.country, admin1=m.place.admin1,
                admin2=m.place.admin2, latitude=m.place.latitude, longitude=m.place.longitude,
                precision=m.precision,
            )
            for m in geocoded.mentions
            if self._is_place(text, m, named_actors, plausible)
        ]
        dates = (
            [
                DateRef(d.start, d.end, d.value, d.precision, d.kind)
                for d in find_dates(text, article.published, month_only=article.published_precision == "month")
            ]
            if article.published
            else []
        )
        modifiers = _adjectives(annotation.tokens, _leader_heads())
        actors = [
            ActorRef(m.start, m.end, m.actor.name, m.actor.country, m.actor.state, m.generic, m.actor.government_ally,
                     fights_for=m.actor.fights_for, operates_in=m.actor.operates_in, anonymous=m.anonymous,
                     external=m.actor.actor_type == EXTERNAL_FORCES)
            for index, m in enumerate(found)
            if not _qualified_by_next(text, m, found[index + 1 :]) and not (m.generic and (m.start, m.end) in modifiers)
        ]
        named = SpanIndex((a.start, a.end) for a in actors)  # a country name inside a named actor is that actor
        actors = sorted(actors + [a for a in acting if not named.overlaps(a.start, a.end)], key=lambda a: a.start)
        armed = [a for a in actors if not a.name.startswith(CIVILIAN_PREFIX)]
        sides = SpanIndex((a.start, a.end) for a in armed)
        tolls = [  # a toll never runs from a headline into the lead: find_death_tolls reads each line apart
            TollRef(t.start, t.end, t.count,
                    # "deux Palestiniens ont été tués": people named by their nationality are civilians
                    (t.victims.lower() in civilian_victims() or self.registry.nationality_of(t.victims) is not None)
                    and not _of_a_side(text, t.end, sides) and not _counts_a_side(text, t.end, sides), not t.victims,
                    side=next((a.name for a in armed if t.start <= a.start < t.end), ""),
                    vague=t.victims.lower() in VAGUE_PEOPLE, additive=t.additive,
                    indefinite=t.indefinite)
            for t in find_death_tolls(text)
        ]
        unplaced = [(start, end) for start, end, _ in geocoded.unknown_places]
        return Mentions(places=places, dates=dates, actors=actors, tolls=tolls, unplaced=unplaced,
                        published=article.published)

    def _is_place(
        self,
        text: str,
        mention: PlaceMention,
        named_actors: SpanIndex,
        plausible_countries: set[str],
    ) -> bool:
        """Drop the gazetteer's false friends: groups, sources, buildings, far-away homonyms (people are
        left out by the geocoder)."""
        start, end = mention.start, mention.end
        return not (
            named_actors.overlaps(start, end)  # "Al-Qaïda" the group, not a town
            or DATELINE.match(text, end) is not None and _line_start(text, start)  # "Beyrouth — ...": the desk
            or not _plausible_country(mention.place, plausible_countries)
            or _is_attributed_source(text, start, end, self.cues)  # "selon Moscou": the government speaks
            or self.cues.names_facility(text, start)  # "l'hôtel Medina"
            or self.cues.names_government(text, start)  # "le régime de Damas"
            or self.cues.names_agent(text, start) and is_capital(mention.place)  # "annoncée par Moscou"
        )


def _plausible_country(place: Place, countries: set[str]) -> bool:
    """A town in a country the article never names ("Human" read as Uman, Ukraine) is a false friend,
    unless it is a world city."""
    return place.country in countries or place.population >= WORLD_CITY_POPULATION


def _is_attributed_source(text: str, start: int, end: int, cues: CueLexicon) -> bool:
    """"selon Moscou", "Moscou a annoncé": the capital speaks for its government."""
    if cues.follows_attribution(text, start, reach=25, max_words=1):
        return True
    return cues.attribution.match(text[end : end + 25].lstrip()) is not None


OTHER_DESKS = re.compile(r"(?:[A-ZÉ][\w'-]*/)*")  # "BEYROUTH/" before "AMMAN (Reuters) -"


def _line_start(text: str, start: int) -> bool:
    """Does the name open its line, after other desks' names at most ("BEYROUTH/AMMAN")?"""
    return OTHER_DESKS.fullmatch(text[text.rfind("\n", 0, start) + 1 : start].strip()) is not None


def _countries_acting(text: str, annotation: Annotation, triggers: TriggerLexicon) -> list[ActorRef]:
    """"Israël a mené deux frappes", "l'Iran a lancé des missiles": a country that is the subject of a cue verb
    or of a verb that carries a cue noun acts through its armed forces (a country named anywhere else is a
    place, a people or a government that speaks)."""
    names = country_names_in(text)
    if not names:
        return []
    tokens = annotation.tokens
    first = tokens[0].i if tokens else 0

    def head_of(token: Token) -> Token | None:
        return tokens[token.head - first] if 0 <= token.head - first < len(tokens) else None

    acting = []
    for start, end, country in names:
        # the name is one proper-noun token, the subject of its head (the parse's own offsets, looked up), or
        # joined to that subject ("la Turquie et la Syrie ont signé un accord")
        within = annotation.tokens_within(start, end)
        token = within[0] if len(within) == 1 else None
        if token is None or (token.start, token.end) != (start, end) or token.pos != "PROPN":
            continue
        subject = head_of(token) if token.dep == "conj" else token
        head = head_of(subject) if subject is not None and subject.dep == "nsubj" else _detached_verb(
            annotation, token)
        if head is not None and (head.lemma in triggers.by_lemma or head.lemma in triggers.support_verbs
                                 or head.lemma in triggers.governing_verbs):
            name = MILITARY.format(country=country_with_article(country))
            acting.append(ActorRef(start, end, name, country, state=True))
    return acting


def _detached_verb(annotation: Annotation, token: Token) -> Token | None:
    """"Israël, disant vouloir protéger la minorité, a bombardé ...": the parser left the opening name a root
    of its own, before a clause set between commas; the finite verb it is the subject of
    (:func:`veilleur.extract.grammar.detached_subject`)."""
    if token.head != token.i:
        return None
    sentence = next(((s, e) for s, e in annotation.sentences if s <= token.start < e), None)
    if sentence is None:
        return None
    tree = Tree.of(annotation.tokens_within(*sentence))
    return next((v for v in tree.tokens if v.i > token.i and v.head == v.i and detached_subject(tree, v) == [token]),
                None)


# "cinq membres d'Abou Sayyaf", "dix éléments du Hezbollah": the people counted belong to the side named next
_OF_A_SIDE = re.compile(r"\s*(?:de|du|des|d['’])\s*(?:la\s+|l['’]\s*|les\s+)?", re.IGNORECASE)
_OF_A_SIDE_REACH = 12


def _of_a_side(text: str, end: int, sides: SpanIndex) -> bool:
    """Is the toll's victims word part of an armed side's or a force's mention ("membres d'Abou Sayyaf", as the
    registry reads its member heads), or followed by one through "de"?"""
    if sides.overlaps(end - 1, end):
        return True
    link = _OF_A_SIDE.match(text, end)
    return link is not None and link.end() - end <= _OF_A_SIDE_REACH and sides.overlaps(link.end(), link.end() + 1)


# "douze personnes, dont sept soldats": the breakdown that follows a toll says who the dead were
_BREAKDOWN = re.compile(r"\s*,?\s*(?:dont|comprenant|parmi\s+(?:lesquel(?:le)?s|eux|elles))\s", re.IGNORECASE)
_BREAKDOWN_REACH = 40


def _counts_a_side(text: str, end: int, sides: SpanIndex) -> bool:
    """Does the toll's breakdown ("douze personnes, comprenant cinq gardes et sept soldats") count members of an
    armed side or a force among the dead? They are then not all civilians."""
    link = _BREAKDOWN.match(text, end)
    return link is not None and sides.overlaps(link.end(), link.end() + _BREAKDOWN_REACH)


def _adjectives(tokens: list[Token], leaders: frozenset[str] = frozenset()) -> set[tuple[int, int]]:
    """The spans of the words the parser reads as adjectives: "une attaque armée", "des hommes armés" name no army.
    A word a determiner or a number opens is a noun ("ont neutralisé plusieurs terroristes jeudi": the parser may
    take the day that follows for the noun the word qualifies; such words never stand before their noun); a word
    that qualifies one of the ``leaders`` names the leader's group ("un chef jihadiste")."""
    lemma_at = {t.i: t.lemma for t in tokens}
    return {(t.start, t.end) for index, t in enumerate(tokens) if t.dep == "amod" and not (
        index > 0 and tokens[index - 1].pos in ("DET", "NUM")) and lemma_at.get(t.head) not in leaders}


@lru_cache(maxsize=1)
def _leader_heads() -> frozenset[str]:
    """Nouns of a leader a group's label qualifies ("un chef jihadiste"): actors.json ``leader_heads``."""
    return frozenset(load_json("actors.json").get("leader_heads", []))


def _qualified_by_next(text: str, mention: ActorMention, following: list[ActorMention]) -> bool:
    """"la milice kurde des Forces démocratiques syriennes": the generic label is the named group."""
    if not mention.generic or not following or _is_template_name(following[0].actor.name):
        return False
    return GENERIC_TO_NAMED.fullmatch(text[mention.end : following[0].start]) is not None


def _is_template_name(name: str) -> bool:
    """Names built from a template and a country ("Military Forces of Mali"), not named groups."""
    return name.startswith(TEMPLATE_PREFIXES)


def _sentence_of(text: str, sentences: OrderedSpans, offset: int) -> str:
    for index in sentences.overlapping(offset, offset + 1):  # the first sentence with start <= offset < end
        start, end = sentences.spans[index]
        return text[start:end]
    return ""
