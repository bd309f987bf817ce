"""Swagger UI (/docs) and ReDoc (/redoc) served from the package, in headless Chromium with every request
outside the local server refused: the pages must render the API's operations with no network.

Needs ``/usr/bin/chromium`` and the vendored files (``scripts/vendor_api_docs.sh``, run here if missing).
Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from live_server import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, ROOT, keep_offline, serving

from veilleur.api import create_app, docs
from veilleur.store import Store

sync_api = pytest.importorskip("playwright.sync_api")


def _vendored() -> None:
    if all((docs.DOCS_ASSETS / name).is_file() for name in (*docs.SWAGGER_FILES, *docs.REDOC_FILES)):
        return
    if not shutil.which("npm"):
        pytest.skip("API docs files missing and npm not found (run scripts/vendor_api_docs.sh)")
    subprocess.run(["bash", str(ROOT / "scripts" / "vendor_api_docs.sh")], check=True)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _vendored()
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('docs') / 'veilleur.db'}")
    store.migrate()
    try:
        with serving(create_app(store)) as url:
            yield url
    finally:
        store.close()


@pytest.fixture
def offline_page(server: str) -> Iterator[object]:
    """A Chromium page that may reach the local server only: any other request is aborted and recorded."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        outside, errors = keep_offline(page, server, local=("data:", "blob:"))
        page.outside_requests = outside  # type: ignore[attr-defined]
        page.js_errors = errors  # type: ignore[attr-defined]
        try:
            yield page
        finally:
            browser.close()


def test_swagger_ui_renders_the_operations_offline(offline_page: object, server: str) -> None:
    page = offline_page
    page.goto(f"{server}/docs")  # type: ignore[attr-defined]
    page.wait_for_selector(".opblock-summary-path", timeout=20_000)  # type: ignore[attr-defined]
    paths = page.locator(".opblock-summary-path").all_inner_texts()  # type: ignore[attr-defined]
    assert "/events" in [p.replace("\u200b", "").strip() for p in paths]
    assert page.locator(".opblock-summary-method").count() >= 10  # type: ignore[attr-defined]
    assert "Veilleur" in page.locator(".info .title").inner_text()  # type: ignore[attr-defined]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "api-docs-swagger-1366.png"))  # type: ignore[attr-defined]
    assert page.outside_requests == []  # type: ignore[attr-defined]
    assert page.js_errors == []  # type: ignore[attr-defined]


def test_redoc_renders_the_operations_offline(offline_page: object, server: str) -> None:
    page = offline_page
    page.goto(f"{server}/redoc")  # type: ignore[attr-defined]
    page.wait_for_selector("h2 >> text=Events, latest first", timeout=30_000)  # type: ignore[attr-defined]
    text = page.locator("body").inner_text()  # type: ignore[attr-defined]
    assert "/clusters" in text and "POST" in text.upper()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "api-docs-redoc-1366.png"))  # type: ignore[attr-defined]
    assert page.outside_requests == []  # type: ignore[attr-defined]


def test_docs_pages_load_nothing_from_a_cdn(tmp_path: Path) -> None:
    _vendored()
    store = Store(f"sqlite:///{tmp_path / 'veilleur.db'}")
    store.migrate()
    try:
        client = TestClient(create_app(store))
        for path in ("/docs", "/redoc"):
            html = client.get(path).text
            assert "cdn.jsdelivr.net" not in html and "fonts.googleapis.com" not in html
            assert docs.ASSETS_URL in html
        bundle = client.get(f"{docs.ASSETS_URL}/swagger-ui-bundle.js")
        assert bundle.status_code == 200 and "javascript" in bundle.headers["content-type"]
    finally:
        store.close()


def test_a_checkout_without_the_files_says_how_to_get_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docs, "DOCS_ASSETS", tmp_path / "absent")
    store = Store(f"sqlite:///{tmp_path / 'veilleur.db'}")
    store.migrate()
    try:
        client = TestClient(create_app(store))
        for path in ("/docs", "/redoc"):
            response = client.get(path)
            assert response.status_code == 503
            assert "make assets" in response.text
    finally:
        store.close()
