"""Rendering pages: one Jinja2 environment per app, autoescaped, with the job seeker's words."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from followup import __version__
from followup.exports import step_words

STATE_WORDS = {
    "act_now": "Act now",
    "waiting": "Waiting",
    "overdue": "Overdue",
    "move_on": "Time to move on",
    "closed": "Closed",
    "awaiting": "Awaiting",
    "offer": "Offer",
    "rejected": "Rejected",
    "withdrawn": "Withdrawn",
}
NAV = [
    ("today", "/", "Today"),
    ("interviews", "/interviews", "Interviews"),
    ("add", "/interviews/new", "Add interview"),
    ("check", "/check", "Check a draft"),
    ("transfer", "/transfer", "Import / export"),
    ("settings", "/settings", "Settings"),
]


def day(value: dt.date | dt.datetime) -> str:
    """`Wed 25 Nov`."""
    return f"{value:%a} {value.day} {value:%b}"


def moment(value: dt.datetime) -> str:
    """`Wed 25 Nov, 10:00`."""
    return f"{day(value)}, {value:%H:%M}"


@cache
def environment() -> jinja2.Environment:
    """The templates (shared: a Jinja2 environment holds no per-user state)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("followup.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(day=day, moment=moment, state=lambda s: STATE_WORDS.get(s, s))
    env.globals.update(step_words=step_words, nav=NAV, app_version=__version__)
    return env


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page (or an htmx fragment) with the form token and the current path."""
    from followup.web.app import state_of

    token = state_of(request).guard.form_token
    html = (
        environment().get_template(name).render(csrf_token=token, path=request.url.path, **context)
    )
    # A page and its htmx fragment share a URL: caches must keep them apart.
    return HTMLResponse(html, status_code=status, headers={"Vary": "HX-Request"})


def is_htmx(request: Request) -> bool:
    """An htmx request for a fragment (a history restore wants the whole page)."""
    headers = request.headers
    return (
        headers.get("hx-request") == "true" and headers.get("hx-history-restore-request") != "true"
    )
