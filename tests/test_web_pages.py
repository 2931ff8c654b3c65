"""The pages, without JavaScript: every form posts, redirects or shows its messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web_support import example, make_client, post_form

FORM = {
    "company": "Initech",
    "role": "Analyst",
    "interviewed_at": "2026-11-23T10:00",
    "timezone": "America/Chicago",
    "contact": "Bill Lumbergh",
    "contact_email": "bill@initech.example",
    "candidate": "Sam Lee",
    "country": "US",
    "points": "TPS reports\nthe move to Austin",
}


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    yield from make_client(tmp_path)


def test_every_page_renders(client: Any) -> None:
    client.post("/api/v1/interviews", json=example())
    for page in (
        "/",
        "/interviews",
        "/interviews/new",
        "/interviews/acme-analyst",
        "/interviews/acme-analyst/edit",
        "/check",
        "/settings",
        "/transfer",
    ):
        response = client.get(page)
        assert response.status_code == 200, page
        assert "<main" in response.text and "<h1>" in response.text


def test_first_run_with_the_demo_interview_shows_it_today(client: Any) -> None:
    from followup.web.demo import seed_demo

    tracker = client.app.state.web.tracker
    assert seed_demo(tracker)
    assert not seed_demo(tracker)  # only into an empty store
    html = client.get("/").text
    assert "Acme Analytics (demo)" in html
    assert "Nothing to do today" not in html


def test_add_an_interview_and_see_its_plan(client: Any) -> None:
    response = post_form(client, "/interviews/new", "/interviews/new", FORM)
    assert response.status_code == 303
    page = client.get(response.headers["location"]).text
    assert "Initech" in page and "<svg" in page and "Bill Lumbergh" in page
    stored = client.get("/api/v1/interviews/initech").json()
    assert stored["interviewed_at"] == "2026-11-23T10:00:00-06:00"
    assert stored["discussion_points"] == ["TPS reports", "the move to Austin"]


def test_errors_show_beside_the_fields_and_keep_what_was_typed(client: Any) -> None:
    bad = FORM | {
        "company": "",
        "contact_email": "",
        "interviewed_at": "yesterday-ish",
        "feedback_within": "soon",
    }
    response = post_form(client, "/interviews/new", "/interviews/new", bad)
    assert response.status_code == 422
    html = response.text
    missing = "Enter the company&#39;s name"
    assert f'id="f-company-error"><span class="visually-hidden">Error:</span> {missing}<' in html
    assert f'<a href="#f-company">{missing}</a>' in html  # the summary at the top, in order
    assert html.index(missing) < html.index("Interview date and time: ") < html.index("Within")
    assert 'id="f-feedback_within-error"' in html
    assert 'value="yesterday-ish"' in html and 'value="Bill Lumbergh"' in html
    assert "TPS reports\nthe move to Austin" in html
    assert client.get("/api/v1/interviews").json() == []


def test_the_codecs_message_lands_on_its_field(client: Any) -> None:
    response = post_form(client, "/interviews/new", "/interviews/new", FORM | {"country": "USA"})
    assert response.status_code == 422
    assert 'id="f-country-error"' in response.text


def test_log_a_call_and_the_plan_moves_on(client: Any) -> None:
    client.post("/api/v1/interviews", json=example())
    page = "/interviews/acme-analyst"
    before = client.get("/api/v1/interviews/acme-analyst/plan").json()
    logged = post_form(
        client,
        f"{page}/attempts",
        page,
        {"channel": "call", "outcome": "voicemail", "at": "2026-11-25T09:00"},
    )
    assert logged.status_code == 303
    after = client.get("/api/v1/interviews/acme-analyst/plan").json()
    assert after["attempts_left"] == before["attempts_left"] - 1
    assert "status follow-up by call" in client.get(page).text.replace("Status", "status")


def test_a_bad_attempt_keeps_the_form(client: Any) -> None:
    client.post("/api/v1/interviews", json=example())
    page = "/interviews/acme-analyst"
    response = post_form(
        client,
        f"{page}/attempts",
        page,
        {"channel": "call", "outcome": "spoke", "at": "last week", "notes": "kept"},
    )
    assert response.status_code == 422
    assert 'id="at-error"' in response.text and 'value="kept"' in response.text


def test_edit_and_a_conflicting_edit(client: Any) -> None:
    client.post("/api/v1/interviews", json=example())
    edit = "/interviews/acme-analyst/edit"
    html = client.get(edit).text
    version = re.search(r'name="version" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    values = dict(re.findall(r'name="([a-z_]+)" type="[a-z-]+" value="([^"]*)"', html))
    saved = post_form(client, edit, edit, values | {"role": "Lead Analyst", "version": version})
    assert saved.status_code == 303
    assert client.get("/api/v1/interviews/acme-analyst").json()["role"] == "Lead Analyst"
    stale = post_form(client, edit, edit, values | {"role": "Other", "version": version})
    assert stale.status_code == 409
    assert "changed since you opened it" in stale.text and 'value="Other"' in stale.text


def test_status_change_and_delete(client: Any) -> None:
    client.post("/api/v1/interviews", json=example())
    page = "/interviews/acme-analyst"
    version = re.search(r'name="version" value="([^"]+)"', client.get(page).text).group(1)  # type: ignore[union-attr]
    assert (
        post_form(
            client, f"{page}/status", page, {"status": "rejected", "version": version}
        ).status_code
        == 303
    )
    assert client.get("/api/v1/interviews/acme-analyst").json()["status"] == "rejected"
    version = re.search(r'name="version" value="([^"]+)"', client.get(page).text).group(1)  # type: ignore[union-attr]
    unconfirmed = post_form(client, f"{page}/delete", page, {"version": version})
    assert unconfirmed.status_code == 422
    assert (
        post_form(client, f"{page}/delete", page, {"version": version, "confirm": "on"}).status_code
        == 303
    )
    assert client.get(page).status_code == 404


def test_check_marks_the_findings_in_the_text(client: Any) -> None:
    text = "Hi Dana, this is Sam Lee. Did I get the job?"
    full = post_form(client, "/check", "/check", {"text": text, "kind": "call"})
    assert full.status_code == 200 and "<h1>" in full.text
    assert re.search(r'<mark class="sev-error"[^>]*>[^<]*job', full.text)
    fragment = post_form(client, "/check", "/check", {"text": text, "kind": "call"})
    token = re.search(r'name="csrf_token" value="([^"]+)"', full.text).group(1)  # type: ignore[union-attr]
    fragment = client.post(
        "/check",
        data={"csrf_token": token, "text": text, "kind": "call"},
        headers={"HX-Request": "true"},
    )
    assert "<h1>" not in fragment.text and "<mark" in fragment.text


def test_settings_validate_like_followup_config(client: Any) -> None:
    bad = post_form(client, "/settings", "/settings", {"name": "Sam Lee", "country": "Narnia"})
    assert bad.status_code == 422 and 'id="s-country-error"' in bad.text
    assert 'value="Narnia"' in bad.text
    assert client.app.state.web.tracker.settings.name == "Sam Lee"  # the valid one is kept
    good = post_form(client, "/settings", "/settings", {"name": "Sam Lee", "country": "ca"})
    assert good.status_code == 303
    assert client.app.state.web.tracker.settings.country == "CA"


def test_revoking_the_calendar_link_makes_a_new_one(client: Any) -> None:
    old = re.search(r"/calendar/([^\"]+)\.ics", client.get("/settings").text).group(1)  # type: ignore[union-attr]
    assert client.get(f"/calendar/{old}.ics").status_code == 200
    assert post_form(client, "/settings/calendar-feed", "/settings", {}).status_code == 303
    assert client.get(f"/calendar/{old}.ics").status_code == 404


def test_upload_and_download(client: Any) -> None:
    import json

    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/transfer").text).group(1)  # type: ignore[union-attr]
    files = {"file": ("mine.json", json.dumps([example()]), "application/json")}
    done = client.post("/transfer/import", data={"csrf_token": token}, files=files)
    assert done.status_code == 200 and "Imported 1 new" in done.text
    again = client.post("/transfer/import", data={"csrf_token": token}, files=files)
    assert again.status_code == 422 and "Nothing was imported" in again.text
    for kind, marker in (("json", '"company"'), ("csv", "company,"), ("ics", "BEGIN:VCALENDAR")):
        download = client.get(f"/export/{kind}")
        assert download.status_code == 200 and marker in download.text
        assert "attachment" in download.headers["content-disposition"]


def test_search_and_filter(client: Any) -> None:
    client.post("/api/v1/interviews", json=example())
    client.post("/api/v1/interviews", json=example(id="b", company="Beta Corp"))
    html = client.get("/interviews", params={"q": "beta"}).text
    assert "Beta Corp" in html and ">Acme Analytics<" not in html
    fragment = client.get("/interviews", params={"q": "acme"}, headers={"HX-Request": "true"}).text
    assert "<table" in fragment and "<h1>" not in fragment
    restore = {"HX-Request": "true", "HX-History-Restore-Request": "true"}
    assert "<h1>" in client.get("/interviews", params={"q": "acme"}, headers=restore).text
    assert "No interviews match" in client.get("/interviews", params={"state": "offer"}).text


def test_unknown_page_is_a_page_not_json(client: Any) -> None:
    response = client.get("/interviews/nobody")
    assert response.status_code == 404
    assert "<h1>" in response.text and "nobody" in response.text


def test_checking_a_draft_about_an_interview_knows_its_topics(client: Any) -> None:
    client.post("/api/v1/interviews", json=example())
    text = (
        "Hi Dana, this is Sam Lee. Thank you again for talking about the churn dashboard rebuild."
    )
    alone = post_form(client, "/check", "/check", {"text": text, "kind": "call"}).text
    about = post_form(client, "/check", "/check",
                      {"text": text, "kind": "call", "about": "acme-analyst"}).text  # fmt: skip
    assert "no-discussion-point" in alone
    assert "no-discussion-point" not in about
    assert '<option value="acme-analyst" selected>' in about


def test_the_list_comes_in_pages(client: Any) -> None:
    import json

    from followup.web.pages import PAGE_SIZE

    many = [example(id=f"i{n}", company=f"Company {n:03d}") for n in range(PAGE_SIZE + 5)]
    client.post("/api/v1/import", content=json.dumps(many),
                headers={"content-type": "application/json"})  # fmt: skip
    first = client.get("/interviews").text
    assert first.count("<tr>") == PAGE_SIZE + 1  # and the header row
    assert f"1–{PAGE_SIZE} of {PAGE_SIZE + 5}" in first and 'rel="next"' in first
    second = client.get("/interviews", params={"page": 2}).text
    assert second.count("<tr>") == 6 and 'rel="prev"' in second and 'rel="next"' not in second
    assert client.get("/interviews", params={"page": 99}).status_code == 200


def test_a_setting_changed_with_followup_config_shows_without_a_restart(client: Any) -> None:
    from followup.settings import change_setting

    client.get("/settings")
    change_setting(client.app.state.web.env, "name", "Robin Doe")
    assert 'value="Robin Doe"' in client.get("/settings").text
    assert client.app.state.web.tracker.settings.name == "Robin Doe"
