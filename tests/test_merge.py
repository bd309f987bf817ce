"""Merging within an article (veilleur.extract.merge) on hand-built events: what a province-level lead hands
down to the finer events it summarises."""

from __future__ import annotations

from veilleur.extract.cues import load_cues
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
    merged = merge_events([lead, detail], load_cues())
    rafah = next(e for e in merged if e.location == "Rafah")
    assert (rafah.actor1, rafah.actor2) == (group, army)


def test_a_target_the_lead_only_borrowed_from_the_story_does_not_reverse_the_sides() -> None:
    army, group = "Military Forces of Egypt", "Islamic State Sinai Province"
    lead = _clash("Sinaï", 3, group, army, "Etat islamique")  # the army is the story's, not the sentence's
    detail = _clash("Rafah", 1, army, "", "jihadistes")
    merged = merge_events([lead, detail], load_cues())
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
    merged = merge_events([shooting, attentat], load_cues())
    assert [(e.sub_event_type, e.fatalities) for e in merged] == [("Attack", 12)]
    # a bomb named as such ("une voiture piégée") still takes in the killing it made
    bomb = _shooting_event("Remote explosive/landmine/IED", "voiture piégée")
    assert [e.sub_event_type for e in merge_events([_shooting_event("Attack", "abattu"), bomb], load_cues())] == [
        "Remote explosive/landmine/IED"]


def _spoils(sub_event_type: str, actor1: str) -> Event:
    return Event(doc="doc", event_type="Strategic developments", sub_event_type=sub_event_type, actor1=actor1,
                 location="Rafah", country="Egypt", geo_precision=1, event_date="2015-06-30")


def test_arrests_and_seizures_by_a_side_of_the_fight_are_part_of_it() -> None:
    # "trois jihadistes ont été tués et cinq arrêtés à Rafah ; les soldats ont saisi leurs armes"
    army, police, group = "Military Forces of Egypt", "Police Forces of Egypt", "Islamic State Sinai Province"
    fight = _clash("Rafah", 1, army, group, "armée")
    merged = merge_events([fight, _spoils("Arrests", police), _spoils("Disrupted weapons use", army)], load_cues())
    assert [e.sub_event_type for e in merged] == ["Armed clash"]
    # an arrest made by someone the fight does not involve is an event of its own
    merged = merge_events([fight, _spoils("Arrests", "Military Forces of Israel")], load_cues())
    assert sorted(e.sub_event_type for e in merged) == ["Armed clash", "Arrests"]


def test_a_find_in_a_place_taken_is_not_part_of_the_capture() -> None:
    # "l'armée a repris Rafah, où elle a découvert un dépôt d'armes": the search follows the capture
    capture = _clash("Rafah", 1, "Military Forces of Egypt", "Islamic State Sinai Province", "armée")
    capture.sub_event_type = "Government regains territory"
    merged = merge_events([capture, _spoils("Disrupted weapons use", "Military Forces of Egypt")], load_cues())
    assert len(merged) == 2


def _crowd(event_type: str, sub_event_type: str, actor1: str) -> Event:
    return Event(doc="doc", event_type=event_type, sub_event_type=sub_event_type, actor1=actor1,
                 location="Kasserine", country="Tunisia", geo_precision=1, event_date="2016-01-20")


def test_civilians_attacked_where_a_crowd_is_are_part_of_its_demonstration() -> None:
    # "la police a tué deux personnes en tirant sur les manifestants": the force used on the crowd
    protest = _crowd("Protests", "Excessive force against protesters", "Protesters (Tunisia)")
    shot = _crowd("Violence against civilians", "Attack", "Police Forces of Tunisia")
    assert [e.event_type for e in merge_events([protest, shot], load_cues())] == ["Protests"]
    # "des commerces ont été attaqués" by no one named, where rioters are
    riot = _crowd("Riots", "Violent demonstration", "Rioters (Tunisia)")
    looted = _crowd("Violence against civilians", "Attack", "Unidentified Armed Group (Tunisia)")
    assert [e.event_type for e in merge_events([riot, looted], load_cues())] == ["Riots"]
    # an unnamed group's attack near a peaceful march is not the marchers' doing
    march = _crowd("Protests", "Peaceful protest", "Protesters (Tunisia)")
    assert len(merge_events([march, looted], load_cues())) == 2
    # nor is a massacre, where a riot is told too
    massacre = _crowd("Violence against civilians", "Attack", "Unidentified Armed Group (Tunisia)")
    massacre.fatalities = 30
    unmerged_riot = _crowd("Riots", "Violent demonstration", "Rioters (Tunisia)")  # merging folds into the first
    assert len(merge_events([unmerged_riot, massacre], load_cues())) == 2


