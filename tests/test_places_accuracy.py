"""Geocoding rules written for the accuracy goal of issue #16: each test is a French sentence or name
written for the rule it checks (the rule fails it when taken out)."""

from __future__ import annotations

import re

import pytest

from veilleur.resolve.places.geocoder import Geocoder
from veilleur.resolve.places.keys import name_key


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder()


def found(geocoder: Geocoder, text: str) -> list[tuple[str, str, str]]:
    return [(m.text, m.place.name, m.place.country) for m in geocoder.find(text).mentions]


# -- a town whose name only folds like a country's ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "town", "country"),
    [
        ("Un drone russe a frappé Ouman, dans la région de Tcherkassy, en Ukraine.", "Ouman", "Uman", "Ukraine"),
        ("Des manifestants ont défilé à Samawa, dans le sud de l'Irak.", "Samawa", "As Samawah", "Iraq"),
    ],
)
def test_a_town_folded_like_a_country_is_still_a_town(
    geocoder: Geocoder, text: str, surface: str, town: str, country: str
) -> None:
    assert name_key(surface) in {name_key("Oman"), name_key("Samoa")}  # the collision the rule is about
    assert (surface, town, country) in found(geocoder, text)


def test_a_country_spelt_as_such_is_no_town(geocoder: Geocoder) -> None:
    # Oman and Samoa are countries: no Ukrainian or Iraqi town of the same key is read in their place
    result = geocoder.find("Le sultanat d'Oman et les Samoa ont condamné l'attaque dans un communiqué commun.")
    assert result.mentions == []
    assert set(result.countries) == {"Oman", "Samoa"}


# -- machine romanisations vouch for no spelling ---------------------------------------------------------


def test_a_lower_case_romanisation_is_no_exact_spelling(geocoder: Geocoder) -> None:
    # GeoNames lists "toura" (all lower case, a romanisation) among Tula's names; Toura is Tura, Evenkia
    text = "Un incendie de forêt menace Toura, dans le kraï de Krasnoïarsk, en Russie."
    assert ("Toura", "Tura", "Russia") in found(geocoder, text)


# -- a name does not vouch for itself ----------------------------------------------------------------------


def test_a_towns_own_district_does_not_win_by_the_town(geocoder: Geocoder) -> None:
    # the town Ash Shihr and its district share the name; without a district cue the town is meant
    result = geocoder.find("Des pêcheurs ont manifesté lundi à Shihr, au Yémen, contre la vie chère.")
    assert [(m.text, m.place.feature, m.precision) for m in result.mentions if m.text == "Shihr"] == [
        ("Shihr", "village", 1)
    ]


# -- French spellings of Russian and other names ------------------------------------------------------------


@pytest.mark.parametrize(
    "variants",
    [
        ("Nijni Taguil", "Nizhny Tagil"),  # French "gu" before e/i is a hard g
        ("Gueorguievsk", "Georgiyevsk"),
        ("Alexeïevka", "Alekseyevka", "Alexeyevka"),  # x is ks
        ("Ech-Chaddadi", "Ach-Chaddadi", "Ash Shaddadi"),  # "ech" is the Arabic article written the French way
    ],
)
def test_french_spellings_share_a_key(variants: tuple[str, ...]) -> None:
    assert len({name_key(v) for v in variants}) == 1, {v: name_key(v) for v in variants}


@pytest.mark.parametrize(
    ("text", "surface", "town", "admin1"),
    [
        ("Un drone ukrainien a frappé une usine de Nijni Taguil, dans l'Oural, en Russie.", "Nijni Taguil",
         "Nizhny Tagil", "Sverdlovsk Oblast"),
        ("Des obus sont tombés sur Alexeïevka, dans la région de Belgorod, en Russie.", "Alexeïevka",
         "Alexeyevka", "Belgorod"),
        ("Des combats ont éclaté à Ech-Chaddadi, dans le nord-est de la Syrie.", "Ech-Chaddadi",
         "Ash Shaddādah", "Hasakeh"),
    ],
)
def test_french_spellings_find_the_town(geocoder: Geocoder, text: str, surface: str, town: str, admin1: str) -> None:
    assert [(m.place.name, m.place.admin1) for m in geocoder.find(text).mentions if m.text == surface] == [
        (town, admin1)
    ]


# -- Bantu names with or without their initial nasal ----------------------------------------------------------


def test_a_name_written_with_its_initial_nasal_finds_the_town(geocoder: Geocoder) -> None:
    # GeoNames writes Gandajika; Congolese outlets write Ngandajika
    text = "Des miliciens ont attaqué un convoi à Ngandajika, dans la province de Lomami, en RDC."
    start = text.index("Ngandajika")
    result = geocoder.find(text, candidates=[(start, start + len("Ngandajika"))])  # the parser calls it a place
    assert [m.place.name for m in result.mentions if m.text == "Ngandajika"] == ["Gandajika"]


def test_the_nasal_is_dropped_only_for_a_name_the_gazetteer_does_not_hold(geocoder: Geocoder) -> None:
    assert geocoder.geocode("Ngaoundéré", "CM").chosen.place.name == "Ngaoundéré"  # type: ignore[union-attr]


def test_a_city_far_larger_than_its_namesake_wins_where_the_context_cannot_tell_them_apart(
    geocoder: Geocoder,
) -> None:
    # both namesakes lie in the article's countries and near its other place: the first country and the
    # nearer anchor decide nothing, the city of a million is meant; a hamlet that shares the province's name
    # does not make that name ambiguous
    text = ("Des roquettes sont tombées dans la banlieue de Donetsk. La Russie dément et accuse à son tour l'armée "
            "ukrainienne ; la Russie dit avoir perdu un soldat. Trois civils ont été tués dans la région de Lougansk.")
    spans = [(m.start(), m.end()) for m in re.finditer(r"Donetsk|Lougansk", text)]
    found = {m.text: m.place for m in geocoder.find(text, candidates=spans).mentions}
    assert found["Donetsk"].country == "Ukraine" and found["Donetsk"].population > 500_000
    # a town chosen by its country and anchors stays chosen when no namesake dwarfs it
    tripoli = geocoder.find("À Tripoli, dans le nord du Liban, des heurts près de Zghorta.").mentions[0]
    assert tripoli.place.country == "Lebanon"


def test_a_region_named_in_french_is_its_province(geocoder: Geocoder) -> None:
    # "le Cachemire": GeoNames' "Jammu and Kashmir" by its French name; a region is its province, precision 3
    found = geocoder.find("Trois soldats ont été tués au Cachemire, selon l'armée.").mentions
    assert [(m.place.country, m.place.feature, m.precision) for m in found] == [("India", "admin1", 3)]
    pakistan = geocoder.find("Des tirs ont visé un village de l'Azad Cachemire, au Pakistan.").mentions
    assert pakistan[0].place.admin1 == "Azad Kashmir"


def test_a_town_who_s_on_first_took_from_natural_earth_beats_its_namesake_hamlets(geocoder: Geocoder) -> None:
    # four villages of the DR Congo are called Ikela; the territory seat on the Tshuapa river, in the Tshopo,
    # is the one a world map keeps (Who's On First's locality from Natural Earth), so a town
    found = geocoder.find("Des miliciens ont attaqué Ikela, en RDC.").mentions[0]
    assert (found.place.admin1, found.place.feature) == ("Tshopo", "city")
