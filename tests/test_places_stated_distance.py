"""A place the text says lies some kilometres from another ("X, un village situé à 30 km de Y") lies that near
it: a namesake found far beyond is another place, and the event is placed near the town named (precision 2).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from veilleur.resolve.places.geocoder import Geocoder


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder()


def test_a_namesake_far_beyond_the_stated_distance_is_dropped(geocoder: Geocoder) -> None:
    # the tables hold a Gomboro in the Sourou, some 140 km from Djibo
    result = geocoder.find("Des inconnus ont abattu trois éleveurs à Gomboro, un village situé à 30 km de Djibo, "
                           "au Burkina Faso.")
    assert [(m.text, m.precision) for m in result.mentions] == [("Djibo", 2)]
    assert any(text == "Gomboro" for _, _, text in result.unresolved)


def test_a_place_within_the_stated_distance_stays(geocoder: Geocoder) -> None:
    # Kaya lies some 100 km from Ouagadougou
    result = geocoder.find("Une embuscade a eu lieu à Kaya, à 100 kilomètres au nord-est de Ouagadougou, au Burkina "
                           "Faso.")
    assert "Kaya" in [m.text for m in result.mentions]
