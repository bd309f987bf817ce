"""Who acts and who is acted upon (codebook section 3), on hand-written French news sentences.

The pipeline is the real one (spaCy, gazetteer, registries), built once per module.
"""

from __future__ import annotations

from datetime import date

import pytest

from veilleur.ingest import article_from_text
from veilleur.pipeline import Pipeline
from veilleur.records import Article, Event

FRIDAY = date(2024, 5, 10)  # publication date used unless a test says otherwise


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_defaults()


def only_event(pipeline: Pipeline, text: str, published: date = FRIDAY) -> Event:
    article = article_from_text("doc", text, published=published, source="Test")
    assert isinstance(article, Article), article
    result = pipeline.process(article)
    assert result.rejection is None, result.rejection
    assert len(result.events) == 1, [(e.sub_event_type, e.location) for e in result.events]
    return result.events[0]


@pytest.mark.parametrize("text", [
    "Les soldats ont neutralisé trois assaillants jeudi à Tillabéri, au Niger.",
    "Les soldats ont neutralisé plusieurs terroristes jeudi à Tillabéri.",
])
def test_the_fighters_a_force_killed_are_its_adversary_whatever_the_parse(pipeline: Pipeline, text: str) -> None:
    # "trois assaillants jeudi": the parser may read the noun as an adjective of the day after it; a word a
    # number or a determiner opens is a noun all the same
    event = only_event(pipeline, text)
    assert (event.actor1, event.actor2) == ("Military Forces of Niger", "Unidentified Armed Group (Niger)")


def test_a_militia_beside_the_army_is_not_the_group_the_story_follows(pipeline: Pipeline) -> None:
    # the volunteers fight for Burkina Faso's state: "les terroristes" they killed are no volunteers
    event = only_event(pipeline, "Les VDP ont tué vingt terroristes jeudi à Titao, au Burkina Faso.")
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Armed clash", "VDP: Volunteers for the Defense of the Homeland", "Unidentified Armed Group (Burkina Faso)")


def test_an_army_that_lost_soldiers_in_an_ambush_was_ambushed(pipeline: Pipeline) -> None:
    # the army and its soldiers are one side, the one hit: who ambushed it is unnamed
    event = only_event(pipeline, "L'armée malienne a perdu jeudi douze soldats dans une embuscade à Boulkessi.")
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Mali)", "Military Forces of Mali")


@pytest.mark.parametrize("text", [
    "Des combats ont opposé les FAR aux FSR vendredi à El-Fasher, faisant des dizaines de morts.",
    "Les FAS ont attaqué mercredi les positions des RSF dans le centre d'Omdourman.",
])
def test_the_initials_of_sudans_army_and_of_the_rsf_name_them_in_sudan(pipeline: Pipeline, text: str) -> None:
    event = only_event(pipeline, text)
    assert (event.actor1, event.actor2) == ("Military Forces of Sudan", "RSF: Rapid Support Forces")


def test_gangs_no_name_is_given_for_are_an_unidentified_armed_group(pipeline: Pipeline) -> None:
    event = only_event(pipeline, "La police a abattu jeudi deux membres de gangs à Port-au-Prince.")
    assert (event.actor1, event.actor2) == ("Police Forces of Haiti", "Unidentified Armed Group (Haiti)")


@pytest.mark.parametrize(("text", "fought"), [
    ("L'armée malienne et les rebelles du CSP s'affrontent depuis jeudi à Anefis.",
     "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development"),
    ("Les militaires et les jihadistes se sont accrochés jeudi près de Ménaka, au Mali.",
     "Unidentified Armed Group (Mali)"),
])
def test_two_sides_that_fought_each_other_are_actor1_and_actor2(pipeline: Pipeline, text: str, fought: str) -> None:
    # "A et B se sont affrontés": a reciprocal verb, the subjects are the two sides, not allies
    event = only_event(pipeline, text)
    assert (event.actor1, event.assoc_actor_1, event.actor2) == ("Military Forces of Mali", "", fought)


