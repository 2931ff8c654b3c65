"""The REST API under /api/v1: the tracker's services as JSON, with the CLI's validation.

Errors have one shape, `{"error": {"status", "code", "message", "field"}}`; the message is
the CLI's. Updates send `If-Match` with the ETag they read, and get 409 when the interview
changed underneath (428 without it).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Body, Header, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from followup.calendar import check_calendar
from followup.domain.codec import (
    attempt_to_dict,
    interview_from_dict,
    interview_to_dict,
    parse_datetime,
)
from followup.domain.errors import InputError
from followup.domain.model import AttemptChannel, InterviewStatus, Outcome, Purpose
from followup.services.tracker import Tracker
from followup.web import versions
from followup.web.app import state_of

router = APIRouter(prefix="/api/v1", tags=["api"])
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "No such interview"},
    422: {"description": "Invalid input: the field and why, as the CLI says it"},
}
InterviewObject = Annotated[
    dict[str, Any], Body(description="An interview object (spec/plan-json.md)")
]
IfMatch = Annotated[str | None, Header(description="The ETag of the version you edited")]
STATES = ("awaiting", "offer", "rejected", "withdrawn", "closed",
          "act_now", "waiting", "overdue", "move_on")  # fmt: skip


class AttemptIn(BaseModel):
    """One follow-up to log; the purpose defaults to the plan's next step, `at` to now."""

    channel: AttemptChannel
    outcome: Outcome
    purpose: Purpose | None = None
    at: str | None = Field(
        None, description="RFC 3339 with an offset (a number is refused, not read as Unix time)"
    )
    notes: str | None = Field(None, max_length=2000)


class AttemptChange(BaseModel):
    """A correction to an attempt logged by mistake: only the fields given change."""

    channel: AttemptChannel | None = None
    outcome: Outcome | None = None
    purpose: Purpose | None = None
    at: dt.datetime | None = Field(None, description="RFC 3339 with an offset")
    notes: str | None = Field(None, max_length=2000)


class StatusIn(BaseModel):
    """How the interview ended (or `awaiting` again)."""

    status: InterviewStatus


class CheckIn(BaseModel):
    """A draft to check (spec/check-json.md)."""

    text: str = Field(max_length=20_000)
    kind: str = Field(description="call, voicemail, email or text")
    context: dict[str, Any] | None = Field(None, description="An interview object")


def tracker_of(request: Request) -> Tracker:
    return state_of(request).tracker


def with_etag(obj: Any, tag: str, status: int = 200) -> JSONResponse:
    return JSONResponse(obj, status_code=status, headers={"ETag": tag})


@router.get("/interviews", summary="List interviews with their state and next step")
async def list_interviews(
    request: Request,
    state: Annotated[str | None, Query(description="An outcome or a plan state")] = None,
    company: Annotated[str | None, Query(max_length=200)] = None,
    due_within: Annotated[int | None, Query(ge=0, le=3650)] = None,
) -> list[dict[str, Any]]:
    from followup.services.listing import list_interviews as listed

    if state is not None and state not in STATES:
        raise InputError("state", f"must be one of {', '.join(STATES)} (got {state!r})")
    rows = listed(tracker_of(request), state=state, company=company, due_within=due_within)
    return [row.as_dict() for row in rows]


@router.post("/interviews", status_code=201, responses=ERRORS, summary="Add an interview")
async def add_interview(request: Request, body: InterviewObject) -> JSONResponse:
    stored = tracker_of(request).add(interview_from_dict(body))
    response = with_etag(interview_to_dict(stored), versions.etag(stored), 201)
    response.headers["Location"] = f"/api/v1/interviews/{quote(stored.id or '', safe='')}"
    return response


@router.get("/interviews/{interview_id}", responses=ERRORS, summary="One interview")
async def get_interview(request: Request, interview_id: str) -> JSONResponse:
    interview = tracker_of(request).interview(interview_id)
    return with_etag(interview_to_dict(interview), versions.etag(interview))


@router.patch(
    "/interviews/{interview_id}",
    responses=ERRORS | {409: {"description": "Changed since your version"}},
    summary="Change fields of an interview (If-Match required)",
)
async def edit_interview(
    request: Request, interview_id: str, body: InterviewObject, if_match: IfMatch = None
) -> JSONResponse:
    edited = versions.edit(tracker_of(request), interview_id, body, if_match)
    return with_etag(interview_to_dict(edited), versions.etag(edited))


@router.put("/interviews/{interview_id}/status", responses=ERRORS, summary="Record the outcome")
async def set_status(
    request: Request, interview_id: str, body: StatusIn, if_match: IfMatch = None
) -> JSONResponse:
    changed = versions.set_status(tracker_of(request), interview_id, body.status, if_match)
    return with_etag(interview_to_dict(changed), versions.etag(changed))


@router.delete("/interviews/{interview_id}", status_code=204, responses=ERRORS)
async def delete_interview(request: Request, interview_id: str, if_match: IfMatch = None
                           ) -> Response:  # fmt: skip
    """Delete an interview and its attempts (If-Match, when given, must match)."""
    tracker = tracker_of(request)
    if if_match:
        versions.expect_version(tracker, interview_id, if_match)
    tracker.delete(interview_id)
    return Response(status_code=204)


@router.get("/interviews/{interview_id}/attempts", responses=ERRORS, summary="Attempts so far")
async def list_attempts(request: Request, interview_id: str) -> list[dict[str, Any]]:
    interview = tracker_of(request).interview(interview_id)
    return [attempt_to_dict(attempt) for attempt in interview.attempts]


