"""A bounded schemathesis run against the API on both stores: no request, however malformed, is a 500.

Every operation of the OpenAPI schema is called with generated valid and invalid parameters and bodies
(schemathesis' positive and negative modes: huge integers, NUL bytes, surrogates, over-long strings, wrong
types), with and without the bearer token. Bounded by hypothesis' example count so it stays inside
``make test``; driven with hypothesis directly so it does not depend on the pytest plugin's internals.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error

from veilleur.api import create_app
from veilleur.pipeline import ArticleResult, Pipeline
from veilleur.records import Article
from veilleur.store import Store

TOKEN = "fuzz-token"
EXAMPLES = 50  # per operation, mode and authentication


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


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda m: m.value)
@pytest.mark.parametrize("authenticated", [True, False], ids=["token", "anonymous"])
def test_no_request_is_a_server_error(
    api_schema: schemathesis.BaseSchema, mode: GenerationMode, authenticated: bool
) -> None:
    sent = {"requests": 0, "server errors": 0}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def call(case: schemathesis.Case) -> None:
            if authenticated:
                case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKEN}"}
            response = case.call()
            sent["requests"] += 1
            sent["server errors"] += response.status_code >= 500
            case.validate_response(response, checks=[not_a_server_error])

        try:
            call()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE  # an operation with no input has nothing to make invalid
    print(f"schemathesis {mode.value}, {'token' if authenticated else 'anonymous'}: {sent['requests']} requests, "
          f"{sent['server errors']} server errors")
    assert sent["server errors"] == 0
