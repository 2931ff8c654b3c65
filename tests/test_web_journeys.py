"""The pages' journeys without a browser: one click on Today, the banner after each action
and what it says changed, the board, deletion behind its confirmation page, empty states
that teach, reasons in plain words linked to the guidance, no jargon on any page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from followup.web.page_words import country_code, plain_reason, zone_names
from tests.web_support import example, make_client, post_form

PAGE = "/interviews/acme-analyst"
#: What a page must never say: standards' numbers, the planner's jargon, command lines.
JARGON = re.compile(r"IANA|ISO 3166|policy profile|`followup|--replace|--[a-z]+ ")
INLINE_IDS = re.compile(r"\((?:[A-Z]\d*-\d+|[A-Z]\d+)(?:, ?(?:[A-Z]\d*-\d+|[A-Z]\d+))*\)")


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    yield from make_client(tmp_path)


@pytest.fixture
def stored(client: Any) -> Any:
    assert client.post("/api/v1/interviews", json=example()).status_code == 201
    return client


def visible(html: str) -> str:
    """The page's words, without its tags (and their attributes)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_one_click_on_today_logs_the_step_and_says_what_changed(stored: Any) -> None:
    today = stored.get("/").text
    assert 'name="back" value="today"' in today and "I called" in today
    step = re.search(r'name="channel" value="(\w+)">\s*<input type="hidden" name="purpose" '
                     r'value="(\w+)">', today)  # fmt: skip
    assert step is not None
    channel, purpose = step.groups()
    done = post_form(stored, f"{PAGE}/attempts", "/",
                     {"channel": channel, "purpose": purpose, "outcome": "no_answer",
                      "back": "today"})  # fmt: skip
    assert done.status_code == 303
    assert done.headers["location"] == "/?done=logged&id=acme-analyst&n=1"
    shown = visible(stored.get(done.headers["location"]).text)
    assert "Logged: " in shown and ", no answer." in shown
    assert "Next: " in shown or "No follow-up left to plan" in shown
    assert stored.get("/api/v1/interviews/acme-analyst").json()["attempts"][0]["purpose"] == purpose
    assert 'id="banner"' not in stored.get("/").text  # the cached page carries no banner


def test_a_one_click_form_cannot_send_the_browser_elsewhere(stored: Any) -> None:
    elsewhere = {"channel": "email", "outcome": "sent", "back": "https://evil.example/"}
    done = post_form(stored, f"{PAGE}/attempts", "/", elsewhere)
    assert done.headers["location"].startswith(f"{PAGE}?done=logged&n=1")


@pytest.mark.parametrize(
    ("action", "data", "banner"),
    [("/edit", {"company": "Acme Analytics", "role": "Lead", "interviewed_at": "2026-11-24T14:00",
                "contact": "Dana Ruiz", "candidate": "Sam Lee", "timezone": "America/New_York"},
      "Changes saved."),
     ("/status", {"status": "offer"}, "Status saved."),
     ("/attempts", {"channel": "email", "outcome": "sent"}, "Logged: "),
     ("/delete", {"confirm": "on"}, "Interview deleted, with its follow-ups.")],
)  # fmt: skip
def test_every_action_ends_on_a_page_with_its_banner(
    stored: Any, action: str, data: dict[str, str], banner: str
) -> None:
    page = stored.get(PAGE).text
    version = re.search(r'name="version" value="([^"]+)"', page)
    assert version is not None
    done = post_form(stored, PAGE + action, PAGE, data | {"version": version.group(1)})
    assert done.status_code == 303, done.text[:300]
    html = stored.get(done.headers["location"]).text
    assert 'role="status" id="banner"' in html and banner in visible(html)


def test_an_unknown_banner_flag_shows_nothing(stored: Any) -> None:
    assert 'id="banner"' not in stored.get(PAGE, params={"done": "<script>"}).text
    assert "<script>" not in stored.get("/", params={"done": "<script>"}).text


