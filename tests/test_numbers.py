"""French quantities and death tolls (codebook section 6).

All sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from veilleur.resolve.numbers import TollMention, find_death_tolls, fold_text, parse_quantity


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("dix-huit", 18),
        ("Dix huit", 18),
        ("vingt-et-un", 21),
        ("soixante et onze", 71),
        ("soixante-dix", 70),
        ("quatre-vingt-treize", 93),
        ("quatre-vingts", 80),
        ("cent", 100),
        ("deux cents", 200),
        ("deux cent mille", 200000),
        ("mille", 1000),
        ("un", 1),
        ("une", 1),
        ("une vingtaine", 20),
        ("une dizaine", 10),
        ("une quinzaine", 15),
        ("une centaine", 100),
        ("un millier", 1000),
        ("des dizaines", 12),
        ("plusieurs", 10),
        ("de nombreux", 10),
        ("un grand nombre de", 10),
        ("beaucoup", 10),
        ("des centaines", 100),
        ("des milliers", 1000),
        ("pas moins de 40", 40),
        ("au moins 40", 40),
        ("plus de 40", 40),
        ("près de 40", 40),
        ("environ 40", 40),
        ("jusqu'à 40", 40),
        ("plus d'une vingtaine", 20),
        ("30 à 40", 30),
        ("entre 30 et 40", 30),
        ("30-40", 30),
        ("trente à quarante", 30),
        ("100 000", 100000),
        ("100\u202f000", 100000),
        ("10.000", 10000),
        ("93'000", 93000),
        ("1,5 million", 1500000),
        ("3 millions", 3000000),
        ("42", 42),
    ],
)
def test_parse_quantity(phrase: str, expected: int) -> None:
    assert parse_quantity(phrase) == expected


@pytest.mark.parametrize("phrase", ["", "soldats", "la ville", "hier"])
def test_parse_quantity_rejects_non_quantities(phrase: str) -> None:
    assert parse_quantity(phrase) is None


def test_fold_text_keeps_length() -> None:
    text = "Aujourd’hui, 100\u202f000 déplacés à Raqqa"
    folded = fold_text(text)
    assert len(folded) == len(text)
    assert folded == "aujourd'hui, 100 000 deplaces a raqqa"


def tolls(text: str) -> list[tuple[int, str]]:
    return [(m.count, m.victims) for m in find_death_tolls(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'explosion a fait 14 morts au marché.", [(14, "")]),
        ("Le raid a fait trois morts et dix blessés.", [(3, "")]),
        ("Le raid a fait dix blessés et trois morts.", [(3, "")]),
        ("Un obus est tombé, tuant 6 personnes et en blessant 11 autres.", [(6, "personnes")]),
        ("Le sniper a tué deux soldats près du check-point.", [(2, "soldats")]),
        ("Dix-sept civils ont été tués dans le pilonnage.", [(17, "civils")]),
        ("Une trentaine d'insurgés ont péri dans l'assaut.", [(30, "insurgés")]),
        ("Trois gardes ont trouvé la mort.", [(3, "gardes")]),
        ("Deux journalistes ont perdu la vie.", [(2, "journalistes")]),
        ("Quatre officiers sont morts dans le crash.", [(4, "officiers")]),
        ("Neuf volontaires sont tombés au front.", [(9, "volontaires")]),
        ("Le tir a causé la mort de trois d'entre eux.", [(3, "")]),
        ("La roquette a provoqué la mort de deux de ses occupants.", [(2, "occupants")]),
        ("L'embuscade a coûté la vie à 8 gendarmes.", [(8, "gendarmes")]),
        ("L'embuscade a coûté la vie jeudi soir à 8 gendarmes.", [(8, "gendarmes")]),  # a time before the "à"
        ("Pas moins de 60 jihadistes de l'EI ont été éliminés.", [(60, "jihadistes")]),
        ("Cinq rebelles ont été neutralisés par l'aviation.", [(5, "rebelles")]),
        ("Les assaillants, au nombre de quatre, ont été abattus.", [(4, "assaillants")]),
        ("Vingt prisonniers ont été exécutés.", [(20, "prisonniers")]),
        ("Un bilan de 21 morts a été publié.", [(21, "")]),
        ("On compte 7 tués dans le camp.", [(7, "")]),
        ("L'attentat a fait 9 victimes et 40 blessés.", [(9, "")]),
        ("Les sauveteurs ont sorti 4 corps des décombres.", [(4, "")]),
        ("Tués : 13.", [(13, "")]),
        ("Des dizaines de villageois ont été massacrés.", [(12, "villageois")]),
        ("Les combats ont entraîné la mort de nombreux miliciens.", [(10, "miliciens")]),
        (
            "Un grand nombre de terroristes qui tentaient de franchir la rivière ont été éliminés.",
            [(10, "terroristes")],
        ),
        ("Les trois assaillants ont été tués par les gardes.", [(3, "assaillants")]),
        ("Six ouvriers travaillant sur le chantier du barrage ont été tués.", [(6, "ouvriers")]),
        ("Trois villageois ont été sauvagement abattus.", [(3, "villageois")]),
        ("Une femme et ses quatre enfants ont péri dans l'effondrement.", [(5, "enfants")]),
        ("Un milicien a été tué et deux autres blessés.", [(1, "milicien")]),
        ("La police a abattu un assaillant.", [(1, "assaillant")]),
        ("Plus de 3 400 combattants ont péri.", [(3400, "combattants")]),
        ("Entre 30 et 40 civils ont été tués.", [(30, "civils")]),
        # the number written out, then again in digits
        ("Trois (03) gendarmes ont été tués et deux (2) autres blessés.", [(3, "gendarmes")]),
        ("L'explosion a fait cinq (05) morts.", [(5, "")]),
        ("Le 21 mars, 12 soldats ont été tués.", [(12, "soldats")]),
        ("Une attaque contre un poste isolé tue cinq gardes.", [(5, "gardes")]),
        # an age is an aside, never the count
        ("Un berger de 19 ans a été tué près du puits.", [(1, "berger")]),
        ("Deux élèves, âgés de 12 et 14 ans, ont péri dans l'incendie.", [(2, "élèves")]),
        ("Un pêcheur d'une trentaine d'années a été tué sur la plage.", [(1, "pêcheur")]),
        ("Les échauffourées ont conduit aux morts de trois lycéens.", [(3, "lycéens")]),
        # an ordinal ranks one more dead, in words or in digits
        ("La fusillade a fait un 14e mort dans le quartier.", [(1, "")]),
        # a unit that "tombe" in an ambush is no count of dead
        ("Une patrouille de la garde nationale est tombée dans une embuscade.", []),
        ("Quatre membres d'une même famille ont été tués dans la frappe.", [(4, "membres")]),
        # counts joined by "et" died together; the wounded are not added
        ("Avec trois policiers et 12 soldats tués, le bilan est lourd.", [(15, "soldats")]),
        ("Le bilan fait état de dix blessés et deux morts.", [(2, "")]),
    ],
)
def test_death_tolls(text: str, expected: list[tuple[int, str]]) -> None:
    assert tolls(text) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Des insurgés ont décapité jeudi quatre paysans.", 4),
        ("Les ravisseurs ont égorgé deux otages.", 2),
        ("Des inconnus ont assassiné trois notables, selon la police.", 3),
        ("Les rebelles ont fusillé six prisonniers.", 6),
        ("Des jihadistes tuent neuf bergers près de Djibo.", 9),  # a headline's present
        ("Des hommes armés abattent deux agents de santé.", 2),
        # an army's communiqué: the perfect infinitive after a verb of saying
        ("L'armée affirme avoir neutralisé jeudi une trentaine de terroristes.", 30),
        ("La police dit avoir abattu deux évadés près de la prison.", 2),
        ("Des hommes armés ont exécuté sommairement cinq commerçants.", 5),  # an adverb after the verb
        ("Les assaillants ont froidement abattu trois gendarmes.", 3),  # an adverb before the participle
        # how they were killed, between the verb and its count
        ("Des hommes armés ont tué par balles trois fidèles lundi dans une église.", 3),
        ("Des inconnus ont abattu à bout portant deux policiers mardi.", 2),
        ("Des rebelles ont tué à la machette douze civils près de Beni.", 12),
    ],
)
def test_every_verb_of_killing_leads_a_toll(text: str, count: int) -> None:
    assert [c for c, _ in tolls(text)] == [count]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Trois gendarmes, un douanier et deux bergers ont été tués près du poste.", 6),
        # a person named by a definite singular noun opens the list: one more dead
        ("Le kamikaze, quatre agents des services de douane et deux jeunes passants ont été tués.", 7),
        ("Le chauffeur et deux passagers ont été tués dans l'embuscade.", 3),
        ("L'assaillant, deux policiers et trois civils ont été tués.", 6),
        ("Selon le policier, deux civils ont été tués.", 2),  # the source, not a conjunct
        ("Les assaillants ont tué deux instituteurs, un infirmier et trois élèves jeudi.", 6),
        ("L'obus a tué quatre fillettes et leur mère vendredi.", 4),  # "leur mère" is counted by no number
        ("Des bandits ont tué trois bergers et deux blessés ont été évacués.", 3),
        ("Dans un hameau et deux villages voisins, cinq paysans ont été tués.", 5),
        ("Dans de nombreuses villes du pays, deux manifestants et un policier ont été tués.", 3),
        # "ainsi que" adds to a closed list, not its wounded
        ("Deux policiers et cinq soldats ont été tués, ainsi qu'au moins quatre passants.", 11),
        ("Le raid a tué six combattants, ainsi que deux enfants, selon l'ONG.", 8),
        ("Neuf villageois sont morts dans l'assaut, ainsi que trois blessés graves.", 9),
        # the first count's noun takes a complement before the list goes on
        ("Des hommes armés ont attaqué un poste, tuant trois policiers de la brigade locale et un passant.", 4),
        ("En tout, trois policiers de la brigade spéciale du district et un passant ont été tués.", 4),
        # "une" after a preposition that opens the sentence is an article: the source is no conjunct
        ("Selon une source locale, six soldats et une dizaine d'assaillants ont été tués.", 16),
        ("D'après un élu, deux gendarmes et trois assaillants ont été tués mardi.", 5),
    ],
)
def test_listed_counts_add_up(text: str, count: int) -> None:
    assert [c for c, _ in tolls(text)] == [count]


@pytest.mark.parametrize(
    "text",
    [
        "Onze soldats ont été blessés.",
        "Vingt personnes ont été blessées par des éclats.",
        "Six véhicules détruits et 14 combattants capturés.",
        "L'ennemi a subi des pertes lourdes.",
        "Deux drones ont été abattus au-dessus de la base.",
        "Les démineurs ont neutralisé trois bombes artisanales.",  # weapons, not people
        "Un bilan de 12 blessés a été annoncé.",
        "Les 30 otages ont été libérés.",
        "Le fils d'une victime de 40 ans a témoigné.",
        "Le chef du village, tué trois jours plus tôt, a été inhumé samedi.",  # a time, not a count
    ],
)
def test_not_deaths(text: str) -> None:
    assert find_death_tolls(text) == []


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Les corps de sept soldats ont été retrouvés près du camp.", 7),
        ("Les cadavres de douze civils ont été découverts lundi dans la brousse.", 12),
        ("Les dépouilles de trois pêcheurs ont été repêchées dans le lac.", 3),
        ("La police a retrouvé les corps de deux policiers et trois passants.", 5),
        ("Les corps d'une vingtaine de villageois gisaient dans la rue.", 20),
    ],
)
def test_bodies_counted_after_their_noun(text: str, count: int) -> None:
    assert [c for c, _ in tolls(text)] == [count]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Les combats ont fait huit morts côté militaire et une trentaine parmi les assaillants.", 38),
        ("L'embuscade a fait onze morts parmi les soldats et quatre parmi les civils.", 15),
        ("Les heurts ont fait 12 morts dans les rangs de l'armée et 30 chez les rebelles, selon une ONG.", 42),
        # the second count is of the wounded: no share of the dead
        ("Les heurts ont fait 12 morts parmi les soldats et 30 blessés parmi les civils.", 12),
    ],
)
def test_a_toll_told_by_sides_adds_the_shares(text: str, count: int) -> None:
    assert [c for c, _ in tolls(text)] == [count]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Neuf civils, selon des sources locales, ont été tués samedi.", 9),
        ("Trois soldats, d'après l'état-major, sont morts dans l'embuscade.", 3),
        ("Une vingtaine de bergers, à en croire un élu, ont péri dans l'attaque.", 20),
    ],
)
def test_a_source_between_the_count_and_its_verb(text: str, count: int) -> None:
    assert [c for c, _ in tolls(text)] == [count]


def test_a_body_of_troops_is_no_toll() -> None:
    assert find_death_tolls("Le corps d'armée a lancé une offensive vers le nord.") == []


def test_subset_is_not_added() -> None:
    assert tolls("Au moins 25 personnes, dont six enfants, ont été tuées.") == [(25, "personnes")]
    assert tolls("La frappe a fait 15 morts dont quatre femmes.") == [(15, "")]


@pytest.mark.parametrize(
    "text",
    [
        "L'attaque n'a fait aucune victime.",
        "Il n'y a eu aucun mort.",
        "La bombe a explosé sans faire de victimes.",
        "Les secours ne déplorent aucune victime.",
        "Nos unités n'ont pas subi de pertes.",
    ],
)
def test_zero_tolls(text: str) -> None:
    mentions = find_death_tolls(text)
    assert [(m.count, m.victims) for m in mentions] == [(0, "")]


def test_toll_offsets_point_into_the_text() -> None:
    text = "Lundi, l’armée a annoncé que 12 soldats ont été tués."
    (mention,) = find_death_tolls(text)
    assert isinstance(mention, TollMention)
    assert text[mention.start : mention.end] == mention.text == "12 soldats ont été tués"


def test_several_tolls_sorted() -> None:
    text = "Le premier raid a fait 5 morts. Le second a tué huit civils."
    assert [m.count for m in find_death_tolls(text)] == [5, 8]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les jihadistes ont tué dimanche douze civils dans la ville.", [(12, "civils")]),
        ("Des frappes ont tué lundi soir des dizaines de combattants.", [(12, "combattants")]),
        ("Les ravisseurs ont exécuté samedi cinq otages.", [(5, "otages")]),
        ("Les insurgés ont abattu hier trois soldats.", [(3, "soldats")]),
        ("Les miliciens ont tué, mardi, deux bergers.", [(2, "bergers")]),
        ("Des hommes armés ont tué avant-hier soir huit villageois.", [(8, "villageois")]),
        ("Des hommes armés ont tué aujourd'hui quatre passants.", [(4, "passants")]),
        ("L'aviation a éliminé ce matin une vingtaine de terroristes.", [(20, "terroristes")]),
        ("Une bombe a tué cette nuit six pêcheurs.", [(6, "pêcheurs")]),
        ("Les rebelles ont tué le 12 mars sept miliciens.", [(7, "miliciens")]),
        ("Les rebelles ont tué jeudi 3 avril neuf gardes.", [(9, "gardes")]),
        ("Un drone a tué dans la nuit de samedi à dimanche onze combattants.", [(11, "combattants")]),
        ("Les miliciens ont tué dimanche 12 civils.", [(12, "civils")]),
    ],
)
def test_time_adverbial_between_verb_and_count(text: str, expected: list[tuple[int, str]]) -> None:
    assert tolls(text) == expected


def test_day_of_month_is_not_a_count() -> None:
    assert tolls("Les miliciens ont tué dimanche 14 mars, dans le village, trois paysans.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les bombardements ont fait des centaines de morts dimanche à Kunduz.", [(100, "")]),
        ("Un kamikaze s'est fait exploser, faisant douze morts lundi.", [(12, "")]),
    ],
)
def test_time_word_after_the_toll(text: str, expected: list[tuple[int, str]]) -> None:
    assert tolls(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les assaillants, au nombre de quatre, sont morts dans l'explosion.", [(4, "assaillants")]),
        ("Les otages tués, au nombre de six, étaient des ouvriers.", [(6, "otages")]),
        ("Ils ont été tués au nombre de trois.", [(3, "")]),
    ],
)
def test_au_nombre_de(text: str, expected: list[tuple[int, str]]) -> None:
    assert tolls(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Les blessés, au nombre de dix, ont été évacués.",
        "Les manifestants, au nombre de 300, ont défilé.",
        "Les drones, au nombre de quatre, ont été abattus.",
    ],
)
def test_au_nombre_de_without_deaths(text: str) -> None:
    assert find_death_tolls(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "L'embuscade a fait 12 tués ou blessés.",
        "L'embuscade a fait 12 morts ou blessés parmi les gardes.",
        "Neuf policiers ont été tués ou blessés.",
        "Quinze combattants tués et/ou grièvement blessés.",
        "Sept soldats tués ou portés disparus.",
        "Les assaillants, au nombre de quatre, ont été tués ou blessés.",
    ],
)
def test_killed_or_wounded_is_not_a_death_toll(text: str) -> None:
    assert find_death_tolls(text) == []


def test_killed_and_separately_wounded_still_counts() -> None:
    assert tolls("Le raid a fait trois morts et blessé dix autres.") == [(3, "")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L'attentat a fait 12 victimes, dont 3 morts.", [(3, "")]),
        ("L'attentat a fait 12 victimes dont trois tués et neuf blessés.", [(3, "")]),
        ("L'attentat a fait 12 victimes, dont six enfants.", [(12, "")]),
    ],
)
def test_death_figure_beats_generic_victims(text: str, expected: list[tuple[int, str]]) -> None:
    assert tolls(text) == expected


def test_breakdown_offsets() -> None:
    text = "Bilan : 12 victimes, dont 3 morts."
    (mention,) = find_death_tolls(text)
    assert text[mention.start : mention.end] == mention.text == "12 victimes, dont 3 morts"


@pytest.mark.parametrize(
    "text",
    [
        "Douze soldats\nont été tués.",
        "La frappe a tué\n12 civils.",
        "La frappe a tué\r\ndimanche 12 civils.",
        "Bilan de la journée : aucune\nvictime.",
    ],
)
def test_toll_never_spans_a_line_break(text: str) -> None:
    assert all("\n" not in m.text and "\r" not in m.text for m in find_death_tolls(text))
    assert find_death_tolls(text) == []


def test_tolls_on_several_lines_keep_offsets() -> None:
    text = "Deux soldats ont été tués.\r\nLe raid a fait 5 morts."
    mentions = find_death_tolls(text)
    assert [(m.count, m.text) for m in mentions] == [(2, "Deux soldats ont été tués"), (5, "5 morts")]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_folds_translate_each_character_on_its_own() -> None:
    """fold_text and attribution.fold fold a whole text with a table of its distinct characters: the result
    must be what folding each character alone gives, with the text's length, on every code point."""
    from veilleur.frame.attribution import fold, fold_char
    from veilleur.resolve.numbers import fold_text

    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert len(fold_text(every)) == len(every) == len(fold(every))
    assert fold_text(every) == "".join(fold_text(c) for c in every)
    assert fold(every) == "".join(fold_char(c) for c in every)
    assert fold_text("L’İNFO – Hôpital") == "l'İnfo - hopital"


