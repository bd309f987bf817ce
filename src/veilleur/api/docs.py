"""The interactive API documentation, served from the package: Swagger UI at ``/docs``, ReDoc at ``/redoc``.

FastAPI's own pages load their JavaScript and CSS from a CDN, so they are blank offline. These routes use the
same pages with the files ``scripts/vendor_api_docs.sh`` copies from npm into ``docs_assets/`` (``make
assets``), served under ``/docs-assets`` — FastAPI's "self-hosting JavaScript and CSS for docs".
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles

DOCS_ASSETS = Path(__file__).with_name("docs_assets")
ASSETS_URL = "/docs-assets"
SWAGGER_FILES = ("swagger-ui-bundle.js", "swagger-ui.css")
REDOC_FILES = ("redoc.standalone.js",)
NOT_VENDORED = "The API documentation's files are not installed: run `make assets` (scripts/vendor_api_docs.sh)."


def _missing(files: tuple[str, ...]) -> Response | None:
    """A 503 naming the fix when a vendored file is absent (a source checkout before ``make assets``)."""
    if all((DOCS_ASSETS / name).is_file() for name in files):
        return None
    return PlainTextResponse(NOT_VENDORED, status_code=503)


def register_api_docs(app: FastAPI) -> None:
    """Add ``/docs``, its OAuth2 redirect page and ``/redoc`` to an app built with ``docs_url=None`` and
    ``redoc_url=None``, and serve the vendored files they load."""
    openapi_url = app.openapi_url or "/openapi.json"
    favicon = f"{ASSETS_URL}/favicon-32x32.png"
    oauth2_redirect = app.swagger_ui_oauth2_redirect_url or "/docs/oauth2-redirect"

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> Response:
        return _missing(SWAGGER_FILES) or get_swagger_ui_html(
            openapi_url=openapi_url, title=f"{app.title} — API (Swagger UI)",
            swagger_js_url=f"{ASSETS_URL}/swagger-ui-bundle.js", swagger_css_url=f"{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=favicon, oauth2_redirect_url=oauth2_redirect,
            swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from validator.swagger.io
        )

    @app.get(oauth2_redirect, include_in_schema=False)
    def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> Response:
        return _missing(REDOC_FILES) or get_redoc_html(
            openapi_url=openapi_url, title=f"{app.title} — API (ReDoc)",
            redoc_js_url=f"{ASSETS_URL}/redoc.standalone.js", redoc_favicon_url=favicon, with_google_fonts=False,
        )

    app.mount(ASSETS_URL, StaticFiles(directory=DOCS_ASSETS, check_dir=False), name="docs-assets")
