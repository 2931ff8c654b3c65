"""Each page's data as JSON (`/.json`, `/interviews.json`, `/interviews/ID.json`,
`/settings.json`, `/check.json`): the page's own context, in the API's shapes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from followup.web import schema, twins
from tests.web_support import example, make_client

ACME = "acme-analyst"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    for client in make_client(tmp_path):
        assert client.post("/api/v1/interviews", json=example()).status_code == 201
        yield client


def json_of(client: Any, url: str, model: type[Any]) -> dict[str, Any]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    data: dict[str, Any] = response.json()
    model.model_validate(data)
    assert "csrf_token" not in data
    return data


def test_the_interview_page_json_is_the_apis_interview_and_plan(client: Any) -> None:
    data = json_of(client, f"/interviews/{ACME}.json", twins.InterviewPage)
    assert data["path"] == f"/interviews/{ACME}"
    assert data["interview"] == client.get(f"/api/v1/interviews/{ACME}").json()
    assert data["plan"] == client.get(f"/api/v1/interviews/{ACME}/plan").json()
    assert f'"{data["version"]}"' == client.get(f"/api/v1/interviews/{ACME}").headers["etag"]
    assert data["timeline"]["bars"], "the timeline the page draws"


def test_today_json_is_the_agenda_and_leaves_the_page_html(client: Any) -> None:
    data = json_of(client, "/.json", twins.TodayPage)
    agenda = client.get("/api/v1/agenda").json()
    assert data["agenda"] == agenda
    assert [item["id"] for item in data["agenda"]["act_now"]] == [ACME]
    page = client.get("/")
    assert page.headers["content-type"].startswith("text/html")
    assert "Acme Analytics" in page.text


def test_the_list_json_pages_and_searches_like_the_page(client: Any) -> None:
    data = json_of(client, "/interviews.json?q=acme", twins.InterviewsPage)
    assert [row["id"] for row in data["rows"]] == [ACME]
    assert (data["total"], data["page"], data["pages"], data["q"]) == (1, 1, 1, "acme")
    assert json_of(client, "/interviews.json?q=nobody", twins.InterviewsPage)["rows"] == []
    refused = client.get("/interviews.json?page=0")
    assert refused.status_code == 422
    schema.ErrorBody.model_validate(refused.json())


def test_settings_and_check_pages_have_json_twins(client: Any) -> None:
    settings = json_of(client, "/settings.json", twins.SettingsPage)
    assert {"name", "email", "country"} <= set(settings["keys"])
    assert all(isinstance(words, list) for words in settings["keys"].values())
    assert settings["feed_url"].endswith(".ics")
    check = json_of(client, "/check.json", twins.CheckPage)
    assert check["kinds"] == ["call", "voicemail", "email", "text"]
    assert check["interviews"][0][0] == ACME


def test_a_missing_interview_is_a_json_404(client: Any) -> None:
    response = client.get("/interviews/nobody.json")
    assert response.status_code == 404
    assert schema.ErrorBody.model_validate(response.json()).error.code == "not-found"
    assert client.get("/interviews/nobody").headers["content-type"].startswith("text/html")
