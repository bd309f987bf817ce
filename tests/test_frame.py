"""Frame stage: attribution (who says so), loaded terms (in which words), neutral notes, outlet profiles."""

from __future__ import annotations

import json

import pytest

from veilleur.datafiles import load_json
from veilleur.frame import OWN_CLAIM, frame_events
from veilleur.frame.attribution import find_attributions, fold, sentence_bounds, sources_for_range
from veilleur.frame.loaded import contains_loaded_term, find_loaded_terms, lexicon, loaded_terms_in_spans
from veilleur.frame.notes import date_phrase, sub_event_types, write_notes
from veilleur.frame.profile import framing_profile
from veilleur.records import Article, Event, LoadedTerm, Span

SYRIAN_ARMY = "Military Forces of Syria"
OSDH = "Syrian Observatory for Human Rights"
CODEBOOK_SUB_EVENT_TYPES = [
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Air/drone strike",
    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb", "Grenade",
    "Chemical weapon", "Attack", "Abduction/forced disappearance", "Sexual violence", "Peaceful protest",
    "Protest with intervention", "Excessive force against protesters", "Violent demonstration",
    "Mob violence", "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory",
    "Other",
]


def _sources(text: str) -> list[str]:
    return [a.source for a in find_attributions(text)]


# --- attribution: one sentence per pattern --------------------------------------------------------------

ATTRIBUTION_CASES = [
    ("Selon Sana, deux ponts ont été détruits près de Hama.", "SANA"),
    ("D'après l'OSDH, quatre combattants ont péri au nord d'Alep.", OSDH),
    ("Trois villages ont été repris, a rapporté l'agence officielle Sana.", "SANA"),
    ("Un convoi a été touché près de Homs, rapporte la chaîne Al-Alam.", "Al-Alam"),
    ("« La route est rouverte », a annoncé le ministère russe de la Défense.", "Russian Ministry of Defence"),
    ("« Le secteur est sécurisé », indique le ministère russe de la Défense dans un communiqué.",
     "Russian Ministry of Defence"),
    ("Les tirs ont cessé vers midi, a indiqué l'OSDH.", OSDH),
    ("Un dépôt de munitions a été découvert à Deraa, a révélé l'agence syrienne officielle Sana.", "SANA"),
    ("« Nous avons avancé de dix kilomètres », a affirmé une source militaire.", "Military source (unnamed)"),
    ("« L'assaut a été repoussé », a déclaré le porte-parole de la police.", "Police spokesperson"),
    ("Les assaillants venaient de l'est, précise le journal libanais al-Akhbar.", "Al-Akhbar (Lebanon)"),
    ("Le barrage a été franchi mardi, a confirmé l'agence Anadolu.", "Anadolu"),
    ("L'Observatoire syrien des droits de l'Homme a fait état de douze morts à Idleb.", OSDH),
    ("La télévision syrienne rapporte que l'aéroport a été rouvert.", "Syrian state TV"),
    ("Un journaliste cite Al-Mayadeen pour décrire la prise de la colline.", "Al-Mayadeen"),
    ("Deux soldats ont été tués, a-t-on appris de source militaire.", "Military source (unnamed)"),
    ("Le poste a été attaqué à l'aube, de source sécuritaire.", "Security source (unnamed)"),
    ("Raid meurtrier sur un marché d'Idleb (Observatoire)", OSDH),
    ("BEYROUTH (AFP) - Des frappes ont visé un village de la province.", "AFP"),
    ("« Ils sont arrivés à trois », a déclaré à Reuters un habitant du quartier.", "Reuters"),
    ("Selon des médecins et témoins, le marché a été touché deux fois.", "Local sources (medics/witnesses)"),
    ("Selon le Commandement pour les opérations interarmées, le quartier est repris.",
     "Iraqi Joint Operations Command"),
    ("Selon le ministère somalien de l'Intérieur, l'attaque a échoué.", "Somali Ministry of the Interior"),
    ("Selon les Nations unies, 4000 familles ont fui la vallée.", "United Nations (UN/OCHA)"),
    ("« Le camp a été attaqué », a déclaré l'armée sur Twitter.", "Army spokesperson"),
]


