"""The dashboard in headless Chromium (Debian's, through Playwright) against a live uvicorn server.

Needs ``/usr/bin/chromium`` (``apt-get install -y chromium``) and the vendored assets
(``scripts/vendor_assets.sh``, run here if they are missing). Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import Corpus, fill
from live_server import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, ROOT, keep_offline, serving

from veilleur.api import create_app
from veilleur.frame import framing_profile
from veilleur.pipeline import ArticleResult, no_event_reason
from veilleur.records import Article, Event, LoadedTerm
from veilleur.store import Store
from veilleur.store.watch_state import WatchState

VENDOR = ROOT / "src" / "veilleur" / "api" / "static" / "vendor"
HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'

sync_api = pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True)


def _vendor() -> None:
    if not all((VENDOR / f).exists() for f in ("leaflet.js", "leaflet.markercluster.js", "countries-50m.json")):
        if not shutil.which("npm"):
            pytest.skip("vendored assets missing and npm not found (run scripts/vendor_assets.sh)")
        subprocess.run(["bash", str(ROOT / "scripts" / "vendor_assets.sh")], check=True)


def _hostile_article() -> tuple[Article, Event]:
    text = f"Texte piégé {HOSTILE} : une manifestation a eu lieu mardi à Alep."
    article = Article("hostile", text, title=HOSTILE, source="<b>Outlet</b>", url="javascript:alert(1)")
    start = text.index("une manifestation")
    event = Event("hostile", "Protests", "Peaceful protest", actor1=HOSTILE, location=HOSTILE,
                  admin1="Aleppo", country="Syria", latitude=36.2021, longitude=37.1343,
                  event_date="2017-10-10", time_precision=1)
    event.add_evidence("trigger", article.span(start, start + len("une manifestation")))
    event.add_evidence("actor1", article.span(text.index("<img"), text.index("<img") + 10))
    event.source_outlet = article.source
    event.loaded_terms = [LoadedTerm(HOSTILE, HOSTILE, "actor-label", HOSTILE, article.span(start, start + 3))]
    event.notes = {"fr": f"Note {HOSTILE}", "en": f"Note {HOSTILE} (en)"}
    return article, event


QUIET_PLACE = "Kafr Zeita"


def _quiet_article() -> Article:
    """An article that gives no event (nothing happened), stored so that the articles list shows a zero."""
    text = (f"Les habitants de {QUIET_PLACE} ont passé une semaine calme, selon plusieurs témoins joints par "
            "téléphone ; les écoles ont rouvert et le marché s'est tenu comme d'habitude.")
    return Article("calme-kafr-zeita", text, title="Une semaine calme", source="Le Veilleur Test",
                   published=date(2017, 11, 20))


@contextmanager
def _serving(store: Store) -> Iterator[str]:
    """The app over ``store`` on a free local port, in a thread, for as long as the block runs."""
    _vendor()
    with serving(create_app(store, token=None)) as url:
        yield url


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, corpus: Corpus) -> Iterator[str]:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('dash') / 'veilleur.db'}")
    store.migrate()
    fill(store, corpus)
    article, event = _hostile_article()
    store.save_article(article, [event])
    quiet = _quiet_article()
    store.save_article(quiet, [], no_event_reason=no_event_reason(ArticleResult(quiet, unresolved_places=[
        (quiet.text.index(QUIET_PLACE), quiet.text.index(QUIET_PLACE) + len(QUIET_PLACE), quiet.text)])))
    try:
        with _serving(store) as url:
            yield url
    finally:
        store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: object, server: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    pg = context.new_page()
    outside, errors = keep_offline(pg, server)
    pg.outside_requests = outside
    pg.js_errors = errors
    yield pg
    context.close()


def test_dashboard_map_table_article(page: object, server: str, corpus: Corpus) -> None:
    pg = page
    ARTIFACTS.mkdir(exist_ok=True)
    n_events = len(corpus.events) + 1
    pg.goto(server + "/?cluster=0")  # type: ignore[attr-defined]  # one marker per event
    rows = pg.locator("#events-table tbody tr")  # type: ignore[attr-defined]
    sync_api.expect(rows).to_have_count(n_events)
    markers = pg.locator("path.event-marker")  # type: ignore[attr-defined]
    sync_api.expect(markers).to_have_count(n_events)
    # the offline basemap: country shapes from world-atlas, no tile server (drawn once its file has loaded, which
    # may come after the markers on a busy machine: waited for, as the rows and markers are)
    pg.wait_for_function("document.querySelectorAll('path.country').length > 100")  # type: ignore[attr-defined]
    assert pg.locator("path.country").count() > 100  # type: ignore[attr-defined]
    assert pg.locator("#timeline rect.bar").count() > 5  # type: ignore[attr-defined]
    assert pg.locator(".leaflet-tile").count() == 0  # type: ignore[attr-defined]
    pg.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)  # type: ignore[attr-defined]

    # a marker's popup: type, date, actors, fatalities, and a link to the article view
    # dispatched on the marker itself: a pointer click can land beside it while the map still pans to fit
    pg.locator("path.event-marker").first.dispatch_event("click")  # type: ignore[attr-defined]
    popup = pg.locator(".leaflet-popup-content .popup")  # type: ignore[attr-defined]
    sync_api.expect(popup).to_be_visible()
    assert "Morts" in popup.inner_text() and popup.locator("a.popup-article").count() == 1

    # filtering the table reduces rows (and markers)
    pg.select_option("#f-type", "Protests")  # type: ignore[attr-defined]
    sync_api.expect(rows).to_have_count(2)
    sync_api.expect(markers).to_have_count(2)
    pg.select_option("#f-type", "")  # type: ignore[attr-defined]
    pg.fill("#f-actor", "jaish")  # type: ignore[attr-defined]
    sync_api.expect(rows).to_have_count(1)
    pg.fill("#f-actor", "")  # type: ignore[attr-defined]
    pg.fill("#f-since", "2017-11-01")  # type: ignore[attr-defined]
    sync_api.expect(rows).to_have_count(5)
    pg.click("#f-reset")  # type: ignore[attr-defined]
    sync_api.expect(rows).to_have_count(n_events)

    # the article view: evidence spans highlighted with <mark>, sources and loaded terms listed
    pg.locator('#events-table a[href="#article/sana-damas"]').click()  # type: ignore[attr-defined]
    sync_api.expect(pg.locator("#article-view")).to_be_visible()  # type: ignore[attr-defined]
    sync_api.expect(pg.locator("#overview")).to_be_hidden()  # type: ignore[attr-defined]
    marks = pg.locator("#article-text mark")  # type: ignore[attr-defined]
    sync_api.expect(marks).to_have_count(2)
    assert marks.all_inner_texts() == ["Deux terroristes kamikazes se sont fait exploser", "15 martyrs"]
    terms = pg.locator("#article-events .loaded-terms li")  # type: ignore[attr-defined]
    # the list is filled after the article's events arrive: wait for it rather than read it once
    sync_api.expect(terms.filter(has_text="terroristes").first).to_contain_text("pro-government")
    sync_api.expect(pg.locator("#article-events .mentions li")).to_have_count(3)  # type: ignore[attr-defined]
    pg.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)  # type: ignore[attr-defined]

    assert pg.outside_requests == []  # type: ignore[attr-defined]
    assert pg.js_errors == []  # type: ignore[attr-defined]


def test_article_view_shows_neutral_notes(page: object, server: str, corpus: Corpus) -> None:
    pg = page
    noted = next(e for e in corpus.events_of("sana-mayadine") if e.notes)
    pg.goto(server + "/#article/sana-mayadine")  # type: ignore[attr-defined]
    cards = pg.locator("#article-events .event-card")  # type: ignore[attr-defined]
    sync_api.expect(cards).to_have_count(len(corpus.events_of("sana-mayadine")))
    notes = cards.locator(".notes")
    sync_api.expect(notes.first.locator(".label")).to_have_text("Note neutre")
    sync_api.expect(notes.locator("dt")).to_have_text(["Français", "English"])
    sync_api.expect(notes.locator("dd.note-fr")).to_have_text(noted.notes["fr"])
    sync_api.expect(notes.locator("dd.note-en")).to_have_text(noted.notes["en"])
    assert notes.locator("dd.note-fr").get_attribute("lang") == "fr"
    # next to the sources and the loaded terms already shown on each card
    assert cards.locator(".sources li").count() >= 1
    pg.screenshot(path=str(ARTIFACTS / "article-notes.png"), full_page=True)  # type: ignore[attr-defined]

    # an event without notes says so
    pg.goto(server + "/#article/sana-damas")  # type: ignore[attr-defined]
    sync_api.expect(pg.locator("#article-events .notes").first).to_contain_text("aucune")  # type: ignore[attr-defined]

    # notes are text, never markup
    pg.goto(server + "/#article/hostile")  # type: ignore[attr-defined]
    fr = pg.locator("#article-events dd.note-fr")  # type: ignore[attr-defined]
    sync_api.expect(fr).to_have_text(f"Note {HOSTILE}")
    assert pg.locator("#article-events img, #article-events script").count() == 0  # type: ignore[attr-defined]
    assert pg.evaluate("window.__pwned === undefined")  # type: ignore[attr-defined]
    assert pg.outside_requests == []  # type: ignore[attr-defined]
    assert pg.js_errors == []  # type: ignore[attr-defined]


def test_outlet_profiles(page: object, server: str, corpus: Corpus) -> None:
    pg = page
    ARTIFACTS.mkdir(exist_ok=True)
    hostile = _hostile_article()[1]
    expected = framing_profile([*corpus.events, hostile])
    pg.goto(server + "/?cluster=0")  # type: ignore[attr-defined]  # one marker per event
    events = pg.locator("#events-table tbody tr")  # type: ignore[attr-defined]
    sync_api.expect(events).to_have_count(len(corpus.events) + 1)
    pg.click("#nav-outlets")  # type: ignore[attr-defined]
    sync_api.expect(pg.locator("#profiles-view")).to_be_visible()  # type: ignore[attr-defined]
    sync_api.expect(pg.locator("#overview")).to_be_hidden()  # type: ignore[attr-defined]
    rows = pg.locator("#profiles-table tbody tr")  # type: ignore[attr-defined]
    sync_api.expect(rows).to_have_count(len(expected))

    shown = {}
    for i in range(rows.count()):
        row = rows.nth(i)
        shown[row.locator("td.outlet").inner_text()] = {
            "events": row.locator("td.events").inner_text(),
            "terms": row.locator("td.terms").inner_text(),
            "dominant": row.locator("td.dominant").inner_text().strip(),
            "bars": sorted(row.locator(".side-row").evaluate_all("rows => rows.map(r => r.dataset.side)")),
        }
    assert shown == {
        outlet: {"events": str(p["events"]), "terms": str(p["loaded_terms"]),
                 "dominant": p["dominant_side"] or "—", "bars": sorted(p["by_side"])}
        for outlet, p in expected.items()
    }
    assert "SANA" in shown and shown["SANA"]["dominant"] == "pro-government"
    sana = rows.filter(has=pg.get_by_role("button", name="SANA", exact=True))  # type: ignore[attr-defined]
    assert sana.locator("td.density").inner_text() == "1,4"  # 7 loaded terms over 5 events
    top = sana.locator(".top-terms li").all_inner_texts()
    assert top[0] == "« terroristes » → combattants / assaillants ×5"  # most used neutral wording first
    assert "« martyrs » → morts ×1" in top
    # the hostile outlet, side and term are shown as text
    assert pg.locator("#profiles-table img, #profiles-table script").count() == 0  # type: ignore[attr-defined]
    assert pg.evaluate("window.__pwned === undefined")  # type: ignore[attr-defined]
    pg.screenshot(path=str(ARTIFACTS / "profiles.png"), full_page=True)  # type: ignore[attr-defined]

    # clicking an outlet shows its events on the map and in the table (the API's source filter)
    pg.get_by_role("button", name="SANA", exact=True).click()  # type: ignore[attr-defined]
    sync_api.expect(pg.locator("#overview")).to_be_visible()  # type: ignore[attr-defined]
    n_sana = expected["SANA"]["events"]
    sync_api.expect(events).to_have_count(n_sana)
    sync_api.expect(pg.locator("path.event-marker")).to_have_count(n_sana)  # type: ignore[attr-defined]
    sync_api.expect(pg.locator("#f-source")).to_have_value("SANA")  # type: ignore[attr-defined]
    assert set(pg.locator("#events-table tbody td:nth-child(9)").all_inner_texts()) == {"SANA"}  # type: ignore[attr-defined]
    # back on the profiles, the selected outlet is highlighted; resetting the filters shows everything
    pg.click("#nav-outlets")  # type: ignore[attr-defined]
    sync_api.expect(pg.locator("#profiles-table tr.selected td.outlet")).to_have_text("SANA")  # type: ignore[attr-defined]
    pg.click("#nav-map")  # type: ignore[attr-defined]
    pg.click("#f-reset")  # type: ignore[attr-defined]
    sync_api.expect(events).to_have_count(len(corpus.events) + 1)
    assert pg.outside_requests == []  # type: ignore[attr-defined]
    assert pg.js_errors == []  # type: ignore[attr-defined]


def test_article_text_is_never_markup(page: object, server: str) -> None:
    pg = page
    pg.goto(server + "/#article/hostile")  # type: ignore[attr-defined]
    text = pg.locator("#article-text")  # type: ignore[attr-defined]
    sync_api.expect(text).to_contain_text("<img src=x onerror=")
    sync_api.expect(pg.locator("#article-title")).to_have_text(HOSTILE)  # type: ignore[attr-defined]
    assert text.locator("img, script").count() == 0
    assert pg.locator("#article-text mark").count() == 2  # type: ignore[attr-defined]
    assert pg.locator("#article-meta a[href^='javascript']").count() == 0  # type: ignore[attr-defined]
    pg.goto(server + "/?cluster=0")  # type: ignore[attr-defined]  # one marker per event
    sync_api.expect(pg.locator("path.event-marker")).to_have_count(22)  # type: ignore[attr-defined]
    pg.locator("#events-table tbody tr", has_text="Peaceful protest").first.hover()  # type: ignore[attr-defined]
    assert pg.locator("#events-table img, #events-table script").count() == 0  # type: ignore[attr-defined]
    assert pg.evaluate("window.__pwned === undefined")  # type: ignore[attr-defined]
    assert pg.js_errors == []  # type: ignore[attr-defined]


def test_a_crafted_link_cannot_run_script(page: object, server: str) -> None:
    # a dashboard link whose tile attribution carries markup: Leaflet would render it as HTML
    hostile = "<img src=x onerror=\"window.__pwned=1\">Tuiles"
    pg = page
    pg.goto(server + "/?tiles=https://tiles.invalid/{z}/{x}/{y}.png&attribution="  # type: ignore[attr-defined]
            + quote(hostile))
    attribution = pg.locator(".leaflet-control-attribution")  # type: ignore[attr-defined]
    sync_api.expect(attribution).to_contain_text("Tuiles")
    assert pg.evaluate("window.__pwned") is None  # type: ignore[attr-defined]
    assert pg.locator(".leaflet-control-attribution img").count() == 0  # type: ignore[attr-defined]


def _strike(doc: str, town: str, lat: float, lon: float) -> tuple[Article, Event]:
    text = f"Des frappes aériennes ont visé lundi la ville de {town}, dans le nord-ouest de la Syrie, selon l'OSDH."
    article = Article(doc, text, published=date(2017, 11, 13), source="Le Veilleur Test")
    event = Event(doc, "Explosions/Remote violence", "Air/drone strike", actor1="Military Forces of Syria",
                  location=town, admin1="Idlib", country="Syria", latitude=lat, longitude=lon,
                  event_date="2017-11-13", time_precision=1, source_outlet=article.source)
    event.add_evidence("trigger", article.span(0, len("Des frappes aériennes")))
    return article, event


def test_new_events_appear_without_a_reload_and_alerts_have_their_view(browser: object, tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'live.db'}")
    store.migrate()
    first, first_event = _strike("live-1", "Saraqeb", 35.8623, 36.8062)
    store.save_article(first, [first_event])
    try:
        with _serving(store) as url:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
            pg = context.new_page()
            pg.goto(f"{url}/?refresh=1")
            rows = pg.locator("#events-table tbody tr")
            sync_api.expect(rows).to_have_count(1)
            # the watcher stores a new article while the page is open: it shows up by itself
            article, event = _strike("live-2", "Ariha", 35.8125, 36.6097)
            store.save_article(article, [event])
            sync_api.expect(rows).to_have_count(2, timeout=10_000)
            sync_api.expect(pg.locator("#status")).to_contain_text("nouvel")
            # an alert fired by a rule is listed in the alerts view, with a link to its article
            stored = store.events()[0]
            WatchState(store).fire("frappes-idlib", "cluster-live", stored.id, {
                "rule": "frappes-idlib", "outlets": ["Le Veilleur Test"],
                "event": {"doc": stored.doc, "sub_event_type": stored.sub_event_type, "location": stored.location,
                          "country": stored.country, "event_date": stored.event_date}})
            pg.click("#nav-alerts")
            alerts = pg.locator("#alerts-table tbody tr")
            sync_api.expect(alerts).to_have_count(1)
            sync_api.expect(alerts.first).to_contain_text("frappes-idlib")
            sync_api.expect(alerts.first.locator("a")).to_have_attribute("href", f"#article/{stored.doc}")
            context.close()
    finally:
        store.close()


# ---------------------------------------------------------------- phone and desktop sizes

SIZES = {"phone": (390, 844), "desktop": (1366, 900), "small-phone": (360, 740)}


def _wait_until(condition: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    """Poll ``condition`` until it holds (the map pans and clusters animate: there is no event to await).

    The wait is generous because a loaded two-core machine can take over ten seconds to settle the
    map's animations; a passing page returns at once.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _no_horizontal_overflow(pg: object, width: int) -> None:
    scroll = pg.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert scroll <= width, f"the page is {scroll} px wide in a {width} px viewport"


