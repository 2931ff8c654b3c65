"""The add form, `followup log`, `followup config` under hostile values: the field's own
message (422 on a form, exit 2 on the CLI), never a 5xx or a traceback, nothing stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tracker_support import cli_with_example
from tests.web_support import TestClient, make_client, post_form

GOOD = {"company": "Acme", "role": "Analyst", "contact": "Dana Ruiz", "candidate": "Sam Lee",
        "interviewed_at": "2026-11-20 14:00", "timezone": "America/New_York"}  # fmt: skip


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    yield from make_client(tmp_path)


@pytest.mark.parametrize(
    ("field", "value", "why"),
    [("timezone", "America", "choose a time zone from the list"),
     ("timezone", "x" * 300, "choose a time zone from the list"),
     ("country", "XX", "choose a country from the list"),
     ("subdivision", "ZZ", "has no subdivision"),
     ("interviewed_at", "9999-12-31 10:00", "must be in the years 1970 to 2199"),
     ("interviewed_at", "0001-01-01 00:00", "must be in the years 1970 to 2199"),
     ("feedback_by", "9999-12-31", "must be in the years 1970 to 2199"),
     ("offer_deadline", "0001-01-01", "must be in the years 1970 to 2199"),
     ("feedback_within", "²", "must be a whole number of days"),
     ("feedback_within", "9" * 5000, "must be a whole number of days"),
     ("company", "Ac\u0000me", "contains a control character")],
)  # fmt: skip
def test_the_add_form_shows_the_fields_message(
    client: TestClient, field: str, value: str, why: str
) -> None:
    page = post_form(client, "/interviews/new", "/interviews/new", GOOD | {field: value})
    assert page.status_code == 422, page.text[:300]
    assert why in page.text
    assert "IANA" not in page.text and "ISO 3166" not in page.text  # the page's own words
    assert client.get("/api/v1/interviews").json() == []


def test_the_add_form_still_stores_a_good_interview(client: TestClient) -> None:
    page = post_form(client, "/interviews/new", "/interviews/new", GOOD)
    assert page.status_code == 303
    assert len(client.get("/api/v1/interviews").json()) == 1


@pytest.mark.parametrize("at", ["9999-12-31T23:59:00-05:00", "0001-01-01 00:00", "1764000000"])
def test_log_refuses_an_unplannable_or_numeric_at(tmp_path: Path, at: str) -> None:
    cli = cli_with_example(tmp_path)
    done = cli("log", "acme-analyst", "--channel", "call", "--outcome", "no_answer", "--at", at)
    assert done.status == 2 and done.err.startswith("followup: --at: "), done.err
    assert cli("show", "acme-analyst").status == 0  # still plannable


@pytest.mark.parametrize("zone", ["America", "Europe/", "x" * 300])
def test_config_refuses_a_zone_that_is_not_one(tmp_path: Path, zone: str) -> None:
    cli = cli_with_example(tmp_path)
    done = cli("config", "timezone", zone)
    assert done.status == 2 and done.err.startswith("followup: timezone: unknown IANA time zone")
    assert "Traceback" not in done.err