@pytest.mark.parametrize(
    "text", ["Trois passagers d'un bus ont été tués.", "Quatorze personnes à bord d'un autocar ont été tuées."]
)
def test_the_vehicle_they_rode_in_is_not_the_victims(text: str) -> None:
    # "un bus ont été tués" would count one death: a vehicle, a village or a building is no victim
    assert all(toll.count != 1 for toll in find_death_tolls(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les milices ont perdu lundi 27 combattants dans les combats.", [(27, "combattants")]),
        ("L'armée a perdu deux soldats dans l'embuscade.", [(2, "soldats")]),
        ("Les rebelles ont perdu trois villages.", []),  # a side loses fighters, or else ground
    ],
)
def test_a_side_that_loses_its_fighters(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(t.count, t.victims) for t in find_death_tolls(text)] == expected


def test_quantity_first_patterns_are_tried_only_where_a_quantity_begins() -> None:
    """The patterns named in QUANTITY_FIRST open on the quantity (after its guard), so trying them at the
    places _quantity_starts lists finds every match a scan of the whole line finds."""
    from veilleur.matching import finditer_at
    from veilleur.resolve.numbers import QUANTITY_FIRST, QUANTITY_START, _quantity_starts, _toll_patterns

    patterns = _toll_patterns()
    line = fold_text("Entre 30 et 40 civils ont été tués, 12 morts à Gao ; une vingtaine de soldats, âgés de 20 ans, "
                     "ont péri, et trois assaillants sont morts (2,5 morts par jour).")
    starts = _quantity_starts(line)
    assert starts is not None
    for name in QUANTITY_FIRST:
        assert patterns[name].pattern.startswith(QUANTITY_START + "(?P<qty>")
        expected = [m.span() for m in patterns[name].finditer(line)]
        assert expected
        assert [m.span() for m in finditer_at(patterns[name], line, starts)] == expected


