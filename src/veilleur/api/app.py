"""FastAPI app: read events, clusters and articles through a :class:`~veilleur.store.Store`; submit
articles (with a bearer token); serve the dashboard.

The app runs no SQL of its own and loads no model at import: the pipeline is built on the first
``POST /articles`` by the ``pipeline_factory`` it is given, and cached on ``app.state``.
"""

from __future__ import annotations

import hashlib
import io
import secrets
import threading
from collections.abc import Awaitable, Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from veilleur import export
from veilleur.api.docs import register_api_docs
from veilleur.ingest.records import article_from_record
from veilleur.ingest.text import ReadOptions
from veilleur.pipeline import Pipeline, no_event_reason
from veilleur.records import Event, Rejection
from veilleur.store import EventFilter, Store
from veilleur.store.watch_state import WatchState

STATIC = Path(__file__).with_name("static")
MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000
MAX_BODY_BYTES = 5_000_000  # an article is a few kB; a body past this is refused before it is read


class ArticleIn(BaseModel):
    """An article to process and store."""

    text: str = Field(min_length=1, description="Plain text of the article")
    id: str | None = Field(default=None, max_length=200, description="Defaults to a hash of url or text")
    title: str = ""
    published: date | None = Field(default=None, description="Publication date; relative dates resolve to it")
    url: str = ""
    source: str = Field(default="", description="Outlet that published the article")


def _filters(
    since: Annotated[date | None, Query(description="first event date (inclusive)")] = None,
    until: Annotated[date | None, Query(description="last event date (inclusive)")] = None,
    country: Annotated[str, Query(description="country in French or English ('Syrie', 'Syria'), or its start")] = "",
    admin1: Annotated[str, Query(description="case-insensitive substring of the governorate / province")] = "",
    event_type: Annotated[str, Query(description="ACLED event type, any case ('battles')")] = "",
    sub_event_type: Annotated[str, Query(description="case-insensitive substring of the sub-event type")] = "",
    actor: Annotated[str, Query(description="an actor's alias from the registry ('Daech') or a substring "
                                            "of any actor's name")] = "",
    min_fatalities: Annotated[int, Query(ge=0, le=1_000_000, description="at least this many deaths")] = 0,
    doc: Annotated[str, Query(description="article id")] = "",
    source: Annotated[str, Query(description="case-insensitive substring of the outlet ('RFI')")] = "",
) -> EventFilter:
    return EventFilter(since=since, until=until, country=country, admin1=admin1, event_type=event_type,
                       sub_event_type=sub_event_type, actor=actor, min_fatalities=min_fatalities, doc=doc,
                       source=source)


Filters = Annotated[EventFilter, Depends(_filters)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


def _feature(event: Event, cluster_id: str | None) -> dict[str, Any]:
    feature = export.event_feature(event)
    feature["properties"]["cluster_id"] = cluster_id
    feature["properties"]["source_outlet"] = event.source_outlet
    return feature


def _all_events(store: Store, filters: EventFilter) -> Iterator[Event]:
    """Every event matching ``filters``, latest first, read a page at a time."""
    for offset in range(0, MAX_OFFSET, MAX_LIMIT):
        page = store.events(filters, limit=MAX_LIMIT, offset=offset)
        yield from page
        if len(page) < MAX_LIMIT:
            return


def _attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}


def get_store(request: Request) -> Store:
    s: Store = request.app.state.store
    return s


StoreDep = Annotated[Store, Depends(get_store)]


def require_token(
    request: Request, authorization: Annotated[str | None, Header()] = None
) -> None:
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(503, "submitting articles is disabled: no API token is configured")
    if not token_matches(authorization, expected):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


def token_matches(authorization: str | None, expected: str) -> bool:
    """A constant-time comparison that any header (even non-ASCII) can go through without an error."""
    scheme, _, given = (authorization or "").partition(" ")
    return scheme.lower() == "bearer" and secrets.compare_digest(given.strip().encode(), expected.encode())


def _article_id(body: ArticleIn) -> str:
    if body.id:
        return body.id
    key = body.url or " ".join(body.text.lower().split())
    return "api-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


# The dashboard loads only its own scripts and styles; map tiles (opt-in with ?tiles=) may come from any
# https host; nothing may frame it. The API docs (Swagger UI, ReDoc) run inline scripts: no CSP for them.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
API_DOCS = ("/docs", "/redoc", "/openapi.json")


