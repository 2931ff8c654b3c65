"""The REST API under /api/v1: the tracker's services as JSON, with the CLI's validation.

Every body is read once: `GuardMiddleware` parses and checks the JSON, the codec validates
it (the CLI's refusals, word for word), and the models of `followup.web.schema` describe it
in the OpenAPI document. Handlers are plain functions (the framework runs them in its thread
pool, so the event loop stays free); the tracker checks an update's version inside the write
it guards (`versions`), so no other request, process or CLI command comes between them.

Errors have one shape, `{"error": {"status", "code", "message", "field"}}`; the message is
the CLI's. Updates send `If-Match` with the ETag they read, and get 409 when the interview
changed underneath (428 without it).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from followup.calendar import check_calendar
from followup.domain.codec import (
    attempt_fields,
    attempt_to_dict,
    interview_from_dict,
    interview_to_dict,
    object_of,
    shown,
)
from followup.domain.errors import InputError
from followup.domain.shapes import INTERVIEW_FIELDS
from followup.messages import MESSAGE_KINDS
from followup.services.tracker import Tracker
from followup.services.transfer import FORMATS as EXPORT_FORMATS
from followup.web import schema, versions
from followup.web.schema import CHECK_FIELDS, LIST_STATES, MAX_DRAFT
from followup.web.security import posted, posted_bytes
from followup.web.state import state_of

router = APIRouter(prefix="/api/v1", tags=["api"])


Answers = dict[int | str, dict[str, Any]]
COMMON: Answers = schema.error_answers()
#: Operations that take a body may also be refused for its size or type.
WRITES: Answers = schema.error_answers(413, 415)
MISSING: Answers = schema.error_answers(404)
GUARDED: Answers = schema.error_answers(409, 428)
ETAG = {"ETag": {"description": "The interview's version", "schema": {"type": "string"}}}
DELETED: Answers = {204: {"description": "Deleted"}}
IfMatch = Annotated[str | None, Header(description="The ETag of the version you edited")]
#: Required: without it the answer is 428 (`PreconditionRequired`), not 422.
IfMatchRequired = Annotated[
    str, Header(min_length=1, description="The ETag of the version you edited")
]


def _ok(status: int, model: Any, description: str, headers: dict[str, Any] | None = None
        ) -> Answers:  # fmt: skip
    """The success answer of an operation that returns its own response (the ETag's)."""
    answer: dict[str, Any] = {"description": description, "model": model}
    if headers:
        answer["headers"] = headers
    return {status: answer}


def tracker_of(request: Request) -> Tracker:
    return state_of(request).tracker


def with_etag(obj: Any, tag: str, status: int = 200) -> JSONResponse:
    return JSONResponse(obj, status_code=status, headers={"ETag": tag})


def _object(request: Request) -> Any:
    """The posted JSON body (read once, by the guard)."""
    return posted(request.scope)


Posted = Annotated[Any, Depends(_object)]


@router.get(
    "/interviews",
    summary="List interviews with their state and next step",
    response_model=list[schema.Listed],
    responses=COMMON,
)
def list_interviews(
    request: Request,
    state: Annotated[
        str | None,
        Query(description="An outcome or a plan state", json_schema_extra={"enum": [*LIST_STATES]}),
    ] = None,
    company: Annotated[str | None, Query(max_length=200)] = None,
    due_within: Annotated[int | None, Query(ge=0, le=3650)] = None,
) -> Response:
    from followup.services.listing import list_interviews as listed

    if state is not None and state not in LIST_STATES:
        raise InputError("state", f"must be one of {', '.join(LIST_STATES)} (got {shown(state)})")
    rows = listed(tracker_of(request), state=state, company=company, due_within=due_within)
    return JSONResponse([row.as_dict() for row in rows])


@router.post(
    "/interviews",
    status_code=201,
    summary="Add an interview",
    openapi_extra=schema.json_body(schema.Interview),
    responses=_ok(201, schema.Interview, "Added", ETAG) | WRITES,
)
def add_interview(request: Request, body: Posted) -> Response:
    stored = tracker_of(request).add(interview_from_dict(body))
    response = with_etag(interview_to_dict(stored), versions.etag(stored), 201)
    response.headers["Location"] = f"/api/v1/interviews/{quote(stored.id or '', safe='')}"
    return response


@router.get(
    "/interviews/{interview_id}",
    summary="One interview",
    responses=_ok(200, schema.Interview, "The interview", ETAG) | COMMON | MISSING,
)
def get_interview(request: Request, interview_id: str) -> Response:
    interview = tracker_of(request).interview(interview_id)
    return with_etag(interview_to_dict(interview), versions.etag(interview))


@router.patch(
    "/interviews/{interview_id}",
    summary="Change fields of an interview (If-Match required)",
    openapi_extra=schema.json_body(schema.InterviewChanges),
    responses=_ok(200, schema.Interview, "Changed", ETAG) | WRITES | MISSING | GUARDED,
)
def edit_interview(
    request: Request, interview_id: str, body: Posted, if_match: IfMatchRequired
) -> Response:
    changes = object_of(body, INTERVIEW_FIELDS)
    edited = versions.edit(tracker_of(request), interview_id, changes, if_match)
    return with_etag(interview_to_dict(edited), versions.etag(edited))


@router.put(
    "/interviews/{interview_id}/status",
    summary="Record the outcome",
    responses=_ok(200, schema.Interview, "Recorded", ETAG) | WRITES | MISSING | GUARDED,
)
def set_status(
    request: Request, interview_id: str, body: schema.StatusIn, if_match: IfMatchRequired
) -> Response:
    changed = versions.set_status(tracker_of(request), interview_id, body.status, if_match)
    return with_etag(interview_to_dict(changed), versions.etag(changed))


@router.delete(
    "/interviews/{interview_id}",
    status_code=204,
    responses=DELETED | COMMON | MISSING | GUARDED,
)
def delete_interview(request: Request, interview_id: str, if_match: IfMatch = None) -> Response:
    """Delete an interview and its attempts (If-Match, when given, must match)."""
    tracker = tracker_of(request)
    if if_match:
        versions.delete(tracker, interview_id, if_match)
    else:
        tracker.delete(interview_id)
    return Response(status_code=204)


@router.get(
    "/interviews/{interview_id}/attempts",
    summary="Attempts so far",
    response_model=list[schema.Attempt],
    responses=COMMON | MISSING,
)
def list_attempts(request: Request, interview_id: str) -> Response:
    interview = tracker_of(request).interview(interview_id)
    return JSONResponse([attempt_to_dict(attempt) for attempt in interview.attempts])


@router.post(
    "/interviews/{interview_id}/attempts",
    status_code=201,
    summary="Log a follow-up attempt",
    openapi_extra=schema.json_body(schema.AttemptIn),
    responses=_ok(201, schema.Attempt, "Logged", ETAG) | WRITES | MISSING,
)
def log_attempt(request: Request, interview_id: str, body: Posted) -> Response:
    fields = attempt_fields(body, required=("channel", "outcome"))
    tracker = tracker_of(request)
    with tracker.store.lock:  # the version it made, not a later one
        attempt = tracker.log_attempt(interview_id, **fields)
        interview = tracker.interview(interview_id)
    return with_etag(attempt_to_dict(attempt), versions.etag(interview), 201)


@router.patch(
    "/interviews/{interview_id}/attempts/{number}",
    summary="Correct attempt N (1 = the oldest)",
    openapi_extra=schema.json_body(schema.AttemptChange),
    responses=_ok(200, schema.Attempt, "Corrected", ETAG) | WRITES | MISSING,
)
def correct_attempt(request: Request, interview_id: str, number: int, body: Posted) -> Response:
    fields = attempt_fields(body)
    if isinstance(body, dict) and body.get("notes") is not None and fields["notes"] is None:
        fields["notes"] = ""  # blank notes clear them
    tracker = tracker_of(request)
    with tracker.store.lock:  # the version it made, not a later one
        attempt = tracker.correct_attempt(interview_id, number, **fields)
        interview = tracker.interview(interview_id)
    return with_etag(attempt_to_dict(attempt), versions.etag(interview))


@router.delete(
    "/interviews/{interview_id}/attempts/{number}",
    status_code=204,
    summary="Delete attempt N (1 = the oldest)",
    responses=DELETED | COMMON | MISSING,
)
def delete_attempt(request: Request, interview_id: str, number: int) -> Response:
    tracker_of(request).delete_attempt(interview_id, number)
    return Response(status_code=204)


@router.get(
    "/interviews/{interview_id}/plan",
    summary="Its plan as of today",
    response_model=schema.Plan,
    responses=COMMON | MISSING,
)
def interview_plan(request: Request, interview_id: str) -> Response:
    from followup.domain.codec import plan_to_dict
    from followup.services import planning

    tracker = tracker_of(request)
    return JSONResponse(plan_to_dict(planning.plan_of(tracker, tracker.interview(interview_id))))


@router.get(
    "/interviews/{interview_id}/script",
    summary="A message to send",
    response_model=schema.Script,
    responses=COMMON | MISSING,
)
def interview_script(
    request: Request,
    interview_id: str,
    kind: Annotated[
        str | None,
        Query(
            description="Default: what the next step needs",
            json_schema_extra={"enum": [*MESSAGE_KINDS]},
        ),
    ] = None,
) -> Response:
    from followup.messages import write
    from followup.services.showing import show_interview

    tracker = tracker_of(request)
    if kind is None:
        shown_ = show_interview(tracker, interview_id)
        if shown_.script is None:
            raise InputError("kind", "the plan has no next step; name the kind you want")
        return JSONResponse(shown_.script.to_dict())
    return JSONResponse(
        write(tracker.interview(interview_id), kind, today=tracker.today()).to_dict()
    )


@router.post(
    "/plans",
    summary="Plan an interview object (not stored)",
    openapi_extra=schema.json_body(schema.Interview),
    response_model=schema.Plan,
    responses=WRITES,
)
def plan_object(request: Request, body: Posted, today: dt.date | None = None) -> Response:
    from followup.domain.codec import plan_to_dict
    from followup.services import planning

    tracker = tracker_of(request)
    interview = interview_from_dict(body, check_calendar=check_calendar)
    return JSONResponse(plan_to_dict(planning.plan_of(tracker, interview, today)))


@router.post(
    "/checks",
    summary="Check a draft like `followup check`",
    openapi_extra=schema.json_body(schema.CheckIn),
    response_model=schema.CheckResult,
    responses=WRITES,
)
def check_draft(body: Posted) -> Response:
    fields = object_of(body, CHECK_FIELDS)
    text, kind = fields.get("text"), fields.get("kind")
    if not isinstance(text, str):
        raise InputError(
            "text", "required" if text is None else f"must be a string, got {shown(text)}"
        )
    if len(text) > MAX_DRAFT:
        raise InputError("text", f"is too long ({len(text)} characters; at most {MAX_DRAFT})")
    return JSONResponse(run_check(text, kind, fields.get("context")))


def run_check(text: str, kind: Any, context: Any) -> dict[str, Any]:
    """`followup check`'s JSON for a draft (the same errors for an empty text or bad kind)."""
    from followup.checker import DRAFT_KINDS, check

    if kind not in DRAFT_KINDS:
        raise InputError("kind", f"must be one of {', '.join(DRAFT_KINDS)} (got {shown(kind)})")
    if not text.strip():
        raise InputError("text", "is empty")
    interview = (
        interview_from_dict(context, check_calendar=check_calendar) if context is not None else None
    )
    result: dict[str, Any] = check(text, kind, context=interview).to_dict()
    return result


@router.get(
    "/agenda",
    summary="Today's agenda: act now, overdue, coming up, move on",
    response_model=schema.Agenda,
    responses=COMMON,
)
async def get_agenda(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=100_000, description="Interviews per section")] = 25,
) -> Response:
    """Each section lists at most `limit` interviews, oldest first; `totals` counts them all."""
    # The kept answer on the event loop (a lookup and a stat); building it in the thread pool.
    kept = state_of(request).cache.kept_response(request, ("agenda", limit), "application/json")
    if kept is not None:
        return kept
    return await run_in_threadpool(_agenda, request, limit)


