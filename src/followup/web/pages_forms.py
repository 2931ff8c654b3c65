"""Add and edit an interview: one form, messages beside the fields, nothing typed is lost.

The form's fields become the contract's interview object, which the codec validates as it
does for `followup add`; each error goes back beside the field it names.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from followup.calendar import check_calendar
from followup.domain.codec import interview_from_dict, interview_to_dict
from followup.domain.errors import ConflictError, InputError
from followup.domain.typed_times import PAGE_ZONE_HINT, moment_from_text
from followup.services.tracker import Tracker
from followup.web import versions
from followup.web.page_words import (
    CHOICE_WORDS,
    countries,
    country_code,
    country_error,
    error_summary,
    page_words,
    zone_error,
    zone_names,
)
from followup.web.pages import Form, one_at_a_time, see_other, tracker_of
from followup.web.templating import render

router = APIRouter(include_in_schema=False)

#: form field -> contract field, for the interview's plain fields.
PLAIN = {
    "company": "company", "role": "role", "timezone": "timezone", "country": "country",
    "subdivision": "subdivision", "format": "format", "scheduled_via": "scheduled_via",
    "industry": "industry", "culture": "culture", "manner": "interviewer_manner",
    "feedback_by": "feedback_expected_by", "instructions": "instructions",
    "offer_deadline": "competing_offer_deadline",
}  # fmt: skip
CONTACT = {"contact": "name", "contact_title": "title", "contact_email": "email",
           "contact_phone": "phone"}  # fmt: skip
REQUIRED = {"company": "Company", "role": "Role", "interviewed_at": "Interview date and time",
            "contact": "Who to follow up with", "candidate": "Your name"}  # fmt: skip
#: What to do about each required field left empty (the GOV.UK way: say what to enter).
MISSING = {"company": "Enter the company's name", "role": "Enter the role (the job title)",
           "interviewed_at": "Enter the date and time of the interview",
           "contact": "Enter the name of the person to follow up with",
           "candidate": "Enter your name"}  # fmt: skip
#: form field -> its label, for the list of errors above the form.
LABELS = REQUIRED | {
    "timezone": "Employer's time zone", "contact_title": "Title", "contact_email": "E-mail",
    "contact_phone": "Phone", "feedback_by": "They'll answer by",
    "feedback_within": "Within this many days", "instructions": "How they asked you to follow up",
    "offer_deadline": "Another offer's deadline", "points": "Topics worth mentioning",
    "country": "Country", "subdivision": "State or region", "industry": "Industry",
    "culture": "Company culture", "manner": "Interviewer's manner", "format": "Format",
    "scheduled_via": "How they arranged it",
}  # fmt: skip
#: The form's fields top to bottom: the error summary lists problems in this order.
FIELD_ORDER = ["company", "role", "timezone", "interviewed_at", "format", "scheduled_via",
               "contact", *CONTACT, "feedback_by", "feedback_within", "instructions",
               "offer_deadline", "points", "candidate", "country", "subdivision", "industry",
               "culture", "manner"]  # fmt: skip
CHOICES = {
    "format": ["onsite", "video", "phone"],
    "scheduled_via": ["phone", "email", "text", "portal", "recruiter"],
    "culture": ["direct", "neutral", "formal"],
    "manner": ["friendly", "neutral", "formal"],
    "instructions": ["email", "call", "text", "wait", "no_contact"],
}


def form_field(contract_field: str) -> str:
    """The form field an error of the codec names (`interviewers[0].email` -> contact_email)."""
    if contract_field.startswith("interviewers"):
        tail = contract_field.rpartition(".")[2]
        return next((f for f, k in CONTACT.items() if k == tail), "contact")
    if contract_field.startswith("candidate"):
        return "candidate"
    if contract_field.startswith("discussion_points"):
        return "points"
    if contract_field == "feedback_expected_within_days":
        return "feedback_within"
    return next((f for f, k in PLAIN.items() if k == contract_field), contract_field)


def form_values(obj: dict[str, Any]) -> dict[str, str]:
    """A stored interview object as the form's fields (to edit it)."""
    values = {f: str(obj[k]) for f, k in PLAIN.items() if obj.get(k) is not None}
    people = obj.get("interviewers") or [{}]
    primary = next((p for p in people if p.get("primary")), people[0])
    values |= {f: str(primary[k]) for f, k in CONTACT.items() if primary.get(k)}
    values["candidate"] = obj.get("candidate", {}).get("name", "")
    values["interviewed_at"] = str(obj.get("interviewed_at", ""))[:16]
    values["points"] = "\n".join(obj.get("discussion_points", []))
    if obj.get("feedback_expected_within_days") is not None:
        values["feedback_within"] = str(obj["feedback_expected_within_days"])
    return values


