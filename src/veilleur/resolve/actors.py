"""Actor resolution: find actor mentions in French text and map them to canonical registry names.

The registry (``data/actors.json``) lists canonical ACLED-style actors with every spelling outlets use,
generic templates ("l'armée", "des rebelles", "les civils") that need the event country, and phrases
that must never resolve (media, institutions). ``data/nationalities.json`` maps nationality adjectives
("syrienne", "maliens") and "of COUNTRY" phrases ("de Kiev") to countries, so that "l'aviation russe"
resolves to *Military Forces of Russia*.

Matching runs one Aho-Corasick automaton over a folded copy of the text (accents, case, apostrophes and
hyphens folded; runs of other characters collapsed to one space) and maps offsets back to the text given.
Abbreviations ("EI", "FDS", "ASL") match case-sensitively as whole words only.
"""

from __future__ import annotations

import functools
import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import ahocorasick
from unidecode import unidecode

from veilleur.spans import DisjointSpans

__all__ = ["Actor", "ActorMention", "ActorRegistry", "ActorScan", "ActorTies", "default_registry"]

_ACTOR = "actor"
_NATIONALITY = "nationality"
_CONTEXTUAL = "contextual"
_TEMPLATE = "template"
_BLOCK = "block"
_NOT_ACTOR_KIND = "not_actor"
_MILITARY_KIND = "military"  # the template of a state's army
# On equal length: a non-actor phrase beats a named actor, which beats a nationality phrase, etc.
_PRIORITY = {_BLOCK: 0, _ACTOR: 1, _NATIONALITY: 2, _CONTEXTUAL: 3, _TEMPLATE: 4}
_CONNECTORS = ("de la", "de l", "du", "des", "de", "d")
_LOOKBACK = 80
_NON_ALNUM = re.compile(r"[^A-Za-z0-9]+")
_PUNCTUATION = re.compile(r"[,;:.!?()\[\]«»\"“”/|]")
_CLAUSE_BREAK = re.compile(r"[,;:!?]|\.\s")
_EXTENDABLE = frozenset({_ACTOR, _NATIONALITY, _CONTEXTUAL})
_SPACES = re.compile(r" {2,}|^ +")  # the spaces a fold drops: all but the first of a run, all at the start


@dataclass(frozen=True)
class Actor:
    """A canonical actor."""

    name: str
    actor_type: str
    country: str
    state: bool
    government_ally: bool = False  # a non-state force fighting under a state's command (e.g. Hezbollah in Syria)
    # the countries a group fights in across borders (Boko Haram: Nigeria, Cameroon, Chad, Niger): where the
    # places of a story about it may lie, not where the story is
    operates_in: tuple[str, ...] = ()
    # the states a government ally fights beside (Hezbollah: Syria's), its own by default: on their side, it is
    # never the armed group a story of their forces opposes
    fights_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorMention:
    """One actor mention; ``start``/``end`` are offsets into the text given to :meth:`ActorRegistry.find`."""

    start: int
    end: int
    text: str
    actor: Actor
    generic: bool  # resolved from a template with the event country ("l'armée", "les civils", "des rebelles")
    anonymous: bool = False  # a label that says who acted is unknown ("des hommes armés", "des inconnus armés")


@dataclass(frozen=True)
class ActorTies:
    """What a text's named actors say of where it is: one vote for each one's own country ("Boko Haram":
    Nigeria), and the countries they operate in, where the text's places may lie (Cameroon, Chad, Niger)."""

    votes: Counter[str]
    reach: tuple[str, ...]


@dataclass(frozen=True)
class ActorScan:
    """The registry's phrases found in one text, longest first and not overlapping (see
    :meth:`ActorRegistry.scan`)."""

    text: str
    folded: _Folded
    chosen: tuple[_Candidate, ...]


@dataclass(frozen=True)
class _Template:
    kind: str
    name: str  # with a {country} or {country_the} placeholder
    actor_type: str
    state: bool


@dataclass(frozen=True)
class _Contextual:
    """Initials or a word whose actor depends on the story's country ("FDS": the Syrian Democratic Forces in
    Syria, elsewhere a state's defence and security forces)."""

    by_country: dict[str, str]  # country -> actor name (a registry actor or a template's name)
    otherwise: str | None = None  # template kind for every other country


