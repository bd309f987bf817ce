"""A bounded schemathesis run against the API on both stores: no request, however malformed, is a 500.

Every operation of the OpenAPI schema is called with generated valid and invalid parameters and bodies
(huge integers, NUL bytes, surrogates, over-long strings, wrong types), authenticated and not. Bounded by
hypothesis' example count so it stays inside ``make test``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from veilleur.api import create_app
from veilleur.pipeline import ArticleResult, Pipeline
from veilleur.records import Article
from veilleur.store import Store

TOKEN = "fuzz-token"


class NoEvents(Pipeline):
    """POST /articles runs the real validation path; coding itself is not what is fuzzed here."""

    def __init__(self) -> None:
        pass

    def process(self, article: Article) -> ArticleResult:
        return ArticleResult(article)


@pytest.fixture
def api_schema(filled_store: Store) -> Iterator[schemathesis.BaseSchema]:
    app = create_app(filled_store, token=TOKEN, pipeline_factory=NoEvents)
    with TestClient(app):  # runs the app's startup
        yield schemathesis.openapi.from_asgi("/openapi.json", app)


schema = schemathesis.pytest.from_fixture("api_schema")


SEEN: dict[str, int] = {"requests": 0, "server errors": 0}


@pytest.fixture(scope="module", autouse=True)
def report() -> Iterator[None]:
    yield
    print(f"\nschemathesis: {SEEN['requests']} requests, {SEEN['server errors']} server errors")


def _call(case: schemathesis.Case) -> None:
    response = case.call()
    SEEN["requests"] += 1
    SEEN["server errors"] += response.status_code >= 500
    case.validate_response(response, checks=[not_a_server_error])


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_authenticated_request_is_a_server_error(case: schemathesis.Case) -> None:
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKEN}"}
    _call(case)


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_anonymous_request_is_a_server_error(case: schemathesis.Case) -> None:
    _call(case)