async def _security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    if "%00" in request.url.query or "\x00" in request.url.path:
        return _refuse(400, "NUL bytes are not allowed in URLs")
    if request.method == "POST":
        # who may post, and how much, is decided before a byte of the body is read
        expected: str | None = request.app.state.token
        if not expected:
            return _refuse(503, "submitting articles is disabled: no API token is configured")
        if not token_matches(request.headers.get("authorization"), expected):
            return _refuse(401, "missing or wrong bearer token", {"WWW-Authenticate": "Bearer"})
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            return _refuse(411, "a Content-Length header is required")
        if int(length) > MAX_BODY_BYTES:
            return _refuse(413, f"body larger than {MAX_BODY_BYTES} bytes")
    response = await call_next(request)
    response.headers.update(SECURITY_HEADERS)
    if not request.url.path.startswith(API_DOCS):
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response


def _refuse(status: int, detail: str | list[dict[str, Any]], headers: dict[str, str] | None = None) -> Response:
    response = JSONResponse({"detail": detail}, status_code=status, headers=headers)
    response.headers.update(SECURITY_HEADERS)
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response


async def _invalid_request(request: Request, exc: Exception) -> Response:
    """422 naming each invalid field, without echoing the input: a lone surrogate or a huge value sent by a
    client must not break (or bloat) the error that answers it."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    detail = [{"type": e.get("type"), "loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in errors]
    return _refuse(422, detail)


def create_app(
    store: Store,
    *,
    token: str | None = None,
    pipeline_factory: Callable[[], Pipeline] | None = None,
) -> FastAPI:
    """Build the app over ``store``. ``token`` enables ``POST /articles`` (without it: 503)."""
    app = FastAPI(
        title="Veilleur",
        summary="French conflict news as ACLED-style event records, with their evidence.",
        version="0.1.0",
        docs_url=None,  # /docs and /redoc are served with vendored files (api/docs.py), not from a CDN
        redoc_url=None,
    )
    app.middleware("http")(_security_headers)
    app.exception_handler(RequestValidationError)(_invalid_request)
    app.state.store = store
    app.state.token = token
    app.state.pipeline_factory = pipeline_factory or Pipeline.from_defaults
    app.state.pipeline = None
    app.state.pipeline_lock = threading.Lock()

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/events", summary="Events, latest first; JSON page or GeoJSON")
    def list_events(
        store: StoreDep, filters: Filters, limit: Limit = 100, offset: Offset = 0,
        format: Literal["json", "geojson"] = "json",
    ) -> dict[str, Any]:
        events = store.events(filters, limit=limit, offset=offset)
        clusters = store.cluster_ids([e.id for e in events])
        total = store.count_events(filters)
        if format == "geojson":
            return {
                "type": "FeatureCollection",
                "features": [_feature(e, clusters.get(e.id)) for e in events
                             if e.latitude is not None and e.longitude is not None],
                "total": total, "limit": limit, "offset": offset,
            }
        items = []
        for e in events:
            d = e.to_dict()
            d["cluster_id"] = clusters.get(e.id)
            items.append(d)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/events.csv", summary="The filtered events as ACLED CSV (every match, latest first)",
             response_class=Response, responses={200: {"content": {"text/csv": {}}}})
    def events_csv(store: StoreDep, filters: Filters) -> Response:
        stream = io.StringIO()
        export.write_acled_csv(_all_events(store, filters), stream)
        return Response(stream.getvalue(), media_type="text/csv; charset=utf-8",
                        headers=_attachment("veilleur-events.csv"))

    @app.get("/events.geojson", summary="The filtered events that have coordinates, as a GeoJSON file",
             response_class=Response, responses={200: {"content": {"application/geo+json": {}}}})
    def events_geojson(store: StoreDep, filters: Filters) -> Response:
        stream = io.StringIO()
        export.write_geojson(_all_events(store, filters), stream)
        return Response(stream.getvalue(), media_type="application/geo+json",
                        headers=_attachment("veilleur-events.geojson"))

    @app.get("/articles", summary="Stored articles, latest first, with their event counts (zero included) "
                                  "and, for those that gave none, why")
    def list_articles(
        store: StoreDep, limit: Limit = 100, offset: Offset = 0,
        source: Annotated[str, Query(description="case-insensitive substring of the outlet")] = "",
        without_events: Annotated[bool, Query(description="only the articles that gave no event")] = False,
    ) -> dict[str, Any]:
        items = store.article_summaries(limit, offset, source=source, without_events=without_events)
        total = store.count_articles(source, without_events=without_events)
        return {"total": total, "limit": limit, "offset": offset, "items": [a.to_dict() for a in items]}

    @app.get("/events/{event_id}", summary="One event with its evidence and the other mentions of it")
    def get_event(event_id: str, store: StoreDep) -> dict[str, Any]:
        detail = store.event(event_id)
        if detail is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return detail.to_dict()

    @app.get("/articles/{article_id:path}", summary="An article's text and its events with evidence spans")
    def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
        rec = store.article(article_id)
        if rec is None:
            raise HTTPException(404, f"no article {article_id!r}")
        out = rec.to_dict()
        clusters = store.cluster_ids([e.id for e in rec.events])
        for e in out["events"]:
            e["cluster_id"] = clusters.get(e["id"])
        return out

    @app.get("/stats", summary="Event counts by type, ISO week, admin1 and day")
    def get_stats(store: StoreDep, filters: Filters) -> dict[str, Any]:
        return store.stats(filters).to_dict()

    @app.get("/clusters", summary="Clusters of mentions: canonical event, corroboration, disagreements")
    def list_clusters(
        store: StoreDep, filters: Filters, limit: Limit = 100, offset: Offset = 0,
        min_corroboration: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 1,
        min_mentions: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 1,
    ) -> dict[str, Any]:
        clusters = store.clusters(filters, limit=limit, offset=offset,
                                  min_corroboration=min_corroboration, min_mentions=min_mentions)
        total = store.count_clusters(filters, min_corroboration=min_corroboration, min_mentions=min_mentions)
        items = []
        for c in clusters:
            d = c.to_dict()
            d.pop("evidence_spans", None)
            d["members"] = [
                {"id": m.id, "doc": m.doc, "source_outlet": m.source_outlet, "event_date": m.event_date,
                 "location": m.location, "fatalities": m.fatalities}
                for m in c.members
            ]
            items.append(d)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/clusters/{cluster_id}", summary="One cluster with its member events")
    def get_cluster(cluster_id: str, store: StoreDep) -> dict[str, Any]:
        c = store.cluster(cluster_id)
        if c is None:
            raise HTTPException(404, f"no cluster {cluster_id!r}")
        d = c.to_dict()
        d["members"] = [m.to_dict() for m in c.members]
        return d

    @app.get("/alerts", summary="Alerts fired by the watcher's rules, latest first (one per rule and cluster)")
    def list_alerts(
        store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000, description="how many")] = 100
    ) -> list[dict[str, Any]]:
        return [a.to_dict() for a in WatchState(store).alerts(limit)]

    @app.get("/watch/sources", summary="Each watched source's health: last poll, success, error, counts")
    def watch_sources(store: StoreDep) -> list[dict[str, Any]]:
        return [h.to_dict() for h in WatchState(store).sources()]

    @app.get("/profiles/outlets", summary="Per outlet: events and loaded terms by side and by term")
    def outlet_profiles(store: StoreDep, filters: Filters) -> list[dict[str, Any]]:
        return [p.to_dict() for p in store.outlet_profiles(filters)]

    @app.post("/articles", status_code=201, dependencies=[Depends(require_token)],
              summary="Process one article with the pipeline and store it (bearer token required)")
    def post_article(body: ArticleIn, request: Request, store: StoreDep) -> dict[str, Any]:
        # the same checks as a JSON Lines record read from a file (encoding, language, size, NULs, ids)
        record = body.model_dump(mode="json") | {"id": _article_id(body)}
        article = article_from_record(record, record["id"], ReadOptions())
        if isinstance(article, Rejection):
            raise HTTPException(422, f"article rejected: {article.reason}")
        state = request.app.state
        with state.pipeline_lock:
            if state.pipeline is None:
                state.pipeline = state.pipeline_factory()
            result = state.pipeline.process(article)
        if result.rejection is not None:
            raise HTTPException(422, f"article rejected: {result.rejection.reason}")
        saved = store.save_article(article, result.events, no_event_reason=no_event_reason(result))
        out = saved.to_dict()
        stored = store.events(EventFilter(doc=saved.article_id), limit=MAX_LIMIT)
        out["event_ids"] = [e.id for e in stored]
        out["unresolved_places"] = [list(u) for u in result.unresolved_places]
        return out

    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    register_api_docs(app)
    return app
