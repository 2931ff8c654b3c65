"""Safe by default: inert output, the server's own Host only, no cross-site writes, strict CSP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web_support import example, make_client, post_form

SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    yield from make_client(tmp_path)


def test_a_script_in_a_company_name_renders_inert(client: Any) -> None:
    assert client.post("/api/v1/interviews", json=example(company=SCRIPT)).status_code == 201
    for page in ("/", "/interviews", "/interviews/acme-analyst", "/interviews/acme-analyst/edit"):
        html = client.get(page).text
        assert SCRIPT not in html, page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, page


def test_every_response_has_a_strict_content_security_policy(client: Any) -> None:
    for url in ("/", "/api/v1/agenda", "/static/app.css", "/nowhere"):
        policy = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy


def test_a_foreign_host_header_is_refused(client: Any) -> None:
    for host in ("evil.example", "evil.example:8765", "127.0.0.1.evil.example"):
        response = client.get("/api/v1/agenda", headers={"Host": host})
        assert response.status_code == 421, host
        assert response.json()["error"]["code"] == "foreign-host"
    for host in ("127.0.0.1:8765", "localhost:8765", "[::1]:8765"):
        assert client.get("/ping", headers={"Host": host}).status_code == 200, host


def test_a_cross_site_form_post_without_the_token_is_refused(client: Any) -> None:
    form = {
        "company": "Evil",
        "role": "x",
        "interviewed_at": "2026-11-20T10:00",
        "contact": "Ann",
        "candidate": "Sam",
        "timezone": "UTC",
    }
    no_token = client.post("/interviews/new", data=form, follow_redirects=False)
    assert no_token.status_code == 403
    wrong = client.post("/interviews/new", data=form | {"csrf_token": "guess"})
    assert wrong.status_code == 403
    assert client.get("/api/v1/interviews").json() == []
    added = post_form(client, "/interviews/new", "/interviews/new", form)
    assert added.status_code == 303


def test_another_origin_or_site_cannot_write_even_with_a_token(client: Any) -> None:
    from tests.web_support import token_of

    token = token_of(client.get("/settings").text)
    data = {"csrf_token": token, "name": "Mallory"}
    for headers in (
        {"Origin": "http://evil.example"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "null"},
        {"Origin": "http://localhost:3000"},  # another app on this computer
        {"Sec-Fetch-Site": "same-site"},
    ):
        response = client.post("/settings", data=data, headers=headers, follow_redirects=False)
        assert response.status_code == 403, headers
    same = client.post(
        "/settings",
        data=data,
        follow_redirects=False,
        headers={"Origin": "http://127.0.0.1:8765", "Sec-Fetch-Site": "same-origin"},
    )
    assert same.status_code == 303


def test_api_writes_must_be_json_so_a_cross_site_form_cannot_send_them(client: Any) -> None:
    as_form = client.post("/api/v1/interviews", data={"company": "x"})
    assert as_form.status_code == 415
    as_text = client.post("/api/v1/checks", content="{}", headers={"content-type": "text/plain"})
    assert as_text.status_code == 415
    cross = client.post(
        "/api/v1/interviews", json=example(), headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert cross.status_code == 403
    assert client.get("/api/v1/interviews").json() == []


def test_reads_from_anywhere_on_loopback_still_work(client: Any) -> None:
    assert client.get("/", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 200


def test_the_form_token_survives_a_restart_on_the_same_store(tmp_path: Path) -> None:
    from followup.web import create_app
    from tests.web_support import make_env

    first = create_app(make_env(tmp_path))
    second = create_app(make_env(tmp_path))
    try:
        assert first.state.web.guard.form_token == second.state.web.guard.form_token
        other = create_app(make_env(tmp_path / "elsewhere"))
        assert other.state.web.guard.form_token != first.state.web.guard.form_token
        other.state.web.tracker.close()
    finally:
        first.state.web.tracker.close()
        second.state.web.tracker.close()