def _fight(location: str, precision: int, latitude: float, sentence: str, reversed_sides: bool = False) -> Event:
    army, group = "Military Forces of Somalia", "al-Shabaab"
    event = Event(doc="doc", event_type="Battles", sub_event_type="Armed clash",
                  actor1=army if reversed_sides else group, actor2=group if reversed_sides else army,
                  location=location, country="Somalia", geo_precision=precision, event_date="2023-01-17",
                  latitude=latitude, longitude=45.3)
    start = TEXT.index(sentence)
    event.add_evidence("sentence", Span("doc", start, start + len(sentence), sentence))
    return event


def test_a_fight_told_near_a_town_is_the_one_told_at_its_place() -> None:
    # "les shebab ont attaqué une base au nord de Mogadiscio" ... "la base de Hawadley": one fight, told twice
    near = _fight("Mogadishu", 2, 2.04, "Mardi", reversed_sides=True)
    there = _fight("Xawaadley", 1, 2.60, "Les jihadistes")
    merged = merge_events([near, there], load_cues())
    assert [e.location for e in merged] == ["Xawaadley"]
    # a fight at the place itself, or far from it, is another one
    assert len(merge_events([_fight("Afgooye", 1, 2.14, "Mardi"), there], load_cues())) == 2
    assert len(merge_events([_fight("Baidoa", 2, 3.11, "Mardi"), there], load_cues())) == 2


BLAST = "Une explosion a secoué le port et une voiture piégée a été retrouvée : douze personnes sont mortes."


def _blast_cue(trigger: str, fatalities: int) -> Event:
    event = Event(doc="doc", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                  location="Aden", country="Yemen", event_date="2019-04-18", fatalities=fatalities)
    for word, name in ((BLAST, "sentence"), (trigger, "trigger"), ("douze personnes sont mortes", "fatalities")):
        start = BLAST.index(word)
        event.add_evidence(name, Span("doc", start, start + len(word), word))
    return event


def test_one_toll_read_for_two_cues_of_a_sentence_is_counted_once() -> None:
    # two cues of one sentence, each given the same words: one toll, not two parts of the story that add up
    merged = merge_events([_blast_cue("explosion", 6), _blast_cue("voiture piégée", 12)], load_cues())
    assert [e.fatalities for e in merged] == [12]


def test_a_bombing_told_on_a_day_outside_the_undated_ones_week_is_another_one() -> None:
    # "le marché avait déjà été visé par une bombe le 2 mai": an earlier bombing, not a second name for this one
    this_week = _bombing("2017-11-20", 2)
    earlier = _bombing("2017-05-02", 1, "le 2 mai")
    earlier.location = "Maiduguri market"
    for event in (this_week, earlier):
        event.latitude, event.longitude, event.geo_precision = 11.85, 13.16, 1
    merged = merge_events([this_week, earlier], load_cues())
    assert sorted(e.event_date for e in merged) == ["2017-05-02", "2017-11-20"]


CRACKDOWN = ("Trois manifestants ont été tués lundi à Dawei, puis deux autres dans la soirée. Des médecins "
             "dénombraient plus tard neuf manifestants tués.")


def _crackdown(sentence: str, toll: str, fatalities: int) -> Event:
    event = Event(doc="doc", event_type="Protests", sub_event_type="Excessive force against protesters",
                  location="Dawei", country="Myanmar", event_date="2021-03-01", fatalities=fatalities)
    for words, name in ((sentence, "sentence"), (toll, "fatalities")):
        start = CRACKDOWN.index(words)
        event.add_evidence(name, Span("doc", start, start + len(words), words))
    return event


