"""Place resolution: name keys, disambiguation, precision cues and a toponym table (tests/data/toponyms.csv)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from veilleur.records import Place, great_circle_km
from veilleur.resolve.places.choice import surveyed_point
from veilleur.resolve.places.gazetteer import Gazetteer, default_gazetteer
from veilleur.resolve.places.geocoder import Geocoder
from veilleur.resolve.places.keys import name_key
from veilleur.resolve.places.matching import Match
from veilleur.resolve.places.results import PlaceMention
from veilleur.resolve.places.votes import rank_countries

TOPONYMS = Path(__file__).parent / "data" / "toponyms.csv"


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder()


def mention_at(mentions: list[PlaceMention], start: int, end: int) -> PlaceMention | None:
    return next((m for m in mentions if m.start < end and start < m.end), None)


# -- name keys ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variants",
    [
        ("Deir Ezzor", "Deir ez-Zor", "Dayr az Zawr", "Deir Al-Zour", "Deir el-Zor"),
        ("Mayadine", "al-Mayadin", "Al Mayadeen", "Meyadine"),
        ("Racca", "Raqqa", "Rakka"),
        ("Idleb", "Idlib"),
        ("Mossoul", "Mosul"),
        ("Falloujah", "Fallujah", "Falluja"),
        ("Hodeïda", "Hodeidah", "Hodeida"),
        ("Jubb al-Jarrah", "Jubb al Jarrah", "Jubb Jarra"),
        ("Haouija", "Hawija"),
        ("Tchernihiv", "Chernihiv"),
        ("Zaporijjia", "Zaporizhzhia"),
    ],
)
def test_transliterations_share_a_key(variants: tuple[str, ...]) -> None:
    assert len({name_key(v) for v in variants}) == 1, {v: name_key(v) for v in variants}


def test_distinct_places_keep_distinct_keys() -> None:
    assert len({name_key(n) for n in ("Homs", "Hama", "Hasakeh", "Harasta", "Hajin")}) == 5


def test_lookup_ranks_by_country() -> None:
    gazetteer = default_gazetteer()
    assert gazetteer.lookup("Tripoli", "Lebanon")[0].country == "Lebanon"
    assert gazetteer.lookup("Tripoli", "Libya")[0].country == "Libya"
    assert gazetteer.lookup("Palmyre")[0].name == gazetteer.lookup("Tadmor")[0].name


def test_gazetteer_loads_from_a_given_file(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "g.tsv.gz"
    header = "id\tname\taliases\tlatitude\tlongitude\tcountry\tadmin1\tadmin2\tfeature\tpopulation\tsource\n"
    row = "x1\tVillageville\tVillageville-sur-Oronte\t35.0\t36.0\tSyria\tHama\t\tvillage\t100\tcurated\n"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(header + row)
    gazetteer = Gazetteer.load(path)
    assert [p.geonameid for p in gazetteer.lookup("Villageville")] == ["x1"]


# -- non-places --------------------------------------------------------------------------------------


def test_tv_channel_is_not_the_town(geocoder: Geocoder) -> None:
    text = "Selon la chaîne al-Mayadeen, proche du Hezbollah, la ville de Mayadine a été bombardée en Syrie."
    result = geocoder.find(text)
    assert [m.text for m in result.mentions] == ["Mayadine"]
    assert result.mentions[0].place.admin1 == "Deir ez-Zor"
    tv = "La télévision libanaise al-Mayadine affirme que des raids ont eu lieu."
    assert geocoder.find(tv).mentions == []
    assert geocoder.find("Al-Mayadeen TV rapporte des combats.").mentions == []


def test_news_agency_sana_is_not_sanaa(geocoder: Geocoder) -> None:
    assert geocoder.find("L'agence Sana rapporte que des tirs ont visé la ville syrienne.").mentions == []
    found = geocoder.find("Des frappes ont touché Sanaa, la capitale du Yémen.").mentions
    assert [m.place.country for m in found] == ["Yemen"]


def test_common_words_and_people_are_not_places(geocoder: Geocoder) -> None:
    text = "Mars a été meurtrier. Est-ce que Bachar al-Assad et Hassan Nasrallah se sont parlé ?"
    assert geocoder.find(text, country="Syria").mentions == []


def test_a_park_or_a_forest_is_placed_at_its_province(geocoder: Geocoder) -> None:
    # no one lives in a national park: only its province is known (precision 3, its capital's point)
    found = geocoder.find("Deux gardes ont été tués lundi dans le parc national de la Pendjari, au Bénin.").mentions
    assert [(m.place.feature, m.place.admin1, m.precision) for m in found] == [("admin1", "Atakora", 3)]


def test_a_park_is_named_from_its_lower_case_noun(geocoder: Geocoder) -> None:
    # the letter W alone names nothing; "le parc du W" names the park, in the article's country
    found = geocoder.find("Des braconniers armés ont été vus dans le parc du W, au nord du Bénin.").mentions
    assert [(m.text, m.place.country, m.place.admin1) for m in found] == [("parc du W", "Benin", "Alibori")]
    found = geocoder.find("Des rangers ont été tués dans la forêt de Sambisa, au Nigeria.").mentions
    assert [(m.text, m.place.admin1) for m in found] == [("forêt de Sambisa", "Borno")]
    # a park that is no name ("le parc automobile") leaves the town after it alone
    found = geocoder.find("Le parc automobile de Niamey a brûlé, au Niger.").mentions
    assert [m.text for m in found] == ["Niamey"]


def test_a_province_name_may_close_on_a_lower_case_adjective(geocoder: Geocoder) -> None:
    # French writes the position adjective of a province's name in lower case
    found = geocoder.find("Au Tchad, des heurts ont fait dix morts dans le Logone oriental.").mentions
    assert [(m.text, m.place.feature, m.place.admin1) for m in found] == [
        ("Logone oriental", "admin1", "Logone Oriental")]
    # any other lower-case word still ends no name
    found = geocoder.find("Des frappes ont visé Sanaa est-il dit, au Yémen.").mentions
    assert [m.text for m in found] == ["Sanaa"]


def test_a_state_named_in_apposition_is_the_state(geocoder: Geocoder) -> None:
    # "l'État Chin" (no "de"), as French writes Myanmar's states: the parser's span "État Chin" must not make
    # Chin a Chinese city
    text = "En Birmanie, des frappes ont visé un village de l'État Chin, mardi."
    found = geocoder.find(text, candidates=[(text.index("État"), text.index(", mardi"))]).mentions
    assert [(m.text, m.place.feature, m.place.country, m.precision) for m in found] == [
        ("Chin", "admin1", "Myanmar", 3)]


# -- province versus city, precision -------------------------------------------------------------------


def test_province_versus_city(geocoder: Geocoder) -> None:
    province = geocoder.find("Des combats ont eu lieu dans la province de Deir Ezzor, en Syrie.").mentions
    assert len(province) == 1 and province[0].place.feature == "admin1" and province[0].precision == 3
    assert great_circle_km(province[0].place.latitude, province[0].place.longitude, 35.34, 40.14) < 15  # the capital's
    city = geocoder.find("Des combats ont eu lieu dans la ville de Deir Ezzor, en Syrie.").mentions
    assert city[0].place.feature == "city" and city[0].precision == 1
    gouvernorat = geocoder.find("Le gouvernorat de Hama a été pilonné, en Syrie.").mentions
    assert gouvernorat[0].place.admin1 == "Hama" and gouvernorat[0].precision == 3


def test_admin1_only_names_are_precision_3(geocoder: Geocoder) -> None:
    found = geocoder.find("Des jihadistes ont attaqué une patrouille dans le Borno, au Nigeria.").mentions
    assert found[0].place.feature == "admin1" and found[0].precision == 3


@pytest.mark.parametrize(
    ("text", "precision", "qualifier"),
    [
        ("Des combats ont eu lieu près de Homs, en Syrie.", 2, "près de"),
        ("Un convoi a été attaqué aux abords de Raqqa.", 2, "aux abords de"),
        ("Des obus sont tombés dans la banlieue de Damas.", 2, "dans la banlieue de"),
        ("Des affrontements dans la campagne de Hama.", 2, "dans la campagne de"),
        ("Une frappe au sud-est de Palmyre a tué trois soldats.", 2, "au sud-est de"),
        ("Une embuscade à l'est de Mossoul a fait dix morts.", 2, "à l'est de"),
        ("Une mine a explosé à 20 km de Kidal, au Mali.", 2, "à 20 km de"),
        ("Des combats autour de Marib, au Yémen.", 2, "autour de"),
        ("Une frappe sur la route entre Homs et Palmyre.", 2, "route entre"),
        ("Une voiture piégée a explosé à Kirkouk.", 1, ""),
    ],
)
def test_precision_cues(geocoder: Geocoder, text: str, precision: int, qualifier: str) -> None:
    first = geocoder.find(text).mentions[0]
    assert (first.precision, first.qualifier) == (precision, qualifier)


# -- context -----------------------------------------------------------------------------------------


def test_tripoli_by_country_prior(geocoder: Geocoder) -> None:
    libya = geocoder.find("À Tripoli, les milices libyennes se sont affrontées. La Libye reste divisée.")
    lebanon = geocoder.find("À Tripoli, dans le nord du Liban, des heurts ont opposé deux quartiers libanais.")
    assert libya.mentions[0].place.country == "Libya"
    assert lebanon.mentions[0].place.country == "Lebanon"


def test_country_prior(geocoder: Geocoder) -> None:
    assert geocoder.country_prior("L'armée syrienne a bombardé Idleb et Alep.") == "Syria"
    assert geocoder.country_prior("Les forces irakiennes ont repris Falloujah et Ramadi.") == "Iraq"
    assert geocoder.country_prior("Les shebab ont attaqué Mogadiscio.") == "Somalia"
    assert geocoder.country_prior("Il a plu toute la journée.") is None


def test_a_named_country_wins_a_tie_with_a_town_abroad(geocoder: Geocoder) -> None:
    # one name of a country, one town "à" introduces: the story is Yemen's, the talks were in Geneva
    text = "Au Yémen, les deux camps ont conclu jeudi une trêve à Genève."
    assert geocoder.article_countries(text)[0] == "Yemen"


def test_explicit_country_wins(geocoder: Geocoder) -> None:
    assert geocoder.find("Des combats à Tripoli.", country="Lebanon").mentions[0].place.country == "Lebanon"


def test_offsets_point_into_the_text(geocoder: Geocoder) -> None:
    text = "Les forces ont avancé vers Deir ez-Zor et al-Mayadin, en Syrie."
    for mention in geocoder.find(text).mentions:
        assert text[mention.start:mention.end] == mention.text
    assert [m.text for m in geocoder.find(text).mentions] == ["Deir ez-Zor", "al-Mayadin"]


# -- unresolved names --------------------------------------------------------------------------------


def test_unresolved_candidates_are_reported(geocoder: Geocoder) -> None:
    text = "Des combats ont eu lieu à Zzyqwarte, près de Homs, en Syrie."
    start = text.index("Zzyqwarte")
    result = geocoder.find(text, candidates=[(start, start + len("Zzyqwarte"))])
    assert (start, start + len("Zzyqwarte"), "Zzyqwarte") in result.unresolved
    assert [m.place.name for m in result.mentions] == ["Homs"]


def test_cued_unknown_village_is_reported_without_candidates(geocoder: Geocoder) -> None:
    text = "Le village de Qwertabad, dans la province de Hama, a été bombardé."
    result = geocoder.find(text)
    assert any(name == "Qwertabad" for _, _, name in result.unresolved)


def test_fuzzy_fallback_for_candidates(geocoder: Geocoder) -> None:
    text = "Les rebelles ont attaqué Qaryatayyin en Syrie."
    start = text.index("Qaryatayyin")
    result = geocoder.find(text, candidates=[(start, start + len("Qaryatayyin"))])
    assert [m.place.name for m in result.mentions] == ["Al Qaryatayn"]


# -- the toponym table -------------------------------------------------------------------------------


def load_toponyms() -> list[dict[str, str]]:
    with TOPONYMS.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def resolve_row(geocoder: Geocoder, row: dict[str, str]) -> str:
    """"" when the row is resolved as expected, else what went wrong. The name is resolved as
    ``veilleur geocode NAME --context SENTENCE`` does: as a place name the parser found in that sentence."""
    found = geocoder.geocode(row["surface"], context=row["sentence"]).chosen
    if found is None:
        return "not found"
    place = found.place
    distance = great_circle_km(place.latitude, place.longitude, float(row["latitude"]), float(row["longitude"]))
    if distance > float(row["tolerance_km"]):
        return f"{place.name} ({place.country}) is {distance:.0f} km off"
    if row["precision"] and found.precision != int(row["precision"]):
        return f"precision {found.precision}, expected {row['precision']}"
    return ""


def test_toponym_table_accuracy(geocoder: Geocoder) -> None:
    rows = load_toponyms()
    assert len(rows) >= 150
    failures = {f"{r['surface']} -> {r['expected']}": why for r in rows if (why := resolve_row(geocoder, r))}
    accuracy = 1 - len(failures) / len(rows)
    print(f"\ntoponym accuracy: {accuracy:.3f} on {len(rows)} names; failures: {failures}")
    assert accuracy >= 0.9, failures


# ---------------------------------------------------------------- the whole French-speaking world


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Des affrontements ont éclaté lundi à Bangui, en Centrafrique.", "Bangui", "Central African Republic"),
        ("Boko Haram a attaqué le village de Kolofata, dans l'Extrême-Nord du Cameroun.", "Kolofata", "Cameroon"),
        ("Des hommes armés ont incendié des maisons à Masisi, au Nord-Kivu, en RDC.", "Masisi",
         "Democratic Republic of Congo"),
        ("Des gangs ont attaqué le quartier de Carrefour, à Port-au-Prince, en Haïti.", "Port-au-Prince", "Haiti"),
        ("Les insurgés ont pris Mocímboa da Praia, dans le nord du Mozambique.", "Mocímboa da Praia", "Mozambique"),
    ],
)
def test_places_of_every_country(geocoder: Geocoder, text: str, name: str, country: str) -> None:
    found = {m.text: m.place.country for m in geocoder.find(text).mentions}
    assert found.get(name) == country, found


def test_a_village_abroad_is_no_false_friend(geocoder: Geocoder) -> None:
    # villages are read only in the article's countries: Amani, Attack or Bénin elsewhere never match
    found = geocoder.find("Selon Amani, le porte-parole, l'armée malienne a repoussé une attaque près de Gao.")
    assert [(m.text, m.place.country) for m in found.mentions] == [("Gao", "Mali")]


def test_an_outlet_named_after_a_country_says_nothing_of_where(geocoder: Geocoder) -> None:
    text = "Des combats ont opposé l'armée aux jihadistes près de Djibo, a appris l'Agence France-Presse."
    assert geocoder.article_countries(text) == ["Burkina Faso"]


def test_geocode_explains_its_choice(geocoder: Geocoder) -> None:
    answer = geocoder.geocode("Baghouz", "SY").to_dict()
    assert (answer["name"], answer["country"], answer["admin1"]) == ("Baghuz", "Syria", "Deir ez-Zor")
    assert answer["candidates"] and "candidate" in str(answer["why"])
    assert geocoder.geocode("Nullepartville", "ML").chosen is None


# -- false friends: people, parts of country names, common words ---------------------------------------


def test_a_persons_surname_is_no_place_and_no_vote_for_a_country(geocoder: Geocoder) -> None:
    text = "Notre correspondant à Conakry, Mouctar Bah, a vu les manifestants."
    person = text.index("Mouctar Bah")
    result = geocoder.find(text, persons=[(person, person + len("Mouctar Bah"))])
    assert result.countries == ["Guinea"]
    assert [m.text for m in result.mentions] == ["Conakry"]


def test_half_of_a_hyphenated_given_name_is_no_town(geocoder: Geocoder) -> None:
    # Gien (France) is also spelled "Jean", Marck (France) is "Marc": neither is meant in a minister's name
    text = "En France, le ministre Jean-Marc Durand a confirmé des combats près de Gao, au Mali."
    person = text.index("Jean-Marc Durand")
    result = geocoder.find(text, persons=[(person, person + len("Jean-Marc Durand"))])
    assert [m.text for m in result.mentions] == ["Gao"]


def test_a_word_of_a_persons_full_name_is_no_town_however_large(geocoder: Geocoder) -> None:
    # Mechelen (Belgium) is also "Michel", Amiens (France) folds like "Amini": a first name or a surname here
    for text, person in [
        ("À Bruxelles, en Belgique, le président du Conseil européen Charles Michel a reçu les deux dirigeants.",
         "Charles Michel"),
        ("À Paris, en France, des exilés ont rendu hommage à Mahsa Amini devant l'ambassade.", "Mahsa Amini"),
    ]:
        start = text.index(person)
        result = geocoder.find(text, persons=[(start, start + len(person))])
        assert [m.text for m in result.mentions] == [text.split(",")[0].removeprefix("À ")]


def test_a_word_after_an_article_is_no_short_form_of_a_towns_name(geocoder: Geocoder) -> None:
    # Champs-sur-Marne is also called Champs: "les Champs" is the avenue in Paris, a common noun's plural elsewhere
    text = "Les manifestants ont défilé sur les Champs samedi, à Paris, en France."
    assert [m.text for m in geocoder.find(text).mentions] == ["Paris"]


def test_a_town_that_opens_a_districts_longer_name_is_no_place(geocoder: Geocoder) -> None:
    # Konduga is a town 35 km from Maiduguri: "Konduga Garage" is a district's name, in the city the text names
    text = "Deux kamikazes se sont fait exploser dans le quartier de Konduga Garage à Maiduguri, au Nigeria."
    assert [m.text for m in geocoder.find(text).mentions] == ["Maiduguri"]
    # a compass word after it is no part of a name
    text = "Des tirs ont visé le quartier de Konduga Nord, au Nigeria."
    assert [m.text for m in geocoder.find(text).mentions] == ["Konduga"]


def test_a_function_word_that_opens_a_sentence_is_no_town(geocoder: Geocoder) -> None:
    # "Cet" folds like Sète, "Celle" like Celle (Germany), "Serait" like Sirte
    text = ("Des réfugiés sont arrivés à Marseille, en France. Cet accueil a été préparé par la mairie. "
            "Celle-ci a ouvert un gymnase.")
    assert [m.text for m in geocoder.find(text).mentions] == ["Marseille"]


def test_a_sentences_first_word_spelt_as_no_place_is_no_town(geocoder: Geocoder) -> None:
    # "Bien" folds like a name of Attalla (Alabama), spelt otherwise; "Alep" is Aleppo's French name, spelt so
    text = ("Aux États-Unis, à Houston, des manifestants ont défilé. Bien que la police soit intervenue, la foule "
            "est restée. Alep, en Syrie, a été bombardée.")
    assert [m.text for m in geocoder.find(text).mentions] == ["Houston", "Alep"]


def test_a_parsers_span_on_an_acronym_is_no_town(geocoder: Geocoder) -> None:
    # the parser may tag "(MANUA)" as a place: the acronym rule of the scan holds for its spans too (Manoa, Hawaii)
    text = "La mission de l'ONU en Afghanistan (MANUA) et les États-Unis ont condamné l'attentat de Kaboul."
    start = text.index("MANUA")
    result = geocoder.find(text, candidates=[(start, start + len("MANUA"))])
    assert [m.text for m in result.mentions] == ["Kaboul"]


def test_words_of_a_country_name_are_not_villages(geocoder: Geocoder) -> None:
    result = geocoder.find("Des soldats ont été tués au Burkina Faso et en Côte d'Ivoire.")
    assert result.mentions == []


@pytest.mark.parametrize(("text", "country"), [
    ("En Cisjordanie, des colons ont incendié des voitures à Jénine.", "Palestine"),
    ("Au Congo, des miliciens ont attaqué un train près de Kinkala.", "Republic of Congo"),  # no village Koungou
    ("Au Congo RDC, des rebelles ont attaqué le village de Kibumba.", "Democratic Republic of Congo"),
])
def test_a_countrys_french_names_make_its_places_the_articles(geocoder: Geocoder, text: str, country: str) -> None:
    result = geocoder.find(text)
    assert result.countries[:1] == [country]
    assert [m.place.country for m in result.mentions] == [country]


def test_a_lower_case_word_is_not_a_country_name(geocoder: Geocoder) -> None:
    # "grenade" (the weapon) is not Grenade (Grenada)
    assert geocoder.find("Une grenade a explosé à Bujumbura.").countries == ["Burundi"]


def test_a_short_name_has_no_near_miss_spelling_abroad(geocoder: Geocoder) -> None:
    text = "L'armée égyptienne a lancé une opération dans le Sinaï."
    start = text.index("Sinaï")
    result = geocoder.find(text, candidates=[(start, start + len("Sinaï"))])
    assert all(m.place.country == "Egypt" for m in result.mentions)


def test_a_province_is_found_without_its_english_unit_word(geocoder: Geocoder) -> None:
    result = geocoder.find("Les insurgés ont attaqué dans la province de Cabo Delgado, au Mozambique.")
    assert [(m.place.name, m.precision) for m in result.mentions] == [("Cabo Delgado Province", 3)]


def test_an_organisations_acronym_is_no_place_but_a_dateline_is(geocoder: Geocoder) -> None:
    assert geocoder.find("Selon la MANUA, les frappes ont tué dix civils en Afghanistan.").mentions == []
    dateline = geocoder.find("BAMAKO - Des jihadistes ont attaqué un poste de l'armée malienne.")
    assert [m.place.name for m in dateline.mentions] == ["Bamako"]


def test_a_province_cue_may_carry_an_adjective(geocoder: Geocoder) -> None:
    result = geocoder.find("Des journalistes ont été arrêtés samedi dans la province chinoise du Yunnan.")
    assert [(m.place.feature, m.precision) for m in result.mentions] == [("admin1", 3)]


def test_without_a_named_country_the_places_found_say_where(geocoder: Geocoder) -> None:
    result = geocoder.find("L'armée a repris la ville de Gao dans la région de Gao.")
    assert result.countries == ["Mali"]


def test_of_several_towns_of_one_name_the_one_that_names_its_district_is_meant(geocoder: Geocoder) -> None:
    result = geocoder.find("Des combats ont opposé lundi l'armée aux shebab à Qardho, en Somalie.")
    assert [m.place.admin1 for m in result.mentions if m.text == "Qardho"] == ["Bari"]


def test_half_of_an_unknown_hyphenated_name_is_no_village(geocoder: Geocoder) -> None:
    # a made-up name
    text = "Des hommes armés ont attaqué le village de Wanzam-Bangou, dans la région de Tillabéri, au Niger."
    assert [m.place.feature for m in geocoder.find(text).mentions] == ["admin1"]


@pytest.mark.parametrize(
    "text",
    [
        "Quelque 200 personnes ont manifesté samedi près de l'Élysée, à Paris.",
        "Le Kremlin a démenti toute implication dans l'attaque de Belgorod, en Russie.",
    ],
)
def test_a_seat_of_government_named_for_it_is_no_town(geocoder: Geocoder, text: str) -> None:
    names = {m.text for m in geocoder.find(text).mentions}
    assert not names & {"Élysée", "Kremlin"}, names


def test_what_a_province_cue_names_is_no_city_abroad(geocoder: Geocoder) -> None:
    # the province is missing from the gazetteer; Samara (Russia), a city of a million, must not stand in for it
    text = "Aux Philippines, une patrouille est tombée dans une embuscade dans la province de Samar."
    assert [m.place.country for m in geocoder.find(text).mentions] == []


def test_a_sea_is_not_the_town_its_adjective_spells(geocoder: Geocoder) -> None:
    text = "Un cargo a été touché par un missile en mer Rouge, puis un autre en mer Noire."
    assert geocoder.find(text).mentions == []


def test_a_firebomb_is_not_the_town_once_named_like_it(geocoder: Geocoder) -> None:
    text = "Les émeutiers ont riposté avec des pierres et des cocktails Molotov lundi à Caracas."
    assert [m.place.name for m in geocoder.find(text).mentions] == ["Caracas"]


def test_half_of_an_unknown_hyphenated_name_is_not_half_of_another_one(geocoder: Geocoder) -> None:
    text = "Des heurts ont éclaté samedi sur les Champs-Élysées, à Paris, entre manifestants et policiers."
    assert [m.place.name for m in geocoder.find(text).mentions] == ["Paris"]


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("L'armée a mené une opération dans le Nord-Sinaï, en Égypte.", "North Sinai"),
        ("Des combats ont éclaté dans le Sud-Kordofan, au Soudan.", "Southern Kordofan"),
        ("Les villages du Darfour du Nord ont été pillés, au Soudan.", "Northern Darfur"),
        ("Des combats ont éclaté au Darfour-Nord, au Soudan.", "Northern Darfur"),  # the word after, hyphenated
        ("Boko Haram a frappé dans l'Extrême-Nord du Cameroun.", "Far North"),
    ],
)
def test_a_province_named_with_a_french_compass_word(geocoder: Geocoder, text: str, admin1: str) -> None:
    result = geocoder.find(text)
    assert [(m.place.admin1, m.precision) for m in result.mentions if m.place.feature == "admin1"] == [(admin1, 3)]


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Des séparatistes ont attaqué un poste de gendarmerie dans la région de l'Ouest, au Cameroun.", "West"),
        ("Au Cameroun, des soldats ont été tués dans la région du Nord-Ouest anglophone.", "North-West"),
        ("Des soldats camerounais ont été tués dans la région du Sud, au Cameroun.", "South"),
        ("Au Burkina Faso, un camp a été démantelé dans la région de l'Est.", "Est"),
    ],
)
def test_a_compass_word_after_a_unit_noun_is_a_province(geocoder: Geocoder, text: str, admin1: str) -> None:
    result = geocoder.find(text)
    assert [(m.place.admin1, m.precision) for m in result.mentions] == [(admin1, 3)]


def test_a_bare_compass_word_is_no_province(geocoder: Geocoder) -> None:
    assert geocoder.find("L'armée a repoussé une attaque dans l'Ouest du Cameroun.").mentions == []


def test_a_lone_namesake_told_twice_makes_no_second_country(geocoder: Geocoder) -> None:
    text = ("Des miliciens ont tué douze civils à Djugu, dans l'Ituri. Les survivants ont fui vers la plaine Savo, "
            "puis la plaine Savo a été vidée de ses habitants.")
    assert geocoder.article_countries(text) == ["Democratic Republic of Congo"]
    assert {m.place.country for m in geocoder.find(text).mentions} == {"Democratic Republic of Congo"}


def test_the_head_of_a_longer_unknown_name_is_no_vote_for_a_country(geocoder: Geocoder) -> None:
    text = ("Des civils ont fui les combats près de Bunia, en Ituri, vers des refuges à Iga Barrière. "
            "Les déplacés d'Iga Barrière manquent de tout.")
    assert "Japan" not in geocoder.article_countries(text)
    assert "Japan" not in {m.place.country for m in geocoder.find(text).mentions}


def test_two_distinct_lone_places_still_make_a_country() -> None:
    def lone(key: str, country: str) -> Match:
        place = Place(key, 0.0, 0.0, country, geonameid=key)
        return Match(0, 1, key, [place], frozenset({key}))

    matches = [lone("a", "Mali"), lone("b", "Niger"), lone("b", "Niger"), lone("c", "Niger"), lone("a", "Mali")]
    # Niger: two distinct lone places rank it; Mali: one namesake told twice does not
    assert rank_countries(Counter({"Chad": 3}), Counter(), matches) == ["Chad", "Niger"]


def test_a_district_that_bears_its_provinces_name_is_the_province(geocoder: Geocoder) -> None:
    result = geocoder.find("Des rebelles ont attaqué plusieurs villages dans le Nord-Kivu, en RDC.")
    assert [(m.place.feature, m.precision) for m in result.mentions] == [("admin1", 3)]


def test_a_name_after_a_determiner_is_no_far_city(geocoder: Geocoder) -> None:
    # "la Médina" of Dakar is a quarter, not Medina in Saudi Arabia
    text = "À la Médina, à Dakar, au Sénégal, des jeunes ont affronté la police."
    start = text.index("Médina")
    result = geocoder.find(text, candidates=[(start, start + len("Médina"))])  # the parser calls it a place
    assert "Saudi Arabia" not in {m.place.country for m in result.mentions}


def test_n_apostrophe_before_a_capital_is_part_of_the_name(geocoder: Geocoder) -> None:
    # "n'" is the negation before a verb, but before a capital it begins a name (N'Djamena, N'Gourma)
    text = "Le convoi n'a pas pu quitter Fada N'Gourma, dans l'est du Burkina Faso, vendredi."
    found = [(m.text, m.place.country) for m in geocoder.find(text).mentions]
    assert found == [("Fada N'Gourma", "Burkina Faso")]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a vowel apart is a spelling of the same name
        ("Des tirs ont visé un poste de police à Vladicaucase, en Russie, dans la nuit.", "Vladicaucase",
         "Vladikavkaz"),
        # a consonant more or less is another name: the Brussels commune (the press's short name) is not Manbij
        ("La police a perquisitionné un appartement à Molenbeek mardi.", "Molenbeek", "Molenbeek-Saint-Jean"),
    ],
)
def test_a_near_miss_spelling_differs_only_in_its_vowels(geocoder: Geocoder, text: str, name: str,
                                                         expected: str | None) -> None:
    start = text.index(name)
    result = geocoder.find(text, candidates=[(start, start + len(name))])
    assert [m.place.name for m in result.mentions if m.text == name] == ([expected] if expected else [])


def test_a_near_miss_village_alone_is_not_trusted(geocoder: Geocoder) -> None:
    # nothing else in the sentence to check it against: a village one letter apart is another village
    text = "Des hommes armés ont incendié le village de Kouloubadiéni, au Mali, selon des élus locaux."
    result = geocoder.find(text)
    assert [m for m in result.mentions if m.text == "Kouloubadiéni"] == []
    assert any(name == "Kouloubadiéni" for _, _, name in result.unresolved)


# -- where a story's named groups operate ------------------------------------------------------------


def test_a_groups_reach_finds_villages_across_the_border_without_making_the_country(geocoder: Geocoder) -> None:
    text = "Dans la nuit de dimanche, des hommes de Boko Haram ont incendié le village de Kolofata."
    reach = ("Nigeria", "Cameroon", "Chad", "Niger")
    result = geocoder.find(text, votes=Counter({"Nigeria": 1}), reach=reach)
    assert [(m.text, m.place.country) for m in result.mentions] == [("Kolofata", "Cameroon")]
    # the story's country, which names the army, is still the one its words give
    assert result.countries == ["Nigeria"]
    assert result.reach == ["Cameroon", "Chad", "Niger"]
    # without the group, a village of the Cameroonian tables is not searched
    assert geocoder.find(text, votes=Counter({"Nigeria": 1})).mentions == []


def test_geocode_searches_where_the_contexts_groups_operate(geocoder: Geocoder) -> None:
    context = "Selon un élu local, les jihadistes de Boko Haram ont encore frappé Fotokol mardi."
    chosen = geocoder.geocode("Fotokol", context=context).chosen
    assert chosen is not None and chosen.place.country == "Cameroon"
    assert geocoder.geocode("Fotokol", context="Des hommes armés ont encore frappé Fotokol mardi.").chosen is None


def test_the_first_half_of_a_hyphenated_name_is_rather_the_place_that_bears_it_whole(geocoder: Geocoder) -> None:
    # GeoNames gives Dibaya-Lubwe (Kwilu, 55,000 people) the alias "Dibaya"; the town called Dibaya lies 400 km east
    context = "Des miliciens ont incendié des maisons à Dibaya, en RDC, selon un député."
    chosen = geocoder.geocode("Dibaya", context=context).chosen
    assert chosen is not None and chosen.place.name == "Dibaya" and chosen.place.feature == "city"
    # a unit word after the name is no second half: "Marawi" is still Marawi City
    chosen = geocoder.geocode("Marawi", context="Des combats ont éclaté à Marawi, aux Philippines.").chosen
    assert chosen is not None and chosen.place.name == "Marawi City"


def test_a_country_named_with_its_article_is_the_country(geocoder: Geocoder) -> None:
    # GeoNames also calls Larose (Louisiana) "La Russie"
    text = "Aux États-Unis, à Houston, des manifestants ont défilé. La Russie a dénoncé une provocation."
    assert [m.text for m in geocoder.find(text).mentions] == ["Houston"]


def test_a_name_joined_where_the_gazetteer_splits_it_is_that_place(geocoder: Geocoder) -> None:
    # the tables spell Panglong's other name "Mong Ko"; a dispatch writes it in one word
    text = "Des combats ont éclaté jeudi près de Mongko, dans l'État Shan, en Birmanie, selon des habitants."
    start = text.index("Mongko")
    result = geocoder.find(text, candidates=[(start, start + len("Mongko"))])
    mongko = next(m for m in result.mentions if m.text == "Mongko")
    assert (mongko.place.name, mongko.place.country) == ("Panglong", "Myanmar")


@pytest.mark.parametrize("phrase", ["à Ngan-Ha", "dans l'arrondissement de Ngan-Ha"])
def test_a_name_split_where_the_gazetteer_joins_it_outranks_the_part_it_holds(geocoder: Geocoder, phrase: str) -> None:
    # the tables hold Nganha (Adamaoua) in one word, and a "Ngan" elsewhere; the parser's span may open on the
    # place noun ("arrondissement de Ngan-Ha")
    text = f"Au Cameroun, des éleveurs ont été enlevés samedi {phrase}, selon la gendarmerie."
    start = text.index(phrase)
    result = geocoder.find(text, candidates=[(start, start + len(phrase))])
    assert [(m.text, m.place.name, m.place.admin1) for m in result.mentions if m.place.country == "Cameroon"] == [
        ("Ngan-Ha", "Nganha", "Adamaoua")]


@pytest.mark.parametrize(
    "text",
    [
        "Un incendie a touché un dépôt de la compagnie pétrolière saoudienne Aramco, en Arabie saoudite.",
        "Selon la chaîne Al-Mayadine, des combats ont eu lieu près de Homs, en Syrie.",
    ],
)
def test_a_name_after_an_organisations_kind_is_no_place(geocoder: Geocoder, text: str) -> None:
    names = [m.text for m in geocoder.find(text).mentions]
    assert "Aramco" not in names and "Al-Mayadine" not in names


def test_a_place_after_a_firm_and_a_preposition_is_a_place(geocoder: Geocoder) -> None:
    assert [m.text for m in geocoder.find("Une entreprise de Gao a été pillée, au Mali.").mentions][:1] == ["Gao"]


def test_a_name_after_a_place_noun_is_a_place_though_the_parser_saw_a_person(geocoder: Geocoder) -> None:
    text = "Au Niger, dix soldats ont été tués lors d'une attaque contre le poste de Tillia."
    start = text.index("Tillia")
    found = geocoder.find(text, persons=[(start, start + len("Tillia"))]).mentions
    assert [(m.text, m.place.country) for m in found] == [("Tillia", "Niger")]
    alone = "Au Niger, l'officier Tillia a parlé."  # no place noun before it: the person stays a person
    start = alone.index("Tillia")
    assert geocoder.find(alone, persons=[(start, start + len("Tillia"))]).mentions == []


# Places added to the curated supplement because conflict news names them and the gazetteer lacked them
# (Port-au-Prince communes, Sahel villages and camps) or lacked the spelling the news uses.
@pytest.mark.parametrize(
    ("text", "name", "place", "country", "admin1"),
    [
        ("En Haïti, des gangs se sont affrontés toute la nuit à Cité Soleil.", "Cité Soleil", "Cité Soleil",
         "Haiti", "Ouest"),
        ("En Haïti, la police a repoussé des bandits armés dans la commune de Tabarre.", "Tabarre", "Tabarre",
         "Haiti", "Ouest"),
        ("En Haïti, des hommes armés ont incendié des maisons à Canaan, au nord de la capitale.", "Canaan",
         "Canaan", "Haiti", "Ouest"),
        ("En Haïti, des habitants de Ganthier ont fui après l'attaque d'un gang.", "Ganthier", "Ganthier",
         "Haiti", "Ouest"),
        ("Au Mali, un camp militaire a été visé par des tirs d'obus à Gossi.", "Gossi", "Gossi", "Mali",
         "Tombouctou"),
        ("Au Mali, des combats ont opposé deux groupes armés près de Talataye.", "Talataye", "Talataye", "Mali",
         "Gao"),
        ("Au Mali, le poste de l'armée à Indelimane a été attaqué vendredi.", "Indelimane", "Indelimane", "Mali",
         "Gao"),
        ("Au Mali, des miliciens ont tué des éleveurs dans le village d'Ogossagou.", "Ogossagou", "Ogossagou",
         "Mali", "Mopti"),
        ("Au Niger, des villageois ont été tués dans la commune d'Anzourou.", "Anzourou", "Anzourou", "Niger",
         "Tillaberi"),
        ("Au Soudan, des obus sont tombés sur le camp de déplacés de Zamzam.", "Zamzam", "Zamzam camp", "Sudan",
         "Northern Darfur"),
        ("En Syrie, l'armée a bombardé le quartier de Baba Amr.", "Baba Amr", "Baba Amr", "Syria", "Homs"),
        ("Au Sénégal, des manifestants ont affronté la police à Grand-Yoff.", "Grand-Yoff", "Grand Yoff",
         "Senegal", "Dakar"),
        ("En Somalie, les shebab ont attaqué la base de Hawadley.", "Hawadley", "Xawaadley", "Somalia",
         "Shabeellaha Dhexe"),
        ("En Jordanie, des hommes armés ont ouvert le feu à Qtraneh.", "Qtraneh", "Al Qaţrānah", "Jordan", "Karak"),
        ("En Russie, un drone a frappé une maison près de Hraïvoron.", "Hraïvoron", "Grayvoron", "Russia",
         "Belgorod"),
        ("Au Maroc, des jeunes ont manifesté dans la commune de Laroui.", "Laroui", "Al Aaroui", "Morocco",
         "Oriental"),
        ("Au Mali, le camp militaire de Boulkessi, près de la frontière burkinabè, a été attaqué à l'aube.",
         "Boulkessi", "Boulkessi", "Mali", "Mopti"),
        ("En Haïti, des tirs nourris ont été entendus toute la nuit à Martissant, au sud de la capitale.",
         "Martissant", "Martissant", "Haiti", "Ouest"),
    ],
)
def test_a_curated_conflict_place_resolves(geocoder: Geocoder, text: str, name: str, place: str, country: str,
                                           admin1: str) -> None:
    found = [(m.text, m.place.name, m.place.country, m.place.admin1) for m in geocoder.find(text).mentions]
    assert (name, place, country, admin1) in found


def test_solhan_is_at_its_geonames_point(geocoder: Geocoder) -> None:
    # GeoNames 2356040 'Solna' (alternate name Solhan), 13.382 N 0.454 E; the curated point once lay 45 km west
    text = "Au Burkina Faso, des hommes armés ont tué des villageois à Solhan."
    found = [m.place for m in geocoder.find(text).mentions if m.place.name == "Solhan"]
    assert found and abs(found[0].latitude - 13.382) < 0.05 and abs(found[0].longitude - 0.454) < 0.05


def test_a_neighbourhood_of_port_au_prince_is_not_the_commune_it_begins_like(geocoder: Geocoder) -> None:
    # Carrefour-Feuilles is a neighbourhood of the Port-au-Prince commune, not the commune of Carrefour
    text = "En Haïti, des gangs ont chassé des centaines d'habitants de Carrefour-Feuilles, à Port-au-Prince."
    found = [(m.text, m.place.name) for m in geocoder.find(text).mentions]
    assert ("Carrefour-Feuilles", "Carrefour-Feuilles") in found
    assert all(name != "Carrefour" for _, name in found)


def test_arcahaie_is_the_commune_of_the_ouest_not_its_namesake_hamlet(geocoder: Geocoder) -> None:
    # GeoNames holds two Arcahaie: the commune of the Ouest (130,000 people) and a hamlet of the Nord-Ouest
    text = "En Haïti, la police a repris Port-de-Paix, dans le Nord-Ouest; à Arcahaie, des gangs ont tué trois paysans."
    found = [(m.text, m.place.admin1, m.place.population) for m in geocoder.find(text).mentions]
    assert ("Arcahaie", "Ouest", 130306) in found


def test_soleil_is_a_word_not_the_villages_called_sun(geocoder: Geocoder) -> None:
    # Who's On First lists "Soleil" among the names of villages called Sun (a translation, not a name)
    text = "En Turquie, sous un soleil de plomb, des soldats ont patrouillé près de Soleil, selon Ankara."
    assert [m.place.name for m in geocoder.find(text).mentions] == ["Ankara"]
    haiti = geocoder.find("En Haïti, le Soleil se couchait sur Cité Soleil quand les tirs ont repris.")
    assert [(m.text, m.place.name, m.place.admin1) for m in haiti.mentions] == [("Cité Soleil", "Cité Soleil", "Ouest")]


@pytest.mark.parametrize(
    ("text", "name", "town"),
    [
        ("Une frappe israélienne a tué cinq personnes à Khan Younès, selon la défense civile.", "Khan Younès",
         "Khān Yūnis"),
        ("L'armée israélienne a bombardé une école à Deir el-Balah dans la nuit.", "Deir el-Balah", "Dayr al Balaḩ"),
        ("Des chars israéliens ont tiré sur des maisons à Jabaliya, selon des témoins.", "Jabaliya", "Jabālyā"),
        ("Un tir israélien a tué deux secouristes à Beit Lahia, selon les secours.", "Beit Lahia", "Bayt Lāhyā"),
    ],
)
def test_a_gaza_town_in_its_press_spelling_votes_for_palestine(geocoder: Geocoder, text: str, name: str,
                                                               town: str) -> None:
    # the actor votes for Israel and no word names Palestine: only the town's own spelling can place it
    found = geocoder.find(text, votes=Counter({"Israel": 1}))
    assert (name, town, "Palestine") in [(m.text, m.place.name, m.place.country) for m in found.mentions]


@pytest.mark.parametrize(
    ("matched", "skip", "word", "capitalised"),
    [
        ("d'Alep", 2, "Alep", True),  # an elision is cut off the name it precedes
        ("l’armée", 2, "armée", False),
        ("N'Djamena", 0, "N'Djamena", True),  # n' before a capital opens an African name
        ("aujourd'hui", 0, "aujourd'hui", False),  # "aujourd" is no elision
        ("Gao", 0, "Gao", True),
    ],
)
def test_a_matched_word_gives_its_token_fields(matched: str, skip: int, word: str, capitalised: bool) -> None:
    from veilleur.resolve.places.keys import tokenize, word_fields, word_key

    assert word_fields(matched) == (skip, word, word_key(word), capitalised)
    text = f"Des tirs ont visé {matched} lundi."
    token = tokenize(text)[4]
    assert (token.start, token.text) == (text.index(matched) + skip, word)


def test_a_village_met_through_its_key_alone_far_from_the_texts_places_is_not_it(geocoder: Geocoder) -> None:
    # "Tayer" folds to the key of Tar (a village of another province whose GeoNames aliases include "Teer"):
    # far from the Mora the text names, spelt otherwise, it is an unknown village, left unresolved
    text = ("Des hommes armés ont pillé mardi des maisons dans le village de Tayer. Plus tôt, un commerçant avait "
            "été tué à Mora, dans l'Extrême-Nord du Cameroun.")
    result = geocoder.find(text)
    assert [m.place.name for m in result.mentions if m.text == "Tayer"] == []
    assert any(name == "Tayer" for _, _, name in result.unresolved)
    assert [m.place.name for m in result.mentions if m.text == "Mora"] == ["Mora"]


def test_a_village_spelt_a_letter_apart_is_kept_however_far(geocoder: Geocoder) -> None:
    # "Tin Zaouatine" is Tin-Zaouatene transliterated another way, 500 km from Goundam and in another region
    text = ("Des drones ont visé le camp de Goundam en septembre. En juillet, les rebelles avaient battu l'armée à "
            "Tin Zaouatine, dans le nord du Mali.")
    result = geocoder.find(text)
    assert [m.place.admin1 for m in result.mentions if m.text == "Tin Zaouatine"] == ["Kidal"]


def test_a_town_said_to_lie_in_an_area_far_from_it_is_a_namesake_elsewhere(geocoder: Geocoder) -> None:
    # GeoNames' Malhār lies in Chhattisgarh, 1,400 km from the Jammu the text puts it in: the Jammu one is unknown
    text = "Selon la police indienne, des rebelles ont ouvert le feu sur une patrouille à Malhar, dans le Jammu."
    result = geocoder.find(text)
    assert [m.place.name for m in result.mentions] == ["Jammu"]
    assert any(name == "Malhar" for _, _, name in result.unresolved)
    # a comma alone lists two towns, however far apart
    listed = geocoder.find("Des manifestations ont eu lieu à Gao, Tombouctou et Kidal, au Mali.")
    assert [m.place.name for m in listed.mentions] == ["Gao", "Timbuktu", "Kidal"]


def test_half_of_an_unknown_hyphenated_name_far_from_the_texts_places_is_not_that_town(geocoder: Geocoder) -> None:
    # "Ceel" is a spelling of Eyl, 900 km away in Puntland: "Ceel-salini", next to Qoryoley, is another place
    text = ("En Somalie, des combattants shebab ont visé mardi un camp de l'armée à Ceel-salini, puis un autre à "
            "Qoryoley.")
    result = geocoder.find(text)
    assert [m.place.name for m in result.mentions] == ["Qoryooley"]
    # half of a road's hyphenated ends near the text's other places is still read ("l'axe Mora-Waza")
    pair = geocoder.find("Des hommes armés ont attaqué un car sur l'axe Mora-Waza, dans l'Extrême-Nord du Cameroun.")
    assert [m.place.name for m in pair.mentions][:1] == ["Mora"]


def test_bagan_in_myanmar_is_the_temple_town_not_its_russian_namesake(geocoder: Geocoder) -> None:
    # the GeoNames extracts hold Bagan only in Russia (Novosibirsk); the curated row places Myanmar's at Nyaung-U
    found = [m.place for m in geocoder.find("En Birmanie, la police a dispersé un cortège à Bagan.").mentions]
    assert [p.country for p in found if abs(p.latitude - 21.2) < 0.1] == ["Myanmar"]


def test_the_bahema_chiefdoms_of_ituri_are_in_djugu_territory(geocoder: Geocoder) -> None:
    # the extracts hold only a village Bahema in Tshopo, 780 km from the Hema chiefdoms of Djugu in Ituri
    found = [m.place for m in geocoder.find("En Ituri, des miliciens ont pillé des villages de Bahema Nord.").mentions]
    assert [(p.admin1, round(p.latitude)) for p in found if p.name.startswith("Bahema")] == [("Ituri", 2)]


def test_a_village_said_to_lie_in_a_place_of_another_country_is_a_namesake(geocoder: Geocoder) -> None:
    # "X à Y": the village lies in Y; the tables hold a Hilal Khel in Afghanistan only, far from Bajaur
    text = ("Au Pakistan, près de la frontière avec l'Afghanistan, deux soldats ont été tués lors d'un raid mené "
            "dans la région de Hilal Khel à Bajur.")
    result = geocoder.find(text)
    start = text.index("Hilal Khel")
    found = mention_at(result.mentions, start, start + len("Hilal Khel"))
    assert found is None or found.place.country == "Pakistan"
    bajaur = mention_at(result.mentions, text.index("Bajur"), text.index("Bajur") + 5)
    assert bajaur is not None and bajaur.place.country == "Pakistan"


def test_a_town_named_after_a_province_lies_in_it(geocoder: Geocoder) -> None:
    # GeoNames also calls Qir Moav (Maan governorate) "Al Karak": the seat of the Karak governorate is Karak City
    context = "Des hommes armés ont ouvert le feu dans la ville de Karak, en Jordanie."
    chosen = geocoder.geocode("Karak", context=context)
    assert chosen.chosen is not None and chosen.chosen.place.admin1 == "Karak"


@pytest.mark.parametrize(("name", "context", "admin1"), [
    # the press's short name of a Brussels commune, not the Flemish village Molenbeek-Wersbeek
    ("Molenbeek", "Les enquêteurs ont perquisitionné un appartement à Molenbeek, en Belgique.", "Brussels Capital"),
    # Ethiopia's historic provinces, now zones of Amhara, not a village Vulu in Oromiya
    ("Wollo", "Des miliciens ont tendu des embuscades à l'armée éthiopienne au Wollo.", "Amhara"),
    ("Godjam", "Des miliciens ont tendu des embuscades à l'armée éthiopienne au Godjam.", "Amhara"),
])
def test_names_the_press_gives_places_the_tables_knew_otherwise(geocoder: Geocoder, name: str, context: str,
                                                                 admin1: str) -> None:
    found = geocoder.geocode(name, context=context).chosen
    assert found is not None and found.place.admin1 == admin1


def test_the_first_word_of_an_unknown_arabic_name_is_no_village(geocoder: Geocoder) -> None:
    # "Karm al Zeitoun" is a quarter of Homs: its first word is not the village Al Karm of Tartus
    text = "Des obus sont tombés mardi sur les quartiers de Karm al Zeitoun et de Baba Amr, à Homs, en Syrie."
    start = text.index("Karm")
    for candidates in ([], [(start, start + 4)], [(start, start + len("Karm al Zeitoun"))]):
        result = geocoder.find(text, candidates=candidates)
        assert mention_at(result.mentions, start, start + 4) is None


def test_a_name_a_chain_settles_is_that_place_throughout_the_text(geocoder: Geocoder) -> None:
    # two villages of Centrafrique are called Sido; "à Sido, dans l'Ouham-Fafa" says which one the text means
    text = ("Des combattants déposent les armes à Sido, en Centrafrique. Lundi, cinquante anciens rebelles ont rendu "
            "leurs armes à Sido, dans l'Ouham-Fafa, selon les autorités.")
    sido = [m for m in geocoder.find(text).mentions if m.text == "Sido"]
    assert len(sido) == 2 and {m.place.admin1 for m in sido} == {"Ouham-Fafa"}


def test_a_town_of_the_extracts_takes_the_point_geonames_gives_it() -> None:
    # made-up towns: the extracts' point lies 7 km from GeoNames' for the same town; a namesake elsewhere does not count
    extracted = Place("Bourg", 20.20, 1.09, "Mali", "Kidal", feature="city", geonameid="wof:1")
    surveyed = Place("Bourg", 20.20, 1.02, "Mali", "Kidal", feature="village", geonameid="2")
    namesake = Place("Bourg", 14.5, -4.2, "Mali", "Mopti", feature="village", geonameid="3")
    moved = surveyed_point(extracted, [extracted, namesake, surveyed])
    assert (moved.name, moved.latitude, moved.longitude, moved.feature) == ("Bourg", 20.20, 1.02, "city")
    assert surveyed_point(extracted, [extracted, namesake]) == extracted
    assert surveyed_point(surveyed, [extracted, surveyed]) == surveyed  # GeoNames' own entries are left as they are
