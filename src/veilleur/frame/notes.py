"""One neutral sentence per event, in French and English, from its canonical fields only.

Templates, actor display names and place names live in ``data/notes_vocabulary.json``. A note never quotes
the article, so it never carries the outlet's labels; :func:`veilleur.frame.loaded.contains_loaded_term`
checks that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from veilleur.datafiles import load_json
from veilleur.records import Event

VOCABULARY_FILE = "notes_vocabulary.json"
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_VOWEL_START = re.compile(r"^[aeiouyhàâäéèêëîïôöûüÿœAEIOUYHÀÂÄÉÈÊËÎÏÔÖÛÜŸŒ]")
_TO = {
    "le": "au ", "les": "aux ", "l'": "à l'", "la": "à la ", "un": "à un ", "une": "à une ", "des": "à des ",
}
_OF = {
    "le": "du ", "les": "des ", "l'": "de l'", "la": "de la ", "un": "d'un ", "une": "d'une ", "des": "de ",
}


@dataclass(frozen=True)
class ActorName:
    """An actor's French display name with its article and grammatical number."""

    name: str
    article: str
    plural: bool

    def bare(self) -> str:
        if not self.article:
            return self.name
        return f"{self.article}{self.name}" if self.article.endswith("'") else f"{self.article} {self.name}"

    def to(self) -> str:
        """"à" + the name, with French contraction (au, aux, à l')."""
        return _TO[self.article] + self.name if self.article else f"à {self.name}"

    def of(self) -> str:
        """"de" + the name, with French contraction and elision (du, des, de l', d')."""
        if self.article:
            return _OF[self.article] + self.name
        return f"d'{self.name}" if _VOWEL_START.match(self.name) else f"de {self.name}"


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The notes vocabulary (loaded once per process; do not mutate)."""
    data: dict[str, Any] = load_json(VOCABULARY_FILE)
    return data


def sub_event_types() -> list[str]:
    """Every sub-event type that has its own template."""
    return list(vocabulary()["templates"])


# --- names ----------------------------------------------------------------------------------------------


def country_fr(country: str) -> str:
    return str(vocabulary()["countries_fr"].get(country, country))


def place_fr(place: str) -> str:
    return str(vocabulary()["places_fr"].get(place, place))


def actor_fr(canonical: str) -> ActorName:
    """French display name of a canonical actor (fallback: the canonical name itself)."""
    vocab = vocabulary()
    if not canonical:
        unknown = vocab["unknown_actor"]
        return ActorName(unknown["fr"], unknown["article"], unknown["plural"])
    row = vocab["actors"].get(canonical)
    if row:
        return ActorName(row["fr"], row["article"], row["plural"])
    for rule in vocab["actor_patterns"]:
        match = re.match(rule["pattern"], canonical)
        if match:
            name = rule["fr"].format(country=country_fr(match.group(1)))
            return ActorName(name, rule["article"], rule["plural"])
    return ActorName(canonical, "", False)


def _split(names: str) -> list[str]:
    return [n.strip() for n in names.split(";") if n.strip()]


def _join(parts: list[str], conjunction: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {conjunction} " + parts[-1]


def _actor_slots_fr(main: str, assoc: str, prefix: str, optional: bool) -> dict[str, str]:
    """a1 / a1_a / a1_de (or a2...) for the main actor joined with its associates."""
    if optional and not main:
        return {prefix: "", f"{prefix}_a": "", f"{prefix}_de": ""}
    names = [actor_fr(main)] + [actor_fr(a) for a in _split(assoc)]
    return {
        prefix: _join([n.bare() for n in names], "et"),
        f"{prefix}_a": _join([n.to() for n in names], "et"),
        f"{prefix}_de": _join([n.of() for n in names], "et"),
    }


def _actors_en(main: str, assoc: str, optional: bool) -> str:
    if optional and not main:
        return ""
    return _join([main or str(vocabulary()["unknown_actor"]["en"])] + _split(assoc), "and")


# --- date and place -------------------------------------------------------------------------------------


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def date_phrase(event_date: str, precision: int, lang: str) -> str:
    """"Le 14 octobre 2017" / "Vers le 14 octobre 2017 (semaine)" / "En octobre 2017" (and English)."""
    day = _parse_date(event_date)
    if day is None:
        return "À une date non précisée" if lang == "fr" else "On an unspecified date"
    month = vocabulary()[f"months_{lang}"][day.month - 1]
    if lang == "fr":
        day_fr = "1er" if day.day == 1 else str(day.day)
        if precision >= 3:
            return f"En {month} {day.year}"
        if precision == 2:
            return f"Vers le {day_fr} {month} {day.year} (semaine)"
        return f"Le {day_fr} {month} {day.year}"
    if precision >= 3:
        return f"In {month} {day.year}"
    if precision == 2:
        return f"Around {day.day} {month} {day.year} (week)"
    return f"On {day.day} {month} {day.year}"


def _place_name(event: Event, lang: str) -> tuple[str, str]:
    """(name, bracketed region) of the event's place in the given language."""
    localise = place_fr if lang == "fr" else str
    country = country_fr(event.country) if lang == "fr" else event.country
    name = event.location or event.admin1 or event.country
    region = [localise(event.admin1)] if event.admin1 and event.admin1 != name else []
    if country and country != localise(name):
        region.append(country)
    bracket = f" ({', '.join(region)})" if region else ""
    if not name:
        return ("un lieu non précisé" if lang == "fr" else "an unspecified place"), ""
    return localise(name), bracket


