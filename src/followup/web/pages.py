"""The pages about interviews: Today, the list, one interview (timeline, script, log, status).

Every form posts to a page route and works without JavaScript (a redirect back, or the page
again with the messages); htmx only makes the list's search live.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from followup.domain.errors import FollowupError, InputError
from followup.domain.model import AttemptChannel, InterviewStatus, Outcome, Purpose
from followup.services.tracker import Tracker
from followup.web import versions
from followup.web.page_data import wants_json
from followup.web.state import state_of
from followup.web.templating import STATE_WORDS, is_htmx, render, zone_label

router = APIRouter(include_in_schema=False)
TODAY_LIMIT = 25
#: Interviews per page of the list (a career centre may hold 10,000).
PAGE_SIZE = 100
LIST_STATES = ("act_now", "waiting", "overdue", "move_on", "offer", "rejected", "withdrawn",
               "closed")  # fmt: skip


async def form_of(request: Request) -> dict[str, str]:
    """The posted form's fields, once its token is checked (CSRF)."""
    form = await request.form()
    values = {key: value for key, value in form.items() if isinstance(value, str)}
    state_of(request).guard.check_form_token(values.get("csrf_token"))
    return values


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", status, title="Something went wrong", code=status,
                  message=message)  # fmt: skip


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def tracker_of(request: Request) -> Tracker:
    return state_of(request).tracker


@router.get("/", response_class=HTMLResponse)
async def today(request: Request) -> Response:
    """What to do now, what is overdue, what comes next, who to let go."""
    from followup.services.agenda import agenda

    web = state_of(request)

    def build() -> bytes:
        result = agenda(web.tracker, TODAY_LIMIT)
        return bytes(render(request, "today.html", title="Today", agenda=result).body)

    if wants_json(request):  # its JSON twin: the same context, never the cached page
        return Response(build(), media_type="application/json")
    return web.cache.response(request, "today", build, "text/html; charset=utf-8")


@router.get("/interviews", response_class=HTMLResponse)
async def interviews(request: Request, q: str = "", state: str = "", page: int = 1) -> Response:
    """Every interview with its state; search by company or role, filter by state; by pages."""
    from urllib.parse import urlencode

    from followup.services.listing import list_interviews

    wanted = state if state in LIST_STATES else None
    tracker = tracker_of(request)
    # Kept until the next write: searching as you type must not decode 10,000 interviews a key.
    rows = state_of(request).cache.get(
        ("list", wanted), lambda: list_interviews(tracker, state=wanted)
    )
    words = q.strip().lower()
    if words:
        rows = [r for r in rows if words in f"{r.interview.company} {r.interview.role}".lower()]
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    page = min(max(page, 1), pages)
    first = (page - 1) * PAGE_SIZE
    links = {n: "/interviews?" + urlencode({"q": q, "state": wanted or "", "page": n})
             for n in (page - 1, page + 1) if 1 <= n <= pages}  # fmt: skip
    template = "_interview_rows.html" if is_htmx(request) else "interviews.html"
    states = [(s, STATE_WORDS[s]) for s in LIST_STATES]
    return render(request, template, title="Interviews", rows=rows[first : first + PAGE_SIZE],
                  total=len(rows), first=first, page=page, pages=pages, links=links, q=q,
                  state=wanted or "", states=states)  # fmt: skip


def interview_context(
    tracker: Tracker, interview_id: str, *, for_today: bool = False
) -> dict[str, Any]:
    """The interview page's data: plan, timeline, script (worded for its send day, or for
    today when asked), version."""
    from followup.services.showing import show_interview
    from followup.web.timeline import timeline

    shown = show_interview(tracker, interview_id, for_today=for_today)
    today = tracker.today()
    return {
        "for_today": for_today,
        "interview": shown.interview,
        "plan": shown.plan,
        "script": shown.script,
        "timeline": timeline(shown.plan, shown.interview, today),
        "today": today,
        "version": versions.version_of(shown.interview),
        "zone_name": tracker.entry_zone(shown.interview),
        "zone": zone_label(tracker.entry_zone(shown.interview), tracker.now()),
        "channels": [c.value for c in AttemptChannel],
        "outcomes": [o.value for o in Outcome],
        "purposes": [p.value for p in Purpose],
        "statuses": [s.value for s in InterviewStatus],
    }


