"""The web app's factory: `create_app(env=..., db=...)` builds a fresh app, never at import.

    app = create_app(Env(), db="followup.db")     # what `followup serve` runs

Every route is a thin adapter over the tracker's services (`followup.services`): the pages
render them as HTML (Jinja2, htmx fragments), the API under /api/v1 as JSON. Handlers that
touch the store are plain functions run in the framework's thread pool (a form is read by a
small async dependency); the store's connection serves one transaction at a time, and an
update's version is checked inside the write it guards.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from followup import __version__
from followup.context import Env
from followup.domain.errors import FollowupError
from followup.services.tracker import Tracker
from followup.web import api, feed, pages, pages_forms, pages_tools, twins, versions
from followup.web.cache import StoreCache
from followup.web.errors import http_status, validation_error
from followup.web.schema import describe_bodies
from followup.web.security import ForbiddenRequest, Guard, GuardMiddleware, error_body
from followup.web.state import WebState, state_of

HERE = Path(__file__).parent
#: Seconds a client is told to wait after a 503 (the store busy or read-only).
RETRY_AFTER = 5
#: How long a write of the web app waits for another program's write lock (milliseconds).
WEB_BUSY_TIMEOUT_MS = 1000


def create_app(
    env: Env | None = None,
    db: str | Path | None = None,
    *,
    hosts: Iterable[str] = (),
    tracker: Tracker | None = None,
) -> FastAPI:
    """A new app over the user's store (`db`, else FOLLOWUP_DB, else the data directory).

    `hosts` adds names the server answers to besides loopback (e.g. a LAN name).
    """
    env = env or Env()
    tracker = tracker or Tracker.open(env, db)
    # One event loop serves every request: a write waiting on another program's lock must
    # not hold up /ping and the reads for the CLI's 30 s; past this it is a 503.
    tracker.store.wait_for_locks(WEB_BUSY_TIMEOUT_MS)
    app = FastAPI(
        title="Followup",
        version=__version__,
        summary="When, how and what to follow up after a job interview.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    guard = Guard(hosts, form_token=versions.form_token(tracker))
    app.state.web = WebState(tracker, env, guard, StoreCache(tracker))
    _routes(app)
    _errors(app)
    describe_bodies(app)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(GuardMiddleware, guard=app.state.web.guard)
    return app


def _routes(app: FastAPI) -> None:
    app.include_router(api.router)
    app.include_router(feed.router)
    app.include_router(twins.router)  # before pages: /interviews/ID.json is not an id
    app.include_router(pages_forms.router)  # before pages: /interviews/new is not an id
    app.include_router(pages.router)
    app.include_router(pages_tools.router)

    @app.get("/ping", include_in_schema=False)
    async def ping() -> Response:
        """The trivial endpoint benchmarks compare against."""
        return Response("ok", media_type="text/plain")


def _errors(app: FastAPI) -> None:
    @app.exception_handler(FollowupError)
    async def followup_error(request: Request, error: Exception) -> Response:
        status, code, field, message = http_status(error)
        # The store's own failure (locked, read-only): a moment later may well work.
        headers = {"Retry-After": str(RETRY_AFTER)} if status == 503 else None
        if _wants_html(request):
            page = pages.error_page(request, status, message)
            page.headers.update(headers or {})
            return page
        body = error_body(status, code, message, field)
        return JSONResponse(body, status_code=status, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: Exception) -> Response:
        assert isinstance(error, RequestValidationError)
        status, code, field, message = http_status(validation_error(list(error.errors())))
        return JSONResponse(error_body(status, code, message, field), status_code=status)

    @app.exception_handler(Exception)
    async def crashed(request: Request, error: Exception) -> Response:
        """A bug: the same error shape (the traceback goes to the server's log)."""
        message = "something went wrong inside Followup; the server's log has the details"
        if _wants_html(request):
            return pages.error_page(request, 500, message)
        return JSONResponse(error_body(500, "internal", message), status_code=500)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        code = "not-found" if error.status_code == 404 else "http"
        if error.status_code == 405:
            given = (error.headers or {}).get("Allow", "")
            error.headers = {"Allow": _allowed_methods(app, request, given)}
        if _wants_html(request):
            return pages.error_page(request, error.status_code, str(error.detail))
        body = error_body(error.status_code, code, str(error.detail))
        return JSONResponse(body, status_code=error.status_code, headers=error.headers)


def _allowed_methods(app: FastAPI, request: Request, given: str) -> str:
    """Every method the OpenAPI document has at the request's path, and those the router
    `given` (it names only the first matching route's)."""
    from starlette.routing import compile_path

    methods = {method.strip() for method in given.split(",") if method.strip()}
    for path, operations in app.openapi()["paths"].items():
        if compile_path(path)[0].match(request.url.path):
            methods |= {method.upper() for method in operations}
    return ", ".join(sorted(methods))


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not path.startswith(("/api/", "/calendar/")) and not path.endswith(".json")


__all__ = ["ForbiddenRequest", "WebState", "create_app", "state_of"]
