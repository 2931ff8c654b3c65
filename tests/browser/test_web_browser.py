"""The web app in Debian's Chromium, driven by Playwright: the journeys a job seeker takes at
a desktop's and a phone's size, with JavaScript and without, and an accessibility scan
(axe-core) of every page in the light and the dark scheme at both sizes.

Screenshots go to $FOLLOWUP_SCREENSHOTS (else a temporary directory) to be looked at;
`make screenshots` makes the ones in docs/screenshots.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.server import (
    AXE_PATHS,
    CHROMIUM,
    CHROMIUM_ARGS,
    add_with_errors,
    checked_draft,
    running_server,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's /usr/bin/chromium is not installed"),
]
playwright_api = pytest.importorskip("playwright.sync_api")

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
TIMEOUT_MS = 10_000


#: Every page: a path, or the steps that bring it up (a form with its errors).
PAGES: dict[str, str | Callable[[Any], None]] = {
    "today": "/",
    "board": "/board",
    "interviews": "/interviews",
    "no-match": "/interviews?q=nobody-at-all",
    "interview": "/interviews/demo-acme",
    "add": "/interviews/new",
    "add-errors": add_with_errors,
    "edit": "/interviews/demo-acme/edit",
    "delete": "/interviews/demo-acme/delete",
    "check": checked_draft,
    "settings": "/settings",
    "transfer": "/transfer",
    "guidance": "/guidance",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    with running_server(tmp_path_factory.mktemp("browser")) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("FOLLOWUP_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def new_page(browser: Any, base: str, size: str = "desktop", **options: Any) -> Any:
    options.setdefault("viewport", SIZES[size])
    context = browser.new_context(base_url=base, accept_downloads=True, **options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.on("pageerror", lambda error: pytest.fail(f"JavaScript error: {error}"))
    return page


def fits(page: Any) -> None:
    """Nothing scrolls sideways."""
    width, room = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= room, f"{page.url} scrolls sideways ({width}px in {room}px)"


def banner(page: Any) -> str:
    text: str = page.locator("#banner").inner_text()
    return " ".join(text.split())


def add_interview(page: Any, company: str) -> None:
    page.goto("/interviews/new")
    fields = {"company": company, "role": "Data Engineer", "timezone": "America/Chicago",
              "interviewed_at": "2026-11-24T10:00", "contact": "Pat Kim",
              "contact_email": "pat@globex.example", "contact_phone": "+1 312 555 0100",
              "candidate": "Sam Lee"}  # fmt: skip
    for name, value in fields.items():
        page.locator(f"#f-{name}").fill(value)
    page.get_by_role("button", name="Add the interview").click()
    page.wait_for_url(re.compile(r"/interviews/[a-z0-9-]+\?done=added#top$"))


@pytest.mark.parametrize("size", sorted(SIZES))
def test_add_act_on_today_correct_change_status_delete(
    browser: Any, server: Any, shots: Path, size: str
) -> None:
    page = new_page(browser, server[0], size)
    company = f"Globex {size}"
    add_interview(page, company)
    interview_url = page.url.split("?")[0]
    assert page.locator("h1").inner_text().startswith(company)
    assert banner(page) == "Interview added. Here is your plan."
    assert "Thank-you by e-mail to Pat Kim" in page.locator("#next").inner_text()
    fits(page)

    page.goto("/")  # one click on Today: "I sent it" logs the thank-you by e-mail
    task = page.locator("li.task", has_text=company)
    left = page.locator(".counter strong").inner_text()
    task.get_by_role("button", name="I sent it").click()
    page.wait_for_url("**/?done=logged*")
    assert banner(page).startswith("Logged: thank-you by e-mail, sent. Next: status follow-up")
    assert page.locator("li.task", has_text=company).get_by_role("button").count() == 0
    assert page.locator(".counter strong").count() == 0 or (
        int(page.locator(".counter strong").inner_text()) == int(left) - 1
    )
    fits(page)
    page.screenshot(path=shots / f"today-logged-{size}.png")

    page.goto(interview_url + "#history")  # correct the attempt: they replied
    assert "thank you by email — sent" in page.locator("ul.attempts").inner_text()
    page.locator("ul.attempts summary").first.click()
    page.locator("#outcome-1").select_option("reply_received")
    page.get_by_role("button", name="Save the correction").click()
    page.wait_for_url("**?done=corrected#history")
    assert banner(page) == "Follow-up corrected. The plan is up to date."
    assert "thank you by email — reply received" in page.locator("ul.attempts").inner_text()
    fits(page)

    page.get_by_label("Status", exact=True).select_option("offer")  # change its status
    page.get_by_role("button", name="Save status").click()
    page.wait_for_url("**?done=status#top")
    assert banner(page) == "Status saved."
    assert page.locator(".page-head .badge").inner_text() == "Offer"
    fits(page)

    page.get_by_role("link", name="Delete this interview").click()  # delete, once confirmed
    page.wait_for_url("**/delete")
    assert page.locator("h1").inner_text() == f"Delete {company}?"
    fits(page)
    page.get_by_role("button", name="Yes, delete it").click()
    page.wait_for_url("**/interviews?done=deleted")
    assert banner(page) == "Interview deleted, with its follow-ups."
    assert page.get_by_text(company).count() == 0
    fits(page)


def test_one_click_on_today_works_with_javascript_off(
    browser: Any, server: Any, shots: Path
) -> None:
    page = new_page(browser, server[0], "phone", java_script_enabled=False)
    add_interview(page, "Initech")
    page.goto("/")
    task = page.locator("li.task", has_text="Initech")
    task.get_by_label("Outcome").select_option("reply_received")
    task.get_by_role("button", name="I sent it").click()
    page.wait_for_url("**/?done=logged*")
    assert banner(page).startswith("Logged: thank-you by e-mail, they replied.")
    page.get_by_role("link", name="Open Initech").click()
    assert "thank you by email — reply received" in page.locator("ul.attempts").inner_text()
    fits(page)


def test_the_forms_say_what_is_wrong_and_where_without_javascript(
    browser: Any, server: Any, shots: Path
) -> None:
    page = new_page(browser, server[0], java_script_enabled=False)
    add_with_errors(page)
    summary = page.locator("#error-summary")
    assert summary.locator("h2").inner_text() == "There is a problem"
    links = summary.locator("a").all_inner_texts()
    assert "Enter the role (the job title)" in links and any(
        t.startswith("Employer's time zone: choose") for t in links
    )
    assert (
        " ".join(page.locator("#f-role-error").inner_text().split())
        == "Error: Enter the role (the job title)"
    )
    assert page.locator("#f-company").input_value() == "Hooli"  # nothing typed is lost
    assert "IANA" not in page.content()
    summary.get_by_role("link", name="Enter the role (the job title)").click()
    assert page.evaluate("document.activeElement.id") == "f-role"
    page.screenshot(path=shots / "add-errors-nojs.png", full_page=True)
    checked_draft(page)
    assert page.locator("mark.sev-error").count() >= 1
    page.goto("/interviews?q=acme")
    assert page.locator("table.list tbody tr").count() == 1


def test_the_board_shows_each_interview_in_its_column(browser: Any, server: Any) -> None:
    page = new_page(browser, server[0], java_script_enabled=False)
    page.goto("/board")
    column = page.locator("section.column-act_now")
    assert column.locator("h2").inner_text().startswith("Act now")
    card = column.locator("li.board-card", has_text="Acme Analytics (demo)")
    assert "Thank-you by e-mail" in card.inner_text() and "Best" in card.inner_text()
    card.get_by_role("link").click()
    page.wait_for_url("**/interviews/demo-acme")


def test_todays_draft_link_opens_the_message(browser: Any, server: Any) -> None:
    page = new_page(browser, server[0], "phone")
    page.goto("/")
    page.get_by_role("link", name="Open the e-mail for Acme Analytics (demo)").click()
    page.wait_for_url("**/interviews/demo-acme?draft=today#next")
    assert "Hello Dana" in page.locator("#script-text").input_value()
    assert page.locator("figure.timeline").is_hidden()  # the steps are the timeline on a phone
    assert page.locator("ol.steps li.step").count() >= 2
    tap = page.locator("#next button.done").bounding_box()
    assert tap["height"] >= 44 and tap["width"] >= 44


def test_a_drafts_findings_are_highlighted_as_you_type(
    browser: Any, server: Any, shots: Path
) -> None:
    page = new_page(browser, server[0])
    page.goto("/check")
    page.get_by_label("What it is").select_option("call")
    page.get_by_label("Your draft").press_sequentially(
        "Hi Dana, this is Sam Lee. Did I get the job? Why is it taking so long?", delay=5
    )
    marked = page.locator("#check-result mark.sev-error")
    marked.first.wait_for()
    assert "job" in " ".join(marked.all_inner_texts())


def test_the_why_links_to_its_guidance(browser: Any, server: Any) -> None:
    page = new_page(browser, server[0])
    page.goto("/interviews/demo-acme")
    why = page.locator("#next .why-line").inner_text()
    assert not re.search(r"\((?:[A-Z]\d*-\d+|[A-Z]\d+)", why), why  # no "(S1-3, K3)" inline
    link = page.locator("#next .why-line a.cite").first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    assert page.locator(f"[id='{target}']").count() == 1


def test_download_the_calendar_file(browser: Any, server: Any) -> None:
    page = new_page(browser, server[0])
    page.goto("/transfer")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the calendar file").click()
    path = download.value.path()
    assert download.value.suggested_filename == "followup.ics"
    assert "BEGIN:VCALENDAR" in Path(path).read_text(encoding="utf-8")


def test_nothing_scrolls_sideways_at_320_px(browser: Any, server: Any) -> None:
    page = new_page(browser, server[0], viewport={"width": 320, "height": 640})
    for show in PAGES.values():
        page.goto(show) if isinstance(show, str) else show(page)
        fits(page)


def test_the_printed_plan_keeps_the_whole_draft(browser: Any, server: Any) -> None:
    page = new_page(browser, server[0])
    page.goto("/interviews/demo-acme")
    page.emulate_media(media="print")
    assert page.locator("pre.print-only").is_visible()
    assert "Best regards" in page.locator("pre.print-only").inner_text()
    assert page.locator("#script-text").is_hidden() and page.locator("header.top").is_hidden()


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now."""
    axe = next((p for p in AXE_PATHS if p.exists()), None)
    if axe is None:
        pytest.skip("axe-core is not installed (.ci/run installs it with npm)")
    page.add_script_tag(path=str(axe))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", sorted(SIZES))
def test_no_serious_accessibility_violations_and_no_sideways_scroll(
    browser: Any, server: Any, shots: Path, size: str, scheme: str
) -> None:
    page = new_page(browser, server[0], size, bypass_csp=True, color_scheme=scheme)
    found = {}
    for name, show in PAGES.items():
        page.goto(show) if isinstance(show, str) else show(page)
        fits(page)
        if violations := serious_violations(page):
            found[name] = violations
        page.screenshot(path=shots / f"page-{name}-{size}-{scheme}.png", full_page=True)
    assert found == {}
