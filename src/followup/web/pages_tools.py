"""The tool pages: check a draft, settings (and the calendar feed), import and export."""

from __future__ import annotations

from typing import Annotated, Any, NamedTuple

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from followup.checker import DRAFT_KINDS
from followup.domain.errors import InputError, NotFoundError
from followup.domain.model import Interview, InterviewStatus
from followup.settings import KEYS, change_setting, load_settings
from followup.web.page_words import (
    KIND_WORDS,
    banner_of,
    countries,
    country_code,
    country_error,
    error_summary,
    page_words,
    zone_error,
    zone_names,
)
from followup.web.pages import Form, one_at_a_time, see_other, tracker_of
from followup.web.state import state_of
from followup.web.templating import is_htmx, render
from followup.web.transfer import PAGE_HINT, export_response, import_text
from followup.web.versions import feed_token, revoke_feed_token

router = APIRouter(include_in_schema=False)
ABOUT_CHOICES = 200
#: Each setting's label and hint on the page (the CLI's help names standards; a page does not).
SETTING_WORDS = {
    "name": ("Your name", "As the candidate in every interview and under each message."),
    "email": ("Your e-mail address", "For the messages' signatures."),
    "phone": ("Your phone number", "For call scripts and voicemails."),
    "country": (
        "Your country",
        "Its public holidays are skipped unless an interview names "
        "another. Start typing its name or two-letter code.",
    ),
    "timezone": (
        "Your time zone",
        "Your Today follows this zone's day. Start typing a city, like Chicago.",
    ),
    "policy": (
        "Follow-up style",
        "“default” or “prompt” (follows up a little sooner), or the path of your own rules file.",
    ),
}


def checked(text: str, kind: str, about: Interview | None = None) -> dict[str, Any]:
    """The checker's verdict and the draft cut into marked pieces (empty text: nothing yet).

    With the interview it is `about`, the checker knows the names and topics to look for.
    """
    from followup.domain.codec import interview_to_dict
    from followup.web.api import run_check
    from followup.web.highlight import pieces

    text = text.replace("\r\n", "\n")
    if not text.strip():
        return {"result": None, "pieces": []}
    result = run_check(text, kind, None if about is None else interview_to_dict(about))
    return {"result": result, "pieces": pieces(text, result["findings"])}


def _check_page(request: Request, status: int = 200, **context: Any) -> Response:
    page = "_check_result.html" if is_htmx(request) else "check.html"
    interviews = state_of(request).cache.get("check-choices", lambda: _choices(request))
    context = {"text": "", "kind": "email", "about": "", "result": None, "pieces": [],
               "errors": {}} | context  # fmt: skip
    return render(request, page, status, title="Check a draft", kinds=DRAFT_KINDS,
                  kind_words=KIND_WORDS,
                  interviews=interviews, **context)  # fmt: skip


@router.get("/guidance", response_class=HTMLResponse)
def guidance_page(request: Request) -> Response:
    """Every guidance id the product cites, in plain words, with where it comes from."""
    from followup.web.guidance import guidance_html

    return render(request, "guidance.html", title="The guidance", body=guidance_html())


@router.get("/check", response_class=HTMLResponse)
@one_at_a_time
def check_page(request: Request, about: str = "") -> Response:
    try:
        known = tracker_of(request).interview(about).id or "" if about else ""
    except (InputError, NotFoundError):
        known = ""  # an old link: check without it
    return _check_page(request, about=known)


@router.post("/check", response_class=HTMLResponse)
@one_at_a_time
def check_draft(request: Request, form: Form) -> Response:
    """The findings, marked in the text; htmx asks for just that part as you type."""
    text, kind, about = form.get("text", ""), form.get("kind", "email"), form.get("about", "")
    errors: dict[str, str] = {}
    try:
        interview = tracker_of(request).interview(about) if about else None
        found = checked(text, kind, interview)
    except (InputError, NotFoundError) as error:
        found = {"result": None, "pieces": []}
        errors = {getattr(error, "field", "about"): getattr(error, "why", str(error))}
    return _check_page(request, text=text, kind=kind, about=about, errors=errors, **found)


