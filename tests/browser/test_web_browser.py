"""The web app in Debian's Chromium, driven by Playwright: the journeys a job seeker takes,
with JavaScript and without, an accessibility scan (axe-core) of every page, and screenshots.

Screenshots go to $FOLLOWUP_SCREENSHOTS (else a temporary directory) to be looked at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.server import AXE_PATHS, CHROMIUM, CHROMIUM_ARGS, running_server

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's /usr/bin/chromium is not installed"),
]
playwright_api = pytest.importorskip("playwright.sync_api")

PAGES = {
    "today": "/",
    "interviews": "/interviews",
    "interview": "/interviews/demo-acme",
    "add": "/interviews/new",
    "edit": "/interviews/demo-acme/edit",
    "check": "/check",
    "settings": "/settings",
    "transfer": "/transfer",
}
TIMEOUT_MS = 10_000


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


def new_page(browser: Any, base: str, **options: Any) -> Any:
    context = browser.new_context(base_url=base, accept_downloads=True, **options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.on("pageerror", lambda error: pytest.fail(f"JavaScript error: {error}"))
    return page


def add_interview(page: Any, company: str) -> None:
    page.goto("/interviews/new")
    fields = {"company": company, "role": "Data Engineer", "interviewed_at": "2026-11-23T10:00",
              "timezone": "America/Chicago", "contact": "Pat Kim",
              "contact_email": "pat@globex.example", "contact_phone": "+1 312 555 0100",
              "candidate": "Sam Lee"}  # fmt: skip
    for name, value in fields.items():
        page.locator(f"#f-{name}").fill(value)
    page.get_by_role("button", name="Add the interview").click()


def test_first_run_shows_the_demo_interview(browser: Any, server: Any, shots: Path) -> None:
    page = new_page(browser, server[0])
    page.goto("/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Today")
    assert page.get_by_text("Acme Analytics (demo)").count() >= 1
    page.screenshot(path=shots / "today.png", full_page=True)
    page.get_by_role("link", name="Acme Analytics (demo)").first.click()
    assert page.locator("figure.timeline svg rect.bar").count() >= 1
    page.screenshot(path=shots / "interview.png", full_page=True)


def test_add_an_interview_see_its_plan_and_log_a_call(
    browser: Any, server: Any, shots: Path
) -> None:
    page = new_page(browser, server[0])
    add_interview(page, "Globex")
    page.wait_for_url("**/interviews/globex")
    assert page.locator("h1").inner_text().startswith("Globex")
    bars = page.locator("figure.timeline rect.bar")
    assert bars.count() >= 2
    before = page.locator("ol.steps").inner_text()
    page.get_by_label("How", exact=True).select_option("call")
    page.get_by_label("What happened").select_option("spoke")
    page.get_by_label("Which follow-up").select_option("thank_you")
    page.get_by_role("button", name="Log it").click()
    page.wait_for_url("**/interviews/globex?logged=1#plan")
    assert "thank you by call — spoke" in page.locator("ul.attempts").inner_text()
    assert page.locator("line.mark-attempt").count() == 1
    assert page.locator("ol.steps").inner_text() != before
    page.screenshot(path=shots / "interview-logged.png", full_page=True)


def test_a_drafts_findings_are_highlighted_as_you_type(
    browser: Any, server: Any, shots: Path
) -> None:
    page = new_page(browser, server[0])
    page.goto("/check")
    page.get_by_label("It is a").select_option("call")
    page.get_by_label("Your draft").press_sequentially(
        "Hi Dana, this is Sam Lee. Did I get the job? Why is it taking so long?", delay=5
    )
    marked = page.locator("#check-result mark.sev-error")
    marked.first.wait_for()
    assert "job" in " ".join(marked.all_inner_texts())
    page.screenshot(path=shots / "check.png", full_page=True)


def test_download_the_calendar_file(browser: Any, server: Any) -> None:
    page = new_page(browser, server[0])
    page.goto("/transfer")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the calendar file").click()
    path = download.value.path()
    assert download.value.suggested_filename == "followup.ics"
    assert "BEGIN:VCALENDAR" in Path(path).read_text(encoding="utf-8")


def test_the_same_forms_work_with_javascript_off(browser: Any, server: Any, shots: Path) -> None:
    page = new_page(browser, server[0], java_script_enabled=False)
    add_interview(page, "Initech")
    page.wait_for_url("**/interviews/initech")
    page.get_by_label("How", exact=True).select_option("email")
    page.get_by_label("What happened").select_option("sent")
    page.get_by_role("button", name="Log it").click()
    page.wait_for_url("**/interviews/initech?logged=1#plan")
    assert "by email — sent" in page.locator("ul.attempts").inner_text()
    page.goto("/interviews/new")
    page.get_by_role("button", name="Add the interview").click()
    assert page.locator("#f-company-error").inner_text() == "required"
    page.screenshot(path=shots / "add-errors-nojs.png", full_page=True)
    page.goto("/check")
    page.get_by_label("Your draft").fill("Hey Dana!!! Did I get the job? lol")
    page.get_by_role("button", name="Check it").click()
    assert page.locator("mark.sev-error").count() >= 1
    page.goto("/interviews?q=initech")
    assert page.locator("table.list tbody tr").count() == 1


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


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_serious_accessibility_violations(browser: Any, server: Any, shots: Path,
                                             name: str) -> None:  # fmt: skip
    page = new_page(browser, server[0], bypass_csp=True)
    page.goto(PAGES[name])
    assert serious_violations(page) == [], name
    page.screenshot(path=shots / f"page-{name}.png", full_page=True)


@pytest.mark.parametrize("name", ["today", "interview", "add", "check"])
def test_phone_layout(browser: Any, server: Any, shots: Path, name: str) -> None:
    page = new_page(browser, server[0], viewport={"width": 390, "height": 844}, bypass_csp=True)
    page.goto(PAGES[name])
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{name} scrolls sideways on a phone ({width}px)"
    page.screenshot(path=shots / f"phone-{name}.png", full_page=True)
    assert serious_violations(page) == [], name