@router.post("/interviews/{interview_id}/attempts", status_code=201, responses=ERRORS,
             summary="Log a follow-up attempt")  # fmt: skip
async def log_attempt(request: Request, interview_id: str, body: AttemptIn) -> JSONResponse:
    tracker = tracker_of(request)
    at = None if body.at is None else parse_datetime(body.at, "at")
    attempt = tracker.log_attempt(interview_id, channel=body.channel, outcome=body.outcome,
                                  purpose=body.purpose, at=at, notes=body.notes)  # fmt: skip
    interview = tracker.interview(interview_id)
    return with_etag(attempt_to_dict(attempt), versions.etag(interview), 201)


@router.patch("/interviews/{interview_id}/attempts/{number}", responses=ERRORS,
              summary="Correct attempt N (1 = the oldest)")  # fmt: skip
async def correct_attempt(
    request: Request, interview_id: str, number: int, body: AttemptChange
) -> JSONResponse:
    tracker = tracker_of(request)
    if body.at is not None and body.at.tzinfo is None:
        raise InputError("at", "must have a time zone")
    attempt = tracker.correct_attempt(interview_id, number, channel=body.channel,
                                      outcome=body.outcome, purpose=body.purpose,
                                      at=body.at, notes=body.notes)  # fmt: skip
    return with_etag(attempt_to_dict(attempt), versions.etag(tracker.interview(interview_id)))


@router.delete("/interviews/{interview_id}/attempts/{number}", status_code=204,
               responses=ERRORS, summary="Delete attempt N (1 = the oldest)")  # fmt: skip
async def delete_attempt(request: Request, interview_id: str, number: int) -> Response:
    tracker_of(request).delete_attempt(interview_id, number)
    return Response(status_code=204)


@router.get("/interviews/{interview_id}/plan", responses=ERRORS, summary="Its plan as of today")
async def interview_plan(request: Request, interview_id: str) -> dict[str, Any]:
    from followup.domain.codec import plan_to_dict
    from followup.services import planning

    tracker = tracker_of(request)
    return plan_to_dict(planning.plan_of(tracker, tracker.interview(interview_id)))


@router.get("/interviews/{interview_id}/script", responses=ERRORS, summary="A message to send")
async def interview_script(
    request: Request,
    interview_id: str,
    kind: Annotated[str | None, Query(description="Default: what the next step needs")] = None,
) -> dict[str, Any]:
    from followup.messages import write
    from followup.services.showing import show_interview

    tracker = tracker_of(request)
    if kind is None:
        shown = show_interview(tracker, interview_id)
        if shown.script is None:
            raise InputError("kind", "the plan has no next step; name the kind you want")
        return shown.script.to_dict()
    return write(tracker.interview(interview_id), kind, today=tracker.today()).to_dict()


@router.post("/plans", responses=ERRORS, summary="Plan an interview object (not stored)")
async def plan_object(
    request: Request, body: InterviewObject, today: dt.date | None = None
) -> dict[str, Any]:
    from followup.domain.codec import plan_to_dict
    from followup.services import planning

    tracker = tracker_of(request)
    interview = interview_from_dict(body, check_calendar=check_calendar)
    return plan_to_dict(planning.plan_of(tracker, interview, today))


@router.post("/checks", responses=ERRORS, summary="Check a draft like `followup check`")
async def check_draft(body: CheckIn) -> dict[str, Any]:
    return run_check(body.text, body.kind, body.context)


def run_check(text: str, kind: str, context: dict[str, Any] | None) -> dict[str, Any]:
    """`followup check`'s JSON for a draft (the same errors for an empty text or bad kind)."""
    from followup.checker import DRAFT_KINDS, check

    if kind not in DRAFT_KINDS:
        raise InputError("kind", f"must be one of {', '.join(DRAFT_KINDS)} (got {kind!r})")
    if not text.strip():
        raise InputError("text", "is empty")
    interview = (
        interview_from_dict(context, check_calendar=check_calendar) if context is not None else None
    )
    result: dict[str, Any] = check(text, kind, context=interview).to_dict()
    return result


@router.get("/agenda", summary="Today's agenda: act now, overdue, coming up, move on")
async def get_agenda(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=100_000, description="Interviews per section")] = 25,
) -> Response:
    """Each section lists at most `limit` interviews, oldest first; `totals` counts them all."""
    from followup.services.agenda import agenda

    web = state_of(request)

    def build() -> bytes:
        result = agenda(web.tracker, limit)
        return bytes(JSONResponse(result.as_dict() | {"totals": result.totals}).body)

    return web.cache.response(request, ("agenda", limit), build, "application/json")


@router.post("/import", responses=ERRORS, summary="Import interviews: all, or none")
async def import_interviews(
    request: Request, replace: bool = False, skip: bool = False
) -> dict[str, Any]:
    """A JSON array / JSON Lines of interview objects (application/json) or CSV (text/csv)."""
    from followup.web.transfer import import_text

    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    text = (await request.body()).decode("utf-8-sig", errors="replace")
    kind_of = "csv" if kind == "text/csv" else "json"
    return import_text(tracker_of(request), text, kind_of, replace, skip=skip)


@router.get("/export", summary="Every interview as JSON, JSON Lines, CSV or iCalendar")
async def export(request: Request, format: str = "json") -> Response:
    from followup.web.transfer import export_response

    return export_response(tracker_of(request), format)
