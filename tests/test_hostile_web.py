"""The API and the pages under hostile input: a 4xx naming the field, never a 5xx, nothing
stored; the store's own failures as 503 with Retry-After; the Host check exact."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from followup.web.security import ForbiddenRequest, Guard, host_name
from tests.test_hostile_corpus import CSV_CASES, JSON_CASES, field_of, names_field
from tests.web_support import BASE, TestClient, example, make_client, token_of


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    yield from make_client(tmp_path)


def _no_5xx_names(response: Any, path: Path) -> None:
    assert 400 <= response.status_code < 500, (path.name, response.status_code, response.text)
    if response.headers.get("content-type", "").startswith("application/json"):
        error = response.json()["error"]
        assert names_field(f"{error['field']}: {error['message']}", path), (path.name, error)


def _raw(path: Path) -> bytes:
    return path.read_bytes()


@pytest.mark.parametrize("path", JSON_CASES, ids=lambda p: p.name)
def test_the_api_refuses_each_json_case_naming_its_field(client: TestClient, path: Path) -> None:
    headers = {"content-type": "application/json"}
    added = client.post("/api/v1/interviews", content=_raw(path), headers=headers)
    _no_5xx_names(added, path)
    imported = client.post("/api/v1/import", content=_raw(path), headers=headers)
    _no_5xx_names(imported, path)
    if field_of(path) != "id":
        planned = client.post("/api/v1/plans", content=_raw(path), headers=headers)
        _no_5xx_names(planned, path)
    assert client.get("/api/v1/interviews").json() == []


@pytest.mark.parametrize("path", CSV_CASES, ids=lambda p: p.name)
def test_the_api_and_the_import_page_refuse_each_csv_case(client: TestClient, path: Path) -> None:
    imported = client.post(
        "/api/v1/import", content=_raw(path), headers={"content-type": "text/csv"}
    )
    _no_5xx_names(imported, path)
    token = token_of(client.get("/transfer").text)
    page = client.post("/transfer/import", data={"csrf_token": token},
                       files={"file": (path.name, _raw(path), "text/csv")})  # fmt: skip
    assert page.status_code == 422 and field_of(path).removeprefix("csv") in page.text
    assert client.get("/api/v1/interviews").json() == []


def test_a_body_over_the_limit_is_refused_with_413(client: TestClient, monkeypatch: Any) -> None:
    import followup.web.security as security

    monkeypatch.setattr(security, "MAX_BODY", 1000)
    big = json.dumps(example(company="A" * 2000))
    refused = client.post("/api/v1/interviews", content=big,
                          headers={"content-type": "application/json"})  # fmt: skip
    assert refused.status_code == 413 and refused.json()["error"]["code"] == "too-large"


def test_invalid_utf8_is_refused_on_body(client: TestClient) -> None:
    refused = client.post("/api/v1/interviews", content=b'{"company": "\xff"}',
                          headers={"content-type": "application/json"})  # fmt: skip
    assert refused.status_code == 422 and refused.json()["error"]["field"] == "body"


def test_location_is_percent_encoded_for_any_id(client: TestClient) -> None:
    added = client.post("/api/v1/interviews", json=example(id="café-😀"))
    assert added.status_code == 201, added.text
    assert added.headers["location"] == "/api/v1/interviews/caf%C3%A9-%F0%9F%98%80"
    again = client.get(added.headers["location"])
    assert again.status_code == 200 and again.json()["id"] == "café-😀"


@pytest.mark.parametrize("at", [1764000000, 1764000000.5, True, "1764000000"])
def test_a_numeric_at_is_refused_not_read_as_unix_time(client: TestClient, at: Any) -> None:
    assert client.post("/api/v1/interviews", json=example()).status_code == 201
    logged = client.post("/api/v1/interviews/acme-analyst/attempts",
                         json={"channel": "call", "outcome": "no_answer", "at": at})  # fmt: skip
    assert logged.status_code == 422 and logged.json()["error"]["field"] == "at"
    assert client.get("/api/v1/interviews/acme-analyst/attempts").json() == []


def test_a_year_9999_attempt_is_refused_and_the_interview_still_answers(
    client: TestClient,
) -> None:
    assert client.post("/api/v1/interviews", json=example()).status_code == 201
    logged = client.post("/api/v1/interviews/acme-analyst/attempts",
                         json={"channel": "call", "outcome": "no_answer",
                               "at": "9999-12-31T23:59:00-05:00"})  # fmt: skip
    assert logged.status_code == 422 and logged.json()["error"]["field"] == "at"
    assert client.get("/api/v1/interviews/acme-analyst").status_code == 200
    assert client.get("/api/v1/interviews/acme-analyst/plan").status_code == 200


HOSTS = ["[::1]evil.com", "[::1]:80evil", "[::1", "127.0.0.1:x", "localhost:99999999",
         "evil.com", "127.0.0.1.evil.com"]  # fmt: skip


@pytest.mark.parametrize("host", HOSTS)
def test_a_malformed_or_foreign_host_is_refused(client: TestClient, host: str) -> None:
    refused = client.get("/api/v1/interviews", headers={"host": host})
    assert refused.status_code == 421
    with pytest.raises(ForbiddenRequest):
        Guard().check("GET", "/", {"host": host})


def test_loopback_hosts_with_ports_still_answer(client: TestClient) -> None:
    for host in ("127.0.0.1:8765", "localhost", "[::1]:8765", "[::1]"):
        assert host_name(host) in ("127.0.0.1", "localhost", "::1")
        assert client.get("/ping", headers={"host": host}).status_code == 200


def test_a_locked_store_is_a_503_with_retry_after(client: TestClient, monkeypatch: Any) -> None:
    tracker = client.app.state.web.tracker  # type: ignore[attr-defined]
    tracker.store.connection.execute("PRAGMA busy_timeout = 50")
    holder = sqlite3.connect(tracker.store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        refused = client.post("/api/v1/interviews", json=example())
        assert refused.status_code == 503 and refused.headers["retry-after"] == "5"
        assert refused.json()["error"]["code"] == "store"
        assert "busy" in refused.json()["error"]["message"]
        page = client.post("/interviews/new", data={"csrf_token": "x"})
        assert page.status_code in (403, 503)
        assert client.get("/ping").status_code == 200
        assert client.get("/api/v1/interviews").status_code == 200  # reads go on (WAL)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert client.post("/api/v1/interviews", json=example()).status_code == 201


def test_a_read_only_store_is_a_503_and_an_explaining_page(tmp_path: Path) -> None:
    from followup.web import create_app
    from tests.web_support import make_env

    env = make_env(tmp_path)
    app = create_app(env)
    path = Path(app.state.web.tracker.store.path)
    app.state.web.tracker.close()
    path.chmod(0o444)
    app = create_app(env)
    app.state.web.tracker.store.connection.execute("PRAGMA query_only = ON")
    with TestClient(app, base_url=BASE) as client:
        refused = client.post("/api/v1/interviews", json=example())
        assert refused.status_code == 503 and "retry-after" in refused.headers
        token = token_of(client.get("/interviews/new").text)
        form = {"csrf_token": token, "company": "Acme", "role": "Analyst", "contact": "Dana",
                "candidate": "Sam", "interviewed_at": "2026-11-20T14:00:00-05:00"}  # fmt: skip
        page = client.post("/interviews/new", data=form, follow_redirects=False)
        assert page.status_code == 503 and "read-only" in page.text
    app.state.web.tracker.close()


def test_put_status_and_docs_web_md_agree_that_if_match_is_required(client: TestClient) -> None:
    docs = (Path(__file__).parent.parent / "docs" / "web.md").read_text()
    row = next(line for line in docs.splitlines() if "PUT /interviews/{id}/status" in line)
    assert "`If-Match` required: 428 without, 409 if it changed" in row
    added = client.post("/api/v1/interviews", json=example())
    url = "/api/v1/interviews/acme-analyst/status"
    assert client.put(url, json={"status": "offer"}).status_code == 428
    stale = client.put(url, json={"status": "offer"}, headers={"If-Match": '"0000"'})
    assert stale.status_code == 409
    done = client.put(url, json={"status": "offer"}, headers={"If-Match": added.headers["etag"]})
    assert done.status_code == 200 and done.json()["status"] == "offer"


def test_docs_security_md_names_only_tests_that_exist() -> None:
    import re

    root = Path(__file__).parent.parent
    text = (root / "docs" / "security.md").read_text()
    named = re.findall(r"`(tests/[\w/.-]+?)(?:::(\w+))?`", text)
    assert len(named) >= 10
    for path, test in named:
        assert (root / path).exists(), path
        if test:
            assert f"def {test}(" in (root / path).read_text(), (path, test)
    assert "../shared" not in text
