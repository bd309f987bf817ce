"""Protests, riots and the non-violent strategic developments (arrests, looting, surrenders) on hand-written
French news sentences: the wordings for them that the rows of event_triggers.json and event_cues.json read."""

from __future__ import annotations

from datetime import date

import pytest

from veilleur.ingest import article_from_text
from veilleur.pipeline import Pipeline
from veilleur.records import Event

FRIDAY = date(2024, 5, 10)  # publication date of every sentence here


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_defaults()


def events_of(pipeline: Pipeline, text: str) -> list[Event]:
    article = article_from_text("doc", text, published=FRIDAY, source="Test")
    assert article is not None
    result = pipeline.process(article)
    assert result.rejection is None, result.rejection
    return result.events


@pytest.mark.parametrize("text", [
    "Trois journalistes ont été placés en garde à vue mardi à Niamey.",
    "La police a placé en garde à vue trois militants mardi à Dakar.",
])
def test_custody_in_a_police_station_is_an_arrest(pipeline: Pipeline, text: str) -> None:
    assert [(e.sub_event_type, e.event_date) for e in events_of(pipeline, text)] == [("Arrests", "2024-05-07")]


def test_a_custody_extended_is_no_new_arrest(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "La garde à vue de l'opposant a été prolongée jeudi à Dakar.") == []


def test_a_custody_told_with_no_place_is_that_of_the_arrest_told(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Deux hommes ont été interpellés mardi à Thiès. Les suspects ont été placés en "
                                 "garde à vue.")
    assert [(e.sub_event_type, e.location) for e in events] == [("Arrests", "Thiès")]


@pytest.mark.parametrize("text", [
    "Un présumé voleur a été tué par une foule en colère mardi à Butembo.",
    "Des habitants en colère ont tué deux présumés kidnappeurs mardi à Beni.",
    "Un voleur présumé a été victime de la justice populaire mardi à Butembo.",
])
def test_a_crowd_that_turns_on_civilians_is_mob_violence(pipeline: Pipeline, text: str) -> None:
    assert [(e.sub_event_type, e.actor1, e.event_date) for e in events_of(pipeline, text)] == [
        ("Mob violence", "Rioters (Democratic Republic of Congo)", "2024-05-07")]


def test_demonstrators_who_fight_the_police_stay_a_violent_demonstration(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Des habitants en colère ont attaqué les policiers mardi à Beni.")
    assert [(e.sub_event_type, e.actor2) for e in events] == [
        ("Violent demonstration", "Police Forces of the Democratic Republic of Congo")]


@pytest.mark.parametrize("text", [
    "Plusieurs milliers de manifestants ont réclamé lundi à Bamako le retour d'un gouvernement civil.",
    "Des milliers de manifestants ont défilé lundi à Bamako et ont dénoncé la hausse des prix.",
    "Lundi à Bamako, des milliers de manifestants ont dénoncé la hausse des prix.",
])
def test_what_a_crowd_demands_or_denounces_leaves_its_march_a_fact(pipeline: Pipeline, text: str) -> None:
    assert [(e.sub_event_type, e.location, e.event_date) for e in events_of(pipeline, text)] == [
        ("Peaceful protest", "Bamako", "2024-05-06")]


def test_a_crowd_that_threatens_to_march_has_not_marched(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "Le gouvernement a menacé lundi à Bamako de disperser toute manifestation.") == []


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Des jeunes ont incendié la mairie de Kaya mardi.", "Looting/property destruction"),
    ("Des inconnus ont vandalisé l'église de Thiès mardi.", "Looting/property destruction"),
    ("Des casseurs ont vandalisé des magasins mardi soir à Dakar.", "Violent demonstration"),
    ("Des jeunes en colère ont incendié mardi le commissariat de police à Beni.", "Violent demonstration"),
])
def test_public_buildings_burnt_and_property_vandalised_are_destruction(
        pipeline: Pipeline, text: str, sub_event_type: str) -> None:
    assert [(e.sub_event_type, e.event_date) for e in events_of(pipeline, text)] == [(sub_event_type, "2024-05-07")]


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Des dizaines de manifestants ont été blessés mardi à Kinshasa lors de la dispersion d'une marche.",
     "Protest with intervention"),
    ("Des milliers de personnes ont défilé mardi dans les rues de Tunis pour dénoncer la répression.",
     "Peaceful protest"),
    ("Des milliers de personnes ont manifesté mardi à Tunis contre la répression policière.", "Peaceful protest"),
    ("Un rassemblement de soutien aux Palestiniens a eu lieu mardi à Rabat.", "Peaceful protest"),
])
def test_force_met_is_an_intervention_and_force_denounced_is_none(
        pipeline: Pipeline, text: str, sub_event_type: str) -> None:
    assert [(e.sub_event_type, e.event_date) for e in events_of(pipeline, text)] == [(sub_event_type, "2024-05-07")]


@pytest.mark.parametrize("text", [
    "Les forces de sécurité ont démantelé un atelier de fabrication de bombes mardi à Niamey.",
    "Les forces de sécurité ont découvert un atelier de fabrication d'explosifs mardi à Niamey.",
])
def test_a_bomb_workshop_found_is_weapons_use_disrupted(pipeline: Pipeline, text: str) -> None:
    assert [(e.sub_event_type, e.event_date) for e in events_of(pipeline, text)] == [
        ("Disrupted weapons use", "2024-05-07")]


@pytest.mark.parametrize(("text", "told"), [
    ("Des centaines de jeunes ont manifesté leur colère lundi à Kolwezi.", [("Peaceful protest", "2024-05-06")]),
    ("Des milliers d'habitants ont manifesté leur mécontentement lundi à Bukavu.",
     [("Peaceful protest", "2024-05-06")]),
    ("Le gouvernement a manifesté sa colère lundi à Kinshasa.", []),
])
def test_a_crowd_that_shows_its_anger_demonstrates(pipeline: Pipeline, text: str, told: list[tuple[str, str]]) -> None:
    assert [(e.sub_event_type, e.event_date) for e in events_of(pipeline, text)] == told


def test_fighters_who_give_themselves_up_to_peacekeepers_surrender(pipeline: Pipeline) -> None:
    events = events_of(pipeline, "Une centaine de combattants du M23 se sont rendus aux Casques bleus lundi à "
                                 "Rutshuru.")
    assert [(e.sub_event_type, e.actor1, e.event_date) for e in events] == [
        ("Agreement", "M23: March 23 Movement", "2024-05-06")]


@pytest.mark.parametrize(("text", "country", "force"), [
    ("Des émeutiers en colère contre la police ont incendié un commissariat jeudi à Bouaké, en Côte d'Ivoire.",
     "Ivory Coast", "Police Forces of Ivory Coast"),
    ("Des jeunes en colère contre les gendarmes ont saccagé une brigade mercredi à Kankan, en Guinée.",
     "Guinea", "Police Forces of Guinea"),
])
def test_the_force_a_crowd_is_angry_with_is_not_one_of_the_crowd(
    pipeline: Pipeline, text: str, country: str, force: str
) -> None:
    # "en colère contre la police": the police is what the crowd acts against, not a side that burnt its own post
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events_of(pipeline, text)] == [
        ("Violent demonstration", f"Rioters ({country})", force)]
