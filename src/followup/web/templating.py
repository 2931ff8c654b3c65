"""Rendering pages: one Jinja2 environment per app, autoescaped, with the job seeker's words."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from followup import __version__
from followup.domain.codec import zone
from followup.formats import step_words
from followup.web.page_data import page_json, wants_json
from followup.web.state import state_of

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
    ("board", "/board", "Board"),
    ("interviews", "/interviews", "Interviews"),
    ("add", "/interviews/new", "Add"),
    ("check", "/check", "Check a draft"),
    ("transfer", "/transfer", "Import, export"),
    ("settings", "/settings", "Settings"),
]


def zone_label(zone_name: str | None, now: dt.datetime) -> str | None:
    """'America/New_York (EST)': the zone typed times are read in, with its abbreviation."""
    if zone_name is None:
        return None
    return f"{zone_name} ({now.astimezone(zone(zone_name)).strftime('%Z')})"


def in_zone(value: dt.datetime, zone_name: str | None) -> str:
    """A logged moment in the entry zone, with its abbreviation: 'Tue 24 Nov 2026, 10:05 EST'."""
    local = value.astimezone(zone(zone_name)) if zone_name else value
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M} {local.strftime('%Z')}".rstrip()


def local_input(value: dt.datetime, zone_name: str | None) -> str:
    """A moment as a datetime-local field's value in the entry zone: 2026-11-24T10:05."""
    local = value.astimezone(zone(zone_name)) if zone_name else value
    return f"{local:%Y-%m-%dT%H:%M}"


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
        # The templates ship with the package: never stat them again on every include.
        auto_reload=False,
    )
    env.filters.update(day=day, moment=moment, state=lambda s: STATE_WORDS.get(s, s),
                       in_zone=in_zone, local_input=local_input)  # fmt: skip
    env.globals.update(step_words=step_words, nav=NAV, app_version=__version__)
    return env


def render(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    """A page (or an htmx fragment) with the form token and the current path; its JSON twin
    (`followup.web.twins`) gets the context itself."""
    if wants_json(request):
        return page_json(status, {"path": request.url.path.removesuffix(".json") or "/", **context})
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
