"""The README's screenshots: the main pages at a desktop's and a phone's size, in
docs/screenshots/ (`make screenshots`).

A fresh store with the demo interview and two more, served on a free loopback port and shown
in Debian's Chromium (the browser tests' server and launch options). Each picture is the
viewport only, so the files stay small.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.server import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    add_with_errors,
    checked_draft,
    running_server,
)

OUT = ROOT / "docs" / "screenshots"
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
MORE = [
    {"id": "globex", "company": "Globex", "role": "Data Engineer", "status": "awaiting",
     "interviewed_at": "2026-11-10T10:00:00-06:00", "timezone": "America/Chicago",
     "candidate": {"name": "Sam Lee"},
     "interviewers": [{"name": "Pat Kim", "email": "pat@globex.example", "primary": True}]},
    {"id": "initech", "company": "Initech", "role": "Analyst", "status": "offer",
     "interviewed_at": "2026-11-02T09:30:00-05:00", "timezone": "America/New_York",
     "candidate": {"name": "Sam Lee"},
     "interviewers": [{"name": "Bill Lumbergh", "phone": "+1 212 555 0100", "primary": True}]},
]  # fmt: skip


SHOTS = {
    "today": "/",
    "board": "/board",
    "interview": "/interviews/demo-acme",
    "add-errors": add_with_errors,
    "check": lambda page: checked_draft(page, "demo-acme"),
}


def main() -> int:
    from playwright.sync_api import sync_playwright

    from followup.domain.codec import interview_from_dict

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as home, running_server(Path(home)) as (base, app):
        tracker = app.state.web.tracker
        for obj in MORE:
            tracker.add(interview_from_dict(obj))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for size, (width, height) in SIZES.items():
                context = browser.new_context(
                    base_url=base, viewport={"width": width, "height": height}
                )
                page = context.new_page()
                for name, show in SHOTS.items():
                    page.goto(show) if isinstance(show, str) else show(page)
                    path = OUT / f"{name}-{size}.png"
                    page.screenshot(path=path)
                    print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
                context.close()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