def test_fighters_a_named_group_killed_under_a_common_label_are_not_that_group(pipeline: Pipeline) -> None:
    # the story follows the Wazalendo, yet "dix rebelles" they killed are not Wazalendo, nor civilians
    event = only_event(pipeline, "Les Wazalendo ont tué dix rebelles jeudi près de Sake, au Nord-Kivu.")
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Armed clash", "Mai-Mai Militia", "Unidentified Armed Group (Democratic Republic of Congo)")


def test_a_civilian_shot_dead_by_gunmen_is_the_victim_of_an_attack(pipeline: Pipeline) -> None:
    # "abattu" in the passive tells a shooting, not a fight whose toll he would be
    event = only_event(pipeline, "Un civil a été abattu jeudi par des hommes armés à Beni, au Nord-Kivu.")
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Attack", "Unidentified Armed Group (Democratic Republic of Congo)", "Civilians (Democratic Republic of Congo)")


@pytest.mark.parametrize("text", [
    "Les policiers ont affronté des gangs armés lundi à Port-au-Prince, en Haïti.",
    "Les agents de la police nationale ont abattu jeudi trois chefs de gangs à Cabaret, en Haïti.",
])
def test_gangs_the_text_does_not_name_are_an_unidentified_armed_group(pipeline: Pipeline, text: str) -> None:
    # "des gangs", "un gang" with no name of its own: an armed group the text does not name, not nobody
    event = only_event(pipeline, text)
    assert (event.actor1, event.actor2) == ("Police Forces of Haiti", "Unidentified Armed Group (Haiti)")


@pytest.mark.parametrize("text", [
    "Des colons israéliens ont incendié mercredi des voitures à Huwara, en Cisjordanie.",
    "Un berger palestinien a été tué jeudi par des colons près de Ramallah, en Cisjordanie.",
])
def test_settlers_are_named_as_acled_names_them(pipeline: Pipeline, text: str) -> None:
    # ACLED names Israel's settlers in the West Bank "Settlers (Israel)", not an unidentified armed group
    event = only_event(pipeline, text)
    assert (event.actor1, event.actor2) == ("Settlers (Israel)", "Civilians (Palestine)")


@pytest.mark.parametrize("text", [
    "Des chasseurs dozos ont attaqué mardi le hameau de Kori, dans le sud du Mali, tuant cinq civils.",
    "Des chasseurs traditionnels dozos ont tué trois bergers jeudi près de Djenné, au Mali.",
])
def test_hunters_a_group_is_named_by_are_no_aircraft(pipeline: Pipeline, text: str) -> None:
    # "chasseurs" names fighter jets elsewhere; here it opens the Dozo hunters' name: their attack, on the ground
    event = only_event(pipeline, text)
    assert (event.sub_event_type, event.actor1, event.actor2) == ("Attack", "Dozo Militia", "Civilians (Mali)")


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("Le Hezbollah a tiré des missiles antichars sur une caserne israélienne à Metoula.",
     "Hezbollah", "Military Forces of Israel"),
    ("Des roquettes ont visé jeudi une base américaine près de Deir ez-Zor, en Syrie.",
     "Unidentified Armed Group (Syria)", "Military Forces of the United States"),
    ("Des rebelles ont attaqué une patrouille tchadienne jeudi près de Bardaï, au Tchad.",
     "Unidentified Armed Group (Chad)", "Military Forces of Chad"),
])
def test_a_base_or_a_patrol_a_nationality_qualifies_is_that_states_force(
    pipeline: Pipeline, text: str, actor1: str, actor2: str
) -> None:
    # "une caserne israélienne", "une base américaine": the force hit is the state's, not the people of the place
    event = only_event(pipeline, text)
    assert (event.actor1, event.actor2) == (actor1, actor2)


@pytest.mark.parametrize("text", [
    "Des militaires centrafricains et des mercenaires russes ont tué dix civils jeudi à Bria.",
    "Les forces armées centrafricaines et les Russes de Wagner ont repris jeudi la ville de Bambari.",
])
def test_russian_mercenaries_beside_an_african_army_are_wagner(pipeline: Pipeline, text: str) -> None:
    # "les mercenaires russes", "les Russes de Wagner": the Wagner Group, fighting beside the army it serves
    event = only_event(pipeline, text)
    assert (event.actor1, event.assoc_actor_1) == ("Military Forces of the Central African Republic", "Wagner Group")