@pytest.mark.parametrize(("sentence", "expected"), ATTRIBUTION_CASES)
def test_attribution_patterns(sentence: str, expected: str) -> None:
    assert expected in _sources(sentence)


def test_attribution_offsets_point_into_the_text() -> None:
    text = "Deux blindés ont été détruits, selon l'OSDH."
    (attribution,) = find_attributions(text)
    assert text[attribution.start : attribution.end] == attribution.text == "selon l'OSDH"
    assert attribution.kind == "NGO monitor"


def test_typographic_apostrophes_and_accents_are_folded() -> None:
    text = "Selon l’Observatoire syrien des droits de l’homme, la route est coupée."
    assert len(fold(text)) == len(text)
    assert _sources(text) == [OSDH]


def test_a_bare_mention_is_not_an_attribution() -> None:
    assert _sources("L'armée a repris Mayadine, où la chaîne Al-Mayadeen avait une équipe.") == []
    assert _sources("Les combats ont repris à Mayadine dimanche.") == []


def test_coordinated_sources_are_both_credited() -> None:
    text = "La ville a été reprise jeudi, selon Moscou et l'armée syrienne."
    assert _sources(text) == ["Russian Ministry of Defence", "Syrian Army (statement)"]


def test_expanded_name_and_acronym_make_one_attribution() -> None:
    text = "Un hôpital a été touché, rapporte l'Observatoire syrien des droits de l'Homme (OSDH)."
    (attribution,) = find_attributions(text)
    assert attribution.text.endswith("(OSDH)")


# --- attribution: anaphora ------------------------------------------------------------------------------


def test_le_journal_resolves_to_the_last_newspaper() -> None:
    text = (
        "Le pont a sauté, a rapporté le quotidien syrien Al-Watan. Selon Sana, la route est coupée. "
        "Les renforts sont arrivés, selon le journal."
    )
    assert _sources(text) == ["Al-Watan (Syria)", "SANA", "Al-Watan (Syria)"]


def test_cette_meme_source_resolves_to_the_last_attribution() -> None:
    text = "Selon l'OSDH, six civils ont péri. Les frappes ont duré deux heures, estime cette même source."
    assert _sources(text) == [OSDH, OSDH]


def test_la_chaine_resolves_to_a_tv_source() -> None:
    text = (
        "Selon Anadolu, le col est fermé. Selon Al Jazeera, il a rouvert. "
        "Le trafic reprend, indique la chaîne."
    )
    assert _sources(text)[-1] == "Al Jazeera"


def test_an_anaphor_with_nothing_before_it_credits_nobody() -> None:
    assert _sources("Trois obus sont tombés, selon le journal.") == []


def test_toujours_selon() -> None:
    text = "Selon l'OSDH, la colline est tombée. Toujours selon l'OSDH, vingt combattants ont été capturés."
    assert _sources(text) == [OSDH, OSDH]


# --- sources for a claim --------------------------------------------------------------------------------


def test_sources_for_range_same_sentence_then_paragraph_then_none() -> None:
    text = (
        "Selon Sana, l'armée a repris la colline 45. Les combats ont duré toute la nuit.\n"
        "Un marché a été bombardé à Idleb."
    )
    attributions = find_attributions(text)
    colline = text.index("repris")
    nuit = text.index("combats")
    marche = text.index("bombardé")
    assert sources_for_range(attributions, colline, colline + 6, text) == ["SANA"]
    assert sources_for_range(attributions, nuit, nuit + 7, text) == ["SANA"]
    assert sources_for_range(attributions, marche, marche + 8, text) == []


def test_sentence_bounds_split_on_punctuation_and_lines() -> None:
    text = "Première phrase. Deuxième phrase!\nTroisième"
    sentences = [text[s:e] for s, e in sentence_bounds(text)]
    assert sentences == ["Première phrase.", "Deuxième phrase!", "Troisième"]


