"""Safe by default on a laptop: the server's own Host only, no cross-site writes, a strict CSP.

One ASGI middleware, in front of everything, so no route can forget it:

- a request whose Host header names another host is refused (421): a page on an attacker's
  domain that resolves to 127.0.0.1 (DNS rebinding) cannot read or drive the app;
- a state-changing request (POST, PUT, PATCH, DELETE) whose `Origin` is not the server's own,
  or whose `Sec-Fetch-Site` says another site sent it, is refused (403);
- a state-changing API call with a body must be JSON or CSV, which a cross-site page cannot
  send without a CORS preflight this server never grants; the pages' forms carry a token
  (`check_form_token`);
- every response carries a strict Content-Security-Policy and its companions.
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from followup.domain import safejson
from followup.domain.errors import FollowupError, InputError
from followup.domain.safejson import MAX_BYTES

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: Content types an API write may carry: none of them can be sent cross-site without a preflight.
API_BODY_TYPES = ("application/json", "text/csv")
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class ForbiddenRequest(FollowupError):
    """A request refused for safety: a foreign Host, another site's write, a missing token."""

    def __init__(self, status: int, code: str, why: str) -> None:
        self.status = status
        self.code = code
        self.why = why
        super().__init__(why)


def host_name(value: str) -> str:
    """The host of a Host header or an origin's netloc, without port or IPv6 brackets;
    "" for anything malformed (`[::1]evil.com`, `[::1`, a port that is not digits)."""
    value = value.strip().lower()
    if value.startswith("["):
        inside, bracket, rest = value[1:].partition("]")
        if not bracket or (rest and not _port(rest)):
            return ""
        return inside
    if value.count(":") == 1:
        name, _, port = value.partition(":")
        return name if _port(":" + port) else ""
    return value


def _port(text: str) -> bool:
    """`:8765`: a colon and 1 to 5 ASCII digits."""
    return text[:1] == ":" and 1 < len(text) <= 6 and text[1:].isascii() and text[1:].isdigit()


#: Request bodies larger than this are refused with 413 (docs/security.md, limits).
MAX_BODY = MAX_BYTES
#: Where `GuardMiddleware` leaves a write's body for the route, raw and (for JSON) parsed.
BODY, PARSED = "followup.body", "followup.json"
NOTHING = object()


def new_token() -> str:
    """A fresh random token (forms' CSRF token, the calendar feed's secret)."""
    return secrets.token_urlsafe(24)


def same_token(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


class Guard:
    """What the middleware allows: the server's host names, and the pages' form token."""

    def __init__(self, hosts: Iterable[str] = (), form_token: str | None = None) -> None:
        self.hosts = LOOPBACK_NAMES | {host_name(h) for h in hosts if h}
        self.form_token = form_token or new_token()

    def check(self, method: str, path: str, headers: dict[str, str]) -> None:
        """Raise `ForbiddenRequest` unless this request may reach the app."""
        if host_name(headers.get("host", "")) not in self.hosts:
            raise ForbiddenRequest(421, "foreign-host", "this server answers only to its own name")
        if method not in UNSAFE_METHODS:
            return
        site = headers.get("sec-fetch-site")
        if site is not None and site not in ("same-origin", "none"):
            raise ForbiddenRequest(403, "cross-site", "a request from another site was refused")
        origin = headers.get("origin")
        if origin is not None and not self._own_origin(origin, headers.get("host", "")):
            raise ForbiddenRequest(403, "cross-site", "a request from another origin was refused")

    def check_body(self, path: str, headers: dict[str, str], body: bytes) -> None:
        """An API write's body must be JSON or CSV (none at all does nothing: every write
        needs one, and the router may answer 405 for the method)."""
        if path.startswith("/api/") and body.strip():
            kind = headers.get("content-type", "").split(";")[0].strip().lower()
            if kind not in API_BODY_TYPES:
                raise ForbiddenRequest(
                    415, "unsupported-media-type", "send the body as application/json"
                )

    def _own_origin(self, origin: str, host: str) -> bool:
        """Same origin: the page that sent it was served by this server (host and port)."""
        parts = urlsplit(origin)
        return parts.scheme in ("http", "https") and parts.netloc.lower() == host.strip().lower()

    def check_form_token(self, given: str | None) -> None:
        """A page's form must return the token it was rendered with."""
        if not same_token(given, self.form_token):
            raise ForbiddenRequest(
                403, "csrf", "the form is out of date or came from elsewhere; reload the page"
            )


class GuardMiddleware:
    """Applies `Guard` to every HTTP request and adds the security headers to every response."""

    def __init__(self, app: ASGIApp, guard: Guard) -> None:
        self.app = app
        self.guard = guard

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        try:
            self.guard.check(scope["method"], scope["path"], headers)
        except ForbiddenRequest as refused:
            await _refuse(send, refused)
            return
        if scope["method"] in UNSAFE_METHODS:
            try:
                body = await read_body(receive, headers)
                self.guard.check_body(scope["path"], headers, body)
                scope[BODY] = body
                if scope["path"].startswith("/api/") and _is_json(headers):
                    scope[PARSED] = check_json(body)
            except ForbiddenRequest as refused:
                await _refuse(send, refused)
                return
            except InputError as bad:
                await _send_json(send, 422, error_body(422, "input", str(bad), bad.field))
                return
            receive = _replay(body, receive)

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_secured)


