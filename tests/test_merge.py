"""Merging within an article (veilleur.extract.merge) on hand-built events: what a province-level lead hands
down to the finer events it summarises."""

from __future__ import annotations

from veilleur.extract.merge import inherit_dates, merge_events
from veilleur.records import Event, Span

TEXT = ("Mardi, l'armée a combattu l'Etat islamique dans le nord du Sinaï. Les jihadistes ont attaqué des "
        "checkpoints à Rafah.")


def _span(word: str) -> Span:
    start = TEXT.index(word)
    return Span("doc", start, start + len(word), word)


def _clash(location: str, precision: int, actor1: str, actor2: str, actor1_word: str) -> Event:
    event = Event(doc="doc", event_type="Battles", sub_event_type="Armed clash", actor1=actor1, actor2=actor2,
                  location=location, admin1="North Sinai", country="Egypt", geo_precision=precision,
                  event_date="2015-06-30")
    event.add_evidence("actor1", _span(actor1_word))
    event.add_evidence("location", _span(location.split()[-1]))
    return event


def test_a_detail_whose_unnamed_actor_is_the_leads_target_keeps_the_sides_reversed() -> None:
    army, group = "Military Forces of Egypt", "Islamic State Sinai Province"
    lead = _clash("Sinaï", 3, army, group, "armée")
    lead.add_evidence("actor2", _span("Etat islamique"))
    detail = _clash("Rafah", 1, group, "", "jihadistes")
    merged = merge_events([lead, detail], TEXT)
    rafah = next(e for e in merged if e.location == "Rafah")
    assert (rafah.actor1, rafah.actor2) == (group, army)


def test_a_target_the_lead_only_borrowed_from_the_story_does_not_reverse_the_sides() -> None:
    army, group = "Military Forces of Egypt", "Islamic State Sinai Province"
    lead = _clash("Sinaï", 3, group, army, "Etat islamique")  # the army is the story's, not the sentence's
    detail = _clash("Rafah", 1, army, "", "jihadistes")
    merged = merge_events([lead, detail], TEXT)
    assert next(e for e in merged if e.location == "Rafah").actor1 == group


def _bombing(day: str, precision: int, dated_by: str = "") -> Event:
    event = Event(doc="doc", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                  location="Maiduguri", country="Nigeria", event_date=day, time_precision=precision)
    if dated_by:
        event.add_evidence("event_date", Span("doc", 0, len(dated_by), dated_by))
    return event


def test_a_headline_dated_by_its_publication_takes_the_day_the_lead_tells() -> None:
    headline, lead = _bombing("2017-11-20", 2), _bombing("2017-11-18", 1, "samedi")
    inherit_dates([headline, lead])
    assert headline.event_date == "2017-11-18"


def test_a_headline_does_not_take_the_day_of_a_flashback() -> None:
    # "Ce marché avait déjà été la cible d'un attentat le 1er juillet": not the week the headline stands for
    headline, flashback = _bombing("2017-11-20", 2), _bombing("2017-07-01", 1, "le 1er juillet")
    inherit_dates([headline, flashback])
    assert headline.event_date == "2017-11-20"
    undated_month = _bombing("2017-11-01", 3)  # a publication known to the month: any day of it
    inherit_dates([undated_month, _bombing("2017-11-19", 1, "le 19 novembre")])
    assert undated_month.event_date == "2017-11-19"


def test_a_day_the_month_could_not_resolve_takes_the_day_that_month_names() -> None:
    # "dans la nuit de samedi" in an article dated only by its month, after "le 18 novembre" at the same place
    told, vague = _bombing("2017-11-18", 1, "le 18 novembre"), _bombing("2017-11-01", 3, "samedi")
    inherit_dates([told, vague])
    assert (vague.event_date, vague.time_precision) == ("2017-11-18", 1)
    months_later = _bombing("2018-01-01", 3, "samedi")
    inherit_dates([told, months_later])
    assert months_later.event_date == "2018-01-01"


SHOOTING = ("Des hommes armés ont abattu douze passagers d'un bus. Le ministre a dénoncé un attentat lâche. Une "
            "voiture piégée avait explosé au même endroit.")


def _shooting_event(sub_event_type: str, trigger: str) -> Event:
    event_type = "Violence against civilians" if sub_event_type == "Attack" else "Explosions/Remote violence"
    event = Event(doc="doc", event_type=event_type, sub_event_type=sub_event_type, location="Quetta",
                  country="Pakistan", event_date="2019-04-18", fatalities=12 if sub_event_type == "Attack" else 0)
    start = SHOOTING.index(trigger)
    event.add_evidence("trigger", Span("doc", start, start + len(trigger), trigger))
    return event


