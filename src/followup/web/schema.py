"""The JSON the API speaks, as pydantic models: the one definition the OpenAPI document is
generated from.

The codec (`followup.domain.codec`) stays the one validator of what comes in, so the API
refuses bad input in the CLI's words; these models describe the same objects with the codec's
own field names, enums and limits (imported, so they cannot drift; a test holds the field
sets equal). Responses are built by the services and served as they are; the models say what
they hold, and forbid anything else (an undocumented key is a schema violation, which the
schemathesis test catches).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, Field

from followup.domain.model import (
    AttemptChannel,
    Channel,
    Culture,
    Effect,
    Instructions,
    InterviewFormat,
    InterviewStatus,
    Manner,
    Outcome,
    PlanState,
    Purpose,
    ScheduledVia,
    StepStatus,
)
from followup.domain.shapes import CONTROL_CHARACTERS, MAX_TEXT

#: The plan states and the outcomes a list can be filtered by (`followup list --state`).
LIST_STATES = tuple(s.value for s in InterviewStatus) + tuple(
    s.value for s in PlanState if s != PlanState.CLOSED
)
#: The bound of a draft to check, in characters (`POST /checks`).
MAX_DRAFT = 20_000

#: The years `MIN_YEAR` to `MAX_YEAR` as a pattern (a test holds the two equal).
YEAR = "(19[7-9][0-9]|2[01][0-9][0-9])"
#: The codec's shapes, narrowed to real months, days, hours and offsets in those years.
DAY = YEAR + "-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
LOCAL = DAY + "[Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.][0-9]+)?)?"
OFFSET = "([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])"
NO_CONTROL = f"[^{CONTROL_CHARACTERS}]"

Text = Annotated[
    str,
    Field(max_length=MAX_TEXT, pattern=f"^{NO_CONTROL}*$",
          description="Text (trimmed; empty is left out); no control characters"),
]  # fmt: skip
Name = Annotated[
    str,
    Field(max_length=MAX_TEXT, pattern=rf"^{NO_CONTROL}*[^\s{CONTROL_CHARACTERS}]{NO_CONTROL}*$",
          description="Text, not blank; no control characters"),
]  # fmt: skip
Email = Annotated[
    str,
    Field(max_length=MAX_TEXT, pattern=rf"^[^@\s{CONTROL_CHARACTERS}]+@[^@\s{CONTROL_CHARACTERS}]+"
          rf"[.][^@\s.{CONTROL_CHARACTERS}]+$", description="An e-mail address"),
]  # fmt: skip
Moment = Annotated[
    str, Field(pattern=f"^{LOCAL}{OFFSET}$", description="RFC 3339 date-time with an offset")
]
Day = Annotated[str, Field(pattern=f"^{DAY}$", description="A date, YYYY-MM-DD")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Candidate(Strict):
    """Who follows up."""

    name: Name
    email: Email | None = None
    phone: Text | None = None


class Interviewer(Strict):
    """Someone who interviewed the candidate; `primary` marks the one to follow up with."""

    name: Name
    title: Text | None = None
    email: Email | None = None
    phone: Text | None = None
    primary: bool = False


class Attempt(Strict):
    """A follow-up done (the contract's attempt object)."""

    at: Moment
    channel: AttemptChannel
    purpose: Purpose
    outcome: Outcome
    notes: Text | None = None


class InterviewFields(Strict):
    """The fields of an interview object that every writer may send (`spec/plan-json.md`)."""

    company: Name
    role: Name
    candidate: Candidate
    interviewers: list[Interviewer] = Field(min_length=1)
    interviewed_at: str = Field(
        pattern=f"^{LOCAL}{OFFSET}?$",
        description="RFC 3339 date-time with an offset; or a local date-time, read in "
        "`timezone` when one is given",
    )
    timezone: Text | None = Field(None, description="An IANA time zone, e.g. America/New_York")
    country: str | None = Field(
        None, pattern="^[A-Za-z]{2}$", description="ISO 3166 two-letter code; default US"
    )
    subdivision: Text | None = Field(None, description="ISO 3166-2 subdivision, e.g. NY")
    format: InterviewFormat | None = None
    scheduled_via: ScheduledVia | None = None
    industry: Text | None = None
    culture: Culture | None = Field(None, description="Default: neutral")
    interviewer_manner: Manner | None = Field(None, description="Default: neutral")
    feedback_expected_by: Day | None = None
    feedback_expected_within_days: int | None = Field(None, ge=0, le=365)
    instructions: Instructions | None = None
    discussion_points: list[Text] | None = None
    competing_offer_deadline: Day | None = None
    status: InterviewStatus | None = Field(None, description="Default: awaiting")


class Interview(InterviewFields):
    """An interview object (`spec/plan-json.md`): what `POST /interviews` and `POST /plans`
    take, and what the API answers with (where `id` is always set)."""

    id: str | int | None = Field(None, description="The caller's id; made from company and role")
    attempts: list[Attempt] | None = Field(None, description="Oldest first")


def _all_optional(model: type[BaseModel], name: str, doc: str) -> type[BaseModel]:
    """`model` with every field optional: a patch of it."""
    from pydantic import create_model

    fields: dict[str, Any] = {
        key: (field.annotation | None, Field(None, description=field.description))  # type: ignore[operator]
        for key, field in model.model_fields.items()
    }
    patch: type[BaseModel] = create_model(name, __base__=Strict, __doc__=doc, **fields)
    return patch


InterviewChanges = _all_optional(
    InterviewFields,
    "InterviewChanges",
    "Fields of an interview to change (`id` and `attempts` cannot be edited); the result is "
    "checked as a whole, like `followup edit`.",
)


class AttemptIn(Strict):
    """One follow-up to log; the purpose defaults to the plan's next step, `at` to now
    (never in the future)."""

    channel: AttemptChannel
    outcome: Outcome
    purpose: Purpose | None = None
    at: Moment | None = None
    notes: Text | None = None


class AttemptChange(Strict):
    """A correction to an attempt logged by mistake: only the fields given change (an empty
    `notes` clears them)."""

    channel: AttemptChannel | None = None
    outcome: Outcome | None = None
    purpose: Purpose | None = None
    at: Moment | None = None
    notes: Text | None = None


class StatusIn(Strict):
    """How the interview ended (or `awaiting` again)."""

    status: InterviewStatus


class CheckIn(Strict):
    """A draft to check (`spec/check-json.md`)."""

    text: str = Field(max_length=MAX_DRAFT, pattern=r"\S", description="Not blank")
    kind: Literal["call", "voicemail", "email", "text"]
    context: Interview | None = Field(None, description="The interview the draft is about")


CHECK_FIELDS = frozenset(CheckIn.model_fields)


class ErrorDetail(Strict):
    status: int = Field(description="The HTTP status again")
    code: str = Field(description="input, not-found, conflict, precondition-required, …")
    message: str = Field(description="One line; the CLI's words, e.g. `company: required`")
    field: str | None = Field(description="The field at fault, when one is")


class ErrorBody(Strict):
    """The one error shape of the whole server."""

    error: ErrorDetail


class Reason(Strict):
    rule: str
    says: str
    sources: list[str] = Field(description="Ids from guidance.md")
    effect: Effect


class Step(Strict):
    purpose: Purpose
    channel: Channel
    status: StepStatus
    earliest: dt.date
    latest: dt.date
    best: dt.datetime
    contact: str
    done_at: dt.datetime | None = Field(None, description="Done steps only")
    reasons: list[Reason]
    script: str | None = None


class Plan(Strict):
    """The plan object (`spec/plan-json.md`)."""

    id: str | None
    as_of: dt.date
    policy: str
    state: PlanState
    next: Step | None
    steps: list[Step]
    attempts_left: int
    warnings: list[str]


class Finding(Strict):
    rule: str
    severity: Literal["error", "warning", "suggestion"]
    message: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    excerpt: str
    sources: list[str]
    weighed: list[str] | None = Field(None, description="Learned findings: the words that counted")


class CheckResult(Strict):
    """The checker's verdict (`spec/check-json.md`)."""

    kind: Literal["call", "voicemail", "email", "text"]
    words: int = Field(ge=0)
    findings: list[Finding]
    strengths: list[str]


class NextStep(Strict):
    purpose: Purpose
    channel: Channel
    earliest: dt.date
    latest: dt.date
    best: dt.datetime


class Listed(Strict):
    """One interview of `GET /interviews` (`followup list --json`)."""

    id: str
    company: str
    role: str
    interviewed_at: dt.datetime
    status: InterviewStatus
    state: PlanState
    attempts: int = Field(ge=0)
    next: NextStep | None


class AgendaStep(NextStep):
    contact: str
    script: str | None


class AgendaItem(Strict):
    id: str
    company: str
    role: str
    state: PlanState
    step: AgendaStep | None
    reachable: bool


class AgendaTotals(Strict):
    """How many interviews each section holds in all; a section with none is left out."""

    act_now: int | None = Field(None, ge=1)
    overdue: int | None = Field(None, ge=1)
    coming_up: int | None = Field(None, ge=1)
    move_on: int | None = Field(None, ge=1)
    waiting: int | None = Field(None, ge=1, description="Waiting, with nothing coming up soon")


class Agenda(Strict):
    """Today's sections, each at most `limit` long; `totals` counts them all."""

    today: dt.date
    act_now: list[AgendaItem]
    overdue: list[AgendaItem]
    coming_up: list[AgendaItem]
    move_on: list[AgendaItem]
    totals: AgendaTotals


class ScriptSection(Strict):
    heading: str
    text: str
    role: str


class Placeholder(Strict):
    text: str
    fill_in: str


class SmsLength(Strict):
    characters: int
    segments: int
    gsm: bool


class Script(Strict):
    """A message to send (`followup script --format json`)."""

    kind: str
    title: str
    channel: str
    purpose: str
    check_kind: str
    contact: str
    to: str | None
    phone: str | None
    subject: str | None
    body: str
    sections: list[ScriptSection]
    placeholders: list[Placeholder]
    mailto: str | None = None
    sms: SmsLength | None = None


class Imported(Strict):
    """What an import did (all of it, or nothing)."""

    added: int
    replaced: int
    skipped: int
    ignored_columns: list[str]


#: What each error status means, wherever it is answered (the body is always `ErrorBody`).
ERROR_MEANINGS = {
    403: "A write from another site",
    404: "No such interview",
    409: "Changed since your version",
    413: "The body is larger than the limit",
    415: "The body is not application/json",
    421: "A Host this server does not answer to",
    422: "Invalid input: the field and why, as the CLI says it",
    428: "No If-Match: send the ETag you read",
    503: "The store is busy or read-only (Retry-After)",
}
#: The errors any request may get (the guard's refusals, bad input, a busy store).
ALWAYS = (403, 421, 422, 503)


def error_answers(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """An operation's `responses` for these errors and those of `ALWAYS`."""
    return {
        status: {"description": ERROR_MEANINGS[status], "model": ErrorBody}
        for status in sorted({*ALWAYS, *statuses})
    }


def json_body(model: type[BaseModel], *, content_types: tuple[str, ...] = ("application/json",)
              ) -> dict[str, Any]:  # fmt: skip
    """An operation's `openapi_extra` for a body the codec reads: the model's schema."""
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {
        "requestBody": {
            "required": True,
            "content": {kind: {"schema": ref} for kind in content_types},
        }
    }


#: The models a request body names by reference (added to the document's components).
BODIES: tuple[type[BaseModel], ...] = (
    Interview,
    InterviewChanges,
    AttemptIn,
    AttemptChange,
    CheckIn,
)


def add_components(document: dict[str, Any]) -> dict[str, Any]:
    """Put the request bodies' schemas (and what they refer to) in `document`'s components."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for model in BODIES:
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas.setdefault(model.__name__, schema)
    return document


def describe_bodies(app: FastAPI) -> None:
    """Make `app`'s OpenAPI document carry the request bodies' schemas (`add_components`)."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = add_components(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