def error_body(status: int, code: str, message: str, field: str | None = None) -> dict[str, Any]:
    """The one JSON error shape of the whole server."""
    return {"error": {"status": status, "code": code, "message": message, "field": field}}


async def read_body(receive: Receive, headers: dict[str, str]) -> bytes:
    """The whole request body, refused with 413 past `MAX_BODY` (by its Content-Length
    before reading, or as it arrives when it has none)."""
    too_big = ForbiddenRequest(
        413, "too-large", f"the request body is larger than {MAX_BODY // (1024 * 1024)} MB"
    )
    declared = headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > MAX_BODY:
        raise too_big
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            raise too_big
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def check_json(body: bytes) -> Any:
    """`body` parsed, once, for the route (`posted`), or `InputError` on it (or the field
    inside it) for JSON the framework's plain `json.loads` must not read: invalid UTF-8, deep
    nesting, huge numbers, lone surrogates (`followup.domain.safejson`). `NOTHING` for an
    empty body."""
    if not body.strip():
        return NOTHING  # the route says what it needed
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError("body", f"is not UTF-8 (byte {error.start})") from None
    value = safejson.loads(text, "body")
    safejson.check_tree(value, "body")
    return value


def posted(scope: Scope) -> Any:
    """The JSON body `GuardMiddleware` read and checked, or `InputError` when there was none
    (or it was not sent as application/json)."""
    value = scope.get(PARSED, NOTHING)
    if value is NOTHING:
        raise InputError("body", "required: a JSON object sent as application/json")
    return value


def posted_bytes(scope: Scope) -> bytes:
    """The raw body `GuardMiddleware` read (b"" for a safe method)."""
    body: bytes = scope.get(BODY, b"")
    return body


def _is_json(headers: dict[str, str]) -> bool:
    return headers.get("content-type", "").split(";")[0].strip().lower() == "application/json"


def _replay(body: bytes, original: Receive) -> Receive:
    """A `receive` that hands the app the body already read, then the client's own messages
    (its disconnect)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await original()

    return receive


async def _refuse(send: Send, refused: ForbiddenRequest) -> None:
    await _send_json(send, refused.status, error_body(refused.status, refused.code, refused.why))


async def _send_json(send: Send, status: int, obj: dict[str, Any]) -> None:
    body = json.dumps(obj).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status,
                "headers": headers + SECURITY_HEADERS})  # fmt: skip
    await send({"type": "http.response.body", "body": body})
