"""The HTTP API over a filled store (both backends), with a stand-in pipeline for POST /articles."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from conftest import Corpus
from fastapi.testclient import TestClient

from veilleur import export
from veilleur.api import create_app
from veilleur.pipeline import ArticleResult, Pipeline
from veilleur.records import Article, Event, Rejection
from veilleur.store import Store

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class FakePipeline(Pipeline):
    """Codes one air strike on Douma wherever the text says "Douma"; rejects empty-looking texts."""

    built = 0

    def __init__(self) -> None:
        FakePipeline.built += 1

    def process(self, article: Article) -> ArticleResult:
        if "REJECT" in article.text:
            return ArticleResult(article, rejection=Rejection(article.id, "not about conflict"))
        events = []
        start = article.text.find("Douma")
        if start >= 0:
            e = Event(article.id, "Explosions/Remote violence", "Air/drone strike",
                      actor1="Military Forces of Syria", location="Douma", admin1="Rif Dimashq",
                      country="Syria", latitude=33.5711, longitude=36.4019, event_date="2017-11-13",
                      time_precision=1, fatalities=16, source_outlet=article.source)
            e.add_evidence("location", article.span(start, start + 5))
            events.append(e)
        return ArticleResult(article, events=events)


@pytest.fixture
def client(filled_store: Store) -> Iterator[TestClient]:
    FakePipeline.built = 0
    app = create_app(filled_store, token=TOKEN, pipeline_factory=FakePipeline)
    with TestClient(app) as c:
        yield c


def test_events_paging_and_filters(client: TestClient, corpus: Corpus) -> None:
    r = client.get("/events", params={"limit": 5})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == len(corpus.events) and len(body["items"]) == 5
    second = client.get("/events", params={"limit": 5, "offset": 5}).json()
    assert not {e["id"] for e in body["items"]} & {e["id"] for e in second["items"]}
    assert all(e["cluster_id"] for e in body["items"])
    r = client.get("/events", params={"since": "2017-11-13", "until": "2017-11-13", "admin1": "Rif Dimashq"})
    assert {e["doc"] for e in r.json()["items"]} == {"osdh-douma", "afp-douma", "monde-douma"}
    r = client.get("/events", params={"actor": "jaish", "event_type": "Explosions/Remote violence"})
    assert r.json()["total"] == 1
    assert client.get("/events", params={"country": "Iraq"}).json()["total"] == 0
    assert client.get("/events", params={"limit": 0}).status_code == 422
    assert client.get("/events", params={"since": "hier"}).status_code == 422


def test_events_geojson(client: TestClient, corpus: Corpus) -> None:
    r = client.get("/events", params={"format": "geojson", "limit": 1000})
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == len(corpus.events)
    f = fc["features"][0]
    assert f["geometry"]["type"] == "Point"
    lon, lat = f["geometry"]["coordinates"]
    assert (lat, lon) == (f["properties"]["latitude"], f["properties"]["longitude"])


def test_filters_take_aliases_french_names_and_parts(client: TestClient, corpus: Corpus) -> None:
    islamic_state = {e.id for e in corpus.events if "Islamic State" in (e.actor1, e.actor2)}
    daech = client.get("/events", params={"actor": "Daech", "country": "Syrie", "limit": 1000}).json()
    assert {e["id"] for e in daech["items"]} == islamic_state and daech["total"] == len(islamic_state)
    rfi = client.get("/events", params={"source": "rfi"}).json()
    assert rfi["total"] > 0 and {e["source_outlet"] for e in rfi["items"]} == {"RFI"}
    assert client.get("/events", params={"event_type": "battles"}).json()["total"] == 7
    deadly = client.get("/events", params={"sub_event_type": "strike", "min_fatalities": 16}).json()
    assert {(e["sub_event_type"], e["fatalities"]) for e in deadly["items"]} == {
        ("Air/drone strike", 17), ("Air/drone strike", 18)}
    assert client.get("/events", params={"min_fatalities": -1}).status_code == 422
    # the header's counts follow the filters
    stats = client.get("/stats", params={"source": "SANA"}).json()
    assert stats["total"] == 5 and stats["articles"] == len(
        {e.doc for e in corpus.events if e.source_outlet == "SANA"})


def test_downloads_hold_the_filtered_events(client: TestClient, corpus: Corpus) -> None:
    islamic_state = {e.id for e in corpus.events if "Islamic State" in (e.actor1, e.actor2)}
    r = client.get("/events.csv", params={"actor": "Daech"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="veilleur-events.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == len(islamic_state)
    # the ACLED CSV carries ACLED's names: "Islamic State (Syria)"
    assert all(row["actor1"].startswith("Islamic State") or row["actor2"].startswith("Islamic State") for row in rows)
    assert list(rows[0]) == list(export.ACLED_COLUMNS)  # the export's own columns, unchanged
    r = client.get("/events.geojson", params={"actor": "Daech"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/geo+json"
    features = json.loads(r.text)["features"]
    assert {f["id"] for f in features} == islamic_state
    everything = json.loads(client.get("/events.geojson").text)["features"]
    assert len(everything) == len(corpus.events)


def test_articles_list_counts_events_and_says_why_none(client: TestClient, corpus: Corpus) -> None:
    quiet = {"id": "calme-plat", "text": "Selon des habitants, la situation est restée calme toute la semaine "
             "dans la ville, où les commerces ont rouvert.", "published": "2017-11-14", "source": "Test"}
    assert client.post("/articles", json=quiet, headers=AUTH).json()["events"] == 0
    undated = {"id": "sans-date", "text": "Les habitants de la ville ont passé une semaine calme, sans combats "
               "ni frappes, selon plusieurs témoins joints par téléphone.", "source": "Test"}
    assert client.post("/articles", json=undated, headers=AUTH).status_code == 201
    body = client.get("/articles", params={"limit": 1000}).json()
    assert body["total"] == len(corpus.articles) + 2 == len(body["items"])
    by_id = {a["id"]: a for a in body["items"]}
    assert by_id["calme-plat"]["events"] == 0 and by_id["calme-plat"]["no_event_reason"] == "no event recognised"
    assert by_id["sans-date"]["no_event_reason"].startswith("no publication date")
    assert by_id["sana-damas"]["events"] == len(corpus.events_of("sana-damas"))
    assert by_id["sana-damas"]["no_event_reason"] == ""
    only = client.get("/articles", params={"without_events": True}).json()
    assert only["total"] == 2 and {a["id"] for a in only["items"]} == {"calme-plat", "sans-date"}
    assert client.get("/articles", params={"source": "rfi"}).json()["total"] == len(
        [a for a in corpus.articles if a.source == "RFI"])
    assert client.get("/articles/calme-plat").json()["no_event_reason"] == "no event recognised"


def test_event_detail(client: TestClient, corpus: Corpus) -> None:
    event = corpus.events_of("lp-azaz")[0]
    body = client.get(f"/events/{event.id}").json()
    assert body["evidence_spans"]["fatalities"][0]["text"] == "tuant 48 personnes"
    assert {m["doc"] for m in body["mentions"]} == {"rfi-azaz", "lp-azaz", "ouest-azaz"}
    assert body["cluster"]["fatalities"] == 12
    assert body["cluster"]["disagreements"]["fatalities"]["Le Parisien"] == 48
    assert body["article"]["title"] == "Carnage à Aazaz"
    assert client.get("/events/unknown").status_code == 404


def test_article_view(client: TestClient) -> None:
    body = client.get("/articles/sana-damas").json()
    text = body["original"]
    [event] = body["events"]
    for spans in event["evidence_spans"].values():
        for s in spans:
            assert text[s["start"] : s["end"]] == s["text"]
    assert event["loaded_terms"][0]["side"] == "pro-government"
    assert event["cluster_id"]
    assert client.get("/articles/none").status_code == 404


def test_stats_clusters_profiles(client: TestClient, corpus: Corpus) -> None:
    stats = client.get("/stats").json()
    assert stats["total"] == len(corpus.events)
    assert stats["by_day"]["2017-11-13"] == {"Explosions/Remote violence": 4}
    assert client.get("/stats", params={"event_type": "Protests"}).json()["total"] == 1
    clusters = client.get("/clusters", params={"min_corroboration": 2}).json()
    assert clusters["total"] == 5
    damas = next(c for c in clusters["items"] if c["mentions"] == 4)
    assert damas["corroboration"] == 2 and len(damas["members"]) == 4
    one = client.get(f"/clusters/{damas['id']}").json()
    assert len(one["members"]) == 4
    assert client.get("/clusters/x").status_code == 404
    profiles = {p["outlet"]: p for p in client.get("/profiles/outlets").json()}
    assert profiles["SANA"]["by_side"]["pro-government"] == 7


def test_post_requires_token(client: TestClient) -> None:
    article = {"text": "Des frappes ont visé Douma lundi."}
    assert client.post("/articles", json=article).status_code == 401
    r = client.post("/articles", json=article, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert client.post("/articles", json=article, headers={"Authorization": TOKEN}).status_code == 401
    assert FakePipeline.built == 0


def test_post_without_configured_token_is_503(filled_store: Store) -> None:
    with TestClient(create_app(filled_store, token=None, pipeline_factory=FakePipeline)) as c:
        r = c.post("/articles", json={"text": "x"}, headers={"Authorization": "Bearer anything"})
        assert r.status_code == 503


def test_post_article_runs_pipeline_once_and_stores(client: TestClient) -> None:
    body = {"text": "Selon l'OSDH, seize civils ont été tués lundi à Douma par des frappes.",
            "title": "Douma", "published": "2017-11-13", "url": "https://exemple.test/new", "source": "Test"}
    r = client.post("/articles", json=body, headers=AUTH)
    assert r.status_code == 201, r.text
    saved = r.json()
    assert saved["status"] == "inserted" and saved["events"] == 1 and len(saved["event_ids"]) == 1
    detail = client.get(f"/events/{saved['event_ids'][0]}").json()
    assert detail["source_outlet"] == "Test"
    assert len(detail["mentions"]) == 4 and detail["cluster"]["fatalities"] == 15
    again = client.post("/articles", json=body, headers=AUTH).json()
    assert again["status"] == "replaced" and again["article_id"] == saved["article_id"]
    text = "REJECT : selon des habitants, la situation est restée calme toute la semaine dans la ville."
    rejected = client.post("/articles", json={"text": text}, headers=AUTH)
    assert rejected.status_code == 422 and "not about conflict" in rejected.text
    # the file readers' checks apply to posted articles too
    junk = client.post("/articles", json={"text": "Trop court."}, headers=AUTH)
    assert junk.status_code == 422 and "too short to hold an event" in junk.text
    assert client.post("/articles", json={"text": ""}, headers=AUTH).status_code == 422
    assert FakePipeline.built == 1


def test_an_article_whose_id_holds_a_slash_can_be_opened(client: TestClient) -> None:
    body = {"id": "afp/2017/11/douma", "text": "Selon l'OSDH, seize civils ont été tués lundi à Douma par des frappes.",
            "published": "2017-11-13", "source": "Test"}
    assert client.post("/articles", json=body, headers=AUTH).status_code == 201
    opened = client.get("/articles/afp%2F2017%2F11%2Fdouma")
    assert opened.status_code == 200 and opened.json()["id"] == "afp/2017/11/douma"
    assert client.get("/articles/afp/2017/11/douma").json()["id"] == "afp/2017/11/douma"


def test_openapi_and_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/articles/{article_id}", "/stats", "/clusters",
            "/articles", "/profiles/outlets"} <= set(spec["paths"])
    assert "post" in spec["paths"]["/articles"]
    assert client.get("/docs").status_code == 200


def test_dashboard_is_served(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert client.get("/static/app.js").status_code == 200


def test_security_headers_on_the_dashboard_and_the_api(client: TestClient) -> None:
    for path in ("/", "/events", "/static/app.js"):
        response = client.get(path)
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        policy = response.headers["Content-Security-Policy"]
        assert "script-src 'self';" in policy and "frame-ancestors 'none'" in policy


def test_posting_is_refused_before_the_body_is_read(client: TestClient) -> None:
    huge = b"x" * 6_000_000
    assert client.post("/articles", content=huge).status_code == 401  # no token: nothing is parsed
    headers = {**AUTH, "Content-Type": "application/json"}
    assert client.post("/articles", content=huge, headers=headers).status_code == 413
    latin = {"Authorization": "Bearer é".encode("latin-1")}  # a non-ASCII token is a 401, not a server error
    assert client.post("/articles", json={"text": "x"}, headers=latin).status_code == 401


def test_malformed_queries_are_client_errors(client: TestClient) -> None:
    assert client.get("/events?offset=99999999999999999999").status_code == 422
    assert client.get("/clusters?min_corroboration=99999999999").status_code == 422
    assert client.get("/events?actor=a%00b").status_code == 400
