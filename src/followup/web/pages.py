"""The pages about interviews: Today, the board, the list, one interview (its next step, the
plan's timeline, the history, status and deletion).

Every form posts to a page route and works without JavaScript: post, redirect, get, with a
`?done=` flag naming the banner to show (saved, logged, deleted...); htmx only makes the list's
search live. Handlers that touch the store are plain functions (FastAPI runs them in its
threadpool), one at a time: the app holds one SQLite connection. The posted form is read by
`posted`, a small async dependency.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Hashable
from typing import Annotated, Any, ParamSpec, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from followup.domain.errors import FollowupError, InputError
from followup.domain.model import AttemptChannel, InterviewStatus, Outcome, Purpose
from followup.services.tracker import Tracker
from followup.web import versions
from followup.web.cache import Body
from followup.web.page_data import wants_json
from followup.web.page_words import (
    CHANNEL_OUTCOMES,
    CHANNEL_WORDS,
    DEFAULT_OUTCOME,
    DONE_WORDS,
    OUTCOME_WORDS,
    PURPOSE_WORDS,
    STATUS_WORDS,
    STEP_STATUS_WORDS,
    Banner,
    banner_of,
    page_words,
    reason_view,
    step_title,
)
from followup.web.state import WebState, state_of
from followup.web.templating import STATE_WORDS, environment, is_htmx, render, zone_label

router = APIRouter(include_in_schema=False)
HTML = "text/html; charset=utf-8"
TODAY_LIMIT = 25
#: Interviews per page of the list (a career centre may hold 10,000).
PAGE_SIZE = 100
#: Cards per column of the board; the rest are one link away, in the list.
BOARD_LIMIT = 40
LIST_STATES = ("act_now", "waiting", "overdue", "move_on", "offer", "rejected", "withdrawn",
               "closed")  # fmt: skip
BOARD_COLUMNS = (
    ("act_now", "Act now"),
    ("waiting", "Waiting"),
    ("overdue", "Overdue"),
    ("move_on", "Move on"),
    ("closed", "Closed"),
)
#: Where a one-click form may send the browser back to (never an address it was given).
BACK = {"today": "/", "board": "/board"}
P = ParamSpec("P")
R = TypeVar("R")
_ONE_AT_A_TIME = threading.Lock()


def one_at_a_time(handler: Callable[P, R]) -> Callable[P, R]:
    """`handler`, never run by two threads at once (they would share the store's connection)."""

    @functools.wraps(handler)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with _ONE_AT_A_TIME:
            return handler(*args, **kwargs)

    return run


async def form_of(request: Request) -> dict[str, str]:
    """The posted form's fields, once its token is checked (CSRF)."""
    form = await request.form()
    values = {key: value for key, value in form.items() if isinstance(value, str)}
    state_of(request).guard.check_form_token(values.get("csrf_token"))
    return values


Form = Annotated[dict[str, str], Depends(form_of)]


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", status, title="Something went wrong", code=status,
                  message=page_words(message))  # fmt: skip


def see_other(url: str, done: str | None = None, **query: str | int) -> RedirectResponse:
    """A redirect after a post; `done` names the banner the next page shows."""
    path, hash_mark, fragment = url.partition("#")
    params = urlencode(({"done": done} if done else {}) | query)
    target = f"{path}?{params}" if params else path
    return RedirectResponse(target + hash_mark + fragment, status_code=303)


def tracker_of(request: Request) -> Tracker:
    return state_of(request).tracker


def banner_html(banner: Banner | None) -> str:
    """The notification banner, as HTML to put at the top of a page ('' for none)."""
    if banner is None:
        return ""
    return environment().get_template("_banner.html").render(banner=banner)


def logged_banner(tracker: Tracker, interview_id: str, number: str | None, *,
                  link: bool = False) -> Banner:  # fmt: skip
    """What was logged and what it changed in the plan: the step it settled, what comes next."""
    from followup.services.showing import show_interview
    from followup.web.templating import day, moment

    shown = show_interview(tracker, interview_id)
    attempts = shown.interview.attempts
    index = int(number) - 1 if number and number.isdigit() else len(attempts) - 1
    if not 0 <= index < len(attempts):
        return Banner("Logged.")
    attempt = attempts[index]
    what = step_title(attempt.purpose.value, attempt.channel.value).lower()
    head = f"Logged: {what}, {OUTCOME_WORDS[attempt.outcome.value].lower()}."
    following = shown.plan.next
    if following is not None:
        change = (f"Next: {step_title(following.purpose.value, following.channel.value).lower()}"
                  f" to {following.contact}, from {day(following.earliest)}, best "
                  f"{moment(following.best)}.")  # fmt: skip
    else:
        change = f"No follow-up left to plan: {STATE_WORDS[shown.plan.state.value].lower()}."
    where = (f"Open {shown.interview.company}", f"/interviews/{interview_id}") if link else None
    return Banner(head, change, where)