def test_quantity_first_patterns_are_not_tried_after_their_last_death_word() -> None:
    """A match of a quantity-first pattern ends on one of its death words, so the quantities after the last one
    are not tried: the matches are those of a scan of the whole line."""
    from veilleur.matching import finditer_at
    from veilleur.resolve.numbers import QUANTITY_FIRST, _needed_words_end, _quantity_starts, _toll_patterns

    line = fold_text("Trois soldats ont été tués et 12 morts à Gao, selon un bilan de 40 blessés et 7 véhicules.")
    starts = _quantity_starts(line)
    assert starts is not None
    for name in QUANTITY_FIRST:
        end = _needed_words_end(line, name)
        assert end is not None and end < starts[-1]  # "40" and "7" come after the last death word
        kept = [s for s in starts if s < end]
        assert [m.span() for m in finditer_at(_toll_patterns()[name], line, kept)] == [
            m.span() for m in _toll_patterns()[name].finditer(line)]
    assert _needed_words_end(fold_text("Deux soldats blessés."), "clause") is None


@pytest.mark.parametrize(
    ("text", "possible"),
    [
        ("L'explosion n' a pas fait de victime.", True),  # a space after the apostrophe, as the pattern allows
        ("L'attaque s'est produite sans faire de morts.", True),
        ("Aucune victime n'est à déplorer.", True),
        ("L'attaque a fait trois blessés.", False),
    ],
)
def test_a_text_that_may_say_nobody_died(text: str, possible: bool) -> None:
    from veilleur.resolve.numbers import _may_say_nobody_died, _zero_toll_pattern

    folded = fold_text(text)
    assert _may_say_nobody_died(folded) is possible
    if not possible:
        assert _zero_toll_pattern().search(folded) is None
    assert [t.count for t in find_death_tolls(text)] == ([0] if possible else [])