@dataclass(frozen=True)
class _Entry:
    kind: str  # _ACTOR | _NATIONALITY | _CONTEXTUAL | _TEMPLATE | _BLOCK
    target: str  # actor name, template kind or contextual index
    country: str = ""
    cased_key: str = ""  # non-empty: the match must equal this in the case-preserving fold
    after_determiner: bool = False
    anonymous: bool = False  # a template alias that says who acted is unknown ("des hommes armés")


_Entries = dict[str, list[_Entry]]


class _Offsets(Protocol):
    def __getitem__(self, index: int, /) -> int: ...


class _RunOffsets:
    """The original index (plus ``shift``) of each folded character, kept per run of characters copied
    one for one: ``folded[f]`` came from ``text[t]`` and ``folded[f + k]`` from ``text[t + k]`` to the run's
    end. A text has a few hundred runs and thousands of characters."""

    def __init__(self, folded_starts: list[int], text_starts: list[int], shift: int = 0) -> None:
        self._folded = folded_starts
        self._text = text_starts
        self._shift = shift

    def __getitem__(self, index: int) -> int:
        run = bisect_right(self._folded, index) - 1
        return self._text[run] + index - self._folded[run] + self._shift


@dataclass(frozen=True)
class _Folded:
    cased: str  # ASCII, non-alphanumerics collapsed to single spaces
    lower: str
    starts: _Offsets  # original index of each folded character
    ends: _Offsets  # original end index of each folded character


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    entry: _Entry

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.start - self.end, _PRIORITY[self.entry.kind], self.start)


# --------------------------------------------------------------------------- folding


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """ASCII letters and digits of one character; everything else becomes a space (cached: an article has a
    few dozen distinct characters, the same from one article to the next, and ``unidecode`` is slow)."""
    if char.isascii():
        return char if char.isalnum() else " "
    return "".join(c if c.isalnum() else " " for c in unidecode(char))


@lru_cache(maxsize=64)
def _fold(text: str) -> _Folded:
    """Fold ``text`` keeping, for each folded character, the span of the original character it came from
    (cached: an article's text is searched more than once)."""
    folded_char = {char: _fold_char(char) for char in set(text)}  # each distinct character folded once
    # a character folded to spaces only is one space: a run of spaces is cut to its first one anyway
    single = {char: " " if out and not out.strip() else out for char, out in folded_char.items()}
    if all(len(out) == 1 for out in single.values()):  # no "œ" or "½" (several letters) nor a dropped mark
        return _fold_runs(text.translate({ord(char): out for char, out in single.items()}))
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(text):
        for out in folded_char[char]:
            if out == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(out)
            starts.append(index)
            ends.append(index + 1)
    cased = "".join(chars)
    return _Folded(cased, cased.lower(), tuple(starts), tuple(ends))


def _fold_runs(spelt: str) -> _Folded:
    """:func:`_fold` of a text each of whose characters folds to one (``spelt``, same offsets). Only runs
    of spaces are cut (to their first space, or to none at the start), so a folded character's original
    index is its own plus the spaces dropped before it: kept per cut rather than per character."""
    folded_starts, text_starts = [0], [0]
    dropped = 0
    for run in _SPACES.finditer(spelt):
        start, end = run.span()
        dropped += end - start - (0 if start == 0 else 1)
        folded_starts.append(end - dropped)
        text_starts.append(end)
    cased = _SPACES.sub(" ", spelt).lstrip(" ")
    return _Folded(cased, cased.lower(), _RunOffsets(folded_starts, text_starts),
                   _RunOffsets(folded_starts, text_starts, shift=1))


def fold_key(phrase: str) -> str:
    """The case-preserving folded form of a registry phrase ("l'Armée de l'air" -> "l Armee de l air").

    Equal to what :func:`_fold` makes of the same characters in running text.
    """
    return _NON_ALNUM.sub(" ", unidecode(phrase)).strip()


# --------------------------------------------------------------------------- loading


