"""A real server for the browser tests: uvicorn on a free loopback port, in a thread."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from followup.services.tracker import Tracker
from followup.web import create_app
from followup.web.demo import seed_demo
from tests.web_support import make_env

AXE_PATHS = (
    Path.home() / ".cache" / "followup-ci" / "npm" / "node_modules" / "axe-core" / "axe.min.js",
    Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js",
)
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def add_with_errors(page: Any) -> None:
    """The add form sent with a company, a time zone that is none and nothing else."""
    page.goto("/interviews/new")
    page.locator("#f-company").fill("Hooli")
    page.locator("#f-timezone").fill("Mars/Olympus")
    page.get_by_role("button", name="Add the interview").click()


def checked_draft(page: Any, about: str = "") -> None:
    """The check page with a draft's findings marked."""
    page.goto(f"/check?about={about}")
    page.get_by_label("Your draft").fill("Hey Dana!!! Did I get the job? lol")
    page.get_by_role("button", name="Check it").click()
    page.locator("#check-result mark").first.wait_for()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(home: Path, *, demo: bool = True) -> Iterator[tuple[str, Any]]:
    """(base URL, app) of a server on a temporary store, stopped on exit."""
    import uvicorn

    env = make_env(home)
    tracker = Tracker.open(env)
    if demo:
        seed_demo(tracker)
    app = create_app(env, tracker=tracker)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}", app
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        tracker.close()