# --- loaded terms: one sentence per family and side -----------------------------------------------------

LOADED_CASES = [
    ("L'aviation a frappé des takfiristes près de la ville.", "takfiristes", "actor-label"),
    ("Les terroristes ont abandonné leurs positions.", "terroristes", "actor-label"),
    ("La milice wahhabite a perdu trois chars.", "milice wahhabite", "actor-label"),
    ("Des mercenaires étrangers tenaient le village.", "mercenaires", "actor-label"),
    ("Les Daechistes se sont repliés vers le fleuve.", "Daechistes", "actor-label"),
    ("L'armée a libéré le village de Tell Abyad.", "libéré / libération", "action"),
    ("La coalition patriotique progresse vers le sud.", "coalition patriotique", "actor-label"),
    ("Les combattants de la résistance ont hissé leur drapeau.", "résistance (axe de la)", "actor-label"),
    ("Les groupes armés soutenus par les États-Unis ont quitté la base.",
     "groupes armés soutenus par les États-Unis", "actor-label"),
    ("Les rebelles modérés ont reçu de nouveaux missiles.", "rebelles modérés (ironique)", "evaluation"),
    ("Les forces du régime ont bombardé la localité.", "régime", "actor-label"),
    ("Des milices chiites ont pris position sur la colline.", "milices chiites", "actor-label"),
    ("Les milices pro-iraniennes ont renforcé leur présence.", "milices pro-iraniennes", "actor-label"),
    ("Les loyalistes ont avancé dans la vallée.", "loyalistes", "actor-label"),
    ("Le boucher de Damas a ordonné l'offensive.", "le boucher de Damas", "evaluation"),
    ("Les habitants dénoncent l'occupation turque de la région.", "occupation turque", "actor-label"),
    ("Des gangs mercenaires ont pillé les champs.", "gangs (mercenaires de la Turquie)", "actor-label"),
    ("Ankara a frappé les terroristes du PKK dans les montagnes.", "terroristes du PKK/YPG", "actor-label"),
    ("Les néonazis ont tiré sur le quartier.", "néonazis", "actor-label"),
    ("La junte de Kiev a rejeté la proposition.", "junte de Kiev", "actor-label"),
    ("Les occupants russes ont miné le pont.", "occupants (russes)", "actor-label"),
    ("Des terroristes prorusses ont bombardé la gare.", "terroristes prorusses", "actor-label"),
    ("Le communiqué menace les croisés et leurs alliés.", "croisés", "actor-label"),
    ("Le groupe dit avoir tué des apostats au poste.", "apostats", "actor-label"),
    ("Les moudjahidines ont pris d'assaut la caserne.", "moudjahidines", "actor-label"),
    ("Quatre martyrs sont tombés lors de l'attaque.", "martyrs", "evaluation"),
    ("Les soldats du califat ont revendiqué l'attaque.", "califat", "actor-label"),
    ("Des bandits ont attaqué le marché de bétail.", "bandits", "actor-label"),
    ("L'agression saoudienne a visé un port.", "agression saoudienne", "actor-label"),
    ("Les milices houthies ont tiré un missile.", "milices houthies", "actor-label"),
    ("Les rebelles soutenus par l'Iran ont attaqué la ville.", "rebelles soutenus par l'Iran", "actor-label"),
]


@pytest.mark.parametrize(("sentence", "term", "family"), LOADED_CASES)
def test_loaded_terms_by_family(sentence: str, term: str, family: str) -> None:
    found = find_loaded_terms(sentence)
    assert (term, family) in [(entry.term, entry.family) for _, _, entry in found]
    for start, end, _ in found:
        assert 0 <= start < end <= len(sentence)


def test_every_lexicon_family_and_a_side_per_entry() -> None:
    entries = lexicon()
    assert {e.family for e in entries} == {"actor-label", "action", "evaluation"}
    assert all(e.side and e.neutral_fr and e.neutral_en for e in entries)