def test_figures_of_one_sentence_add_up_and_a_figure_told_in_another_sentence_is_not_added() -> None:
    first = CRACKDOWN[: CRACKDOWN.index(".") + 1]
    later = CRACKDOWN[len(first) + 1 :]
    parts = [_crackdown(first, "Trois manifestants ont été tués", 3), _crackdown(first, "deux autres", 2)]
    assert [e.fatalities for e in merge_events(parts, load_cues())] == [5]
    # the next sentence of the same paragraph gives another count (another source, or a wider total): the lowest
    told_apart = [_crackdown(first, "Trois manifestants ont été tués", 3),
                  _crackdown(later, "neuf manifestants tués", 9)]
    assert [e.fatalities for e in merge_events(told_apart, load_cues())] == [3]


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
    merged = merge_events([march, arrest], load_cues())
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
    merged = merge_events([shelling, strike("Air/drone strike", "")], load_cues())
    assert [(e.sub_event_type, e.actor2) for e in merged] == [("Air/drone strike", "Civilians (Ukraine)")]
    assert [s.text for s in merged[0].evidence["actor2"]] == ["cinq habitants"]


def test_a_second_report_with_the_sides_reversed_does_not_rename_the_first_side() -> None:
    # the first report sets an armed group against "les forces de sécurité" (the army), the second the police
    # against the group: the police are the group's opponent there, not a better name for the group
    # "Un groupe armé a attaqué les forces de sécurité à Karak. Des policiers ont riposté contre le groupe armé."

    def clash(actor1: str, actor2: str) -> Event:
        return Event(doc="doc", event_type="Battles", sub_event_type="Armed clash", actor1=actor1, actor2=actor2,
                     location="Karak", country="Jordan", event_date="2016-12-18")

    group, army, police = "Unidentified Armed Group (Jordan)", "Military Forces of Jordan", "Police Forces of Jordan"
    merged = merge_events([clash(group, army), clash(police, group)], load_cues())
    assert [(e.actor1, e.actor2) for e in merged] == [(group, army)]


def test_an_unidentified_group_is_not_renamed_by_a_state_force_another_report_read_there() -> None:
    # "trois bergers ont été enlevés à Garoua ... les gendarmes, alertés par cet enlèvement, ratissent la zone":
    # the force the second report names answered the abduction; the abductors stay unidentified
    # "Trois bergers ont été enlevés à Garoua. Les gendarmes, alertés par cet enlèvement, ratissent la zone."

    def abduction(actor1: str) -> Event:
        return Event(doc="doc", event_type="Violence against civilians",
                     sub_event_type="Abduction/forced disappearance", actor1=actor1, actor2="Civilians (Cameroon)",
                     location="Garoua", country="Cameroon", event_date="2018-01-19")

    merged = merge_events([abduction("Unidentified Armed Group (Cameroon)"),
                           abduction("Military Forces of Cameroon")], load_cues())
    assert [e.actor1 for e in merged] == ["Unidentified Armed Group (Cameroon)"]


def _fight_near_the_capital(actor1: str, location: str, latitude: float, sentence: str) -> Event:
    event = Event(doc="doc", event_type="Battles", sub_event_type="Armed clash", actor1=actor1, actor2="",
                  location=location, country="Libya", latitude=latitude, longitude=13.2, geo_precision=1,
                  event_date="2023-08-14")
    event.add_evidence("sentence", Span("doc", 0, len(sentence), sentence) if sentence.startswith("Des") else
                       Span("doc", 100, 100 + len(sentence), sentence))
    return event


