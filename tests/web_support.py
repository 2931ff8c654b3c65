"""Helpers for the web tests: an app on a temporary store, its test client, a form token."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from followup.context import Env, fixed_clock
from tests.tracker_support import MORNING, example

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

BASE = "http://127.0.0.1:8765"
__all__ = ["BASE", "MORNING", "example", "make_client", "token_of"]


def make_env(home: Path, clock: dt.datetime = MORNING, database: str | None = None) -> Env:
    """An environment on `home`; `database` is a PostgreSQL URL (FOLLOWUP_DB), None for
    the SQLite file in the data directory."""
    environ = {
        "FOLLOWUP_DATA_DIR": str(home / "data"),
        "FOLLOWUP_CONFIG_DIR": str(home / "config"),
    }
    if database:
        environ["FOLLOWUP_DB"] = database
    return Env(clock=fixed_clock(clock), environ=environ)


def make_client(
    home: Path, clock: dt.datetime = MORNING, database: str | None = None
) -> Iterator[TestClient]:
    from followup.web import create_app

    app = create_app(make_env(home, clock, database))
    with TestClient(app, base_url=BASE) as client:
        yield client
    app.state.web.tracker.close()


def token_of(html: str) -> str:
    """The form token of a rendered page."""
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "the page has no form token"
    return match.group(1)


def post_form(client: TestClient, url: str, page: str, data: dict[str, Any]) -> Any:
    """Post a form of `page` (fetched first for its token), the way a browser does."""
    token = token_of(client.get(page).text)
    return client.post(url, data={"csrf_token": token, **data}, follow_redirects=False)
