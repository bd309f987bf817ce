"""A text that names no country, qualifies none and names no actor tied to one: the places it names where a
place is due ("à Sofara", "la province du Soum") are looked for in the countries French news on conflict most
reports from (``usual_countries`` of ``data/place_cues.json``), spelt as written and of the kind the cue asks
for. Sentences written for these tests."""

from __future__ import annotations

import pytest

from veilleur.resolve.places.geocoder import Geocoder


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder()


# (sentence, name, place, country)
SENTENCES = [
    # a province's cue names a unit: not Sumy (Ukraine), whose French spelling "Soumy" folds alike
    ("Les soldats ont neutralisé six assaillants jeudi dans la province du Soum.", "Soum", "Province du Soum",
     "Burkina Faso"),
    # nor a town of Laos that has the name as an alias
    ("Deux gendarmes ont péri dans la province du Séno.", "Séno", "Province du Séno", "Burkina Faso"),
    # a village only its own country's gazetteer holds
    ("Des inconnus armés ont abattu cinq éleveurs samedi à Sofara.", "Sofara", "Sofara", "Mali"),
    ("Les assaillants ont brûlé le village de Ouenkoro.", "Ouenkoro", "Ouankoro", "Mali"),
]


@pytest.mark.parametrize(("text", "name", "place", "country"), SENTENCES)
def test_a_cued_place_says_the_country(geocoder: Geocoder, text: str, name: str, place: str, country: str) -> None:
    result = geocoder.find(text)
    found = next(m for m in result.mentions if m.text == name)
    assert (found.place.name, found.place.country) == (place, country)
    assert result.countries[0] == country


def test_a_named_country_is_not_overruled(geocoder: Geocoder) -> None:
    # the text names Ukraine: Sumy is meant, however the usual countries read
    found = geocoder.find("Une frappe a touché un immeuble à Soumy, en Ukraine.").mentions[0]
    assert found.place.country == "Ukraine"


def test_a_place_of_that_own_name_beats_a_city_with_it_as_alias(geocoder: Geocoder) -> None:
    # the name lies in seven of the usual countries, so none of them is the article's; Bonn, far larger, has it as
    # an alias only
    found = geocoder.find("Des inconnus ont incendié des greniers dans la commune de Boni.").mentions[0]
    assert found.place.name == "Boni" and found.place.country != "Germany"


def test_half_of_a_name_said_twice_is_no_town(geocoder: Geocoder) -> None:
    # "Tongo-Tongo" is one village (of Niger): not Tonho, a town of Ivory Coast spelt as its half
    result = geocoder.find("Des assaillants à moto ont tué quatre bergers à Tongo-Tongo.")
    assert all(m.place.country != "Ivory Coast" for m in result.mentions)
    found = geocoder.find("Des assaillants à moto ont tué quatre bergers à Tongo-Tongo, au Niger.").mentions[0]
    assert (found.text, found.place.country) == ("Tongo-Tongo", "Niger")


def test_a_name_shared_by_two_usual_countries_searches_both(geocoder: Geocoder) -> None:
    # villages of Niger and of the DR Congo bear the name: both are searched, Niger (two of them) first
    result = geocoder.find("Des assaillants à moto ont tué quatre bergers à Tongo-Tongo.")
    assert result.countries[:2] == ["Niger", "Democratic Republic of Congo"]
    assert result.mentions[0].place.country == "Niger"
    # a city of Libya and of Lebanon: the larger first
    assert geocoder.find("Des miliciens ont tué deux passants à Tripoli.").countries[0] == "Libya"
