"""Schemathesis against the OpenAPI document: whatever it sends, no 5xx (bounded for CI)."""

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


@schema.parametrize()
@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_server_errors(case: Any) -> None:
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.path}: {response.text[:300]}"
    if response.status_code >= 400 and case.path != "/calendar/{token}.ics":
        body = response.json()
        assert set(body["error"]) == {"status", "code", "message", "field"}