def _map_shows(pg: object, points: list[tuple[float, float]]) -> bool:
    view = pg.locator("#map").get_attribute("data-view")  # type: ignore[attr-defined]
    if not view:
        return False
    south, west, north, east = (float(x) for x in view.split(","))
    return all(south <= lat <= north and west <= lon <= east for lat, lon in points)


def _plotted(pg: object) -> int:
    """Events on the map: single markers plus the counts written on the clusters."""
    clusters = pg.locator(".marker-cluster span").all_inner_texts()  # type: ignore[attr-defined]
    return pg.locator("path.event-marker").count() + sum(int(n) for n in clusters)  # type: ignore[attr-defined]


def _open_filters(pg: object) -> None:
    box = pg.locator("#filters-box")  # type: ignore[attr-defined]
    if box.get_attribute("open") is None:
        box.locator("summary").click()
    sync_api.expect(pg.locator("#f-actor")).to_be_visible()  # type: ignore[attr-defined]


def _iso_monday(day: str) -> str:
    d = date.fromisoformat(day)
    return date.fromordinal(d.toordinal() - d.weekday()).isoformat()


@pytest.mark.parametrize("size", list(SIZES))
def test_dashboard_on_a_phone_and_a_desktop(browser: object, server: str, corpus: Corpus, size: str) -> None:
    width, height = SIZES[size]
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": height},  # type: ignore[attr-defined]
                                  accept_downloads=True)
    pg = context.new_page()
    outside, errors = keep_offline(pg, server)  # nothing may come from elsewhere: no CDN, no tile server
    hostile = _hostile_article()[1]
    events = [*corpus.events, hostile]
    points = [(e.latitude, e.longitude) for e in events if e.latitude is not None and e.longitude is not None]
    islamic_state = [e for e in events if "Islamic State" in (e.actor1, e.actor2)]
    try:
        pg.goto(server + "/")
        rows = pg.locator("#events-table tbody tr")
        sync_api.expect(rows).to_have_count(len(events))
        sync_api.expect(pg.locator("#map")).to_have_attribute("data-points", str(len(points)))
        # the map opens on the data (every point inside the view), crowded points drawn as numbered clusters
        _wait_until(lambda: _map_shows(pg, points), "the map to show every event")
        _wait_until(lambda: _plotted(pg) == len(points), "markers and clusters to add up to the events")
        assert pg.locator(".marker-cluster").count() >= 1
        _no_horizontal_overflow(pg, width)
        pg.screenshot(path=str(ARTIFACTS / f"{size}-{width}-overview.png"))
        pg.screenshot(path=str(ARTIFACTS / f"{size}-{width}-overview-full.png"), full_page=True)

        # the timeline by week and by month: one bar group per period holding events
        bars = pg.locator("#timeline rect.bar")
        pg.select_option("#timeline-step", "week")
        sync_api.expect(pg.locator("#timeline")).to_have_attribute("data-step", "week")
        weeks = {_iso_monday(str(e.event_date)) for e in events}
        assert set(bars.evaluate_all("bars => bars.map(b => b.dataset.period)")) == weeks
        pg.select_option("#timeline-step", "month")
        sync_api.expect(pg.locator("#timeline")).to_have_attribute("data-step", "month")
        months = {str(e.event_date)[:7] + "-01" for e in events}
        assert set(bars.evaluate_all("bars => bars.map(b => b.dataset.period)")) == months

        # an alias filter: "Daech" finds the Islamic State's events; the header counts follow
        _open_filters(pg)
        pg.fill("#f-actor", "Daech")
        sync_api.expect(rows).to_have_count(len(islamic_state))
        docs = {e.doc for e in islamic_state}
        sync_api.expect(pg.locator("#status")).to_contain_text(
            f"{len(islamic_state)} événements")
        sync_api.expect(pg.locator("#status")).to_contain_text(f"{len(docs)} articles")
        sync_api.expect(pg.locator("#map")).to_have_attribute("data-points", str(len(islamic_state)))
        _no_horizontal_overflow(pg, width)
        pg.screenshot(path=str(ARTIFACTS / f"{size}-{width}-filtered.png"), full_page=True)

        # the downloads hold the filtered rows, nothing else
        with pg.expect_download() as download:
            pg.click("#dl-csv")
        with open(download.value.path(), encoding="utf-8", newline="") as stream:
            table = list(csv.DictReader(stream))
        assert len(table) == len(islamic_state)
        # the ACLED CSV carries ACLED's names: "Islamic State (Syria)"
        assert all(r["actor1"].startswith("Islamic State") or r["actor2"].startswith("Islamic State") for r in table)
        with pg.expect_download() as download:
            pg.click("#dl-geojson")
        features = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))["features"]
        assert {f["id"] for f in features} == {e.id for e in islamic_state}

        # the per-event panel: corroboration and what each outlet said where they differ
        pg.fill("#f-actor", "")
        pg.fill("#f-source", "parisien")
        sync_api.expect(rows).to_have_count(1)
        rows.first.locator("td").first.click()
        panel = pg.locator("#event-panel")
        sync_api.expect(panel).to_be_visible()
        sync_api.expect(panel.locator(".corroborated")).to_contain_text("3 média(s) indépendant(s)")
        deaths = panel.locator('.disagreements tr[data-field="fatalities"]')
        sync_api.expect(deaths).to_have_count(3)
        sync_api.expect(deaths.filter(has_text="Le Parisien").locator("td.odd")).to_have_text("48")
        assert panel.locator(".mentions a").count() == 2
        box = panel.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5
        _no_horizontal_overflow(pg, width)
        pg.screenshot(path=str(ARTIFACTS / f"{size}-{width}-event-panel.png"))
        pg.click("#event-panel-close")
        sync_api.expect(panel).to_be_hidden()
        pg.click("#f-reset")
        sync_api.expect(rows).to_have_count(len(events))

        # the articles page: every article with its event count, a zero and its reason included
        pg.click("#nav-articles")
        articles = pg.locator("#articles-table tbody tr")
        sync_api.expect(articles).to_have_count(len(corpus.articles) + 2)
        quiet = articles.filter(has_text="Une semaine calme")
        sync_api.expect(quiet.locator("td.events")).to_have_text("0")
        sync_api.expect(quiet.locator("td.reason")).to_contain_text(f"places not found: {QUIET_PLACE}")
        damas = pg.locator('#articles-table tr[data-article="sana-damas"] td.events')
        sync_api.expect(damas).to_have_text(str(len(corpus.events_of("sana-damas"))))
        pg.check("#a-empty")
        sync_api.expect(articles).to_have_count(1)
        _no_horizontal_overflow(pg, width)
        pg.uncheck("#a-empty")
        sync_api.expect(articles).to_have_count(len(corpus.articles) + 2)
        pg.screenshot(path=str(ARTIFACTS / f"{size}-{width}-articles.png"), full_page=True)
        # its link opens the text, which says why no event was coded
        quiet.locator("a").click()
        sync_api.expect(pg.locator("#article-view")).to_be_visible()
        sync_api.expect(pg.locator("#article-events .no-event")).to_contain_text(QUIET_PLACE)
        _no_horizontal_overflow(pg, width)

        # an article with events on this screen: highlighted evidence and the cross-outlet block
        pg.goto(server + "/#article/lp-azaz")
        sync_api.expect(pg.locator("#article-events .disagreements")).to_have_count(1)
        _no_horizontal_overflow(pg, width)
        pg.screenshot(path=str(ARTIFACTS / f"{size}-{width}-article.png"), full_page=True)
        # the outlets' framing and the alerts fit the screen too
        pg.click("#nav-outlets")
        sync_api.expect(pg.locator("#profiles-table tbody tr")).to_have_count(
            len({e.source_outlet for e in events}))
        _no_horizontal_overflow(pg, width)
        pg.screenshot(path=str(ARTIFACTS / f"{size}-{width}-outlets.png"), full_page=True)
        pg.click("#nav-alerts")
        sync_api.expect(pg.locator("body")).to_have_attribute("data-loaded", "alerts")
        _no_horizontal_overflow(pg, width)
        # back on the map, it is fitted on the data again
        pg.click("#nav-map")
        _wait_until(lambda: _map_shows(pg, points), "the map to show every event again")
        assert errors == [] and outside == []
    finally:
        context.close()
