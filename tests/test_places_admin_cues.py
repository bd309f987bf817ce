"""Administrative units below the province ("le territoire de", "le cercle de"...: ``data/place_cues.json``):
the unit's seat town, else the unit's own point, at precision 2; a unit known only as a province is the
province, precision 3; a same-named hamlet elsewhere is never meant. One sentence per noun, written for it."""

from __future__ import annotations

import pytest

from veilleur.datafiles import load_json
from veilleur.records import great_circle_km
from veilleur.resolve.places.cues import read_cue
from veilleur.resolve.places.geocoder import Geocoder


@pytest.fixture(scope="module")
def geocoder() -> Geocoder:
    return Geocoder()


# (sentence, name, latitude, longitude, precision): the seat town or the unit, within 25 km
SENTENCES = [
    ("Des assaillants ont incendié des cases dans le canton de Bonderi, au Cameroun.", "Bonderi", 11.35, 14.41, 2),
    ("Un poste de gendarmerie a été attaqué dans l'arrondissement de Mora, au Cameroun.", "Mora", 11.05, 14.14, 2),
    ("Des éleveurs ont été tués dans le département de Diffa, au Niger.", "Diffa", 13.32, 12.61, 2),
    ("Des miliciens ont pillé le groupement de Binza, au Nord-Kivu.", "Binza", -1.06, 28.99, 2),
    ("Des rebelles ont tué onze civils dans le territoire de Beni, en RDC.", "Beni", 0.49, 29.47, 2),
    ("Une mine a explosé dans le cercle de Tessalit, au Mali.", "Tessalit", 20.2, 1.01, 2),
    ("Des violences ont éclaté dans la préfecture de Kpendjal, au Togo.", "Kpendjal", 10.8, 0.6, 2),
    ("Des hommes armés ont attaqué la sous-préfecture de Bocaranga, en Centrafrique.", "Bocaranga", 6.99, 15.64, 2),
    ("Les insurgés ont occupé le district de Quissanga, au Mozambique.", "Quissanga", -12.43, 40.49, 2),
    ("Des soldats ont été tués dans le district de Maiwand en Afghanistan.", "Maiwand", 31.74, 65.14, 2),
    ("Une attaque a visé la chefferie de Rutshuru, au Nord-Kivu.", "Rutshuru", -1.19, 29.45, 2),
    ("Des combats ont eu lieu dans le secteur de Ruwenzori, au Nord-Kivu.", "Ruwenzori", 0.49, 29.85, 2),
    # a prefecture of the Central African Republic is a province: its capital (Sibut), precision 3
    ("Des violences ont été signalées dans la préfecture de Kémo, en Centrafrique.", "Kémo", 5.72, 19.07, 3),
]


def test_every_noun_has_a_sentence() -> None:
    nouns = set(load_json("place_cues.json")["area_nouns"])
    cued = {read_cue(text, text.index(name)).qualifier.split()[0] for text, name, *_ in SENTENCES}
    assert nouns <= cued, nouns - cued


@pytest.mark.parametrize(("text", "name", "latitude", "longitude", "precision"), SENTENCES)
def test_a_unit_is_its_seat_at_precision_2(geocoder: Geocoder, text: str, name: str, latitude: float,
                                           longitude: float, precision: int) -> None:
    found = next(m for m in geocoder.find(text).mentions if m.text == name)
    assert great_circle_km(found.place.latitude, found.place.longitude, latitude, longitude) <= 25, found.place
    assert found.precision == precision


def test_a_unit_is_not_a_same_named_hamlet_elsewhere(geocoder: Geocoder) -> None:
    # two villages are called Quissanga: the district's seat in Cabo Delgado, and a hamlet in Nampula
    found = geocoder.find("Des maisons ont brûlé dans le district de Quissanga, au Mozambique.").mentions[0]
    assert found.place.admin1.startswith("Cabo Delgado") and found.precision == 2


def test_a_commune_stays_a_town() -> None:
    assert read_cue("Une attaque dans la commune de Djibo.", 31).precision == 1


# -- administrative chains ---------------------------------------------------------------------------