def _agenda(request: Request, limit: int) -> Response:
    from followup.services.agenda import agenda

    web = state_of(request)

    def build() -> bytes:
        result = agenda(web.tracker, limit)
        return bytes(JSONResponse(result.as_dict() | {"totals": result.totals}).body)

    return web.cache.response(request, ("agenda", limit), build, "application/json")


IMPORT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/Interview"},
                    "description": "An array of interview objects (or JSON Lines of them)",
                }
            },
            "text/csv": {
                "schema": {
                    "type": "string",
                    "description": "`followup export --format csv`'s columns",
                }
            },
        },
    }
}


@router.post(
    "/import",
    summary="Import interviews: all, or none",
    openapi_extra=IMPORT_BODY,
    response_model=schema.Imported,
    responses=WRITES,
)
def import_interviews(request: Request, replace: bool = False, skip: bool = False) -> Response:
    """A JSON array / JSON Lines of interview objects (application/json) or CSV (text/csv)."""
    from followup.web.transfer import import_text

    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    text = posted_bytes(request.scope).decode("utf-8-sig", errors="replace")
    kind_of = "csv" if kind == "text/csv" else "json"
    return JSONResponse(import_text(tracker_of(request), text, kind_of, replace, skip=skip))


EXPORTS: Answers = {
    200: {
        "description": "The whole tracker, as a download",
        "content": {
            "application/json": {
                "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Interview"}}
            },
            "application/jsonl": {"schema": {"type": "string"}},
            "text/csv": {"schema": {"type": "string"}},
            "text/calendar": {"schema": {"type": "string"}},
        },
    }
}


@router.get(
    "/export",
    summary="Every interview as JSON, JSON Lines, CSV or iCalendar",
    responses=EXPORTS | COMMON,
)
def export(
    request: Request,
    format: Annotated[str, Query(json_schema_extra={"enum": [*EXPORT_FORMATS]})] = "json",
) -> Response:
    from followup.web.transfer import export_response

    return export_response(tracker_of(request), format)