def _bundled_text(filename: str) -> str:
    return resources.files("veilleur").joinpath("data", filename).read_text(encoding="utf-8")


def _read_json(path: Path | None, filename: str) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8") if path is not None else _bundled_text(filename)
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError(f"{path or filename}: expected a JSON object at the top level")
    return data


def _sibling(path: Path | None, filename: str) -> Path | None:
    if path is None:
        return None
    sibling = path.with_name(filename)
    return sibling if sibling.exists() else None


def _alternation(phrases: Iterable[str]) -> str:
    keys = sorted({fold_key(p).lower() for p in phrases if fold_key(p)}, key=len, reverse=True)
    return "|".join(re.escape(k) for k in keys)


def _extension_pattern(
    member_heads: Sequence[str], appositive_heads: Sequence[str], modifiers: Iterable[str]
) -> re.Pattern[str]:
    """Matches, at the end of the folded text before a mention, "HEAD de " or "HEAD [MODIFIER] "."""
    heads = _alternation(member_heads)
    connectors = "|".join(re.escape(c) for c in _CONNECTORS)
    apposed = _alternation(appositive_heads)
    mods = _alternation(modifiers)
    return re.compile(rf"(?:^| )((?:{heads}) (?:{connectors})|(?:{apposed})(?: (?:{mods}))?) $")


# --------------------------------------------------------------------------- registry


