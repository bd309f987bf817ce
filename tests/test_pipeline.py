"""The pipeline over a batch: one result per article in order, never an exception, framed events.

Built once per module (loading spaCy takes seconds). Articles are hand-written French news.
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest

from veilleur.frame import contains_loaded_term
from veilleur.ingest import article_from_text
from veilleur.pipeline import ArticleResult, Pipeline
from veilleur.records import Article

PUBLISHED = date(2017, 10, 16)

GOOD = (
    "Syrie : l'armée reprend Mayadine\n"
    "Les soldats de l'armée arabe syrienne ont libéré dimanche la ville de Mayadine, dans la province de "
    "Deir Ezzor, de la milice wahhabite terroriste Daech, selon l'OSDH. "
    "Hier, des obus de mortier sont tombés sur la ville de Jaramana, faisant trois morts et dix blessés."
)
NO_EVENT = (
    "Le ministre irakien des Affaires étrangères a reçu mardi à Bagdad son homologue français pour évoquer "
    "la reconstruction du pays et le retour des déplacés."
)
# Words the codebook lists as loaded, and those of the lexicon these texts use.
LOADED_WORDS = ("terroris", "takfir", "libér", "régime", "wahhabite", "milice")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_defaults()


def make(doc: str, text: str) -> Article:
    article = article_from_text(doc, text, published=PUBLISHED, source="Le Veilleur Test")
    assert isinstance(article, Article), article
    return article


@pytest.fixture(scope="module")
def batch(pipeline: Pipeline) -> list[ArticleResult]:
    articles = [
        make("good", GOOD),
        Article(id="empty", text="  \n ", published=PUBLISHED, source="Le Veilleur Test"),
        make("quiet", NO_EVENT),
    ]
    return list(pipeline.run(articles))


def osdh_canonical_name() -> str:
    data = json.loads(resources.files("veilleur").joinpath("data/sources.json").read_text(encoding="utf-8"))
    names = [s["name"] for s in data["sources"] if "OSDH" in s["aliases"] + s["exact_aliases"]]
    assert len(names) == 1
    return names[0]


def test_one_result_per_article_in_order(batch: list[ArticleResult]) -> None:
    assert [r.article.id for r in batch] == ["good", "empty", "quiet"]


def test_bad_or_quiet_articles_yield_no_events_and_do_not_stop_the_batch(batch: list[ArticleResult]) -> None:
    good, empty, quiet = batch
    assert good.rejection is None and good.events
    assert empty.events == []
    assert quiet.rejection is None and quiet.events == []


def test_good_article_events(batch: list[ArticleResult]) -> None:
    assert sorted(e.sub_event_type for e in batch[0].events) == [
        "Government regains territory", "Shelling/artillery/missile attack"
    ]
    events = {e.sub_event_type: e for e in batch[0].events}
    capture = events["Government regains territory"]
    assert (capture.actor1, capture.actor2) == ("Military Forces of Syria", "Islamic State")
    assert (capture.location, capture.admin1, capture.event_date) == ("Al Mayādīn", "Deir ez-Zor", "2017-10-15")
    shelling = events["Shelling/artillery/missile attack"]
    assert (shelling.location, shelling.event_date, shelling.fatalities) == ("Jaramānā", "2017-10-15", 3)


def test_events_carry_the_outlet(batch: list[ArticleResult]) -> None:
    assert {e.source_outlet for e in batch[0].events} == {"Le Veilleur Test"}


def test_selon_osdh_gives_the_canonical_source(batch: list[ArticleResult]) -> None:
    capture = next(e for e in batch[0].events if e.sub_event_type == "Government regains territory")
    assert capture.sources == [osdh_canonical_name()]


def test_loaded_terms_found_in_partisan_wording(batch: list[ArticleResult]) -> None:
    capture = next(e for e in batch[0].events if e.sub_event_type == "Government regains territory")
    terms = {t.term.lower() for t in capture.loaded_terms}
    assert any(t.startswith("libér") for t in terms)
    assert any("wahhabite" in t for t in terms)
    assert any(t.startswith("terroris") for t in terms)
    assert all(t.neutral for t in capture.loaded_terms)
    article = batch[0].article
    for term in capture.loaded_terms:
        assert term.span is not None
        assert article.original[term.span.start : term.span.end] == term.span.text


def test_notes_are_neutral_in_french_and_english(batch: list[ArticleResult]) -> None:
    for event in batch[0].events:
        assert set(event.notes) >= {"fr", "en"}
        for note in event.notes.values():
            assert note.strip()
            assert not contains_loaded_term(note)
            assert not any(word in note.lower() for word in LOADED_WORDS)
    capture = next(e for e in batch[0].events if e.sub_event_type == "Government regains territory")
    assert "Military Forces of Syria" in capture.notes["en"]
    assert "Islamic State" in capture.notes["en"]
    assert "Daech" not in capture.notes["fr"]


def test_neutral_text_has_no_loaded_terms(pipeline: Pipeline) -> None:
    result = pipeline.process(
        make("plain", "Des combats ont opposé dimanche l'armée irakienne à l'État islamique près de Tal Afar.")
    )
    assert len(result.events) == 1
    assert result.events[0].loaded_terms == []


def test_run_handles_more_articles_than_one_spacy_batch(pipeline: Pipeline) -> None:
    texts = [
        "Une voiture piégée a explosé dimanche à Kirkouk, faisant cinq morts.",
        NO_EVENT,
        "Des combats ont opposé dimanche l'armée malienne à des jihadistes près de Gao.",
    ]
    articles = [make(f"a{i}", texts[i % 3]) for i in range(7)]
    results = list(pipeline.run(articles, batch_size=2))
    assert [r.article.id for r in results] == [a.id for a in articles]
    assert [len(r.events) for r in results] == [1, 0, 1, 1, 0, 1, 1]
    assert all(r.rejection is None for r in results)


def test_unknown_village_is_reported_and_the_event_kept_near_the_known_town(pipeline: Pipeline) -> None:
    result = pipeline.process(
        make("village", "Des combats ont opposé dimanche l'armée malienne à des jihadistes dans le village de "
             "Kouloubadiéni, près de Gao.")
    )
    assert result.rejection is None
    assert [result.article.text[s:e] for s, e, _ in result.unresolved_places] == ["Kouloubadiéni"]
    assert "près de Gao" in result.unresolved_places[0][2]
    assert [(e.location, e.geo_precision) for e in result.events] == [("Gao", 2)]


def test_a_group_tied_to_a_country_points_to_that_country(pipeline: Pipeline) -> None:
    # no country is named: the M23 ties the story to DR Congo, where Kiwanja is
    result = pipeline.process(make("m23", "Les rebelles du M23 ont pris lundi la localité de Kiwanja après de "
                                          "violents combats avec l'armée."))
    assert [(e.location, e.country) for e in result.events] == [("Kiwanja", "Democratic Republic of Congo")]


@pytest.mark.parametrize("dateline", ["DAKAR (AFP) - ", "Dakar, 14 octobre (Agence Sahel/AP) – ",
                                      "Dakar (Sénégal), 14 octobre – ", "DAKAR/ABIDJAN (Reuters) - "])
def test_the_desks_dateline_is_not_where_the_event_happened(pipeline: Pipeline, dateline: str) -> None:
    # the text places the attack no finer than a part of Niger: no event can be mapped (codebook 4)
    text = dateline + "Des jihadistes ont attaqué samedi un poste de l'armée dans le nord du Niger, tuant trois."
    assert pipeline.process(make("dateline", text)).events == []


def test_no_event_reason_says_what_the_pipeline_knows() -> None:
    from veilleur.pipeline import no_event_reason
    from veilleur.records import Event, Rejection

    text = "Des tirs ont été entendus près de Kfar Zita et de Lataminé, selon des habitants."
    dated = Article("a", text, published=date(2017, 10, 2))
    kfar, latamine = text.index("Kfar Zita"), text.index("Lataminé")
    unresolved = [(kfar, kfar + 9, text), (latamine, latamine + 8, text), (kfar, kfar + 9, text)]
    assert no_event_reason(ArticleResult(dated, unresolved_places=unresolved)) == (
        "no event recognised; places not found: Kfar Zita, Lataminé")
    assert no_event_reason(ArticleResult(dated)) == "no event recognised"
    assert no_event_reason(ArticleResult(Article("b", text))).startswith("no publication date")
    assert no_event_reason(ArticleResult(dated, rejection=Rejection("a", "not French"))) == "not French"
    assert no_event_reason(ArticleResult(dated, events=[Event("a", "Battles", "Armed clash")])) == ""


def test_dead_broken_down_into_soldiers_are_not_all_civilians(pipeline: Pipeline) -> None:
    # "personnes" alone would be civilians; the breakdown names soldiers among them
    result = pipeline.process(make("breakdown", "Une attaque a eu lieu samedi à Kandi, au Bénin. "
                                                "L'attaque a coûté la vie à neuf personnes, dont six soldats de "
                                                "l'armée béninoise et trois gardes forestiers."))
    assert [(e.event_type, e.actor2, e.fatalities) for e in result.events] == [
        ("Battles", "Military Forces of Benin", 9)]