def to_object(tracker: Tracker, form: dict[str, str], base: dict[str, Any]
              ) -> tuple[dict[str, Any], dict[str, str]]:  # fmt: skip
    """The contract object the form describes, and the errors found (field -> why)."""
    clean = {key: value.strip() for key, value in form.items()}
    errors = {f: MISSING[f] for f in REQUIRED if not clean.get(f)}
    _page_checks(clean, errors)
    obj = dict(base) | {k: clean.get(f) or None for f, k in PLAIN.items()}
    obj["candidate"] = (base.get("candidate") or {}) | {"name": clean.get("candidate")}
    people = [dict(p) for p in base.get("interviewers") or [{}]]
    index = next((i for i, p in enumerate(people) if p.get("primary")), 0)
    people[index] |= {k: clean.get(f) or None for f, k in CONTACT.items()}
    obj["interviewers"] = [{k: v for k, v in p.items() if v is not None} for p in people]
    obj["discussion_points"] = [
        p.strip() for p in clean.get("points", "").splitlines() if p.strip()
    ]
    obj["feedback_expected_within_days"] = _whole(clean.get("feedback_within", ""), errors)
    if (
        clean.get("interviewed_at")
        and clean["interviewed_at"] == str(base.get("interviewed_at"))[:16]
    ):
        obj["interviewed_at"] = base["interviewed_at"]  # unchanged: keep its offset
    elif clean.get("interviewed_at"):
        zone_name = clean.get("timezone") or tracker.settings.timezone
        try:
            obj["interviewed_at"] = moment_from_text(
                clean["interviewed_at"], "interviewed_at", zone_name, PAGE_ZONE_HINT
            ).isoformat()
        except InputError as error:
            # an unknown zone is the time-zone field's error, shown under that field
            errors.setdefault(form_field(error.field), error.why)
    return obj, errors


def _page_checks(clean: dict[str, str], errors: dict[str, str]) -> None:
    """The time zone and the country, chosen from the page's lists (a country by its name
    too): refused in the page's words before the codec sees them."""
    if clean.get("timezone") and (why := zone_error(clean["timezone"])):
        errors["timezone"] = why
    if clean.get("country"):
        code = country_code(clean["country"])
        if code is None:
            errors["country"] = country_error(clean["country"]) or ""
        else:
            clean["country"] = code


def _whole(text: str, errors: dict[str, str]) -> int | None:
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or len(text) > 3:  # not "²", not 5,000 digits
        errors["feedback_within"] = f"must be a whole number of days (got {text[:20]!r})"
        return None
    return int(text)


def _validated(obj: dict[str, Any], errors: dict[str, str]) -> None:
    """Run the codec (the CLI's validation) and file its first error under its field."""
    if errors:
        return
    try:
        interview_from_dict(
            {k: v for k, v in obj.items() if v is not None}, check_calendar=check_calendar
        )
    except InputError as error:
        errors[form_field(error.field)] = error.why


def new_base(tracker: Tracker) -> dict[str, Any]:
    """A new interview's defaults from the settings (your name, e-mail, phone, country)."""
    settings = tracker.settings
    candidate = {"name": settings.name, "email": settings.email, "phone": settings.phone}
    base: dict[str, Any] = {"candidate": {k: v for k, v in candidate.items() if v}}
    return base | ({"country": settings.country} if settings.country else {})


def _form_page(request: Request, status: int, **context: Any) -> Response:
    return render(
        request, "interview_form.html", status, **form_context(tracker_of(request), **context)
    )


def form_context(tracker: Tracker, **context: Any) -> dict[str, Any]:
    """The add and edit form's data: the fields, the errors in the page's words, the lists."""
    errors = {field: page_words(why) for field, why in context.pop("errors", {}).items()}
    lists = {"zone_names": zone_names(), "country_names": countries(),
             "choice_words": CHOICE_WORDS}  # fmt: skip
    mine: dict[str, Any] = {"conflict": None, "choices": CHOICES, "labels": LABELS,
                            "errors": errors, "your_zone": tracker.settings.timezone,
                            "summary": error_summary(errors, LABELS, FIELD_ORDER)}  # fmt: skip
    return mine | lists | context


@router.get("/interviews/new", response_class=HTMLResponse)
@one_at_a_time
def new_form(request: Request) -> Response:
    tracker = tracker_of(request)
    values = {"candidate": tracker.settings.name or "", "timezone": tracker.settings.timezone or "",
              "country": tracker.settings.country or ""}  # fmt: skip
    return _form_page(request, 200, title="Add an interview", form=values, interview_id=None)


@router.post("/interviews/new", response_class=HTMLResponse)
@one_at_a_time
def add(request: Request, form: Form) -> Response:
    tracker = tracker_of(request)
    obj, errors = to_object(tracker, form, new_base(tracker))
    _validated(obj, errors)
    if errors:
        return _form_page(request, 422, title="Add an interview", form=form, errors=errors,
                          interview_id=None)  # fmt: skip
    stored = tracker.add(interview_from_dict({k: v for k, v in obj.items() if v is not None}))
    return see_other(f"/interviews/{stored.id}#top", "added")


@router.get("/interviews/{interview_id}/edit", response_class=HTMLResponse)
@one_at_a_time
def edit_form(request: Request, interview_id: str) -> Response:
    interview = tracker_of(request).interview(interview_id)
    values = form_values(interview_to_dict(interview)) | {"version": versions.version_of(interview)}
    return _form_page(request, 200, title=f"Edit {interview.company}", form=values,
                      interview_id=interview_id)  # fmt: skip


@router.post("/interviews/{interview_id}/edit", response_class=HTMLResponse)
@one_at_a_time
def edit(request: Request, interview_id: str, form: Form) -> Response:
    tracker = tracker_of(request)
    stored = interview_to_dict(tracker.interview(interview_id))
    base = {k: v for k, v in stored.items() if k not in ("id", "attempts", "status")}
    obj, errors = to_object(tracker, form, base)
    _validated(obj, errors)
    title = f"Edit {stored['company']}"
    if errors:
        return _form_page(request, 422, title=title, form=form, errors=errors,
                          interview_id=interview_id)  # fmt: skip
    try:
        versions.edit(tracker, interview_id, obj, form.get("version"))
    except ConflictError as error:
        form["version"] = versions.version_of(tracker.interview(interview_id))
        return _form_page(request, 409, title=title, form=form, conflict=str(error),
                          interview_id=interview_id)  # fmt: skip
    return see_other(f"/interviews/{interview_id}#top", "saved")
