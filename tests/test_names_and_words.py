"""Issue 12, points 6 and 7: readable ids, the same file imported twice, words that match
the state."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from followup.messages import write
from followup.services.tracker import slug
from tests.planning import interview
from tests.tracker_support import Cli
from tests.web_support import example, make_client, post_form

CSV = (
    "company,role,interview date,contact,candidate_name\n"
    "Gamma,Analyst,2026-11-20T10:00:00-05:00,Ann Bo,Sam Lee\n"
)


def test_slugs_transliterate() -> None:
    assert slug("Müller Lüdenscheidt GmbH") == "muller-ludenscheidt-gmbh"
    assert slug("Tōkyō Works K.K.") == "tokyo-works-kk"
    assert slug("Straße & Søn") == "strasse-son"


def test_a_company_ending_in_a_full_stop_gets_no_second_one() -> None:
    obj = interview(company="Tōkyō Works K.K.")
    import datetime as dt

    from followup.domain.codec import interview_from_dict

    for kind in ("thank-you-email", "status-email", "call", "voicemail", "final-email"):
        body = write(interview_from_dict(obj), kind, today=dt.date(2026, 11, 12)).body
        assert "K.K.." not in body, kind


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    yield from make_client(tmp_path)


def test_the_same_csv_twice_through_the_api_is_refused_or_skipped(client: Any) -> None:
    headers = {"content-type": "text/csv"}
    assert client.post("/api/v1/import", content=CSV, headers=headers).json()["added"] == 1
    again = client.post("/api/v1/import", content=CSV, headers=headers)
    assert again.status_code == 422
    assert "?replace=true" in again.text and "?skip=true" in again.text
    assert "--replace" not in again.text
    skipped = client.post("/api/v1/import", content=CSV, headers=headers, params={"skip": True})
    assert skipped.json()["skipped"] == 1 and skipped.json()["added"] == 0
    replaced = client.post("/api/v1/import", content=CSV, headers=headers, params={"replace": True})
    assert replaced.json()["replaced"] == 1
    assert len(client.get("/api/v1/export", params={"format": "json"}).json()) == 1


def test_the_same_csv_twice_on_the_import_page_speaks_of_the_page(client: Any) -> None:
    def upload(existing: str) -> Any:
        page = client.get("/transfer")
        token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
        return client.post(
            "/transfer/import",
            data={"csrf_token": token, "existing": existing},
            files={"file": ("mine.csv", CSV.encode(), "text/csv")},
        )

    assert upload("").status_code == 200
    again = upload("")
    assert "Replace them" in again.text and "--replace" not in again.text
    assert "already stored and skipped" in upload("skip").text


def test_the_same_csv_twice_on_the_cli_names_options_that_exist(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    path = tmp_path / "mine.csv"
    path.write_text(CSV, encoding="utf-8")
    assert cli("import", str(path)).status == 0
    again = cli("import", str(path))
    assert again.status == 2 and "--skip-existing" in again.err and "--replace" in again.err
    assert "skipped" in cli("import", str(path), "--skip-existing").out
    assert cli("import", str(path), "--replace").status == 0
    assert len(json.loads(cli("export", "--json").out)) == 1


def test_a_rejected_interview_says_rejected_and_one_suggestion_is_singular(client: Any) -> None:
    client.post("/api/v1/interviews", json=example(status="rejected"))
    assert ">Rejected<" in client.get("/interviews/acme-analyst").text
    assert ">Rejected<" in client.get("/interviews").text
    found = post_form(client, "/check", "/check", {"text": "Hi. Thanks.", "kind": "email"})
    assert " 1 suggestions" not in found.text


def test_a_bad_time_zone_is_shown_under_the_time_zone_field_in_page_words(client: Any) -> None:
    form = {
        "company": "Initech", "role": "Analyst", "interviewed_at": "2026-11-23T10:00",
        "timezone": "Mars/Olympus", "contact": "Bill", "candidate": "Sam Lee", "country": "US",
    }  # fmt: skip
    page = post_form(client, "/interviews/new", "/interviews/new", form)
    assert page.status_code == 422
    assert 'id="f-timezone-error"' in page.text
    assert 'id="f-interviewed_at-error"' not in page.text
    no_zone = post_form(client, "/interviews/new", "/interviews/new", form | {"timezone": ""})
    assert "followup config" not in no_zone.text and "--" not in no_zone.text.split("<main")[-1]
