"""Each page's data as JSON, Datasette-style: the page's URL with `.json` (Today is `/.json`).

A twin runs the page's own handler with a flag that makes `render` answer the template's
context as JSON instead of HTML, so the two cannot disagree: the same interview, plan,
script, agenda and rows, in the API's shapes (`followup.web.schema`), plus what the page
shows around them (its title, choices, paging, the timeline it draws).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from followup.web import pages, pages_tools, schema
from followup.web.page_data import AS_JSON

router = APIRouter(tags=["pages"])


class Page(BaseModel):
    """What every page's JSON holds; a page may add what it shows besides."""

    model_config = ConfigDict(extra="allow")
    title: str
    path: str = Field(description="The page's own path")


class TodayPage(Page):
    agenda: schema.Agenda


class ListRow(schema.Listed):
    model_config = ConfigDict(extra="allow")


class InterviewsPage(Page):
    rows: list[ListRow] = Field(description="This page of the list")
    total: int = Field(ge=0, description="Interviews that match, on every page")
    page: int = Field(ge=1)
    pages: int = Field(ge=1)
    q: str
    state: str


class InterviewPage(Page):
    interview: schema.Interview
    plan: schema.Plan
    script: schema.Script | None
    today: dt.date
    version: str = Field(description="Send it back as If-Match to change the interview")
    zone_name: str | None
    timeline: dict[str, Any] = Field(description="The plan as the page draws it")


class SettingsPage(Page):
    form: dict[str, Any] = Field(description="The settings, as `followup config` shows them")
    keys: dict[str, list[str]] = Field(description="Each setting and what it is")
    feed_url: str = Field(description="The calendar subscription link (a secret)")


class CheckPage(Page):
    kinds: list[str]
    interviews: list[list[str]] = Field(description="[id, label] of recent awaiting interviews")


def _twin(model: type[BaseModel]) -> dict[str, Any]:
    return {"response_model": model, "responses": schema.error_answers(404, 422)}


@router.get("/.json", summary="Today's page as JSON", **_twin(TodayPage))
def today_json(request: Request) -> Response:
    request.scope[AS_JSON] = True
    return pages.today(request)


@router.get("/interviews.json", summary="The interviews page as JSON", **_twin(InterviewsPage))
def interviews_json(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    state: str = "",
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    request.scope[AS_JSON] = True
    return pages.interviews(request, q=q, state=state, page=page)


@router.get("/interviews/{interview_id}.json", summary="An interview's page as JSON",
            **_twin(InterviewPage))  # fmt: skip
def interview_json(request: Request, interview_id: str) -> Response:
    request.scope[AS_JSON] = True
    return pages.interview(request, interview_id)


@router.get("/settings.json", summary="The settings page as JSON", **_twin(SettingsPage))
def settings_json(request: Request) -> Response:
    request.scope[AS_JSON] = True
    return pages_tools.settings_page(request)


@router.get("/check.json", summary="The check page as JSON", **_twin(CheckPage))
def check_json(request: Request) -> Response:
    request.scope[AS_JSON] = True
    return pages_tools.check_page(request)