@pytest.mark.parametrize("text", [
    "Des soldats maliens ont sauté sur une mine jeudi près de Douentza.",
    "Une patrouille de l'armée malienne a roulé sur un engin explosif jeudi près de Douentza.",
])
def test_soldiers_who_drove_onto_a_mine_were_hit_by_it(pipeline: Pipeline, text: str) -> None:
    # "ont sauté sur une mine": the subject suffers the blast; who laid the mine is unnamed
    event = only_event(pipeline, text)
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Remote explosive/landmine/IED", "Unidentified Armed Group (Mali)", "Military Forces of Mali")


@pytest.mark.parametrize("text", [
    "Plusieurs terroristes ont été neutralisés par des vecteurs aériens burkinabè près de Djibo jeudi.",
    "Des terroristes ont été neutralisés par l'aviation burkinabè près de Djibo jeudi.",
])
def test_fighters_neutralised_by_aircraft_died_in_an_air_strike(pipeline: Pipeline, text: str) -> None:
    # "neutralisés par l'aviation", as "tués par un drone": the strike of the state's aircraft, not a ground fight
    event = only_event(pipeline, text)
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Air/drone strike", "Military Forces of Burkina Faso", "Unidentified Armed Group (Burkina Faso)")


@pytest.mark.parametrize(("text", "first", "second"), [
    ("Des combats opposant les FSR à l'armée soudanaise ont fait trente morts jeudi à El-Obeid.",
     "RSF: Rapid Support Forces", "Military Forces of Sudan"),
    ("Des affrontements ont opposé le M23 aux FARDC jeudi à Sake, au Nord-Kivu.",
     "M23: March 23 Movement", "Military Forces of the Democratic Republic of Congo"),
])
def test_a_fight_opposing_one_side_to_another_names_the_first_first(
    pipeline: Pipeline, text: str, first: str, second: str
) -> None:
    # "opposer A à B" gives no initiator: the side named first is actor1, the state or not
    event = only_event(pipeline, text)
    assert (event.actor1, event.actor2) == (first, second)


@pytest.mark.parametrize("text", [
    "Un chef jihadiste a été tué jeudi par l'armée près de Djibo, au Burkina Faso.",
    "Les soldats ont abattu un commandant terroriste jeudi près de Djibo, au Burkina Faso.",
])
def test_a_leader_a_groups_label_qualifies_is_of_that_group(pipeline: Pipeline, text: str) -> None:
    # "un chef jihadiste": the label, an adjective after "chef", names the group he leads, the side hit
    event = only_event(pipeline, text)
    assert (event.actor1, event.actor2) == (
        "Military Forces of Burkina Faso", "Unidentified Armed Group (Burkina Faso)")


@pytest.mark.parametrize(("text", "sides"), [
    ("« Nous avons pris la ville de Rutshuru ce matin », a affirmé le porte-parole du M23, Willy Ngoma.",
     ("Non-state actor overtakes territory", "M23: March 23 Movement", "")),
    ("Le porte-parole du M23 a déclaré : « Nous avons pris la ville de Rutshuru ».",
     ("Non-state actor overtakes territory", "M23: March 23 Movement", "")),
    ("« Nos combattants ont pris le contrôle de la base de Tessit », a affirmé un porte-parole du JNIM.",
     ("Non-state actor overtakes territory", "JNIM: Group for Support of Islam and Muslims", "")),
    ("« Nous avons abattu douze terroristes près de Djibo », a indiqué un porte-parole de l'armée burkinabè.",
     ("Armed clash", "Military Forces of Burkina Faso", "Unidentified Armed Group (Burkina Faso)")),
    ("« Nous avons été attaqués à l'aube à Kibumba par le M23 », a déclaré le porte-parole de l'armée congolaise.",
     ("Armed clash", "M23: March 23 Movement", "Military Forces of the Democratic Republic of Congo")),
    # the speaker after the verb, though another side opens the sentence
    ("Les rebelles du M23 ont pris mardi la ville de Rutshuru, a affirmé le porte-parole de l'armée congolaise : "
     "« Nous avons dû nous replier ».",
     ("Non-state actor overtakes territory", "M23: March 23 Movement",
      "Military Forces of the Democratic Republic of Congo")),
])
def test_we_in_a_spokesmans_quote_is_the_spokesmans_side(pipeline: Pipeline, text: str,
                                                         sides: tuple[str, str, str]) -> None:
    event = only_event(pipeline, text)
    assert (event.sub_event_type, event.actor1, event.actor2 or "") == sides