def _choices(request: Request) -> list[tuple[str, str]]:
    """The most recent awaiting interviews (a career centre's 10,000 would not fit a list)."""
    awaiting = tracker_of(request).interviews(status=InterviewStatus.AWAITING)
    return [(i.id or "", f"{i.company}, {i.role}") for i in awaiting[::-1][:ABOUT_CHOICES]]


def _settings_page(request: Request, status: int = 200, **context: Any) -> Response:
    state = state_of(request)
    feed = f"{request.base_url}calendar/{feed_token(state.tracker)}.ics"
    context.setdefault("form", state.tracker.settings.as_dict())
    errors = {key: page_words(why) for key, why in context.pop("errors", {}).items()}
    return render(request, "settings.html", status, title="Settings", keys=KEYS, feed_url=feed,
                  words=SETTING_WORDS, errors=errors,
                  summary=error_summary(errors, {k: v[0] for k, v in SETTING_WORDS.items()},
                                        list(SETTING_WORDS)), zone_names=zone_names(),
                  country_names=countries(),
                  banner=banner_of(request.query_params.get("done")), **context)  # fmt: skip


@router.get("/settings", response_class=HTMLResponse)
@one_at_a_time
def settings_page(request: Request) -> Response:
    return _settings_page(request)


@router.post("/settings", response_class=HTMLResponse)
@one_at_a_time
def save_settings(request: Request, form: Form) -> Response:
    """Each setting validated as `followup config KEY VALUE` does; the valid ones are kept."""
    state = state_of(request)
    current = state.tracker.settings.as_dict()
    errors = {}
    for key in KEYS:
        value = form.get(key, "").strip()
        if value == current.get(key, ""):
            continue
        why = _page_refusal(key, value)
        if why is not None:
            errors[key] = why
            continue
        if key == "country" and value:
            value = country_code(value) or value
        try:
            change_setting(state.env, key, value or None)
        except InputError as error:
            errors[key] = error.why
    state.tracker.settings = load_settings(state.env)
    if errors:
        return _settings_page(request, 422, form=form, errors=errors)
    return see_other("/settings", "settings")


def _page_refusal(key: str, value: str) -> str | None:
    """A time zone or country not in the page's lists, refused in the page's words."""
    if not value:
        return None
    if key == "timezone":
        return zone_error(value)
    if key == "country":
        return country_error(value)
    return None


@router.post("/settings/calendar-feed", response_class=HTMLResponse)
@one_at_a_time
def new_feed(request: Request, form: Form) -> Response:
    """Revoke the calendar link: subscribed calendars stop updating; a new link replaces it."""
    revoke_feed_token(tracker_of(request))
    return see_other("/settings#calendar", "feed")


@router.get("/transfer", response_class=HTMLResponse)
def transfer_page(request: Request) -> Response:
    return render(request, "transfer.html", title="Import and export", result=None, error=None)


class Upload(NamedTuple):
    """A posted file: its text, JSON or CSV, and what to do with interviews already stored."""

    text: str
    kind: str
    clash: str


async def uploaded(request: Request) -> Upload:
    """The uploaded file, read once its form's token is checked."""
    form = await request.form()
    state_of(request).guard.check_form_token(_text(form.get("csrf_token")))
    upload = form.get("file")
    data = await upload.read() if upload is not None and not isinstance(upload, str) else b""
    name = getattr(upload, "filename", "") or ""
    kind = "csv" if name.lower().endswith(".csv") else "json"
    clash = _text(form.get("existing", "replace" if form.get("replace") == "on" else "")) or ""
    return Upload(data.decode("utf-8-sig", errors="replace"), kind, clash)


@router.post("/transfer/import", response_class=HTMLResponse)
@one_at_a_time
def upload(request: Request, file: Annotated[Upload, Depends(uploaded)]) -> Response:
    """An uploaded JSON or CSV file, imported whole or not at all."""
    try:
        result = import_text(tracker_of(request), file.text, file.kind, file.clash == "replace",
                             skip=file.clash == "skip", hint=PAGE_HINT)  # fmt: skip
    except InputError as error:
        return render(request, "transfer.html", 422, title="Import and export", result=None,
                      error=page_words(str(error)))  # fmt: skip
    return render(request, "transfer.html", title="Import and export", result=result, error=None)


@router.get("/export/{file_format}")
@one_at_a_time
def download(request: Request, file_format: str) -> Response:
    return export_response(tracker_of(request), file_format)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
