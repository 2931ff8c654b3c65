"""Issue 12, point 4: an attempt's time is read in one declared zone, never in the future,
and an attempt logged by mistake can be corrected or deleted on every face."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_tracker_cli import add_example
from tests.tracker_support import Cli
from tests.web_support import example, make_client, post_form


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    yield from make_client(tmp_path)


def test_the_cli_refuses_a_future_attempt_and_corrects_or_deletes_one(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    assert cli("config", "timezone", "America/New_York").status == 0
    add_example(cli)
    future = cli("log", "acme-analyst", "--channel", "call", "--outcome", "no_answer",
                 "--at", "2030-01-01 10:00")  # fmt: skip
    assert future.status == 2 and "in the future" in future.err
    assert cli("log", "acme-analyst", "--channel", "call", "--outcome", "no_answer",
               "--at", "2026-11-24 10:00").status == 0  # fmt: skip
    shown = json.loads(cli("show", "acme-analyst", "--json").out)
    assert (
        shown["interview"].get("attempts", [{}])[0].get("at", "").startswith("2026-11-24T10:00:00")
    )
    fixed = cli("attempt-edit", "acme-analyst", "1", "--outcome", "voicemail")
    assert fixed.status == 0, fixed.err
    assert cli("attempt-edit", "acme-analyst", "1", "--at", "2031-01-01 10:00").status == 2
    assert cli("attempt-delete", "acme-analyst", "1").status == 0
    assert (
        json.loads(cli("show", "acme-analyst", "--json").out)["interview"].get("attempts", []) == []
    )
    assert cli("attempt-delete", "acme-analyst", "1").status != 0


def test_the_api_refuses_a_future_attempt_and_corrects_or_deletes_one(client: Any) -> None:
    client.post("/api/v1/interviews", json=example())
    url = "/api/v1/interviews/acme-analyst/attempts"
    body = {"channel": "call", "outcome": "no_answer"}
    future = client.post(url, json=body | {"at": "2030-01-01T10:00:00-05:00"})
    assert future.status_code == 422 and "in the future" in future.text
    assert client.post(url, json=body | {"at": "2026-11-24T10:00:00-05:00"}).status_code == 201
    fixed = client.patch(f"{url}/1", json={"outcome": "voicemail"})
    assert fixed.status_code == 200 and fixed.json()["outcome"] == "voicemail"
    assert client.delete(f"{url}/1").status_code == 204
    assert client.get(url).json() == []
    assert client.delete(f"{url}/1").status_code == 404


def test_the_page_shows_the_zone_and_refuses_a_future_when_under_its_field(client: Any) -> None:
    client.post("/api/v1/interviews", json=example())
    page = client.get("/interviews/acme-analyst").text
    assert "Time in America/New_York (EST)" in page
    refused = post_form(client, "/interviews/acme-analyst/attempts", "/interviews/acme-analyst",
                        {"channel": "call", "outcome": "no_answer",
                         "at": "2030-01-01T10:00"})  # fmt: skip
    assert refused.status_code == 422
    assert 'id="at-error">' in refused.text and "in the future" in refused.text
    post_form(client, "/interviews/acme-analyst/attempts", "/interviews/acme-analyst",
              {"channel": "call", "outcome": "no_answer", "at": "2026-11-24T10:00"})  # fmt: skip
    history = client.get("/interviews/acme-analyst").text
    assert "10:00 EST" in history
    gone = post_form(client, "/interviews/acme-analyst/attempts/1", "/interviews/acme-analyst",
                     {"action": "delete"})  # fmt: skip
    assert gone.status_code == 303
    assert client.get("/api/v1/interviews/acme-analyst/attempts").json() == []
