"""What people type in a filter, turned into what the store holds.

Events store canonical English names (ACLED's): "Islamic State", "Syria". Analysts type what they read in
French news: "Daech", "l'EI", "Syrie". These functions map a typed filter value to the stored names it
means, from the same data the pipeline uses to code the events: the actor registry (``data/actors.json``,
aliases and abbreviations) and the gazetteer's country names (``data/gazetteer/countries.csv``, French and
English names). The typed text itself is always matched too, so a partial name ("Jaish") still works.
"""

from __future__ import annotations

from functools import lru_cache

from unidecode import unidecode


def folded(text: str) -> str:
    """Lower case, accents and punctuation dropped, spaces collapsed: "l'État islamique" -> "l etat islamique"."""
    return " ".join("".join(c if c.isalnum() else " " for c in unidecode(text).lower()).split())


@lru_cache(maxsize=256)
def actor_names(typed: str) -> tuple[str, ...]:
    """Canonical actor names the typed text names through the registry ("Daech" -> ("Islamic State",)).

    Only named actors count: a generic word ("l'armée") needs an event's country to mean anyone.
    """
    from veilleur.resolve.actors import default_registry

    if not typed.strip():
        return ()
    mentions = default_registry().find(typed.strip())
    return tuple(dict.fromkeys(m.actor.name for m in mentions if not m.generic))


@lru_cache(maxsize=1)
def _country_index() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(ACLED country name, its folded French and English names) for every gazetteer country."""
    from veilleur.resolve.places.countries import load_countries

    return tuple(
        (c.name, tuple(dict.fromkeys(folded(n) for n in (c.name, *c.names) if n))) for c in load_countries()
    )


@lru_cache(maxsize=256)
def country_names(typed: str) -> tuple[str, ...]:
    """ACLED country names the typed text means: the countries one of whose names it spells ("Syrie",
    "syria", "République arabe syrienne"), else those with a name that starts with it ("Cameroun" is
    spelled in full, "Came" finds Cameroon). Empty when nothing matches."""
    key = folded(typed)
    if not key:
        return ()
    index = _country_index()
    exact = tuple(name for name, names in index if key in names)
    if exact:
        return exact
    return tuple(name for name, names in index if any(n.startswith(key) for n in names))