@router.get("/", response_class=HTMLResponse)
async def today_page(request: Request) -> Response:
    """What to do now, what is overdue, what comes next, who to let go; each with its actions.

    The kept page is served on the event loop (a dictionary lookup and a stat: a trip to the
    thread pool costs more than that); building it runs in the thread pool. The query's
    `done`, `id` and `n` (the banner) are read as given, not declared: the framework's
    validation of declared parameters cost a kept page a fifth of its time."""
    query = request.query_params
    done, id, n = query.get("done"), query.get("id"), query.get("n")
    if not done and not wants_json(request):
        kept = state_of(request).cache.kept_response(request, "today", HTML)
        if kept is not None:
            return kept
    return await run_in_threadpool(today, request, done, id, n)


@one_at_a_time
def today(request: Request, done: str | None = None, id: str | None = None,
          n: str | None = None) -> Response:  # fmt: skip
    """The Today page, built when it is not kept (or with this request's banner)."""
    from followup.services.agenda import agenda

    web = state_of(request)

    def build() -> bytes:
        result = agenda(web.tracker, TODAY_LIMIT)
        return bytes(render(request, "today.html", **today_context(result)).body)

    if wants_json(request):  # its JSON twin: the same context, never the cached page
        return Response(build(), media_type="application/json")
    if not done:  # the page kept whole, gzip-compressed for the browsers that take it
        return web.cache.response(request, "today", build, HTML)
    page = web.cache.get("today", lambda: Body(build())).raw
    banner = banner_of(done)
    if done == "logged" and id:
        try:
            banner = logged_banner(web.tracker, id, n, link=True)
        except FollowupError:
            banner = banner_of(done)
    # The cached page is the same for everyone; the banner is this request's.
    return HTMLResponse(page.replace(b"<!--banner-->", banner_html(banner).encode(), 1))


def today_context(result: Any) -> dict[str, Any]:
    """The Today page's data: the agenda's sections and how many are left to do."""
    left = result.totals.get("act_now", len(result.act_now))
    left += result.totals.get("overdue", len(result.overdue))
    return {"title": "Today", "agenda": result, "left": left, "back": "today",
            **one_click_words()}  # fmt: skip


def one_click_words() -> dict[str, Any]:
    return {"done_words": DONE_WORDS, "default_outcome": DEFAULT_OUTCOME,
            "channel_outcomes": CHANNEL_OUTCOMES, "outcome_words": OUTCOME_WORDS}  # fmt: skip


def _listed(request: Request, state: str | None) -> list[Any]:
    from followup.services.listing import list_interviews

    tracker = tracker_of(request)
    # Kept until the next write: searching as you type must not decode 10,000 interviews a key.
    rows: list[Any] = state_of(request).cache.get(
        ("list", state), lambda: list_interviews(tracker, state=state)
    )
    return rows


@router.get("/board", response_class=HTMLResponse)
@one_at_a_time
def board(request: Request, done: str | None = None) -> Response:
    """Every interview as a card in a column by its state."""
    return render(request, "board.html", **board_context(_listed(request, None)),
                  banner=banner_of(done))  # fmt: skip


def board_context(rows: list[Any]) -> dict[str, Any]:
    """The board's data: each column's first cards and how many it holds."""
    columns: dict[str, list[Any]] = {key: [] for key, _ in BOARD_COLUMNS}
    for row in rows:
        key = row.state if row.state in columns else "closed"
        columns[key].append(row)
    shown = [(key, words, columns[key][:BOARD_LIMIT], len(columns[key]))
             for key, words in BOARD_COLUMNS]  # fmt: skip
    return {"title": "Board", "columns": shown, "total": len(rows), "status_words": STATUS_WORDS}


