"""The parse says where a proper noun is a place (data/place_roles.json), whatever its entity label."""

from __future__ import annotations

from datetime import date

import pytest

from veilleur.annotate import Annotator
from veilleur.ingest import article_from_text
from veilleur.pipeline import Pipeline
from veilleur.records import Article
from veilleur.resolve.place_roles import PlaceRoles


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def role_names(annotator: Annotator, text: str) -> list[str]:
    annotation = annotator.annotate(text)
    return [text[start:end] for start, end in PlaceRoles.from_data().spans(annotation.tokens)]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        pytest.param("Des avions ont bombardé lundi Bint Jbeil, dans le sud du Liban.", ["Bint Jbeil"], id="object"),
        pytest.param("L'aviation a frappé les villages de Kfar Kila et de Khiam.", ["Kfar Kila", "Khiam"],
                     id="place-noun-and-its-conjunct"),
        pytest.param("Les avions ont visé les villages d'At Tiri, Haddatha et Rachaf vers minuit.",
                     ["At Tiri", "Haddatha", "Rachaf"], id="list-after-place-noun"),
        pytest.param("La nuit a été calme. À Nyambaka, les familles attendent des nouvelles.", ["Nyambaka"],
                     id="fronted-locative"),
        pytest.param("La nuit a été calme. A Nyambaka, les familles attendent des nouvelles.", ["Nyambaka"],
                     id="fronted-locative-capital-without-accent"),
        # a bare town right after a verb that takes places, past an adverb or a day: the parser calls it an
        # oblique, an adverb, even a verb ("reprendre Konna" -> "konner")
        pytest.param("Les soldats ont réussi à reprendre Konna lundi.", ["Konna"], id="bare-name-as-verb"),
        pytest.param("Les forces ont repris hier Tombouctou aux rebelles.", ["Tombouctou"],
                     id="bare-name-after-adverb"),
        pytest.param("Les insurgés ont brièvement occupé Tessit jeudi.", ["Tessit"], id="bare-name-as-adverb"),
        # an office's territory: "le préfet de X" names the department X, whatever entity the parser saw
        pytest.param("Mercredi, des djihadistes présumés ont attaqué un convoi du préfet de Bankilaré dans la région.",
                     ["Bankilaré"], id="office-territory"),
        # a name coordinated with a place "à" introduces is a place, whatever entity the parser saw in it
        pytest.param("Des affrontements ont éclaté entre éleveurs et agriculteurs à Djugu et Mahagi.", ["Mahagi"],
                     id="conjunct-of-a-place-after-a"),
    ],
)
def test_names_in_a_place_position(annotator: Annotator, text: str, places: list[str]) -> None:
    assert role_names(annotator, text) == places


@pytest.mark.parametrize(
    "text",
    [
        "Le président a reçu Mohamed Bazoum et Ali Zeine au palais.",
        "Les rebelles ont repris les combats dimanche.",  # an article: no bare name
        "Les enquêteurs ont visé Amadou Koné dans leur rapport.",
        "Le ministre a remis à Amadou Koné, son adjoint, le rapport.",  # "à" a person, not fronted
    ],
)
def test_people_are_not_places(annotator: Annotator, text: str) -> None:
    assert role_names(annotator, text) == []


def test_a_village_the_parser_calls_a_person_is_coded(annotator: Annotator) -> None:
    pipeline = Pipeline(annotator=annotator)
    text = "Des avions israéliens ont frappé lundi les villages d'At Tiri, Haddatha et Rachaf, au Liban."
    article = article_from_text("roles", text, published=date(2024, 8, 14), source="Test")
    assert isinstance(article, Article)
    events = pipeline.process(article).events
    assert {e.location for e in events} >= {"Haddatha", "Rachaf"}
    assert {e.sub_event_type for e in events} == {"Air/drone strike"}