def test_a_name_in_a_chain_lies_in_the_chains_province(geocoder: Geocoder) -> None:
    # the tables know a Bwito only as a hamlet of Kwilu, 1,000 km away: the chain says Nord-Kivu, so the
    # finest level it names there, the territory's seat, is the place (precision 2)
    text = "Des affrontements ont éclaté à Bwito, territoire de Rutshuru, province du Nord-Kivu, selon un élu."
    start = text.index("Bwito")
    result = geocoder.find(text, candidates=[(start, start + len("Bwito"))])
    bwito = next(m for m in result.mentions if m.text == "Bwito")
    assert (bwito.place.name, bwito.place.admin1, bwito.precision) == ("Rutshuru", "Nord-Kivu", 2)


@pytest.mark.parametrize("text", [
    "Trois cultivateurs ont été tués à Tudun Makera, village de l'État de Kaduna, dimanche.",
    "Un marché a été pillé à Tudun Makera (État de Kaduna) dimanche.",
])
def test_a_chain_after_a_name_known_only_in_part_says_where_it_lies(geocoder: Geocoder, text: str) -> None:
    # the tables hold a Tudun in Katsina, not Tudun Makera: the chain after the name's second word (behind a
    # comma and two unit nouns, or in brackets) puts it in Kaduna, where nothing finer is known
    mentions = geocoder.find(text).mentions
    assert mentions and {(m.place.admin1, m.precision) for m in mentions} == {("Kaduna", 3)}


def test_a_chain_after_a_list_places_every_member(geocoder: Geocoder) -> None:
    # Mali's tables hold a Bana in Kayes and one near Tombouctou, none in Gao: the chain after the list says Gao
    text = "Des jihadistes ont attaqué Bana, Kiro et Tessit, dans la région de Gao, mardi."
    bana = [m for m in geocoder.find(text).mentions if m.text == "Bana"]
    assert bana and all(m.place.admin1 == "Gao" for m in bana)


def test_a_name_known_inside_the_chains_province_keeps_its_own_place(geocoder: Geocoder) -> None:
    text = "Des tirs ont été entendus à Kiwanja, dans le territoire de Rutshuru, province du Nord-Kivu."
    kiwanja = next(m for m in geocoder.find(text).mentions if m.text == "Kiwanja")
    assert kiwanja.place.admin1 == "Nord-Kivu" and kiwanja.precision == 1


def test_a_name_in_a_chain_with_nothing_known_inside_the_province_is_the_province(geocoder: Geocoder) -> None:
    # Boma is a DR Congo port 2,000 km away; the chain puts this Boma in Chad's Lac province (precision 3)
    text = "Des soldats ont été tués dans l'attaque de leur position à Boma, dans la province du Lac, au Tchad."
    boma = next(m for m in geocoder.find(text).mentions if m.text == "Boma")
    assert (boma.place.name, boma.place.country, boma.precision) == ("Lac", "Chad", 3)


def test_a_chain_may_end_in_au(geocoder: Geocoder) -> None:
    # the tables know Malhar only in Chhattisgarh, 1,400 km away: "au Jammu-et-Cachemire" ends the chain
    text = "Des tirs ont visé une patrouille près de Malhar, dans le district de Kathua, au Jammu-et-Cachemire."
    malhar = next(m for m in geocoder.find(text).mentions if m.text == "Malhar")
    assert (malhar.place.name, malhar.place.admin1) == ("Kathua", "Jammu and Kashmir")


@pytest.mark.parametrize(("text", "definite"), [("des drones dans le Golan", True), ("des combats au Sahel", True),
                                                ("une attaque dans l'Ituri", True), ("une attaque à Golan", False),
                                                ("les habitants de Golan", False)])
def test_a_locative_definite_article_is_read_before_a_name(text: str, definite: bool) -> None:
    name = max(text.replace("'", " ").split(), key=lambda word: word[:1].isupper())
    assert read_cue(text, text.rindex(name)).definite is definite


