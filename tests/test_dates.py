"""French date mentions resolved against a publication date (codebook section 5).

All sentences are written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from veilleur.resolve.dates import DateMention, find_dates

MONDAY = date(2017, 10, 16)
SATURDAY = date(2017, 10, 14)
SUNDAY = date(2017, 10, 15)


def only(text: str, published: date) -> DateMention:
    mentions = find_dates(text, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Dimanche, les troupes sont entrées dans le bourg.", MONDAY, date(2017, 10, 15)),
        ("Les tirs ont repris jeudi matin près du pont.", MONDAY, date(2017, 10, 12)),
        ("Un convoi a été visé lundi sur la route.", MONDAY, MONDAY),
        ("La colline a été reprise samedi dernier.", MONDAY, date(2017, 10, 14)),
        ("La colline a été reprise samedi dernier.", SATURDAY, date(2017, 10, 7)),
        ("Le poste a été attaqué samedi.", SATURDAY, SATURDAY),
        ("Des tirs ont éclaté dans la nuit de samedi à dimanche.", MONDAY, date(2017, 10, 15)),
        ("Des tirs ont éclaté dans la nuit du vendredi au samedi.", MONDAY, date(2017, 10, 14)),
        ("ce dimanche, le marché a été bombardé", SUNDAY, SUNDAY),
        ("MARDI, un drone a frappé la caserne.", MONDAY, date(2017, 10, 10)),
    ],
)
def test_weekdays(text: str, published: date, expected: date) -> None:
    mention = only(text, published)
    assert (mention.value, mention.precision, mention.kind) == (expected, 1, "day")


def test_weekday_offsets_and_text() -> None:
    text = "Les combats ont repris vendredi soir."
    mention = only(text, MONDAY)
    assert text[mention.start : mention.end] == mention.text == "vendredi soir"


def test_next_weekday_is_not_a_past_date() -> None:
    assert find_dates("Une réunion est prévue samedi prochain.", MONDAY) == []


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("hier", -1),
        ("Hier soir, la ville a été pilonnée.", -1),
        ("avant-hier, deux obus sont tombés", -2),
        ("aujourd'hui", 0),
        ("Aujourd’hui, le calme est revenu.", 0),
        ("ce matin", 0),
        ("ce soir", 0),
        ("cette nuit", 0),
        ("Des heurts ont éclaté la nuit dernière dans le centre.", -1),  # the night that began "hier soir"
        ("ces dernières heures", 0),
        ("Ces dernieres heures, la route a été coupée.", 0),
        ("il y a trois jours", -3),
        ("Ce jour, les rebelles ont repris la ville.", 0),
    ],
)
def test_relative_days(text: str, offset: int) -> None:
    mention = only(text, MONDAY)
    assert mention.value == date.fromordinal(MONDAY.toordinal() + offset)
    assert mention.precision == 1


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Le 19 août, 12 soldats ont été tués.", MONDAY, date(2017, 8, 19)),
        ("le vendredi 6 octobre dernier", MONDAY, date(2017, 10, 6)),
        ("dans la soirée du 13 octobre", MONDAY, date(2017, 10, 13)),
        ("le 5 septembre 2015", MONDAY, date(2015, 9, 5)),
        ("Le 1er mars, le siège a été levé.", MONDAY, date(2017, 3, 1)),
        ("le premier juin", MONDAY, date(2017, 6, 1)),
        ("Les faits du 12/06/2016 restent flous.", MONDAY, date(2016, 6, 12)),
        ("le 30 décembre", date(2018, 1, 2), date(2017, 12, 30)),
        ("le 28 Decembre", date(2018, 1, 3), date(2017, 12, 28)),
        ("le 2 janvier", date(2018, 1, 2), date(2018, 1, 2)),
        ("le 3 Aout", MONDAY, date(2017, 8, 3)),
        ("le 2 fevrier", MONDAY, date(2017, 2, 2)),
        ("le 20 octobre", MONDAY, date(2016, 10, 20)),
        ("le 20 octobre 2017", MONDAY, date(2017, 10, 20)),
    ],
)
def test_explicit_days(text: str, published: date, expected: date) -> None:
    mention = only(text, published)
    assert (mention.value, mention.precision, mention.kind) == (expected, 1, "day")


def test_day_number_before_a_noun_is_not_a_year() -> None:
    mention = only("Le 19 août, 12 soldats ont été tués et 2012 maisons détruites.", MONDAY)
    assert mention.text == "Le 19 août"
    assert mention.value == date(2017, 8, 19)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # planned days still ahead in the publication year are that day, not the same day a year before
        ("Une nouvelle marche a été annoncée pour le 25 octobre.", date(2017, 10, 25)),
        ("Un sit-in est prévu le 30 octobre devant la préfecture.", date(2017, 10, 30)),
        ("Le procès a été reporté au 4 novembre.", date(2017, 11, 4)),
        ("Le sommet se tiendra le 2 novembre prochain.", date(2017, 11, 2)),
        ("Les pourparlers reprendront le 10 janvier prochain.", date(2018, 1, 10)),
        # the weekday named with the day picks the year whose calendar agrees
        ("Le conseil se réunira le samedi 21 octobre.", date(2017, 10, 21)),
        ("Des tirs avaient éclaté le vendredi 21 octobre.", date(2016, 10, 21)),
        # a report of a day with no plan word is still the latest such day on or before publication
        ("Le 25 octobre, un convoi a sauté sur une mine.", date(2016, 10, 25)),
        ("Le sit-in du samedi 21 octobre dernier a été dispersé.", date(2016, 10, 21)),
        # behind the publication day, a weekday that does not agree changes nothing
        ("Le jeudi 6 octobre, deux obus sont tombés.", date(2017, 10, 6)),
        # a plan whose day has passed stays in the publication year
        ("Une grève était prévue pour le 12 octobre.", date(2017, 10, 12)),
    ],
)
def test_a_day_ahead_is_planned_only_when_the_text_says_so(text: str, expected: date) -> None:
    assert only(text, MONDAY).value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Le tir a eu lieu à 7h.",
        "à 05h30 puis à 20h45",
        "12 soldats et 30 véhicules",
        "le 31 février",
        "Mai est arrivée au front.",
        "À ce jour, aucun groupe n'a revendiqué l'embuscade.",  # "à ce jour": so far, not a day
        "le bilan le plus lourd jusqu'à ce jour",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, MONDAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("en octobre", date(2017, 10, 1)),
        ("en octobre dernier", date(2017, 10, 1)),
        ("en novembre", date(2016, 11, 1)),
        ("en Décembre", date(2016, 12, 1)),
        ("en mars 2016", date(2016, 3, 1)),
        ("au mois d'août", date(2017, 8, 1)),
        ("le mois dernier", date(2017, 9, 1)),
    ],
)
def test_months(text: str, expected: date) -> None:
    mention = only(text, MONDAY)
    assert (mention.value, mention.precision, mention.kind) == (expected, 3, "month")


def test_last_month_across_year_end() -> None:
    assert only("le mois dernier", date(2018, 1, 10)).value == date(2017, 12, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("début mars", date(2017, 3, 5)),
        ("mi-octobre", date(2017, 10, 15)),
        ("fin janvier", date(2017, 1, 25)),
        ("à la fin de novembre", date(2016, 11, 25)),
    ],
)
def test_parts_of_month(text: str, expected: date) -> None:
    mention = only(text, MONDAY)
    assert (mention.value, mention.precision) == (expected, 2)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("la semaine dernière", MONDAY, date(2017, 10, 9)),
        ("cette semaine", MONDAY, MONDAY),
        ("durant le week-end", MONDAY, date(2017, 10, 14)),
        ("ce week-end", SUNDAY, date(2017, 10, 14)),
        ("le week-end dernier", MONDAY, date(2017, 10, 14)),
        ("le week-end dernier", SUNDAY, date(2017, 10, 7)),
    ],
)
def test_weeks(text: str, published: date, expected: date) -> None:
    mention = only(text, published)
    assert (mention.value, mention.precision, mention.kind) == (expected, 2, "week")


@pytest.mark.parametrize(
    ("text", "year"),
    [("en 2014", 2014), ("depuis 2012", 2012), ("l'an dernier", 2016), ("une nuit de 2015", 2015),
     ("au printemps 2013", 2013), ("il y a un an", 2016), ("Des émeutes avaient éclaté voici deux ans.", 2015)],
)
def test_years(text: str, year: int) -> None:
    mention = only(text, MONDAY)
    assert (mention.value.year, mention.precision, mention.kind) == (year, 4, "year")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Au total, 800 personnes ont péri durant les 125 derniers jours.", MONDAY),
        ("depuis le 5 juin jusqu'au 10 octobre", date(2017, 10, 10)),
        ("depuis le 5 juin", MONDAY),
        ("depuis trois ans", MONDAY),
        ("Les rebelles encerclent la ville depuis des mois.", MONDAY),  # several months, uncounted
        ("en moins de 24 heures", MONDAY),
        ("depuis le début de l'année", MONDAY),
        ("Depuis le mois de juin, les villages du cercle vivent sous la menace.", MONDAY),
        ("Dès avril, les patrouilles ont été renforcées.", MONDAY),
    ],
)
def test_periods(text: str, expected: date) -> None:
    mention = only(text, MONDAY)
    assert (mention.value, mention.precision, mention.kind) == (expected, 2, "period")


@pytest.mark.parametrize(
    ("text", "last_year"),
    [
        ("Les deux camps se sont affrontés entre 2004 et 2008.", 2008),
        ("de 2011 à 2013, la ville a été assiégée", 2013),
        ("pendant la guerre civile (1991-2002)", 2002),
    ],
)
def test_a_range_of_years_is_a_long_period(text: str, last_year: int) -> None:
    mention = only(text, MONDAY)
    assert (mention.value, mention.precision, mention.kind) == (date(last_year, 1, 1), 4, "period")


def test_years_out_of_order_are_no_range() -> None:
    assert [m.kind for m in find_dates("le score de 2008 à 2004 points", MONDAY)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le samedi 14 octobre, le poste a été attaqué ; la veille, une patrouille était visée.", date(2017, 10, 13)),
        ("Les rebelles ont pris Kiro le 3 octobre. Deux jours plus tard, ils sont entrés à Tessit.", date(2017, 10, 5)),
        ("Le 9 octobre, un convoi a sauté sur une mine. Le lendemain, un autre a été attaqué.", date(2017, 10, 10)),
        ("La veille, un pont avait été détruit.", date(2017, 10, 15)),  # from the publication, none named
    ],
)
def test_days_counted_from_the_day_last_named(text: str, expected: date) -> None:
    shifted = find_dates(text, MONDAY)[-1]
    assert (shifted.value, shifted.precision, shifted.kind) == (expected, 1, "day")


def test_a_part_of_the_day_after_le_meme_jour_is_not_the_publication_day() -> None:
    # "le même jour" goes on with the day last named (extraction carries it); "dans la journée" is of that day
    text = "Jeudi, un chef de village a été tué. Le même jour dans la journée, deux éleveurs ont disparu."
    assert [(m.text, m.value) for m in find_dates(text, MONDAY)] == [("Jeudi", date(2017, 10, 12))]


def test_a_day_counted_from_a_named_day_is_known_when_only_the_publication_month_is() -> None:
    mentions = find_dates("Le 26 juin, un poste a été attaqué. Dix jours plus tôt, un autre avait été visé.",
                          date(2022, 7, 1), month_only=True)
    assert [(m.value, m.precision) for m in mentions] == [(date(2022, 6, 26), 1), (date(2022, 6, 16), 1)]


def test_a_day_after_an_unnamed_day_would_be_after_the_publication_and_is_not_read() -> None:
    assert find_dates("Le lendemain, les renforts sont arrivés.", MONDAY) == []


def test_several_mentions_sorted_and_disjoint() -> None:
    text = "Hier, l'armée a repris le village attaqué le 2 octobre et samedi dernier."
    mentions = find_dates(text, MONDAY)
    assert [m.text for m in mentions] == ["Hier", "le 2 octobre", "samedi dernier"]
    assert [m.value for m in mentions] == [date(2017, 10, 15), date(2017, 10, 2), date(2017, 10, 14)]
    for earlier, later in zip(mentions, mentions[1:], strict=False):
        assert earlier.end <= later.start


def test_month_only_publication_cannot_place_weekdays_but_keeps_calendar_days() -> None:
    # only the month is known: published is its 1st (codebook section 5)
    found = {m.text: (m.value, m.precision) for m in find_dates(
        "Samedi, puis hier, et enfin le 15 janvier, des combats ont eu lieu.", date(2019, 1, 1), month_only=True
    )}
    assert found["Samedi"] == (date(2019, 1, 1), 3)
    assert found["hier"] == (date(2019, 1, 1), 3)
    assert found["le 15 janvier"][0] == date(2019, 1, 15)


def test_month_only_publication_dates_a_weekday_the_article_dates_elsewhere() -> None:
    # "samedi 12 janvier" is a Saturday: every other "samedi" of the article is that day; "mardi" stays the month
    found = {m.text: (m.value, m.precision) for m in find_dates(
        "Mardi, le calme est revenu. Samedi soir, l'aviation a frappé les positions rebelles, après les combats"
        " du samedi 12 janvier.", date(2019, 1, 1), month_only=True
    )}
    assert found["Samedi soir"] == (date(2019, 1, 12), 1)
    assert found["Mardi"] == (date(2019, 1, 1), 3)


@pytest.mark.parametrize(
    ("text", "expected", "precision", "kind"),
    [
        ("dans la nuit du 3 au 4 octobre", date(2017, 10, 4), 1, "day"),  # a night: its later day
        ("du 3 au 9 octobre", date(2017, 10, 6), 2, "week"),  # a span of days: its middle day
        ("du 28 septembre au 2 octobre", date(2017, 9, 30), 2, "week"),
        ("entre mardi 3 et jeudi 5 octobre", date(2017, 10, 4), 2, "week"),
        ("les 7 et 8 octobre", date(2017, 10, 7), 2, "week"),  # two named days: the first, as a span
        ("les 7-8 octobre", date(2017, 10, 7), 2, "week"),
        ("les combats des 7 et 8 octobre", date(2017, 10, 7), 2, "week"),  # "des" = "de" + "les"
        ("dans la nuit du mardi 3 au mercredi 4 octobre", date(2017, 10, 4), 1, "day"),  # weekdays named too
        ("dans la nuit de samedi 30 septembre au dimanche 1er octobre", date(2017, 10, 1), 1, "day"),
        ("samedi 7 et dimanche 8 octobre", date(2017, 10, 7), 2, "week"),  # the weekday leads the range in
    ],
)
def test_short_ranges_are_one_event_not_a_long_period(text: str, expected: date, precision: int, kind: str) -> None:
    mention = only(text, MONDAY)
    assert (mention.value, mention.precision, mention.kind) == (expected, precision, kind)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Les combats durent depuis 2014 dans la région.", True),
        ("Le conflit (1998-2003) a fait des milliers de morts.", True),
        ("Trois soldats ont été tués mardi 12 mars.", False),
    ],
)
def test_the_year_finders_run_only_where_four_digits_stand(text: str, years: bool) -> None:
    from veilleur.resolve.dates import _has_year_digits, _year_pattern, _year_range_pattern
    from veilleur.resolve.numbers import fold_text

    folded = fold_text(text)
    assert _has_year_digits(folded) is years
    if not years:  # the checks skip nothing the patterns would find
        assert _year_range_pattern().search(folded) is None
        assert all(m.group("relative") for m in _year_pattern().finditer(folded))
