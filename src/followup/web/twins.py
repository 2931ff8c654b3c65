"""Each page's data as JSON, Datasette-style: the page's URL with `.json` (Today is `/.json`).

A twin runs the page's own handler with a flag that makes `render` answer the template's
context as JSON instead of HTML, so the two cannot disagree: the same interview, plan,
script, agenda and rows, in the API's shapes (`followup.web.schema`), plus what the page
shows around them (its title, choices, paging, the timeline it draws).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from followup.web import schema

#: The request scope's key that asks `render` for JSON.
AS_JSON = "followup.as_json"
#: What a template gets that is not the page's data.
PLUMBING = frozenset({"request", "csrf_token"})

router = APIRouter(tags=["pages"])


def wants_json(request: Request) -> bool:
    return bool(request.scope.get(AS_JSON))


def page_json(status: int, context: Mapping[str, Any]) -> JSONResponse:
    """A page's context as JSON (what `render` answers for a twin)."""
    data = {key: plain(value) for key, value in context.items() if key not in PLUMBING}
    return JSONResponse(data, status_code=status)


def plain(value: Any) -> Any:
    """`value` in JSON's terms: domain objects in the API's shapes, others field by field."""
    from followup.domain.codec import attempt_to_dict, interview_to_dict, plan_to_dict
    from followup.domain.model import Attempt, Interview, Plan

    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Interview):
        return interview_to_dict(value)
    if isinstance(value, Plan):
        return plan_to_dict(value)
    if isinstance(value, Attempt):
        return attempt_to_dict(value)
    totals = getattr(value, "totals", None)
    for method in ("to_dict", "as_dict"):
        if callable(getattr(value, method, None)):
            obj = getattr(value, method)()
            return plain(obj | {"totals": totals} if isinstance(totals, dict) else obj)
    if isinstance(value, Mapping):  # a function (a setting's validator) is not data
        return {str(key): plain(item) for key, item in value.items() if not callable(item)}
    if hasattr(value, "_asdict"):
        return plain(value._asdict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(item) for item in value if not callable(item)]
    return str(value)


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
async def today_json(request: Request) -> Response:
    from followup.web.pages import today

    request.scope[AS_JSON] = True
    return await today(request)


@router.get("/interviews.json", summary="The interviews page as JSON", **_twin(InterviewsPage))
async def interviews_json(
    request: Request,
    q: Annotated[str, Query(max_length=200)] = "",
    state: str = "",
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    from followup.web.pages import interviews

    request.scope[AS_JSON] = True
    return await interviews(request, q=q, state=state, page=page)


@router.get("/interviews/{interview_id}.json", summary="An interview's page as JSON",
            **_twin(InterviewPage))  # fmt: skip
async def interview_json(request: Request, interview_id: str) -> Response:
    from followup.web.pages import interview

    request.scope[AS_JSON] = True
    return await interview(request, interview_id)


@router.get("/settings.json", summary="The settings page as JSON", **_twin(SettingsPage))
async def settings_json(request: Request) -> Response:
    from followup.web.pages_tools import settings_page

    request.scope[AS_JSON] = True
    return await settings_page(request)


@router.get("/check.json", summary="The check page as JSON", **_twin(CheckPage))
async def check_json(request: Request) -> Response:
    from followup.web.pages_tools import check_page

    request.scope[AS_JSON] = True
    return await check_page(request)