def test_we_in_a_witness_quote_is_no_side(pipeline: Pipeline) -> None:
    # a witness speaks for no armed side: "nous" stays no one's
    article = article_from_text("doc", "« Nous avons entendu des tirs toute la nuit à Rutshuru », a raconté un "
                                "habitant.", published=FRIDAY, source="Test")
    assert isinstance(article, Article)
    result = pipeline.process(article)
    assert not any(e.actor1.startswith("Civilians") for e in result.events)


def test_a_group_that_fights_across_borders_is_at_home_where_it_operates(pipeline: Pipeline) -> None:
    # Boko Haram, named once in a story from Chad, is the group the story follows there: the unnamed assailants are it
    event = only_event(pipeline, "Boko Haram a multiplié les attaques au Tchad. Mardi, des assaillants ont tué vingt "
                                 "soldats tchadiens à Bol.")
    assert (event.actor1, event.actor2) == ("Boko Haram", "Military Forces of Chad")


@pytest.mark.parametrize(("text", "sides"), [
    ("Les affrontements continuent mardi dans la province du Nord-Kivu, où le M23 combat l'armée congolaise depuis "
     "deux ans.", ("M23: March 23 Movement", "Military Forces of the Democratic Republic of Congo")),
    ("Les affrontements continuent mardi dans la région de Tillabéri, où des jihadistes combattent l'armée "
     "nigérienne.", ("Unidentified Armed Group (Niger)", "Military Forces of Niger")),
    # a lead that names the two sides, then a fight told with none: the lead's order holds for it
    ("Les affrontements continuent dans la province du Nord-Kivu, où le M23 combat l'armée congolaise. Mardi, des "
     "affrontements ont aussi eu lieu à Rutshuru.",
     ("M23: March 23 Movement", "Military Forces of the Democratic Republic of Congo")),
    # counter-examples: the army named first is first
    ("Les affrontements se poursuivent mardi à Rutshuru, où l'armée congolaise affronte les rebelles du M23.",
     ("Military Forces of the Democratic Republic of Congo", "M23: March 23 Movement")),
    ("Des combats ont éclaté mardi à Rutshuru entre l'armée et le M23.",
     ("Military Forces of the Democratic Republic of Congo", "M23: March 23 Movement")),
])
def test_a_fight_with_no_subject_opposes_the_sides_its_cue_names_first_named_first(
        pipeline: Pipeline, text: str, sides: tuple[str, str]) -> None:
    event = only_event(pipeline, text)
    assert (event.actor1, event.actor2) == sides


@pytest.mark.parametrize(("text", "sides"), [
    ("Une attaque de l'EIGS contre l'armée nigérienne a fait vingt morts mardi à Tillabéri.",
     ("Islamic State (Greater Sahara)", "Military Forces of Niger")),
    ("Une attaque des jihadistes contre l'armée a fait vingt morts mardi à Tillabéri.",
     ("Unidentified Armed Group (Niger)", "Military Forces of Niger")),
])
def test_what_an_attack_of_a_group_is_against_is_its_target(pipeline: Pipeline, text: str,
                                                           sides: tuple[str, str]) -> None:
    # the parser may hang "contre l'armée" on the group's noun: the army is hit, it is no ally of the group
    event = only_event(pipeline, text)
    assert (event.actor1, event.actor2) == sides