def test_lexicon_patterns_are_folded_ascii() -> None:
    data = load_json("loaded_terms.json")
    for row in data["entries"]:
        for pattern in row["patterns"] + row.get("unless", []):
            assert pattern.isascii(), pattern


def test_plain_senses_are_not_loaded() -> None:
    assert find_loaded_terms("Les deux otages ont été libérés samedi.") == []
    assert find_loaded_terms("La voiture a explosé, tuant deux de ses occupants.") == []
    assert find_loaded_terms("Les soldats n'ont rencontré aucune résistance à l'entrée du bourg.") == []
    assert find_loaded_terms("Des informations croisées confirment le bilan.") == []


def test_longest_label_wins() -> None:
    found = find_loaded_terms("Des terroristes prorusses ont tiré.")
    assert [e.term for _, _, e in found] == ["terroristes prorusses"]


def test_loaded_terms_in_spans_points_into_original_and_deduplicates() -> None:
    text = "Intro. L'armée a libéré Mayadine des takfiristes."
    article = Article(id="a1", text=text)
    start = text.index("L'armée")
    span = Span("a1", start, len(text), text[start:])
    terms = loaded_terms_in_spans(article, [span, span])
    assert [t.term for t in terms] == ["libéré / libération", "takfiristes"]
    for t in terms:
        assert t.span is not None
        assert article.original[t.span.start : t.span.end] == t.span.text
    assert terms[0].neutral == "repris / reprise"


# --- notes ----------------------------------------------------------------------------------------------


def _event(sub_event_type: str, **fields: object) -> Event:
    base: dict[str, object] = {
        "actor1": SYRIAN_ARMY, "actor2": "Islamic State", "location": "Al Mayadin", "admin1": "Deir ez-Zor",
        "country": "Syria", "event_date": "2017-10-14", "time_precision": 1, "geo_precision": 1,
    }
    base.update(fields)
    return Event(doc="d", event_type="", sub_event_type=sub_event_type, **base)  # type: ignore[arg-type]


def test_codebook_example_note() -> None:
    notes = write_notes(_event("Government regains territory"))
    assert notes["fr"] == (
        "Le 14 octobre 2017, les forces gouvernementales syriennes ont repris Mayadine (Deir ez-Zor, Syrie) "
        "à l'État islamique."
    )
    assert notes["en"] == (
        "On 14 October 2017, Military Forces of Syria regained Al Mayadin (Deir ez-Zor, Syria) "
        "from Islamic State."
    )


def test_every_codebook_sub_event_type_has_a_template() -> None:
    assert set(CODEBOOK_SUB_EVENT_TYPES) <= set(sub_event_types())


@pytest.mark.parametrize("sub_event_type", CODEBOOK_SUB_EVENT_TYPES)
@pytest.mark.parametrize("actor2", ["Islamic State", ""])
def test_notes_for_each_sub_event_type_have_no_loaded_term(sub_event_type: str, actor2: str) -> None:
    notes = write_notes(_event(sub_event_type, actor2=actor2, fatalities=4, assoc_actor_1="Hezbollah"))
    for lang in ("fr", "en"):
        note = notes[lang]
        assert note.endswith(".") and "{" not in note and "[" not in note and "  " not in note
        assert not contains_loaded_term(note), note
    assert "4 morts signalés" in notes["fr"] and "4 reported fatalities" in notes["en"]


def test_contains_loaded_term_checks_french_and_english() -> None:
    assert contains_loaded_term("Les forces du régime ont avancé.")
    assert contains_loaded_term("Terrorists were killed near the town.")
    assert not contains_loaded_term("Government forces advanced near the town.")


def test_canonical_names_may_be_ignored_by_the_check() -> None:
    name = "Forces of Martyr Ahmad al-Abdo"
    note = write_notes(_event("Attack", actor1=name))["en"]
    assert contains_loaded_term(note)
    assert not contains_loaded_term(note, ignore=[name, "Islamic State"])