@router.get("/interviews/{interview_id}", response_class=HTMLResponse)
async def interview(request: Request) -> Response:
    # The id as the router matched it: declared as a parameter, the framework's validation of
    # a string cost this page, served from the cache, about a sixth of its time.
    interview_id: str = request.path_params["interview_id"]
    for_today = request.query_params.get("draft") == "today"
    web = state_of(request)
    tracker = web.tracker

    def build() -> bytes:
        context = interview_context(tracker, interview_id, for_today=for_today)
        title = f"{context['interview'].company}, {context['interview'].role}"
        page = render(request, "interview.html", title=title, **context, errors={}, form={})
        return bytes(page.body)

    if wants_json(request):  # its JSON twin: the same context, never the cached page
        return Response(build(), media_type="application/json")
    # Kept until this interview, the day or the settings change; the quarter hour too, as
    # the page names the zone's abbreviation (a clock change happens on a quarter hour).
    quarter = tracker.now().timestamp() // 900
    return web.cache.response(request, ("interview", interview_id, for_today), build,
                              "text/html; charset=utf-8", vary="HX-Request",
                              interview=interview_id, clock=quarter)  # fmt: skip


@router.post("/interviews/{interview_id}/attempts", response_class=HTMLResponse)
async def log_attempt(request: Request, interview_id: str) -> Response:
    """Log a follow-up; back to the interview, its plan moved on."""
    from followup.domain.typed_times import PAGE_ZONE_HINT, moment_from_text

    form = await form_of(request)
    tracker = tracker_of(request)
    try:
        channel = _choice(AttemptChannel, form.get("channel"), "channel")
        outcome = _choice(Outcome, form.get("outcome"), "outcome")
        purpose = _choice(Purpose, form.get("purpose"), "purpose") if form.get("purpose") else None
        at = form.get("at", "").strip()
        zone_name = tracker.entry_zone(tracker.interview(interview_id))
        moment = moment_from_text(at, "at", zone_name, PAGE_ZONE_HINT) if at else None
        tracker.log_attempt(interview_id, channel=channel, outcome=outcome, purpose=purpose,
                            at=moment, notes=form.get("notes", "").strip() or None)  # fmt: skip
    except InputError as error:
        context = interview_context(tracker, interview_id)
        return render(request, "interview.html", 422, title="Log a follow-up", **context,
                      errors={error.field: error.why}, form=form)  # fmt: skip
    return see_other(f"/interviews/{interview_id}?logged=1#plan")


@router.post("/interviews/{interview_id}/attempts/{number}", response_class=HTMLResponse)
async def change_attempt(request: Request, interview_id: str, number: int) -> Response:
    """Correct (its When) or delete an attempt logged by mistake; back to the history."""
    from followup.domain.typed_times import PAGE_ZONE_HINT, moment_from_text

    form = await form_of(request)
    tracker = tracker_of(request)
    try:
        if form.get("action") == "delete":
            tracker.delete_attempt(interview_id, number)
        else:
            at = form.get("at", "").strip()
            zone_name = tracker.entry_zone(tracker.interview(interview_id))
            moment = moment_from_text(at, "at", zone_name, PAGE_ZONE_HINT) if at else None
            outcome = (
                _choice(Outcome, form.get("outcome"), "outcome") if form.get("outcome") else None
            )
            tracker.correct_attempt(interview_id, number, at=moment, outcome=outcome)
    except InputError as error:
        context = interview_context(tracker, interview_id)
        return render(request, "interview.html", 422, title="Correct a follow-up", **context,
                      errors={f"attempt-{number}": error.why}, form=form)  # fmt: skip
    return see_other(f"/interviews/{interview_id}#h-attempts")


@router.post("/interviews/{interview_id}/status", response_class=HTMLResponse)
async def set_status(request: Request, interview_id: str) -> Response:
    form = await form_of(request)
    status = _choice(InterviewStatus, form.get("status"), "status")
    versions.set_status(tracker_of(request), interview_id, status, form.get("version"))
    return see_other(f"/interviews/{interview_id}")


@router.post("/interviews/{interview_id}/delete", response_class=HTMLResponse)
async def delete(request: Request, interview_id: str) -> Response:
    form = await form_of(request)
    tracker = tracker_of(request)
    if form.get("confirm") != "on":
        raise InputError("confirm", "tick the box to confirm the deletion")
    versions.delete(tracker, interview_id, form.get("version"))
    return see_other("/interviews")


def _choice(kind: Any, value: str | None, field: str) -> Any:
    """An enum member from a form's value, or the CLI's kind of message."""
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise InputError(field, f"must be one of {allowed} (got {value!r})") from None


__all__ = ["FollowupError", "error_page", "form_of", "router"]