def test_sides_that_fought_each_other_are_in_the_order_the_text_names_them(pipeline: Pipeline) -> None:
    # a state named with its allies leads them; one named with the group it fought does not
    event = only_event(pipeline, "Des jihadistes et des soldats se sont affrontés mardi près de Djibo.")
    assert (event.actor1, event.actor2) == (
        "Unidentified Armed Group (Burkina Faso)", "Military Forces of Burkina Faso")


@pytest.mark.parametrize(("text", "actor1"), [
    ("Des rebelles séparatistes ont attaqué mardi les positions de l'armée ukrainienne près de Donetsk.",
     "NAF: United Armed Forces of Novorossiya"),
    ("Des séparatistes ont attaqué mardi un poste de gendarmerie à Bamenda, au Cameroun.", "Ambazonian Separatists"),
    # elsewhere the word names no one group
    ("Des séparatistes ont attaqué mardi un poste de police à Quetta, au Pakistan.",
     "Unidentified Armed Group (Pakistan)"),
])
def test_the_separatists_are_the_separatist_force_of_the_countrys_war(pipeline: Pipeline, text: str,
                                                                      actor1: str) -> None:
    assert only_event(pipeline, text).actor1 == actor1


def test_deaths_told_with_no_means_in_a_story_of_shelling_are_the_shelling_of_the_group_it_follows(
        pipeline: Pipeline) -> None:
    # the group the story follows stands in for the unnamed author, as an unidentified group would
    article = article_from_text("doc", "Les Shebab ont tiré mardi des obus de mortier sur le quartier de Hodan, à "
                                "Mogadiscio. Plus au sud, à Afgoye, trois personnes ont été tuées.",
                                published=FRIDAY, source="Test")
    assert isinstance(article, Article)
    events = pipeline.process(article).events
    assert [(e.location, e.sub_event_type, e.actor1) for e in events] == [
        ("Mogadishu", "Shelling/artillery/missile attack", "al-Shabaab"),
        ("Afgooye", "Shelling/artillery/missile attack", "al-Shabaab")]


@pytest.mark.parametrize(("text", "actor2"), [
    ("Des hommes armés ont attaqué mardi les forces de sécurité à Kirkouk, en Irak. Quatre policiers ont été tués et "
     "deux autres policiers ont été blessés.", "Police Forces of Iraq"),
    # soldiers named, or no force named by a word that says which: the army, as before
    ("Des hommes armés ont attaqué mardi les forces de sécurité à Kirkouk, en Irak. Quatre soldats ont été tués.",
     "Military Forces of Iraq"),
    ("Des hommes armés ont attaqué mardi les forces de sécurité à Kirkouk, en Irak.", "Military Forces of Iraq"),
])
def test_security_forces_are_the_police_in_a_story_that_names_policemen_and_no_soldiers(
        pipeline: Pipeline, text: str, actor2: str) -> None:
    assert only_event(pipeline, text).actor2 == actor2


@pytest.mark.parametrize(("text", "actor1"), [
    ("Les Maliens ont été attaqués mardi par des jihadistes près de Mopti, faisant cinq morts parmi les villageois.",
     "Unidentified Armed Group (Mali)"),
    ("Les Congolais ont pillé mercredi des magasins à Kinshasa lors d'émeutes.",
     "Rioters (Democratic Republic of Congo)"),
])
def test_a_people_named_by_its_nationality_is_no_army(pipeline: Pipeline, text: str, actor1: str) -> None:
    # "les Maliens", "les Congolais": a plural nationality noun names a people, not its state's forces
    assert only_event(pipeline, text).actor1 == actor1


@pytest.mark.parametrize("text", [
    "L'armée a mené jeudi un raid à Jénine, en Cisjordanie, tuant deux hommes armés.",
    "Des soldats ont tué jeudi un adolescent près de Naplouse, en Cisjordanie.",
])
def test_the_army_in_a_territory_with_no_army_of_its_own_is_the_army_that_holds_it(
    pipeline: Pipeline, text: str
) -> None:
    # "l'armée" in the West Bank: the Palestinian Authority has police but no army, the soldiers are Israel's
    event = only_event(pipeline, text)
    assert event.actor1 == "Military Forces of Israel"