@router.get("/interviews", response_class=HTMLResponse)
@one_at_a_time
def interviews(request: Request, q: str = "", state: str = "", page: int = 1,
               done: str | None = None) -> Response:  # fmt: skip
    """Every interview with its state; search by company or role, filter by state; by pages."""
    wanted = state if state in LIST_STATES else None
    everything = _listed(request, None)
    rows = everything if wanted is None else _listed(request, wanted)
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
                  total=len(rows), stored=len(everything), first=first, page=page, pages=pages,
                  links=links, q=q, state=wanted or "", states=states,
                  banner=banner_of(done))  # fmt: skip


def interview_context(
    tracker: Tracker, interview_id: str, *, for_today: bool = False
) -> dict[str, Any]:
    """The interview page's data: the next step, plan, timeline, script (worded for its send
    day, or for today when asked), history, version."""
    from followup.services.showing import show_interview
    from followup.web.timeline import timeline

    shown = show_interview(tracker, interview_id, for_today=for_today)
    today = tracker.today()
    plan = shown.plan
    following = plan.next
    why = [reason_view(r) for r in following.reasons] if following is not None else []
    return {
        "for_today": for_today,
        "interview": shown.interview,
        "plan": plan,
        "next_why": next((r for r in why if not r["overridden"]), None),
        "steps": [(step, [reason_view(r) for r in step.reasons]) for step in plan.steps],
        "script": shown.script,
        "timeline": timeline(plan, shown.interview, today),
        "today": today,
        "version": versions.version_of(shown.interview),
        "zone_name": tracker.entry_zone(shown.interview),
        "zone": zone_label(tracker.entry_zone(shown.interview), tracker.now()),
        "channels": [c.value for c in AttemptChannel],
        "outcomes": [o.value for o in Outcome],
        "purposes": [p.value for p in Purpose],
        "statuses": [s.value for s in InterviewStatus],
        "status_words": STATUS_WORDS,
        "step_status": STEP_STATUS_WORDS,
        "channel_words": CHANNEL_WORDS,
        "purpose_words": PURPOSE_WORDS,
        "back": "",
        **one_click_words(),
    }


def _interview_page(request: Request, status: int, interview_id: str, *, title: str = "",
                    errors: dict[str, str] | None = None, form: dict[str, str] | None = None,
                    banner: Banner | None = None, for_today: bool = False) -> Response:  # fmt: skip
    context = interview_context(tracker_of(request), interview_id, for_today=for_today)
    title = title or f"{context['interview'].company}, {context['interview'].role}"
    shown = {key: page_words(why) for key, why in (errors or {}).items()}
    log_open = bool(shown) and not any(key.startswith("attempt-") for key in shown)
    return render(request, "interview.html", status, title=title, **context, errors=shown,
                  form=form or {}, banner=banner, log_open=log_open)  # fmt: skip


@router.get("/interviews/{interview_id}", response_class=HTMLResponse)
async def interview_page(request: Request) -> Response:
    """An interview led by its next step; the kept page served as Today's is (its id and
    query read as given, for the same reason)."""
    interview_id: str = request.path_params["interview_id"]
    query = request.query_params
    done, n, draft = query.get("done"), query.get("n"), query.get("draft", "")
    if not done and not wants_json(request):
        web = state_of(request)
        key, quarter = _kept_interview(web, interview_id, draft == "today")
        kept = web.cache.kept_response(request, key, HTML, vary="HX-Request", clock=quarter)
        if kept is not None:
            return kept
    return await run_in_threadpool(interview, request, interview_id, done, n, draft)


@one_at_a_time
def interview(request: Request, interview_id: str, done: str | None = None,
              n: str | None = None, draft: str = "") -> Response:  # fmt: skip
    """The interview page, built when it is not kept (or with this request's banner)."""
    web = state_of(request)
    for_today = draft == "today"
    if done or wants_json(request):  # this request's banner, or the page's data: built afresh
        tracker = web.tracker
        banner = logged_banner(tracker, interview_id, n) if done == "logged" else banner_of(done)
        return _interview_page(request, 200, interview_id, banner=banner, for_today=for_today)

    def build() -> bytes:
        return bytes(_interview_page(request, 200, interview_id, for_today=for_today).body)

    key, quarter = _kept_interview(web, interview_id, for_today)
    return web.cache.response(request, key, build, HTML, vary="HX-Request",
                              interview=interview_id, clock=quarter)  # fmt: skip


def _kept_interview(web: WebState, interview_id: str, for_today: bool) -> tuple[Hashable, float]:
    """The name an interview's page is kept under, and the quarter hour it was kept in: kept
    until this interview, the day or the settings change, and the quarter hour too, as the
    page names the zone's abbreviation (a clock change happens on a quarter hour)."""
    return ("interview", interview_id, for_today), web.tracker.now().timestamp() // 900