@pytest.mark.parametrize(
    ("text", "additive", "indefinite"),
    [
        ("Un gendarme a également été tué dans la fusillade.", True, False),
        ("Deux passants ont aussi perdu la vie.", True, False),
        ("Onze soldats ont été tués.", False, False),
        ("L'explosion a fait plusieurs morts.", False, True),
        ("De nombreux villageois ont été abattus, selon un témoin.", False, True),
        ("Une dizaine de miliciens ont été neutralisés.", False, False),  # "une dizaine" is a figure: ten
    ],
)
def test_a_toll_says_whether_it_adds_to_the_dead_told_and_whether_it_has_a_figure(
        text: str, additive: bool, indefinite: bool) -> None:
    [toll] = find_death_tolls(text)
    assert (toll.additive, toll.indefinite) == (additive, indefinite)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # a side's loss counted by an approximate number with its elided "d'"
        ("La garnison avait perdu plusieurs dizaines d'hommes dans la bataille.", 12),
        ("L'armée dit avoir perdu trois soldats dans l'embuscade.", 3),
        # the definite article of dead the text has told of
        ("Des hommes armés ont ouvert le feu, tuant les quatre gardes du dépôt.", 4),
        # the part of a counted group that died
        ("L'un des trois ravisseurs a été tué par les gendarmes.", 1),
        ("Deux des cinq otages sont morts pendant l'assaut.", 2),
    ],
)
def test_a_toll_counts_what_its_words_count(text: str, count: int) -> None:
    assert [c for c, _ in tolls(text)][-1:] == [count]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # a side that tells its own dead in the first person
        ("« De notre côté, nous avons perdu trois soldats », a indiqué le porte-parole.", 3),
        ("Le groupe aurait perdu douze combattants dans l'assaut.", 12),
        # a long relative clause between the dead and their verb
        ("Les deux assaillants, qui avaient caché leurs armes et leurs munitions dans un sac de sport, ont été tués.",
         2),
    ],
)
def test_more_ways_to_tell_the_dead(text: str, count: int) -> None:
    assert [c for c, _ in tolls(text)] == [count]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("L'armée affirme avoir tué mardi 29 combattants et perdu deux soldats près de la ville.", 31),
        ("Les troupes ont abattu douze assaillants et ont perdu trois hommes.", 15),
        ("L'armée dit avoir abattu 15 rebelles et perdu trois soldats.", 18),
    ],
)
def test_a_side_kills_and_loses_in_one_toll(text: str, count: int) -> None:
    """The dead of both sides of one fight, told in one clause, add up."""
    assert [c for c, _ in tolls(text)] == [count]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Un homme a poignardé deux passants dimanche avant d'être abattu par la police.", [(1, "")]),
        ("L'assaillant a été abattu par les gardes.", [(1, "assaillant")]),
        ("Le chauffeur, lui, serait mort sur le coup.", [(1, "chauffeur")]),
        ("La fillette a succombé à ses blessures.", [(1, "fillette")]),
        ("Le drone a été abattu au-dessus de la ville.", []),  # no one
        ("Le soldat a été blessé par un tireur.", []),
        # the one dead named by a participle and where or how he died
        ("Des centaines de jeunes ont enterré l'homme décédé lors des heurts de la veille.", [(1, "homme")]),
        ("Le soldat tué dans l'embuscade était originaire de Gao.", [(1, "soldat")]),
        ("Le soldat blessé lors de l'attaque a été évacué.", []),
    ],
)
def test_one_dead_told_by_no_figure(text: str, expected: list[tuple[int, str]]) -> None:
    """A person named by a definite singular noun, or the subject killed "avant d'être abattu", is one dead."""
    assert tolls(text) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Bilan, selon un porte-parole des rebelles : « au moins sept mercenaires » de la milice tués.", 7),
        ("Selon le maire, « douze soldats » ont été tués dans l'assaut.", 12),
    ],
)
def test_a_quote_closed_between_the_count_and_the_death_word(text: str, count: int) -> None:
    assert [c for c, _ in tolls(text)] == [count]
