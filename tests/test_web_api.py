"""The REST API through the framework's test client, on a temporary database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web_support import example, make_client

ACME = "/api/v1/interviews/acme-analyst"


@pytest.fixture
def client(tmp_path: Path, database: str | None) -> Iterator[Any]:
    """The API on a new store: SQLite, then PostgreSQL (tests/conftest.py)."""
    yield from make_client(tmp_path, database=database)


def error_of(response: Any) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "field"}
    assert body["error"]["status"] == response.status_code
    return dict(body["error"])


def add(client: Any, **changes: Any) -> Any:
    response = client.post("/api/v1/interviews", json=example(**changes))
    assert response.status_code == 201, response.text
    return response


def test_add_get_and_list(client: Any) -> None:
    response = add(client)
    assert response.headers["location"] == ACME
    assert response.json()["company"] == "Acme Analytics"
    got = client.get(ACME)
    assert got.json() == response.json()
    assert got.headers["etag"] == response.headers["etag"]
    listed = client.get("/api/v1/interviews").json()
    assert [row["id"] for row in listed] == ["acme-analyst"]
    assert listed[0]["state"] in ("act_now", "waiting", "overdue")


def test_invalid_interview_gets_the_clis_message(client: Any) -> None:
    response = client.post("/api/v1/interviews", json=example(company=None))
    assert response.status_code == 422
    error = error_of(response)
    assert error["field"] == "company"
    assert error["message"] == "company: required"


def test_unknown_field_is_rejected(client: Any) -> None:
    response = client.post("/api/v1/interviews", json=example(compnay="typo"))
    assert response.status_code == 422
    assert "compnay" in error_of(response)["message"]


@pytest.mark.parametrize("body", ["null", "[]", '"text"', "3"])
def test_a_body_that_is_not_an_object_names_the_body(client: Any, body: str) -> None:
    # Found by the hostile fuzz: the codec reads the body at the top, with no field name.
    client.post("/api/v1/interviews", json=example())
    for path in ("/api/v1/interviews", f"{ACME}/attempts"):
        answer = client.post(path, content=body, headers={"content-type": "application/json"})
        assert answer.status_code == 422, (path, answer.text)
        assert answer.json()["error"]["field"] == "body"
        assert answer.json()["error"]["message"].startswith("must be an object")


def test_missing_interview_is_404(client: Any) -> None:
    response = client.get("/api/v1/interviews/nobody")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not-found"


def test_edit_needs_the_version_and_conflicts_when_stale(client: Any) -> None:
    tag = add(client).headers["etag"]
    assert client.patch(ACME, json={"role": "Lead"}).status_code == 428
    changed = client.patch(ACME, json={"role": "Lead Analyst"}, headers={"If-Match": tag})
    assert changed.status_code == 200
    assert changed.json()["role"] == "Lead Analyst"
    assert changed.headers["etag"] != tag
    stale = client.patch(ACME, json={"role": "Other"}, headers={"If-Match": tag})
    assert stale.status_code == 409
    assert error_of(stale)["code"] == "conflict"
    assert client.get(ACME).json()["role"] == "Lead Analyst"


def test_edit_validates_like_the_cli(client: Any) -> None:
    tag = add(client).headers["etag"]
    response = client.patch(ACME, json={"culture": "loud"}, headers={"If-Match": tag})
    assert response.status_code == 422
    assert error_of(response)["field"] == "culture"


def test_log_attempt_moves_the_plan_on(client: Any) -> None:
    add(client)
    before = client.get(f"{ACME}/plan").json()
    assert before["next"]["purpose"] == "status"
    attempt = {"channel": "call", "outcome": "no_answer", "at": "2026-11-25T08:30:00-05:00"}
    logged = client.post(f"{ACME}/attempts", json=attempt)
    assert logged.status_code == 201
    assert logged.json()["purpose"] == "status"
    after = client.get(f"{ACME}/plan").json()
    assert after["attempts_left"] == before["attempts_left"] - 1
    assert [a["outcome"] for a in client.get(f"{ACME}/attempts").json()] == ["no_answer"]


def test_bad_attempt_is_422_in_the_one_shape(client: Any) -> None:
    add(client)
    response = client.post(f"{ACME}/attempts", json={"channel": "pigeon", "outcome": "sent"})
    assert response.status_code == 422
    error = error_of(response)
    assert error["field"] == "channel"
    assert error["message"] == (
        "channel: must be one of call, email, text, voicemail (got 'pigeon')"
    )
    missing = error_of(client.post(f"{ACME}/attempts", json={"channel": "call"}))
    assert missing["message"] == "outcome: required"


def test_status_and_delete(client: Any) -> None:
    tag = add(client).headers["etag"]
    closed = client.put(f"{ACME}/status", json={"status": "offer"}, headers={"If-Match": tag})
    assert closed.status_code == 200
    assert client.get(f"{ACME}/plan").json()["state"] == "closed"
    assert client.delete(ACME, headers={"If-Match": tag}).status_code == 409
    assert client.delete(ACME).status_code == 204
    assert client.get(ACME).status_code == 404


def test_script_for_the_next_step_and_by_kind(client: Any) -> None:
    add(client)
    script = client.get(f"{ACME}/script").json()
    assert script["kind"] == "call"  # the status follow-up, by phone as they arranged it
    assert "Dana" in script["body"]
    assert (
        client.get(f"{ACME}/script", params={"kind": "voicemail"}).json()["channel"] == "voicemail"
    )
    assert client.get(f"{ACME}/script", params={"kind": "fax"}).status_code == 422


def test_plan_of_an_unstored_object_is_the_contracts(client: Any) -> None:
    response = client.post("/api/v1/plans", params={"today": "2026-11-23"}, json=example())
    assert response.status_code == 200
    plan = response.json()
    assert plan["as_of"] == "2026-11-23"
    assert {"id", "state", "next", "steps", "attempts_left", "warnings"} <= set(plan)


def test_check_returns_the_contracts_json(client: Any) -> None:
    text = "Hi Dana, this is Sam Lee. Did I get the job?"
    result = client.post("/api/v1/checks", json={"text": text, "kind": "call"}).json()
    assert set(result) == {"kind", "words", "findings", "strengths"}
    assert "pressures-for-decision" in {f["rule"] for f in result["findings"]}
    empty = client.post("/api/v1/checks", json={"text": "  ", "kind": "call"})
    assert empty.status_code == 422
    assert client.post("/api/v1/checks", json={"text": "Hi", "kind": "fax"}).status_code == 422


def test_agenda(client: Any) -> None:
    add(client)
    agenda = client.get("/api/v1/agenda").json()
    assert agenda["today"] == "2026-11-25"
    everyone = [i["id"] for s in ("act_now", "overdue", "coming_up", "move_on") for i in agenda[s]]
    assert everyone == ["acme-analyst"]


def test_import_json_and_csv_then_export(client: Any) -> None:
    import json

    body = json.dumps([example(), example(id="second", company="Beta")])
    imported = client.post(
        "/api/v1/import", content=body, headers={"content-type": "application/json"}
    )
    assert imported.json() == {"added": 2, "replaced": 0, "skipped": 0, "ignored_columns": []}
    again = client.post(
        "/api/v1/import", content=body, headers={"content-type": "application/json"}
    )
    assert again.status_code == 422  # all or nothing: the ids exist
    csv_text = (
        "company,role,interview date,contact,candidate_name\n"
        "Gamma,Analyst,2026-11-20T10:00:00-05:00,Ann Bo,Sam Lee\n"
    )
    from_csv = client.post("/api/v1/import", content=csv_text, headers={"content-type": "text/csv"})
    assert from_csv.status_code == 200, from_csv.text
    assert from_csv.json()["added"] == 1
    exported = client.get("/api/v1/export", params={"format": "json"}).json()
    assert len(exported) == 3
    assert "BEGIN:VCALENDAR" in client.get("/api/v1/export", params={"format": "ics"}).text
    assert client.get("/api/v1/export", params={"format": "pdf"}).status_code == 422


def test_openapi_document_lists_the_resources(client: Any) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/interviews",
        "/api/v1/interviews/{interview_id}/attempts",
        "/api/v1/agenda",
        "/api/v1/checks",
        "/api/v1/import",
        "/api/v1/export",
    ):
        assert path in paths


def test_calendar_feed_needs_the_current_token(client: Any) -> None:
    from followup.web.versions import feed_token, revoke_feed_token

    add(client)
    tracker = client.app.state.web.tracker
    token = feed_token(tracker)
    feed = client.get(f"/calendar/{token}.ics")
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in feed.text
    revoke_feed_token(tracker)
    assert client.get(f"/calendar/{token}.ics").status_code == 404
    assert client.get("/calendar/guess.ics").status_code == 404


def test_agenda_and_today_follow_writes_from_the_cli_at_the_same_time(client: Any) -> None:
    from followup.domain.codec import interview_from_dict
    from followup.services.tracker import Tracker

    add(client)
    assert "Beta Corp" not in client.get("/").text
    first = client.get("/api/v1/agenda").json()
    web = client.app.state.web
    other = Tracker.open(web.env)  # a second connection, as `followup add` would open
    try:
        other.add(interview_from_dict(example(id="beta", company="Beta Corp")))
    finally:
        other.close()
    second = client.get("/api/v1/agenda").json()
    assert second != first
    assert "Beta Corp" in client.get("/").text
    client.delete("/api/v1/interviews/beta")
    assert "Beta Corp" not in client.get("/").text
    assert client.get("/api/v1/agenda").json() == first


def test_a_bug_still_answers_in_the_one_error_shape(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import warnings

    from followup.web import create_app
    from tests.web_support import BASE, make_env

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug")

    app = create_app(make_env(tmp_path))
    monkeypatch.setattr("followup.services.agenda.agenda", broken)
    with TestClient(app, base_url=BASE, raise_server_exceptions=False) as crashing:
        response = crashing.get("/api/v1/agenda")
        assert response.status_code == 500
        assert error_of(response)["code"] == "internal"
        assert "a bug" not in response.text
        page = crashing.get("/")
        assert page.status_code == 500 and "<h1>" in page.text
    app.state.web.tracker.close()


def test_attempts_are_read_by_the_codec_like_any_attempt(client: Any) -> None:
    tag = add(client).headers["etag"]
    control = client.post(f"{ACME}/attempts", json={"channel": "call", "outcome": "spoke",
                                                    "notes": "ok\x07"})  # fmt: skip
    assert control.status_code == 422
    assert error_of(control)["message"] == "notes: contains a control character (U+0007)"
    unknown = client.post(f"{ACME}/attempts", json={"channel": "call", "outcome": "spoke",
                                                    "when": "now"})  # fmt: skip
    assert error_of(unknown)["message"] == "when: unknown field"
    assert client.get(ACME).headers["etag"] == tag  # nothing was logged
    logged = client.post(f"{ACME}/attempts", json={"channel": "email", "outcome": "sent",
                                                   "notes": "  Thanked Dana  "})  # fmt: skip
    assert logged.json()["notes"] == "Thanked Dana"
    cleared = client.patch(f"{ACME}/attempts/1", json={"notes": ""})
    assert cleared.status_code == 200, cleared.text
    assert "notes" not in cleared.json()
    assert client.patch(f"{ACME}/attempts/1", json=[1]).status_code == 422


def test_a_missing_if_match_is_428_even_before_the_body_is_read(client: Any) -> None:
    add(client)
    for response in (
        client.put(f"{ACME}/status", json={"status": "offer"}),
        client.patch(ACME, json={"role": "Lead"}),
    ):
        assert response.status_code == 428
        assert error_of(response)["code"] == "precondition-required"


def test_a_method_a_path_lacks_is_405_naming_every_method_it_has(client: Any) -> None:
    add(client)
    response = client.put(f"{ACME}/attempts/1")
    assert response.status_code == 405
    assert response.headers["allow"] == "DELETE, PATCH"
    assert error_of(response)["code"] == "http"
    as_text = client.put(f"{ACME}/attempts/1", content="x", headers={"content-type": "text/plain"})
    assert as_text.status_code == 415  # a body that is not JSON is still refused first


def test_a_write_without_a_body_names_the_body(client: Any) -> None:
    response = client.post("/api/v1/interviews")
    assert response.status_code == 422
    assert error_of(response)["field"] == "body"


def test_concurrent_writes_keep_the_lost_edit_guard(tmp_path: Path) -> None:
    """The handlers run in a thread pool: of ten edits from the same version, one wins and
    nine get 409; forty parallel reads and writes all answer."""
    import asyncio

    import httpx

    from followup.web import create_app
    from tests.web_support import BASE, make_env

    app = create_app(make_env(tmp_path))

    async def run() -> tuple[list[int], list[int]]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
            added = await client.post("/api/v1/interviews", json=example())
            tag = added.headers["etag"]
            edits = await asyncio.gather(*(
                client.patch(ACME, json={"role": f"Role {n}"}, headers={"If-Match": tag})
                for n in range(10)
            ))  # fmt: skip
            mixed = await asyncio.gather(*(
                client.post(f"{ACME}/attempts", json={"channel": "email", "outcome": "sent"})
                if n % 2 else client.get(f"{ACME}/plan")
                for n in range(40)
            ))  # fmt: skip
        return [r.status_code for r in edits], [r.status_code for r in mixed]

    try:
        edits, mixed = asyncio.run(run())
    finally:
        app.state.web.tracker.close()
    assert sorted(edits) == [200] + [409] * 9
    assert sorted(set(mixed)) == [200, 201]