@router.post("/interviews/{interview_id}/attempts", response_class=HTMLResponse)
@one_at_a_time
def log_attempt(request: Request, interview_id: str, form: Form) -> Response:
    """Log a follow-up (one click from Today or the next-step card, or the full form); back
    to where it was sent from, with a banner saying what changed in the plan."""
    from followup.domain.typed_times import PAGE_ZONE_HINT, moment_from_text

    tracker = tracker_of(request)
    try:
        channel = _choice(AttemptChannel, form.get("channel"), "channel")
        outcome = _choice(Outcome, form.get("outcome"), "outcome")
        purpose = _choice(Purpose, form.get("purpose"), "purpose") if form.get("purpose") else None
        at = form.get("at", "").strip()
        zone_name = tracker.entry_zone(tracker.interview(interview_id))
        moment = moment_from_text(at, "at", zone_name, PAGE_ZONE_HINT) if at else None
        attempt = tracker.log_attempt(interview_id, channel=channel, outcome=outcome,
                                      purpose=purpose, at=moment,
                                      notes=form.get("notes", "").strip() or None)  # fmt: skip
    except InputError as error:
        return _interview_page(request, 422, interview_id, title="Log a follow-up",
                               errors={error.field: error.why}, form=form)  # fmt: skip
    number = tracker.interview(interview_id).attempts.index(attempt) + 1
    back = BACK.get(form.get("back", ""))
    if back is not None:
        return see_other(back, "logged", id=interview_id, n=number)
    return see_other(f"/interviews/{interview_id}#top", "logged", n=number)


@router.post("/interviews/{interview_id}/attempts/{number}", response_class=HTMLResponse)
@one_at_a_time
def change_attempt(request: Request, interview_id: str, number: int, form: Form) -> Response:
    """Correct (its When, its outcome) or delete an attempt logged by mistake."""
    from followup.domain.typed_times import PAGE_ZONE_HINT, moment_from_text

    tracker = tracker_of(request)
    try:
        if form.get("action") == "delete":
            tracker.delete_attempt(interview_id, number)
            return see_other(f"/interviews/{interview_id}#history", "attempt-deleted")
        at = form.get("at", "").strip()
        zone_name = tracker.entry_zone(tracker.interview(interview_id))
        moment = moment_from_text(at, "at", zone_name, PAGE_ZONE_HINT) if at else None
        outcome = _choice(Outcome, form.get("outcome"), "outcome") if form.get("outcome") else None
        tracker.correct_attempt(interview_id, number, at=moment, outcome=outcome)
    except InputError as error:
        return _interview_page(request, 422, interview_id, title="Correct a follow-up",
                               errors={f"attempt-{number}": error.why}, form=form)  # fmt: skip
    return see_other(f"/interviews/{interview_id}#history", "corrected")


@router.post("/interviews/{interview_id}/status", response_class=HTMLResponse)
@one_at_a_time
def set_status(request: Request, interview_id: str, form: Form) -> Response:
    status = _choice(InterviewStatus, form.get("status"), "status")
    versions.set_status(tracker_of(request), interview_id, status, form.get("version"))
    return see_other(f"/interviews/{interview_id}#top", "status")


@router.get("/interviews/{interview_id}/delete", response_class=HTMLResponse)
@one_at_a_time
def confirm_delete(request: Request, interview_id: str) -> Response:
    """Are you sure? What goes with it, and the way back."""
    interview = tracker_of(request).interview(interview_id)
    return render(request, "confirm_delete.html", title=f"Delete {interview.company}?",
                  interview=interview, version=versions.version_of(interview))  # fmt: skip


@router.post("/interviews/{interview_id}/delete", response_class=HTMLResponse)
@one_at_a_time
def delete(request: Request, interview_id: str, form: Form) -> Response:
    tracker = tracker_of(request)
    if form.get("confirm") != "on":
        raise InputError("confirm", "tick the box to confirm the deletion")
    versions.delete(tracker, interview_id, form.get("version"))
    return see_other("/interviews", "deleted")


def _choice(kind: Any, value: str | None, field: str) -> Any:
    """An enum member from a form's value, or the CLI's kind of message."""
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise InputError(field, f"must be one of {allowed} (got {value!r})") from None


__all__ = ["FollowupError", "Form", "error_page", "form_of", "one_at_a_time", "router"]
