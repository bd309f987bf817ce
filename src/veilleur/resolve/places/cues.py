"""Precision cues: the words just before a name that say what kind of place it is and how precisely the text
places it ("le village de", "près de", "la province de", "le territoire de"; codebook section 4)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from veilleur.datafiles import load_json
from veilleur.records import Place
from veilleur.resolve.places.gazetteer import AREAS

# "de" and its forms with the article: what joins a place noun to the name ("la province du", "le village de l'")
DE = r"(?:de\s+la\s+|de\s+l['’]|d['’]|de\s+|du\s+|des\s+)"
CITY_WORD = r"(?:la\s+ville|la\s+localité|le\s+village|la\s+bourgade|le\s+bourg|la\s+cité|le\s+quartier|" \
            r"le\s+hameau|la\s+commune|le\s+camp)"
CITY_CUE = re.compile(CITY_WORD + r"\s+" + DE + r"$")
# "la province est de Damas", "la région occidentale de": a compass word may sit between noun and "de"
_PART = r"(?:\s+(?:nord|sud|est|ouest|orientale?|occidentale?|septentrionale?|méridionale?)(?:-(?:est|ouest))?)?"
_PROVINCE_CUE = re.compile(
    # "la province chinoise du Yunnan", "la région montagneuse de l'Adrar": one adjective may come between
    r"(province|gouvernorat|région|wilaya|oblast|état|muhafazat?)" + _PART + r"(?:\s+[a-zà-ÿ-]{4,})?\s+" + DE
    + r"$"
    # "l'État Chin", "l'État Shan": a state named in apposition, with no "de"
    + r"|\bl['’]\s*état\s+$"
)
_NEAR = r"(?:près|non\s+loin|aux\s+abords|(?:dans\s+)?les\s+environs|aux\s+environs|en\s+banlieue|autour|" \
        r"(?:dans\s+|à\s+)?la\s+(?:banlieue|campagne|périphérie)|aux\s+portes|à\s+proximité)"
_COMPASS = r"(?:au|à\s+l['’]|dans\s+le|dans\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?"
_DISTANCE = r"à\s+(?:\d+|une?\s+\w+|quelques|plusieurs|une\s+dizaine\s+de)\s*(?:km|kilomètres?)" \
            r"(?:\s+(?:au|à\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?)?"
_ROUTE = r"(?:route|axe|autoroute)\s+(?:entre|reliant|de)"
_APPROX_CUE = re.compile(
    r"(" + _NEAR + r"\s+" + DE + r"|" + _COMPASS + r"\s+" + DE + r"|" + _DISTANCE + r"\s+" + DE
    + r"|" + _ROUTE + r"\s+)"
    + r"(?:" + CITY_WORD + r"\s+" + DE + r"|(?:la\s+)?(?:province|gouvernorat|région)" + _PART + r"\s+" + DE + r")?$"
)


# words that make the next name a place even where the parser took it for a person ("à Barry")
# the words after which a name is a place whatever the parser saw in it ("à Tillia", "le poste de Tillia")
_PLACE_INTRO = re.compile(r"(?:\bà|\bau|\bprès\s+d[e'’]|\b(?:ville|village|localité|commune|bourgade|hameau|quartier|"
                          r"camp|base|poste|caserne|garnison|chef-lieu)\s+d[e'’])\s*$", re.IGNORECASE)
# a locative word with the definite article ("dans le", "au", "vers l'"): the name after it is an area's
_DEFINITE_BEFORE = re.compile(r"(?:\b(?:dans|en|vers|sur|de)\s+(?:le|la|les)\s+|\b(?:dans|vers|sur|de)\s+l['’]\s*"
                              r"|\b(?:au|aux|du)\s+)$")
LOCATIVE_BEFORE = re.compile(r"(?:\bà|\bau|\ben|\bde|\bd['’]|\bdans|\bvers|\bsur|\bcontre|\bentre|\bet)\s*$")


@dataclass(frozen=True)
class Cue:
    precision: int  # 0 when no cue
    qualifier: str
    wants_admin1: bool
    wants_town: bool
    wants_area: bool = False  # "le territoire de", "le cercle de": a unit below the province, named after its seat
    # "dans le Golan", "au Sahel", "dans l'Ituri": French names a town without an article, an area with one
    definite: bool = False


# what every cue read_cue tries ends with, before the white space that may follow: a preposition of DE, the
# last word of _ROUTE, the article of _DEFINITE_BEFORE, or "état" of "l'État Chin" (lower case, as read_cue
# reads the text)
_CUE_LAST_WORDS = ("de", "la", "l'", "l’", "d'", "d’", "du", "des", "entre", "reliant", "le", "les", "au", "aux",
                   "état")


@lru_cache(maxsize=1)
def area_nouns() -> tuple[str, ...]:
    """The units below a province that French news names before a place ("le territoire de Masisi", "le cercle de
    Bourem"), as ``data/place_cues.json`` lists them (``area_nouns``)."""
    return tuple(load_json("place_cues.json")["area_nouns"])


@lru_cache(maxsize=1)
def _area_cue() -> re.Pattern[str]:
    """"le territoire de", "l'arrondissement de", "les cantons de": a unit of :func:`area_nouns` and "de"."""
    nouns = "|".join(re.escape(n) for n in sorted(area_nouns(), key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + nouns + r")s?(?:\s+(?:rurale?s?|urbaine?s?))?\s+" + DE + r"$")


def read_cue(text: str, start: int) -> Cue:
    """The precision cue in the words just before a name."""
    left = text[max(0, start - 90):start].lower()
    if not left.rstrip().endswith(_CUE_LAST_WORDS):
        # no cue can end here ("à Gao", "Gao, ..."): each cue pattern, anchored at the window's end, would be
        # tried at every one of its 90 characters to find none
        return Cue(0, "", False, False, definite=False)
    approx = _APPROX_CUE.search(left)
    province = _PROVINCE_CUE.search(left)
    town = CITY_CUE.search(left)
    if approx:
        return Cue(2, " ".join(approx.group(1).split()), bool(province), bool(town))
    if province:
        return Cue(3, " ".join(province.group(0).split()), True, False)
    if town:
        return Cue(1, " ".join(town.group(0).split()), False, True)
    area = _area_cue().search(left)
    if area:
        return Cue(2, " ".join(area.group(0).split()), False, False, True)
    return Cue(0, "", False, False, definite=_DEFINITE_BEFORE.search(left) is not None)


def introduces_place(text: str, start: int) -> bool:
    return bool(_PLACE_INTRO.search(text, max(0, start - 20), start))


UNRESOLVED_CUE = re.compile(CITY_WORD + r"\s+" + DE + r"$|\bà\s+$")


def fits_cue(place: Place, cue: Cue) -> bool:
    """Whether a place is of the kind its cue asks for: an administrative unit after "la province de", "le
    cercle de"; a town or village after "la commune de", "le village de"; anything with no such cue."""
    if cue.wants_admin1 or cue.wants_area:
        return place.feature in AREAS or place.feature == "district"
    if cue.wants_town:
        return place.feature in {"city", "village"}
    return True