def test_a_side_left_unidentified_is_the_side_a_nearby_report_of_the_same_fight_names() -> None:
    # "Des milices se sont affrontées lundi à Tripoli." ... "La brigade a combattu près de l'aéroport de Mitiga."
    vague = _fight_near_the_capital("Unidentified Armed Group (Libya)", "Tripoli", 32.89,
                                    "Des milices se sont affrontées lundi à Tripoli.")
    named = _fight_near_the_capital("444th Combat Brigade", "Mitiga airport", 32.84,
                                    "La brigade a combattu près de l'aéroport de Mitiga.")
    assert len(merge_events([vague, named], load_cues())) == 1


def test_two_unidentified_attackers_near_each_other_are_not_one() -> None:
    # two knife attacks in one city on one day, by attackers the text names by no group
    one = _fight_near_the_capital("Unidentified Armed Group (Palestine)", "Tripoli", 32.89,
                                  "Des assaillants ont attaqué une patrouille lundi.")
    other = _fight_near_the_capital("Unidentified Armed Group (Israel)", "Mitiga airport", 32.84,
                                    "Un autre assaillant a attaqué des policiers près de l'aéroport.")
    assert len(merge_events([one, other], load_cues())) == 2


RAID = "Des rebelles ont attaqué lundi une base militaire près de Kidal. Le raid s'est produit à l'aube."


def _base_attack(sub_event_type: str, trigger: str, latitude: float, reversed_sides: bool = False) -> Event:
    army, group = "Military Forces of Mali", "Unidentified Armed Group (Mali)"
    event_type = "Battles" if sub_event_type == "Armed clash" else "Explosions/Remote violence"
    event = Event(doc="doc", event_type=event_type, sub_event_type=sub_event_type,
                  actor1=army if reversed_sides else group, actor2=group if reversed_sides else army,
                  location=f"place {latitude}", country="Mali", event_date="2020-03-02",
                  latitude=latitude, longitude=1.4)
    start = RAID.index(trigger)
    event.add_evidence("trigger", Span("doc", start, start + len(trigger), trigger))
    return event


def test_a_raid_that_names_no_aircraft_told_near_a_fight_of_its_sides_is_that_fight() -> None:
    # "ont attaqué une base ... Le raid s'est produit dans le district voisin": the fight told again
    fight = _base_attack("Armed clash", "attaqué", 18.44)
    raid = _base_attack("Air/drone strike", "raid", 18.60, reversed_sides=True)
    assert [e.sub_event_type for e in merge_events([fight, raid], load_cues())] == ["Armed clash"]
    # far away, it is another event
    far = _base_attack("Air/drone strike", "raid", 20.0, reversed_sides=True)
    assert len(merge_events([_base_attack("Armed clash", "attaqué", 18.44), far], load_cues())) == 2


KNIFE = "Un homme a poignardé deux passants mardi à Jérusalem. La police a abattu l'assaillant."


def _knife(sub_event_type: str, actor2: str, trigger: str, named_target: bool = False) -> Event:
    event_type = "Battles" if sub_event_type == "Armed clash" else "Violence against civilians"
    event = Event(doc="doc", event_type=event_type, sub_event_type=sub_event_type,
                  actor1="Unidentified Armed Group (Israel)", actor2=actor2, location="Jerusalem",
                  country="Israel", event_date="2021-05-24", latitude=31.77, longitude=35.22)
    start = KNIFE.index(trigger)
    event.add_evidence("trigger", Span("doc", start, start + len(trigger), trigger))
    named = "police" if named_target else "passants" if sub_event_type == "Attack" else ""
    if named:
        start = KNIFE.index(named)
        event.add_evidence("actor2", Span("doc", start, start + len(named), named))
    return event


def test_fighting_by_an_attacker_of_civilians_that_names_no_target_is_the_attack() -> None:
    attack = _knife("Attack", "Civilians (Israel)", "poignardé")
    shot = _knife("Armed clash", "Police Forces of Israel", "abattu")  # its target came from the story
    assert [e.sub_event_type for e in merge_events([attack, shot], load_cues())] == ["Attack"]
    # a fight that names the force it faced is one of its own
    named = _knife("Armed clash", "Police Forces of Israel", "abattu", named_target=True)
    assert len(merge_events([_knife("Attack", "Civilians (Israel)", "poignardé"), named], load_cues())) == 2
    # so is one told as a fight ("la police a repoussé les assaillants")
    fought = _knife("Armed clash", "Police Forces of Israel", "abattu")
    fought.add_evidence("trigger", Span("doc", 0, 9, "repoussés"))
    assert len(merge_events([_knife("Attack", "Civilians (Israel)", "poignardé"), fought], load_cues())) == 2