def test_date_wording_by_precision() -> None:
    assert date_phrase("2017-10-14", 1, "fr") == "Le 14 octobre 2017"
    assert date_phrase("2017-10-14", 2, "fr") == "Vers le 14 octobre 2017 (semaine)"
    assert date_phrase("2017-10-14", 3, "fr") == "En octobre 2017"
    assert date_phrase("2017-10-01", 1, "fr") == "Le 1er octobre 2017"
    assert date_phrase("2017-10-14", 3, "en") == "In October 2017"
    assert date_phrase("", 1, "en") == "On an unspecified date"


def test_note_fallbacks_unknown_actor_and_place_precision() -> None:
    notes = write_notes(_event("Armed clash", actor1="", actor2="Unidentified Armed Group (Syria)",
                               location="Aleppo", admin1="Aleppo", geo_precision=2, fatalities=1))
    opening = "Le 14 octobre 2017, un acteur non identifié a pris part à des affrontements"
    assert notes["fr"].startswith(opening), notes["fr"]
    assert "groupe armé non identifié (Syrie) près d'Alep (Syrie); 1 mort signalé." in notes["fr"]
    assert "near Aleppo (Syria); 1 reported fatality." in notes["en"]


# --- frame_events ---------------------------------------------------------------------------------------


def _framed(text: str, trigger: str, source: str = "exemple.info") -> Event:
    article = Article(id="doc1", text=text, source=source)
    start = text.index(trigger)
    event = _event("Government regains territory")
    event.add_evidence("trigger", Span("doc1", start, start + len(trigger), trigger))
    frame_events(article, [event])
    return event


def test_frame_events_credits_the_attributed_source() -> None:
    text = "L'armée a libéré Mayadine des takfiristes, a rapporté l'agence officielle Sana."
    event = _framed(text, "libéré")
    assert event.sources == ["SANA"]
    assert event.source_outlet == "exemple.info"
    assert {t.term for t in event.loaded_terms} == {"libéré / libération", "takfiristes"}
    assert event.notes["fr"].startswith("Le 14 octobre 2017")
    assert not contains_loaded_term(event.notes["fr"])


def test_frame_events_marks_the_outlets_own_claim() -> None:
    assert _framed("L'armée a repris Mayadine samedi.", "repris").sources == ["exemple.info"]
    assert _framed("L'armée a repris Mayadine samedi.", "repris", source="").sources == [OWN_CLAIM]


def test_frame_events_maps_normalised_text_back_to_original() -> None:
    original = "Intro.  L’armée a libéré Mayadine, selon l’OSDH."
    text = "Intro. L'armée a libéré Mayadine, selon l'OSDH."
    offsets = list(range(6)) + [i + 1 for i in range(6, len(text) + 1)]
    article = Article(id="doc2", text=text, original=original, offsets=offsets, source="x.org")
    start = original.index("libéré")
    event = _event("Government regains territory")
    event.add_evidence("trigger", Span("doc2", start, start + 6, "libéré"))
    frame_events(article, [event])
    assert event.sources == [OSDH]
    (term,) = event.loaded_terms
    assert term.span is not None and original[term.span.start : term.span.end] == "libéré"


# --- profile --------------------------------------------------------------------------------------------


def _term(side: str, family: str = "actor-label") -> LoadedTerm:
    return LoadedTerm(term="t", neutral="n", family=family, side=side)


def test_framing_profile_aggregates_per_outlet() -> None:
    a1, a2, b1 = (_event("Attack") for _ in range(3))
    a1.source_outlet = a2.source_outlet = "a.example"
    b1.source_outlet = ""
    a1.loaded_terms = [_term("pro-government"), _term("pro-government", "action")]
    a2.loaded_terms = [_term("jihadist")]
    profile = framing_profile([a1, a2, b1])
    assert profile["a.example"] == {
        "events": 2,
        "loaded_terms": 3,
        "by_side": {"pro-government": 2, "jihadist": 1},
        "by_family": {"actor-label": 2, "action": 1},
        "density": 1.5,
        "dominant_side": "pro-government",
    }
    assert profile["unknown"]["dominant_side"] is None and profile["unknown"]["density"] == 0.0
    json.dumps(profile)  # serialisable as is
