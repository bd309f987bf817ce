"""``veilleur watch``: outlets served by real HTTP servers on 127.0.0.1 (no mocks), the real pipeline.

The servers serve an RSS feed (with ETag), an Atom feed, a sitemap, an HTML listing page, article pages
written for these tests, a robots.txt, and slow, failing, redirecting, malformed and oversized answers.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from veilleur.api.app import create_app
from veilleur.cli import app
from veilleur.pipeline import Pipeline
from veilleur.store import Store
from veilleur.store.watch_state import WatchState
from veilleur.watch.alerts import AlertLog
from veilleur.watch.config import ConfigError, Rule, Source, load_rules, load_sources
from veilleur.watch.fetch import Fetcher, FetchError
from veilleur.watch.listing import page_items, sitemap_items
from veilleur.watch.runner import Watcher

KIRO = ("Des hommes armés ont attaqué lundi le village de Kiro, dans la région de Mopti, au Mali, tuant cinq "
        "civils, selon des sources locales. Les assaillants, arrivés à moto, ont incendié plusieurs greniers "
        "avant de repartir vers la frontière. Un élu de la commune a confirmé le bilan à notre correspondant.")
KIRO_AGAIN = ("Des hommes armés ont attaqué lundi le village de Kiro, dans la région de Mopti, au Mali, et tué cinq "
              "civils, a indiqué un responsable local. Les habitants ont commencé à quitter le village par crainte "
              "de nouvelles violences, selon plusieurs témoins joints par téléphone.")
GAO = ("Des combats ont opposé mardi l'armée malienne à des jihadistes près de Gao, au Mali, faisant trois morts "
       "parmi les assaillants, selon un communiqué de l'armée. Les militaires ont ensuite ratissé la zone pendant "
       "plusieurs heures, a précisé une source sécuritaire.")


def page(title: str, text: str) -> bytes:
    return (f"<html><head><title>{title}</title><meta property=\"article:published_time\" content=\"2021-06-08\">"
            f"</head><body><nav><a href=\"/\">Accueil</a></nav><article><h1>{title}</h1><p>{text}</p></article>"
            "</body></html>").encode()


def rss(items: list[tuple[str, str]]) -> bytes:
    entries = "".join(f"<item><title>{t}</title><link>{u}</link><pubDate>Tue, 08 Jun 2021 10:00:00 GMT</pubDate>"
                      "<description>Court résumé.</description></item>" for t, u in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Radio Test</title>'
            f"{entries}</channel></rss>").encode()


@dataclass
class Outlet:
    """One test web site: path -> (status, body, headers); every request is counted."""

    routes: dict[str, tuple[int, bytes, dict[str, str]]] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    conditional: Counter[str] = field(default_factory=Counter)
    delays: dict[str, float] = field(default_factory=dict)
    server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"


def serve(outlet: Outlet) -> Outlet:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            outlet.hits[self.path] += 1
            if self.path in outlet.delays:
                time.sleep(outlet.delays[self.path])
            status, body, headers = outlet.routes.get(self.path, (404, b"not found", {}))
            etag = headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                outlet.conditional[self.path] += 1
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # noqa: N802 - the webhook receiver
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            outlet.routes.setdefault("posted", (200, b"", {}))
            outlet.hits["POST " + self.path] += 1
            received.append(json.loads(body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    received: list[dict] = []
    outlet.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    outlet.received = received  # type: ignore[attr-defined]
    threading.Thread(target=outlet.server.serve_forever, daemon=True).start()
    return outlet


@pytest.fixture
def sites() -> Iterator[tuple[Outlet, Outlet]]:
    first, second = serve(Outlet()), serve(Outlet())
    a = first.base
    first.routes.update({
        "/robots.txt": (200, b"User-agent: *\nDisallow: /prive/\n", {"Content-Type": "text/plain"}),
        "/rss.xml": (200, rss([("Attaque à Kiro", f"{a}/2021/06/attaque-kiro"),
                               ("Réservé", f"{a}/prive/note-interne-1")]),
                     {"Content-Type": "application/rss+xml", "ETag": '"v1"'}),
        "/2021/06/attaque-kiro": (200, page("Attaque à Kiro", KIRO), {"Content-Type": "text/html"}),
        "/prive/note-interne-1": (200, page("Note", KIRO), {"Content-Type": "text/html"}),
        "/sitemap.xml": (200, f"<urlset><url><loc>{a}/2021/06/combats-gao</loc><lastmod>2021-06-08</lastmod>"
                              "</url></urlset>".encode(), {"Content-Type": "application/xml"}),
        "/2021/06/combats-gao": (200, page("Combats près de Gao", GAO), {"Content-Type": "text/html"}),
        "/ancien-flux": (301, b"", {"Location": f"{a}/rss.xml"}),
        "/casse.xml": (200, b"<rss><channel><title>cass", {"Content-Type": "application/rss+xml"}),
        "/erreur.xml": (503, b"indisponible", {}),
        "/lent.xml": (200, rss([]), {}),
        "/enorme.xml": (200, b"<rss>" + b" " * 300_000 + b"</rss>", {}),
    })
    first.delays["/lent.xml"] = 3.0
    second.routes.update({
        "/": (200, b'<html><body><a href="/">Accueil</a><a href="/contact">Contact</a>'
                   b'<a href="/monde/mali-kiro-cinq-civils-tues">Kiro</a></body></html>',
              {"Content-Type": "text/html"}),
        "/monde/mali-kiro-cinq-civils-tues": (200, page("Cinq civils tués à Kiro", KIRO_AGAIN), {}),
    })
    yield first, second
    for outlet in (first, second):
        assert outlet.server is not None
        outlet.server.shutdown()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.from_defaults()


def fetcher() -> Fetcher:
    return Fetcher(timeout=1.0, politeness=0.0, backoff=0.05, retries=1, max_bytes=100_000)


def sqlite_store(tmp_path: Path) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'watch.db'}")
    store.migrate()
    return store


def test_new_items_are_picked_up_once_and_an_unchanged_feed_costs_a_304(
    sites: tuple[Outlet, Outlet], pipeline: Pipeline, store: Store
) -> None:
    first, _ = sites
    source = Source("Radio Test", f"{first.base}/rss.xml", "rss", country="ML")
    with fetcher() as http:
        watcher = Watcher(store, pipeline, http)
        report = watcher.poll_round([source])
        again = watcher.poll_round([source])
    done = report.sources[0]
    assert (done.status, done.new_items, done.stored) == ("ok", 2, 1)
    assert any("robots.txt" in p for p in done.problems)  # the /prive/ item is never fetched
    assert first.hits["/prive/note-interne-1"] == 0 and first.hits["/2021/06/attaque-kiro"] == 1
    assert again.sources[0].status == "not modified" and first.conditional["/rss.xml"] == 1
    assert store.count_articles() == 1 and store.count_events() >= 1
    health = WatchState(store).sources()[0]
    assert (health.items_seen, health.etag, health.last_error) == (2, '"v1"', "")


def test_a_restarted_watcher_ingests_nothing_twice(
    sites: tuple[Outlet, Outlet], pipeline: Pipeline, tmp_path: Path
) -> None:
    first, _ = sites
    source = Source("Radio Test", f"{first.base}/rss.xml", "rss")
    store = sqlite_store(tmp_path)
    with fetcher() as http:
        Watcher(store, pipeline, http).poll_round([source])
    first.routes["/rss.xml"] = (200, first.routes["/rss.xml"][1], {"ETag": '"v2"'})  # the feed changed
    with fetcher() as http:  # a new watcher: nothing in memory, all in the store
        report = Watcher(store, pipeline, http).poll_round([source])
    assert report.sources[0].new_items == 0
    assert first.hits["/2021/06/attaque-kiro"] == 1 and store.count_articles() == 1


def test_sitemaps_listing_pages_and_redirects_are_read(
    sites: tuple[Outlet, Outlet], pipeline: Pipeline, tmp_path: Path
) -> None:
    first, second = sites
    store = sqlite_store(tmp_path)
    sources = [Source("Sitemap", f"{first.base}/sitemap.xml", "sitemap"),
               Source("Page", f"{second.base}/", "html"),
               Source("Déménagé", f"{first.base}/ancien-flux", "rss")]
    with fetcher() as http:
        report = Watcher(store, pipeline, http).poll_round(sources)
    assert [s.stored for s in report.sources] == [1, 1, 1]
    assert second.hits["/contact"] == 0  # not an article link


def test_a_failing_host_does_not_stop_or_delay_the_others(
    sites: tuple[Outlet, Outlet], pipeline: Pipeline, tmp_path: Path
) -> None:
    first, _ = sites
    store = sqlite_store(tmp_path)
    bad = [Source(name, f"{first.base}{path}", "rss") for name, path in
           (("Lent", "/lent.xml"), ("En panne", "/erreur.xml"), ("Cassé", "/casse.xml"), ("Énorme", "/enorme.xml"),
            ("Absent", "/absent.xml"))]
    good = Source("Radio Test", f"{first.base}/rss.xml", "rss")
    started = time.monotonic()
    with fetcher() as http:
        report = Watcher(store, pipeline, http).poll_round([*bad, good])
    elapsed = time.monotonic() - started
    statuses = {s.name: (s.status, s.error) for s in report.sources}
    assert all(statuses[s.name][0] == "failed" for s in bad), statuses
    assert "Timeout" in statuses["Lent"][1] and "503" in statuses["En panne"][1]
    assert "too large" in statuses["Énorme"][1] and "404" in statuses["Absent"][1]
    assert first.hits["/erreur.xml"] == 2  # one retry
    assert report.sources[-1].stored == 1
    assert elapsed < 15  # timeouts and retries are bounded
    health = {h.name: h for h in WatchState(store).sources()}
    assert health["En panne"].last_error and not health["En panne"].last_success


def test_an_alert_fires_once_for_an_event_two_outlets_report(
    sites: tuple[Outlet, Outlet], pipeline: Pipeline, tmp_path: Path
) -> None:
    first, second = sites
    hook = serve(Outlet())
    rule = Rule(name="Kiro", admin1="Mopti", fatalities_min=3, conditions=("admin1", "fatalities_min"),
                webhook=f"{hook.base}/alerte")
    store = sqlite_store(tmp_path)
    log = tmp_path / "alerts.jsonl"
    sources = [Source("Radio Test", f"{first.base}/rss.xml", "rss"), Source("Page", f"{second.base}/", "html")]
    with fetcher() as http:
        report = Watcher(store, pipeline, http, [rule], AlertLog(log)).poll_round(sources)
    debug = [(e.location, e.event_date, e.sub_event_type, e.fatalities, e.doc) for e in store.events()]
    assert sum(s.alerts for s in report.sources) == 1, (debug, report)
    received = hook.received  # type: ignore[attr-defined]
    assert len(received) == 1 and received[0]["rule"] == "Kiro" and received[0]["evidence"]
    assert len(log.read_text(encoding="utf-8").splitlines()) == 1
    assert [a.rule for a in WatchState(store).alerts()] == ["Kiro"]
    api = TestClient(create_app(store))
    assert [a["rule"] for a in api.get("/alerts").json()] == ["Kiro"]
    assert {s["name"] for s in api.get("/watch/sources").json()} == {"Radio Test", "Page"}
    assert hook.server is not None
    hook.server.shutdown()


def test_an_item_claimed_by_a_watcher_that_died_is_taken_over_later(tmp_path: Path) -> None:
    store = sqlite_store(tmp_path)
    state = WatchState(store, stale_after=timedelta(seconds=1))
    assert state.claim("Radio Test", "https://exemple.test/1")  # the first watcher claims, then dies
    assert not state.claim("Radio Test", "https://exemple.test/1")  # a fresh claim is someone else's
    time.sleep(2.1)
    assert state.claim("Radio Test", "https://exemple.test/1")  # a stale one is taken over
    state.finish("Radio Test", "https://exemple.test/1", "inserted", "watch-1")
    time.sleep(2.1)
    assert not state.claim("Radio Test", "https://exemple.test/1")  # a finished item is never taken again


def test_configs_are_checked_with_clear_reasons(tmp_path: Path) -> None:
    good = tmp_path / "sources.toml"
    good.write_text('[[source]]\nname = "RFI"\nurl = "https://exemple.test/rss"\nkind = "rss"\ncountry = "ml"\n',
                    encoding="utf-8")
    assert load_sources(good)[0].country == "ML"
    bad = tmp_path / "bad.toml"
    for content, reason in (
        ('[[source]]\nname = "X"\nurl = "https://e.test"\nkind = "twitter"\n', "kind 'twitter'"),
        ('[[source]]\nname = "X"\nkind = "rss"\n', "missing url"),
        ("[[source]\n", "not valid TOML"),
        ('title = "rien"\n', "no [[source]] table"),
    ):
        bad.write_text(content, encoding="utf-8")
        with pytest.raises(ConfigError, match=re.escape(reason)):
            load_sources(bad)
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rule]]\nname = "vide"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="no condition"):
        load_rules(rules)


def test_listings_keep_article_links_only() -> None:
    html = (b'<a href="/">Accueil</a><a href="/2021/06/07/attaque-a-kiro">Kiro</a><a href="/tag/mali">Mali</a>'
            b'<a href="https://ailleurs.test/2021/x-y-z">Ailleurs</a>')
    assert [i.url for i in page_items(html, "https://site.test/")] == ["https://site.test/2021/06/07/attaque-a-kiro"]
    items = sitemap_items(b"<urlset><url><loc>https://site.test/a-b-1</loc><lastmod>2021-06-08T10:00:00Z</lastmod>"
                          b"</url></urlset>")
    assert items[0].published is not None and items[0].published.isoformat() == "2021-06-08"


def test_fetcher_refuses_what_robots_txt_forbids(sites: tuple[Outlet, Outlet]) -> None:
    first, _ = sites
    with fetcher() as http, pytest.raises(FetchError, match="robots.txt"):
        http.get(f"{first.base}/prive/note-interne-1")


def test_cli_watch_once_then_sources(sites: tuple[Outlet, Outlet], tmp_path: Path) -> None:
    first, _ = sites
    config = tmp_path / "watch.toml"
    config.write_text(f'[[source]]\nname = "Radio Test"\nurl = "{first.base}/rss.xml"\nkind = "rss"\n'
                      'country = "ML"\n', encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(app, ["watch", str(config), "--once", "--db", db])
    assert result.exit_code == 0, result.output
    shown = CliRunner().invoke(app, ["sources", "--db", db, "--json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["items_seen"] == 2
    missing = CliRunner().invoke(app, ["sources", "--db", f"sqlite:///{tmp_path / 'rien.db'}"])
    assert missing.exit_code != 0 and not (tmp_path / "rien.db").exists()
    broken = tmp_path / "broken.toml"
    broken.write_text("[[source]]\n", encoding="utf-8")
    failed = CliRunner().invoke(app, ["watch", str(broken), "--once", "--db", db])
    assert failed.exit_code != 0 and "missing name" in failed.output
