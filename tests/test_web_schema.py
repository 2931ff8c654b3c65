"""Schemathesis against the OpenAPI document, every check it has: no 5xx, and every answer's
status, content type, headers and body as the document says (bounded for CI)."""

from __future__ import annotations

import atexit
import shutil
import tempfile
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from tests.web_support import BASE, make_env

schemathesis = pytest.importorskip("schemathesis")

HOME = Path(tempfile.mkdtemp(prefix="followup-schema-"))
atexit.register(shutil.rmtree, HOME, ignore_errors=True)


def _app() -> Any:
    from followup.web import create_app

    app = create_app(make_env(HOME), hosts=["testserver"])  # the loader's test client
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

        TestClient(app, base_url=BASE).post(
            "/api/v1/import",
            content='[{"id": "acme-analyst", "company": "Acme", "role": "Analyst",'
            ' "candidate": {"name": "Sam"}, "interviewers": [{"name": "Dana"}],'
            ' "interviewed_at": "2026-11-20T14:00:00-05:00"}]',
            headers={"content-type": "application/json"},
        )
    return app


APP = _app()
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", APP)
CHECKS = schema.config.checks
# A schema-valid body the codec still refuses is a 422 naming the field: a JSON Schema cannot
# say that a zone must exist, a date be real, an attempt not lie in the future, or one
# interviewer at most be primary.
CHECKS.positive_data_acceptance.expected_statuses = [
    *CHECKS.positive_data_acceptance.expected_statuses,
    "422",
]
# An update without If-Match is told to send it: 428 Precondition Required.
CHECKS.missing_required_header.expected_statuses = [
    *CHECKS.missing_required_header.expected_statuses,
    "428",
]


@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_keeps_its_schema(case: Any) -> None:
    response = case.call_and_validate()
    if response.status_code >= 400:
        body = response.json()
        assert set(body["error"]) == {"status", "code", "message", "field"}