FIRE = "Des blindés ont bombardé mardi un terminal de l'aéroport de Donetsk ; ils ont ouvert le feu sur les soldats."


def _fire(sub_event_type: str, trigger: str, location: str = "Donetsk", reversed_sides: bool = False) -> Event:
    army, rebels = "Military Forces of Ukraine", "Unidentified Armed Group (Ukraine)"
    event_type = "Battles" if sub_event_type == "Armed clash" else "Explosions/Remote violence"
    event = Event(doc="doc", event_type=event_type, sub_event_type=sub_event_type,
                  actor1=army if reversed_sides else rebels, actor2=rebels if reversed_sides else army,
                  location=location, country="Ukraine", event_date="2015-01-13")
    start = FIRE.index(trigger)
    event.add_evidence("trigger", Span("doc", start, start + len(trigger), trigger))
    return event


def test_fire_opened_between_the_sides_of_a_strike_there_that_day_is_the_strike() -> None:
    shelling = _fire("Shelling/artillery/missile attack", "bombardé")
    fire = _fire("Armed clash", "ouvert le feu", reversed_sides=True)
    merged = merge_events([shelling, fire], load_cues())
    assert [e.sub_event_type for e in merged] == ["Shelling/artillery/missile attack"]
    # at another place, or told with a fight's own words, it is a fight of its own
    elsewhere = _fire("Armed clash", "ouvert le feu", location="Debaltseve")
    assert len(merge_events([_fire("Shelling/artillery/missile attack", "bombardé"), elsewhere], load_cues())) == 2
    fought = _fire("Armed clash", "ouvert le feu")
    fought.add_evidence("trigger", Span("doc", 0, 6, "combats"))
    assert len(merge_events([_fire("Shelling/artillery/missile attack", "bombardé"), fought], load_cues())) == 2


def test_a_toll_with_a_figure_beats_a_count_by_convention_for_the_same_event() -> None:
    # "l'embuscade a fait de nombreuses victimes" and, in another sentence, "quatre gendarmes et 14 soldats tués"
    vague, figure = _blast_cue("explosion", 10), _blast_cue("voiture piégée", 18)
    vague.evidence["fatalities"] = [Span("doc", 200, 222, "de nombreuses victimes")]
    figure.evidence["fatalities"] = [Span("doc", 300, 335, "quatre gendarmes et 14 soldats tués")]
    for event, start in ((vague, 100), (figure, 400)):
        event.evidence["sentence"] = [Span("doc", start, start + 50, "une phrase")]
    assert [e.fatalities for e in merge_events([vague, figure], load_cues())] == [18]


AMBUSH = ("Douze miliciens ont été tués dimanche dans un guet-apens près de Kirkouk. Dimanche soir, une unité est "
          "tombée dans une embuscade dans la région de Hawija : 27 de nos hommes sont morts.")


def _ambush(location: str, latitude: float, trigger: str, fatalities: int) -> Event:
    event = Event(doc="doc", event_type="Battles", sub_event_type="Armed clash", actor1="Islamic State",
                  actor2="Popular Mobilization Forces", location=location, country="Iraq", geo_precision=2,
                  event_date="2018-02-18", latitude=latitude, longitude=44.0, fatalities=fatalities)
    start = AMBUSH.index(trigger)
    event.add_evidence("trigger", Span("doc", start, start + len(trigger), trigger))
    sentence = AMBUSH[:AMBUSH.index(".") + 1] if start < AMBUSH.index(".") else AMBUSH[AMBUSH.index(".") + 2:]
    event.add_evidence("sentence", Span("doc", AMBUSH.index(sentence), AMBUSH.index(sentence) + len(sentence),
                                        sentence))
    return event