class ActorRegistry:
    """Canonical actors and the automaton that finds their mentions in text."""

    def __init__(self, data: Mapping[str, Any], nationalities: Mapping[str, Any]) -> None:
        self._actors: dict[str, Actor] = {}
        self._branches: dict[tuple[str, str], str] = {}  # (group, country) -> the group's province there
        self._templates: dict[str, _Template] = {}
        self._contextual: list[_Contextual] = []
        self._country_the: dict[str, str] = dict(nationalities.get("country_the", {}))
        self._nationalities: dict[str, str] = {k.lower(): v for k, v in nationalities.get("adjectives", {}).items()}
        self._army_of: dict[str, str] = dict(data.get("armies_of_territories", {}))
        self._determiners = frozenset(fold_key(d).lower() for d in data.get("determiners", []))
        entries: _Entries = {}
        self._add_actors(data.get("actors", []), entries)
        self._add_templates(data.get("templates", []), entries)
        self._add_contextual(data.get("contextual", []), entries)
        for phrase in data.get("not_actors", []):
            _put(entries, phrase, _Entry(_BLOCK, ""))
        self._add_nationality_phrases(data.get("nationality_heads", {}), nationalities, entries)
        modifiers = [*data.get("appositive_modifiers", []), *nationalities.get("adjectives", {})]
        self._extension = _extension_pattern(
            data.get("member_heads", []), data.get("appositive_heads", []), modifiers
        )
        self._automaton = _build_automaton(entries)
        self.alias_count = sum(len(v) for v in entries.values())

    # ----------------------------------------------------------------- construction

    @classmethod
    def load(cls, path: Path | None = None, nationalities: Path | None = None) -> ActorRegistry:
        """Read a registry file (default: the bundled ``actors.json``).

        The nationalities file defaults to ``nationalities.json`` beside ``path``, else the bundled one.
        """
        data = _read_json(path, "actors.json")
        nat_path = nationalities or _sibling(path, "nationalities.json")
        return cls(data, _read_json(nat_path, "nationalities.json"))

    def _add_actors(self, actors: Iterable[Mapping[str, Any]], entries: _Entries) -> None:
        for raw in actors:
            actor = Actor(
                str(raw["name"]),
                str(raw["actor_type"]),
                str(raw.get("country", "")),
                bool(raw.get("state", False)),
                bool(raw.get("government_ally", False)),
                tuple(str(c) for c in raw.get("operates_in", [])),
                _fights_for(raw),
            )
            if actor.name in self._actors:
                raise ValueError(f"duplicate actor in registry: {actor.name}")
            if actor.operates_in and actor.country and actor.country not in actor.operates_in:
                raise ValueError(f"{actor.name}: operates_in must hold its own country, {actor.country}")
            self._actors[actor.name] = actor
            for alias in [actor.name, *raw.get("aliases", [])]:
                _put(entries, alias, _Entry(_ACTOR, actor.name))
            for abbreviation in raw.get("abbreviations", []):
                _put(entries, abbreviation, _Entry(_ACTOR, actor.name, cased_key=fold_key(abbreviation)))
            for country, branch in raw.get("branches", {}).items():
                self._branches[(actor.name, country)] = str(branch)
        unknown = sorted(b for b in self._branches.values() if b not in self._actors)
        if unknown:
            raise ValueError(f"branch not in registry: {', '.join(unknown)}")

    def _add_templates(self, templates: Iterable[Mapping[str, Any]], entries: _Entries) -> None:
        for raw in templates:
            template = _Template(
                str(raw["kind"]), str(raw["name"]), str(raw["actor_type"]), bool(raw.get("state", False))
            )
            self._templates[template.kind] = template
            for alias in raw.get("aliases", []):
                _put(entries, alias, _Entry(_TEMPLATE, template.kind))
            for alias in raw.get("aliases_after_determiner", []):
                _put(entries, alias, _Entry(_TEMPLATE, template.kind, after_determiner=True))
            for alias in raw.get("anonymous_aliases", []):
                _put(entries, alias, _Entry(_TEMPLATE, template.kind, anonymous=True))

    def _add_contextual(self, contextual: Iterable[Mapping[str, Any]], entries: _Entries) -> None:
        for raw in contextual:
            index = str(len(self._contextual))
            self._contextual.append(_Contextual(dict(raw.get("by_country", {})), raw.get("otherwise")))
            for alias in raw.get("aliases", []):
                _put(entries, alias, _Entry(_CONTEXTUAL, index))

    def _add_nationality_phrases(
        self, heads: Mapping[str, Sequence[str]], nationalities: Mapping[str, Any], entries: _Entries
    ) -> None:
        qualifiers = {**nationalities.get("adjectives", {}), **nationalities.get("of_country", {})}
        folded = [(fold_key(q).lower(), country) for q, country in qualifiers.items()]
        for kind, words in heads.items():
            if kind != _NOT_ACTOR_KIND and kind not in self._templates:
                raise ValueError(f"nationality_heads: no template of kind {kind!r}")
            by_country = {
                c: _Entry(_BLOCK, "") if kind == _NOT_ACTOR_KIND else _Entry(_NATIONALITY, kind, c)
                for c in set(qualifiers.values())
            }
            for head in {fold_key(h).lower() for h in words}:
                for qualifier, country in folded:
                    if kind == _MILITARY_KIND and country in self._army_of:
                        continue  # "les Palestiniens" name no army: the territory has none of its own
                    _put_key(entries, f"{head} {qualifier}", by_country[country])

    # ----------------------------------------------------------------- public API

    def nationality_of(self, word: str) -> str | None:
        """The country a nationality word names ("maliens", "Palestinienne"), or None."""
        return self._nationalities.get(word.lower())

    def get(self, name: str) -> Actor | None:
        """The actor with this canonical name, including template names ("Civilians (Mali)")."""
        if name in self._actors:
            return self._actors[name]
        for template in self._templates.values():
            country = self._template_country(template, name)
            if country:
                return self._from_template(template.kind, country)
        return None

    @property
    def actors(self) -> tuple[Actor, ...]:
        """The named actors of the registry (templates excluded)."""
        return tuple(self._actors.values())

    def find(self, text: str, country: str | None = None) -> list[ActorMention]:
        """Actor mentions in ``text``: sorted, non-overlapping, longest match first.

        Generic templates ("l'armée", "les civils", "des rebelles", "la coalition") resolve only when
        ``country`` (the ACLED country name of the event) is given; otherwise they are skipped.
        """
        return self.resolve(self.scan(text), country)

    def scan(self, text: str) -> ActorScan:
        """The registry's phrases in ``text``, before :meth:`resolve`: what does not depend on the country, so
        a text asked about without and then with its country is matched once."""
        folded = _fold(text)
        candidates = [self._extend(c, folded, text) for c in self._candidates(folded, text)]
        candidates += list(self._elided(candidates, folded))
        return ActorScan(text, folded, tuple(_select(candidates)))

    def _elided(self, candidates: list[_Candidate], folded: _Folded) -> Iterator[_Candidate]:
        """"les gangs de Grand Ravine et de Village de Dieu": a group named by its head noun and "de" its place,
        coordinated with another "de" that leaves the head out, names a second group the head and that
        complement make ("gangs de Village de Dieu")."""
        lower = folded.lower
        for candidate in candidates:
            if candidate.entry.kind != _ACTOR:
                continue
            head = _ELIDED_HEAD.match(lower, candidate.start, candidate.end)
            after = _ELIDED_JOIN.match(lower, candidate.end)
            if head is None or after is None:
                continue
            words = lower[after.end():].split(" ")[:_ELIDED_WORDS]
            for count in range(len(words), 0, -1):
                key = f"{head.group(1)} {after.group(1)} {' '.join(words[:count])}"
                found = self._automaton.get(key, None)
                entries = [e for e in found[1] if e.kind == _ACTOR and not e.cased_key] if found else []
                if entries:
                    end = after.end() + len(" ".join(words[:count]))
                    yield _Candidate(after.start(1), end, entries[0])
                    break

    def resolve(self, scan: ActorScan, country: str | None = None) -> list[ActorMention]:
        """The mentions of a :meth:`scan` (of this registry) for the event's ``country``, as :meth:`find`."""
        mentions = []
        for candidate in scan.chosen:
            resolved = self._resolve(candidate.entry, country)
            if resolved is None:
                continue
            actor, generic = resolved
            start, end = scan.folded.starts[candidate.start], scan.folded.ends[candidate.end - 1]
            mentions.append(ActorMention(start, end, scan.text[start:end], actor, generic, candidate.entry.anonymous))
        return sorted(mentions, key=lambda m: m.start)

    def ties(self, scan: ActorScan) -> ActorTies:
        """The countries the named actors of a :meth:`scan` are tied to (templates such as "l'armée" say
        nothing): each actor's own country once, and the countries they operate in, first named first."""
        votes: Counter[str] = Counter()
        reach: dict[str, None] = {}
        for mention in self.resolve(scan):
            if mention.generic:
                continue
            if mention.actor.country:
                votes[mention.actor.country] = 1
            reach.update(dict.fromkeys(mention.actor.operates_in))
        return ActorTies(votes, tuple(reach))

    def __len__(self) -> int:
        return len(self._actors)

    # ----------------------------------------------------------------- matching

    def _candidates(self, folded: _Folded, text: str) -> Iterator[_Candidate]:
        lower = folded.lower
        for last, (key, options) in self._automaton.iter(lower):
            start, end = last - len(key) + 1, last + 1
            if (start > 0 and lower[start - 1] != " ") or (end < len(lower) and lower[end] != " "):
                continue
            if " " in key and _CLAUSE_BREAK.search(text, folded.starts[start], folded.ends[end - 1]):
                continue  # a phrase never spans a comma or a sentence end
            for entry in options:
                if entry.cased_key and folded.cased[start:end] != entry.cased_key:
                    continue
                if entry.after_determiner and not self._after_determiner(lower, start):
                    continue
                yield _Candidate(start, end, entry)

    def _after_determiner(self, lower: str, start: int) -> bool:
        if start < 2:
            return False
        previous = lower[lower.rfind(" ", 0, start - 1) + 1 : start - 1]
        return previous.isdigit() or previous in self._determiners

    def _extend(self, candidate: _Candidate, folded: _Folded, text: str) -> _Candidate:
        """Grow a named mention over "les combattants de" / "le groupe jihadiste" just before it, and again
        over what comes before that ("les éléments du groupe terroriste Daech").

        Generic templates are not grown, and a growth never crosses punctuation of the original text.
        """
        if candidate.entry.kind not in _EXTENDABLE:
            return candidate
        window_start = max(0, candidate.start - _LOOKBACK)
        start = candidate.start
        while (match := self._extension.search(folded.lower, window_start, start)) is not None and (
                not _PUNCTUATION.search(text, folded.starts[match.start(1)], folded.starts[candidate.start])):
            start = match.start(1)
        return candidate if start == candidate.start else _Candidate(start, candidate.end, candidate.entry)

    # ----------------------------------------------------------------- resolution

    def _resolve(self, entry: _Entry, country: str | None) -> tuple[Actor, bool] | None:
        if entry.kind == _ACTOR:
            # "l'État islamique" in a story from Afghanistan is its Khorasan province
            branch = self._branches.get((entry.target, country or ""))
            return self._actors[branch or entry.target], False
        if entry.kind == _NATIONALITY:
            return self._from_template(entry.target, entry.country), False
        if country is None:
            return None
        if entry.kind == _TEMPLATE:
            # "l'armée" in a territory with no army of its own (the West Bank) is the army that holds it
            home = self._army_of.get(country, country) if entry.target == _MILITARY_KIND else country
            return self._from_template(entry.target, home), True
        if entry.kind == _CONTEXTUAL:
            contextual = self._contextual[int(entry.target)]
            name = contextual.by_country.get(country)
            if name is None:
                return (self._from_template(contextual.otherwise, country), True) if contextual.otherwise else None
            actor = self.get(name)  # a named actor, or a template's ("Military Forces of Algeria")
            if actor is None:
                return None
            # "le CSP" in a story from Mali names the group as its full name does; a state's forces stay a common
            # noun's, re-countried with the place like "l'armée"
            return actor, actor.state or name not in self._actors
        return None

    def _from_template(self, kind: str, country: str) -> Actor:
        template = self._templates[kind]
        name = template.name.format(country=country, country_the=self._country_the.get(country, country))
        return self._actors.get(name) or Actor(name, template.actor_type, country, template.state)

    def _template_country(self, template: _Template, name: str) -> str | None:
        pattern = re.escape(template.name).replace(r"\{country_the\}", "(.+)").replace(r"\{country\}", "(.+)")
        match = re.fullmatch(pattern, name)
        if match is None:
            return None
        value = match.group(1)
        by_the = {v: k for k, v in self._country_the.items()}
        return by_the.get(value, value)