@pytest.mark.parametrize("query", ["done=logged&id=nobody", "done=logged&id=acme-analyst&n=x",
                                   "done=logged&id=acme-analyst&n=99", "done=logged"])  # fmt: skip
def test_a_banner_flag_from_an_old_or_edited_link_never_fails(stored: Any, query: str) -> None:
    for page in ("/", PAGE):
        shown = stored.get(f"{page}?{query}")
        assert shown.status_code == 200 and "Logged." in visible(shown.text), (page, query)


def test_deleting_asks_first_on_its_own_page(stored: Any) -> None:
    page = stored.get(PAGE).text
    assert f'href="{PAGE}/delete"' in page and 'name="confirm"' not in page
    confirm = stored.get(f"{PAGE}/delete")
    assert confirm.status_code == 200 and "This cannot be undone." in confirm.text
    assert (
        'name="confirm" value="on"' in confirm.text and f'href="{PAGE}">No, keep it' in confirm.text
    )
    assert stored.get(PAGE).status_code == 200  # looking at it deleted nothing
    assert stored.get("/interviews/nobody/delete").status_code == 404


def test_the_board_puts_each_interview_in_its_column(stored: Any) -> None:
    stored.post("/api/v1/interviews", json=example(id="b", company="Beta Corp", status="offer"))
    html = stored.get("/board").text
    sections = re.finditer(r'<section class="column column-(\w+)".*?</section>', html, re.S)
    columns = {found.group(1): found.group(0) for found in sections}
    assert list(columns) == ["act_now", "waiting", "overdue", "move_on", "closed"]
    assert "Beta Corp" in columns["closed"] and "Got an offer" in columns["closed"]
    assert sum("Acme Analytics" in body for body in columns.values()) == 1


def test_empty_states_teach(client: Any) -> None:
    today = visible(client.get("/").text)
    assert "Nothing to do today" in today and "Add your first interview" in today
    assert "No interviews yet" in visible(client.get("/interviews").text)
    assert "No interviews yet" in visible(client.get("/board").text)
    client.post("/api/v1/interviews", json=example())
    assert "No interviews match these filters" in client.get("/interviews?q=zzz").text
    assert "No interviews yet" not in client.get("/interviews?q=zzz").text


def test_reasons_read_as_sentences_with_links_to_the_guidance(stored: Any) -> None:
    html = stored.get(PAGE).text
    assert not INLINE_IDS.search(visible(html))
    cited = set(re.findall(r'href="/guidance#([^"]+)"', html))
    assert cited
    guidance = stored.get("/guidance").text
    assert all(f'id="{source}"' in guidance for source in cited), cited


def test_plain_reason() -> None:
    assert plain_reason("call rather than e-mail (S1-3, K3)") == "Call rather than e-mail."
    assert plain_reason("Wait two days (S2-1).") == "Wait two days."


@pytest.mark.parametrize(
    "page", ["/", "/board", "/interviews", PAGE, f"{PAGE}/edit", f"{PAGE}/delete",
             "/interviews/new", "/check", "/settings", "/transfer", "/interviews/nobody"],
)  # fmt: skip
def test_no_page_speaks_jargon(stored: Any, page: str) -> None:
    assert not JARGON.search(visible(stored.get(page).text)), page


def test_time_zone_and_country_are_chosen_from_lists(stored: Any) -> None:
    form = stored.get("/interviews/new").text
    assert '<input id="f-timezone" name="timezone" type="text"' in form
    assert (
        'list="zone-list"' in form and '<option value="America/New_York">New York</option>' in form
    )
    assert '<option value="CA">Canada</option>' in form
    assert ("America/New_York", "New York") in zone_names()
    assert country_code("canada") == "CA" and country_code("Narnia") is None
    saved = post_form(stored, "/settings", "/settings", {"name": "Sam Lee", "country": "Canada"})
    assert saved.status_code == 303
    assert stored.app.state.web.tracker.settings.country == "CA"