def test_one_fight_told_near_two_places_stays_where_the_fuller_report_places_it() -> None:
    # the larger toll places it, even told first
    near_kirkuk = _ambush("Kirkuk", 35.47, "guet-apens", 27)
    in_hawija = _ambush("Hawija", 35.32, "embuscade", 0)
    assert [e.location for e in merge_events([near_kirkuk, in_hawija], load_cues())] == ["Kirkuk"]
    # with one toll, the later, detailed report places it
    lead, detail = _ambush("Kirkuk", 35.47, "guet-apens", 0), _ambush("Hawija", 35.32, "embuscade", 0)
    assert [e.location for e in merge_events([lead, detail], load_cues())] == ["Hawija"]
    # far apart, they are two fights
    far = _ambush("Mosul", 36.9, "guet-apens", 12)
    assert len(merge_events([far, _ambush("Hawija", 35.32, "embuscade", 27)], load_cues())) == 2


def _explosion(location: str, precision: int, admin1: str, day: str, toll: int = 0) -> Event:
    event = Event(doc="doc", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                  actor1="Unidentified Armed Group (Mali)", actor2="Civilians (Mali)", location=location,
                  admin1=admin1, country="Mali", geo_precision=precision, event_date=day, fatalities=toll)
    event.add_evidence("event_date", Span("doc", 0, 6, "mardi"))
    return event


def test_a_province_lead_dated_the_day_after_its_detail_is_the_detail_reported() -> None:
    # "quatre morts dans une explosion dans la région de Mopti, rapporte ce mercredi la presse" and "un minibus a
    # heurté mardi un engin explosif près de Parou": one explosion, told the day after it happened
    lead = _explosion("Mopti", 3, "Mopti", "2021-01-27", toll=4)
    detail = _explosion("Parou", 1, "Mopti", "2021-01-26")
    merged = merge_events([lead, detail], load_cues())
    assert [(e.location, e.event_date, e.fatalities) for e in merged] == [("Parou", "2021-01-26", 4)]
    # two days apart, or the lead before the detail, they are two explosions
    later = _explosion("Mopti", 3, "Mopti", "2021-01-28", toll=4)
    assert len(merge_events([later, _explosion("Parou", 1, "Mopti", "2021-01-26")], load_cues())) == 2
    earlier = _explosion("Mopti", 3, "Mopti", "2021-01-25", toll=4)
    assert len(merge_events([earlier, _explosion("Parou", 1, "Mopti", "2021-01-26")], load_cues())) == 2


def test_a_lead_dated_by_its_report_sums_up_a_detail_of_the_day_before() -> None:
    # "Deux civils ont été tués dans le Sinaï, ont rapporté mercredi des sources ... Mardi soir, à Rafah, ..."
    army, group = "Military Forces of Egypt", "Islamic State Sinai Province"
    lead = _clash("Sinaï", 3, group, army, "Etat islamique")
    lead.add_evidence("event_date", _span("Mardi"))
    lead.event_date = "2015-07-01"
    detail = _clash("Rafah", 1, group, army, "jihadistes")
    detail.add_evidence("event_date", _span("Mardi"))
    assert [e.location for e in merge_events([lead, detail], load_cues())] == ["Rafah"]


def test_a_report_that_names_the_day_dates_the_undated_report_of_the_same_happening() -> None:
    # "Attentat à Maiduguri" (dated by its publication), then "Samedi, une bombe a explosé ... au marché"
    headline, detail = _bombing("2017-11-20", 2), _bombing("2017-11-18", 1, "samedi")
    detail.location, detail.latitude, detail.longitude = "Marché", 11.85, 13.16
    headline.latitude, headline.longitude = 11.846, 13.157
    headline.add_evidence("sentence", Span("doc", 0, 5, "Titre"))
    detail.add_evidence("sentence", Span("doc", 6, 12, "Phrase"))
    merged = merge_events([headline, detail], load_cues())
    assert [(e.event_date, e.time_precision) for e in merged] == [("2017-11-18", 1)]