# --------------------------------------------------------------------------- helpers


def _fights_for(raw: Mapping[str, Any]) -> tuple[str, ...]:
    """The states a government ally fights beside: those the registry names, else its own country."""
    if not raw.get("government_ally", False):
        return ()
    named = tuple(str(c) for c in raw.get("fights_for", []))
    return named or ((str(raw["country"]),) if raw.get("country") else ())


def _put(entries: _Entries, phrase: str, entry: _Entry) -> None:
    _put_key(entries, fold_key(phrase).lower(), entry)


def _put_key(entries: _Entries, key: str, entry: _Entry) -> None:
    if not key:
        return
    bucket = entries.setdefault(key, [])
    if entry not in bucket:
        bucket.append(entry)


_ELIDED_HEAD = re.compile(r"(\w+) (?:de|du|des) ")  # "gangs de ...": a head noun and its "de"
_ELIDED_JOIN = re.compile(r" et (de|du|des) ")  # "... et de Village de Dieu": the head left out
_ELIDED_WORDS = 5  # words of the second complement tried, longest first


def _build_automaton(entries: Mapping[str, list[_Entry]]) -> Any:
    automaton = ahocorasick.Automaton()
    for key, options in entries.items():
        ordered = options if len(options) == 1 else sorted(options, key=lambda e: _PRIORITY[e.kind])
        automaton.add_word(key, (key, tuple(ordered)))
    automaton.make_automaton()
    return automaton


def _select(candidates: Iterable[_Candidate]) -> list[_Candidate]:
    """Longest first (then by kind priority, then leftmost), skipping anything overlapping a chosen one."""
    chosen: list[_Candidate] = []
    taken = DisjointSpans()  # a long text has thousands of candidates: no rescan of those chosen
    for candidate in sorted(candidates, key=lambda c: c.sort_key):
        if taken.add_if_free(candidate.start, candidate.end):
            chosen.append(candidate)
    return chosen


@functools.lru_cache(maxsize=1)
def default_registry() -> ActorRegistry:
    """The bundled registry, read once per process."""
    return ActorRegistry.load()
