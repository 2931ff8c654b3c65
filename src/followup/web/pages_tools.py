"""The tool pages: check a draft, settings (and the calendar feed), import and export."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from followup.checker import DRAFT_KINDS
from followup.domain.errors import InputError, NotFoundError
from followup.domain.model import Interview, InterviewStatus
from followup.settings import KEYS, change_setting, load_settings
from followup.web.pages import form_of, see_other, tracker_of
from followup.web.state import state_of
from followup.web.templating import is_htmx, render
from followup.web.transfer import PAGE_HINT, export_response, import_text
from followup.web.versions import feed_token, revoke_feed_token

router = APIRouter(include_in_schema=False)
ABOUT_CHOICES = 200


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
                  interviews=interviews, **context)  # fmt: skip


@router.get("/guidance", response_class=HTMLResponse)
async def guidance_page(request: Request) -> Response:
    """Every guidance id the product cites, in plain words, with where it comes from."""
    from followup.web.guidance import guidance_html

    return render(request, "guidance.html", title="The guidance", body=guidance_html())


@router.get("/check", response_class=HTMLResponse)
async def check_page(request: Request) -> Response:
    return _check_page(request)


@router.post("/check", response_class=HTMLResponse)
async def check_draft(request: Request) -> Response:
    """The findings, marked in the text; htmx asks for just that part as you type."""
    form = await form_of(request)
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
    context.setdefault("errors", {})
    return render(request, "settings.html", status, title="Settings", keys=KEYS, feed_url=feed,
                  saved=request.query_params.get("saved"), **context)  # fmt: skip


@router.get("/settings", response_class=HTMLResponse)
async def settings_page(request: Request) -> Response:
    return _settings_page(request)


@router.post("/settings", response_class=HTMLResponse)
async def save_settings(request: Request) -> Response:
    """Each setting validated as `followup config KEY VALUE` does; the valid ones are kept."""
    form = await form_of(request)
    state = state_of(request)
    current = state.tracker.settings.as_dict()
    errors = {}
    for key in KEYS:
        value = form.get(key, "").strip()
        if value == current.get(key, ""):
            continue
        try:
            change_setting(state.env, key, value or None)
        except InputError as error:
            errors[key] = error.why
    state.tracker.settings = load_settings(state.env)
    if errors:
        return _settings_page(request, 422, form=form, errors=errors)
    return see_other("/settings?saved=1")


@router.post("/settings/calendar-feed", response_class=HTMLResponse)
async def new_feed(request: Request) -> Response:
    """Revoke the calendar link: subscribed calendars stop updating; a new link replaces it."""
    await form_of(request)
    revoke_feed_token(tracker_of(request))
    return see_other("/settings?saved=feed#calendar")


@router.get("/transfer", response_class=HTMLResponse)
async def transfer_page(request: Request) -> Response:
    return render(request, "transfer.html", title="Import and export", result=None, error=None)


@router.post("/transfer/import", response_class=HTMLResponse)
async def upload(request: Request) -> Response:
    """An uploaded JSON or CSV file, imported whole or not at all."""
    form = await request.form()
    state_of(request).guard.check_form_token(_text(form.get("csrf_token")))
    upload = form.get("file")
    data = await upload.read() if upload is not None and not isinstance(upload, str) else b""
    name = getattr(upload, "filename", "") or ""
    kind = "csv" if name.lower().endswith(".csv") else "json"
    try:
        clash = form.get("existing", "replace" if form.get("replace") == "on" else "")
        result = import_text(tracker_of(request), data.decode("utf-8-sig", errors="replace"),
                             kind, clash == "replace", skip=clash == "skip",
                             hint=PAGE_HINT)  # fmt: skip
    except InputError as error:
        return render(request, "transfer.html", 422, title="Import and export", result=None,
                      error=str(error))  # fmt: skip
    return render(request, "transfer.html", title="Import and export", result=result, error=None)


@router.get("/export/{file_format}")
async def download(request: Request, file_format: str) -> Response:
    return export_response(tracker_of(request), file_format)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