def test_a_name_after_a_definite_article_is_an_area_not_a_hamlet(geocoder: Geocoder) -> None:
    # Iran has hamlets called Golān; "dans le Golan" names the area, as French names towns without an article
    text = "L'armée iranienne dit avoir visé des positions israéliennes dans le Golan, selon la presse d'Israël."
    golan = next(m for m in geocoder.find(text, country="Iran").mentions if m.text == "Golan")  # a story from Iran
    assert (golan.place.country, golan.place.feature) == ("Israel", "admin2")
    text = "Les gardiens de la révolution ont frappé à Golan, un village de la province d'Ilam, selon la télévision."
    assert next(m for m in geocoder.find(text).mentions if m.text == "Golan").place.country == "Iran"


def test_a_village_named_with_its_town_is_no_namesake_far_away(geocoder: Geocoder) -> None:
    # the tables hold a Lala only in Kongo-Central, 1,800 km from Djugu: that hamlet is not this site
    text = "Des miliciens ont attaqué le site de déplacés de Lala, à Djugu, la semaine dernière."
    result = geocoder.find(text)
    assert [(m.text, m.place.admin1) for m in result.mentions] == [("Djugu", "Ituri")]
    assert "Lala" in [name for _, _, name in result.unresolved]


def test_villages_listed_near_each_other_are_all_kept(geocoder: Geocoder) -> None:
    text = "Les jihadistes ont attaqué Tessit, Ansongo et Ménaka, au Mali."
    assert [m.text for m in geocoder.find(text).mentions][:3] == ["Tessit", "Ansongo", "Ménaka"]


@pytest.mark.parametrize(
    ("text", "province", "country"),
    [
        ("Des pêcheurs ont été enlevés dans la province du Lac, au Tchad.", "Lac", "Chad"),
        ("Des jihadistes ont attaqué un poste de police dans la région des Cascades.", "Cascades", "Burkina Faso"),
        ("Des hommes armés ont enlevé trois ouvriers dans l'État de Rivers, au Nigeria.", "Rivers", "Nigeria"),
    ],
)
def test_a_common_noun_that_a_unit_noun_names_is_a_province(geocoder: Geocoder, text: str, province: str,
                                                            country: str) -> None:
    assert [(m.place.name, m.place.country, m.precision) for m in geocoder.find(text).mentions] == [
        (province, country, 3)]


def test_a_common_noun_without_a_unit_noun_is_no_province(geocoder: Geocoder) -> None:
    assert geocoder.find("Le niveau du Lac a baissé et le Plateau est resté sec, au Tchad.").mentions == []


def test_a_large_city_known_by_its_french_name_is_no_village_of_the_usual_countries(geocoder: Geocoder) -> None:
    # "Bassora" is Basra's French name, and a village of Mozambique's own: with no country named, the city
    found = geocoder.find("Des manifestants ont incendié un bâtiment à Bassora.").mentions[0]
    assert found.place.country == "Iraq"


def test_a_city_spelt_in_french_as_a_smaller_namesake_abroad_is_the_city(geocoder: Geocoder) -> None:
    # "Alexandrie" is Alexandria's French name and Alessandria's (Italy) too: both spelt so, the larger wins
    found = geocoder.find("Une explosion a fait trois morts à Alexandrie.").mentions[0]
    assert (found.place.name, found.place.country) == ("Alexandria", "Egypt")


def test_a_sahel_camp_the_country_dump_files_apart_from_populated_places_is_a_village(geocoder: Geocoder) -> None:
    # GeoNames files Essakan (Burkina Faso), a gold diggers' settlement, as a camp (S.CMP), not a populated place
    found = geocoder.find("Des hommes armés ont attaqué le site d'Essakane, au Burkina Faso.").mentions
    assert [(m.place.name, m.place.country) for m in found if m.text == "Essakane"] == [("Essakan", "Burkina Faso")]


@pytest.mark.parametrize("text", [
    "Des soldats français ont été visés par un engin explosif à Gao.",
    "Un convoi de l'armée française a sauté sur une mine près de Gao.",
])
def test_a_cued_town_of_several_countries_outweighs_the_adjective_of_who_is_there(geocoder: Geocoder,
                                                                                  text: str) -> None:
    # Gao lies in Mali and in Burkina Faso: the adjective says whose soldiers, the town where they were hit
    found = [m for m in geocoder.find(text).mentions if m.text == "Gao"]
    assert [(m.place.name, m.place.country) for m in found] == [("Gao", "Mali")]