def test_an_attentat_that_names_no_means_is_the_shooting_the_text_tells() -> None:
    # "attentat" is coded a bomb by default; at the place and day of a shooting it is that shooting
    shooting = _shooting_event("Attack", "abattu")
    attentat = _shooting_event("Remote explosive/landmine/IED", "attentat")
    merged = merge_events([shooting, attentat], SHOOTING)
    assert [(e.sub_event_type, e.fatalities) for e in merged] == [("Attack", 12)]
    # a bomb named as such ("une voiture piégée") still takes in the killing it made
    bomb = _shooting_event("Remote explosive/landmine/IED", "voiture piégée")
    assert [e.sub_event_type for e in merge_events([_shooting_event("Attack", "abattu"), bomb], SHOOTING)] == [
        "Remote explosive/landmine/IED"]


MARCH = ("Vendredi, des centaines de personnes ont manifesté à Tunis. Les services de sécurité ont interpellé "
         "plusieurs manifestants.")


def test_the_force_an_arrest_hands_to_a_protest_keeps_the_words_that_named_it() -> None:
    # the arrest folds into the march as its intervention: "les services de sécurité" must still be read as
    # the words for that force (facing a crowd, they are its police)
    def march_span(word: str) -> Span:
        start = MARCH.index(word)
        return Span("doc", start, start + len(word), word)

    march = Event(doc="doc", event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Tunisia)",
                  location="Tunis", country="Tunisia", event_date="2019-08-02")
    arrest = Event(doc="doc", event_type="Strategic developments", sub_event_type="Arrests",
                   actor1="Military Forces of Tunisia", actor2="Protesters (Tunisia)", location="Tunis",
                   country="Tunisia", event_date="2019-08-02")
    arrest.add_evidence("actor1", march_span("services de sécurité"))
    merged = merge_events([march, arrest], MARCH)
    assert len(merged) == 1
    assert (merged[0].actor2, [s.text for s in merged[0].evidence.get("actor2", [])]) == (
        "Military Forces of Tunisia", ["services de sécurité"])


def test_a_strike_folded_into_another_face_of_it_hands_over_who_it_hit() -> None:
    # "cinq habitants tués par un bombardement russe ... la frappe": one strike, its victims named by one face only
    text = "Lundi, cinq habitants ont été tués par un bombardement russe sur Soumy. La frappe a détruit un immeuble."

    def strike(sub_event_type: str, actor2: str) -> Event:
        return Event(doc="doc", event_type="Explosions/Remote violence", sub_event_type=sub_event_type,
                     actor1="Military Forces of Russia", actor2=actor2, location="Sumy", country="Ukraine",
                     event_date="2022-05-02")

    shelling = strike("Shelling/artillery/missile attack", "Civilians (Ukraine)")
    start = text.index("cinq habitants")
    shelling.add_evidence("actor2", Span("doc", start, start + len("cinq habitants"), "cinq habitants"))
    merged = merge_events([shelling, strike("Air/drone strike", "")], text)
    assert [(e.sub_event_type, e.actor2) for e in merged] == [("Air/drone strike", "Civilians (Ukraine)")]
    assert [s.text for s in merged[0].evidence["actor2"]] == ["cinq habitants"]


def test_a_second_report_with_the_sides_reversed_does_not_rename_the_first_side() -> None:
    # the first report sets an armed group against "les forces de sécurité" (the army), the second the police
    # against the group: the police are the group's opponent there, not a better name for the group
    text = "Un groupe armé a attaqué les forces de sécurité à Karak. Des policiers ont riposté contre le groupe armé."

    def clash(actor1: str, actor2: str) -> Event:
        return Event(doc="doc", event_type="Battles", sub_event_type="Armed clash", actor1=actor1, actor2=actor2,
                     location="Karak", country="Jordan", event_date="2016-12-18")

    group, army, police = "Unidentified Armed Group (Jordan)", "Military Forces of Jordan", "Police Forces of Jordan"
    merged = merge_events([clash(group, army), clash(police, group)], text)
    assert [(e.actor1, e.actor2) for e in merged] == [(group, army)]


def test_an_unidentified_group_is_not_renamed_by_a_state_force_another_report_read_there() -> None:
    # "trois bergers ont été enlevés à Garoua ... les gendarmes, alertés par cet enlèvement, ratissent la zone":
    # the force the second report names answered the abduction; the abductors stay unidentified
    text = "Trois bergers ont été enlevés à Garoua. Les gendarmes, alertés par cet enlèvement, ratissent la zone."

    def abduction(actor1: str) -> Event:
        return Event(doc="doc", event_type="Violence against civilians",
                     sub_event_type="Abduction/forced disappearance", actor1=actor1, actor2="Civilians (Cameroon)",
                     location="Garoua", country="Cameroon", event_date="2018-01-19")

    merged = merge_events([abduction("Unidentified Armed Group (Cameroon)"),
                           abduction("Military Forces of Cameroon")], text)
    assert [e.actor1 for e in merged] == ["Unidentified Armed Group (Cameroon)"]