def _de(name: str) -> str:
    return f"d'{name}" if _VOWEL_START.match(name) else f"de {name}"


def _place_slots_fr(event: Event) -> dict[str, str]:
    name, bracket = _place_name(event, "fr")
    full = name + bracket
    if event.geo_precision >= 3:
        area = f"la région {_de(name)}{bracket}"
        return {"place": f"des positions dans {area}", "de_place": f"de positions dans {area}",
                "at_place": f"dans {area}"}
    if event.geo_precision == 2:
        near = f"près {_de(name)}{bracket}"
        return {"place": f"des positions {near}", "de_place": f"de positions {near}", "at_place": near}
    return {"place": full, "de_place": _de(full), "at_place": f"à {full}"}


def _place_slots_en(event: Event) -> dict[str, str]:
    name, bracket = _place_name(event, "en")
    if event.geo_precision >= 3:
        return {"place": f"positions in the {name} area{bracket}", "at_place": f"in the {name} area{bracket}"}
    if event.geo_precision == 2:
        return {"place": f"positions near {name}{bracket}", "at_place": f"near {name}{bracket}"}
    return {"place": f"{name}{bracket}", "at_place": f"in {name}{bracket}"}


def _fatalities(count: int, lang: str) -> str:
    if count <= 0:
        return ""
    if lang == "fr":
        return f"; {count} mort signalé" if count == 1 else f"; {count} morts signalés"
    return f"; {count} reported fatality" if count == 1 else f"; {count} reported fatalities"


# --- rendering ------------------------------------------------------------------------------------------


def render(template: str, slots: dict[str, str]) -> str:
    """Fill ``template``: optional [parts] only when all their placeholders are filled."""

    def optional(match: re.Match[str]) -> str:
        inner = match.group(1)
        names = _PLACEHOLDER.findall(inner)
        return inner if all(slots.get(n) for n in names) else ""

    text = _OPTIONAL.sub(optional, template)
    text = _PLACEHOLDER.sub(lambda m: slots.get(m.group(1), ""), text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _template(event: Event, lang: str) -> str:
    vocab = vocabulary()
    row = vocab["templates"].get(event.sub_event_type) or vocab["fallback_template"]
    return str(row[lang])


def _slots_fr(event: Event) -> dict[str, str]:
    slots = {"date": date_phrase(event.event_date, event.time_precision, "fr"),
             "sub_event_type": event.sub_event_type}
    slots.update(_actor_slots_fr(event.actor1, event.assoc_actor_1, "a1", optional=False))
    slots.update(_actor_slots_fr(event.actor2, event.assoc_actor_2, "a2", optional=True))
    subject_plural = actor_fr(event.actor1).plural or bool(_split(event.assoc_actor_1))
    slots["aux"] = "ont" if subject_plural else "a"
    slots["aux_pair"] = "ont" if subject_plural or event.actor2 else "a"
    slots.update(_place_slots_fr(event))
    return slots


def _slots_en(event: Event) -> dict[str, str]:
    slots = {"date": date_phrase(event.event_date, event.time_precision, "en"),
             "sub_event_type": event.sub_event_type,
             "a1": _actors_en(event.actor1, event.assoc_actor_1, optional=False),
             "a2": _actors_en(event.actor2, event.assoc_actor_2, optional=True)}
    slots.update(_place_slots_en(event))
    return slots


def write_notes(event: Event) -> dict[str, str]:
    """{"fr": ..., "en": ...}: one neutral sentence stating the event with canonical names."""
    fr = render(_template(event, "fr"), _slots_fr(event)) + _fatalities(event.fatalities, "fr") + "."
    en = render(_template(event, "en"), _slots_en(event)) + _fatalities(event.fatalities, "en") + "."
    return {"fr": fr, "en": en}
