"""Answers that only change when the store, the day or the settings change: the agenda, the
Today page, the interview list and each interview's page, computed once and served again
until what they depend on moves.

What an answer depends on, checked on every request, cheaply:

- the store's change token (`Store.change_token`): it moves with every commit, by this
  server or by the CLI at the same time; a value of the store, not of its files, so another
  backend can provide it too (PostgreSQL's answers None for now: nothing is kept there);
- the user's today (a new day re-plans), their settings, and the policy file (its name and
  its file's status: an edited policy recomputes every plan).

An answer about one interview (its page) also names the interview: after a write it is
checked against that interview's stored revision (one indexed read) and kept if the write
was about another interview, so logging a follow-up re-renders only that interview's page.
At most `MAX_ENTRIES` answers are kept, the least recently used dropped first.

Pages and JSON kept here are served as `Body`: the bytes, and their gzip form made once, the
first time a client asks for it (every browser does). Compressing a kept answer is safe from
BREACH-style guessing because a kept answer reflects nothing of the request that fetches it.
"""

from __future__ import annotations

import gzip
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import NamedTuple, TypeVar

from starlette.requests import Request
from starlette.responses import Response

from followup.services.planning import policy_file
from followup.services.tracker import Tracker

T = TypeVar("T")
#: Answers kept at most: the pages of the interviews in use, a few agendas and lists.
MAX_ENTRIES = 256


#: gzip's level for kept answers: compressed once per change, so the smallest worth having.
GZIP_LEVEL = 9


class Body:
    """A kept response body, and its gzip form, made when first asked for."""

    __slots__ = ("_gzipped", "raw")

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self._gzipped: bytes | None = None

    def gzipped(self) -> bytes:
        if self._gzipped is None:
            self._gzipped = gzip.compress(self.raw, GZIP_LEVEL, mtime=0)
        return self._gzipped


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an `Accept-Encoding` header allows gzip: named, else by `*`, with a weight
    above 0 (`gzip;q=0` refuses it)."""
    weights: dict[str, float] = {}
    for coding in accept_encoding.lower().split(","):
        name, _, params = coding.partition(";")
        quality = params.strip().removeprefix("q=").strip() if "q=" in params else "1"
        try:
            weights.setdefault(name.strip(), float(quality))
        except ValueError:
            weights.setdefault(name.strip(), 0.0)
    return weights.get("gzip", weights.get("*", 0.0)) > 0


def body_response(request: Request, body: Body, media_type: str, vary: str = "") -> Response:
    """`body` as the response, gzip-compressed when the client accepts it."""
    headers = {"Vary": ", ".join(filter(None, ("Accept-Encoding", vary)))}
    if accepts_gzip(request.headers.get("accept-encoding", "")):
        headers["Content-Encoding"] = "gzip"
        return Response(body.gzipped(), media_type=media_type, headers=headers)
    return Response(body.raw, media_type=media_type, headers=headers)


class _Entry(NamedTuple):
    context: Hashable  # the day, the settings, the policy
    token: Hashable  # the store's change token when the answer was (last) known current
    value: object
    revision: tuple[int, int] | None  # the interview's stored revision, for its answers
    clock: Hashable


class StoreCache:
    """Remembers computed answers, each until the store, day, settings or policy change."""

    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker
        self.entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        # Handlers run in the framework's thread pool: one request at a time reads or
        # changes the kept answers (building one included, so it is built once).
        self.lock = threading.RLock()
        self.policy_setting: str | None = None
        self.policy_path = ""

    def context(self) -> Hashable:
        """What every answer depends on besides the store: day, settings, policy file."""
        settings = self.tracker.settings
        if settings.policy != self.policy_setting or not self.policy_path:
            self.policy_path = str(policy_file(settings.policy))
            self.policy_setting = settings.policy
        try:
            status = os.stat(self.policy_path)
            policy: Hashable = (status.st_mtime_ns, status.st_size, status.st_ino)
        except OSError:
            policy = None
        return (self.tracker.today(), settings, settings.policy, policy)

    def get(
        self,
        name: Hashable,
        build: Callable[[], T],
        *,
        interview: str | None = None,
        clock: Hashable = None,
    ) -> T:
        """The answer named `name`, built again only if what it depends on changed.

        `interview`: the answer is about that interview only (a write to another keeps it).
        `clock`: anything else it shows that moves with time (e.g. the quarter hour).
        """
        with self.lock:
            return self._get(name, build, interview, clock)

    def _get(self, name: Hashable, build: Callable[[], T], interview: str | None,
             clock: Hashable) -> T:  # fmt: skip
        context, token = self.context(), self.tracker.store.change_token()
        if token is None:  # the store cannot tell what changed (PostgreSQL): build afresh
            return build()
        entry = self._kept_entry(name, context, clock)
        if entry is not None:
            if entry.token == token:
                self.entries.move_to_end(name)
                return entry.value  # type: ignore[return-value]
            if interview is not None and entry.revision == self._revision(interview):
                self.entries[name] = entry._replace(token=token)
                self.entries.move_to_end(name)
                return entry.value  # type: ignore[return-value]
        # Keyed on what was read before building: a commit while it builds (another
        # program's, or its own re-planning of stale plans) makes the next request build again.
        revision = None if interview is None else self._revision(interview)
        value = build()
        self.entries[name] = _Entry(context, token, value, revision, clock)
        self.entries.move_to_end(name)
        while len(self.entries) > MAX_ENTRIES:
            self.entries.popitem(last=False)
        return value

    def kept(self, name: Hashable, *, clock: Hashable = None) -> object | None:
        """The answer `name` if it is kept and still current, else None; it never builds and
        never waits (for the event loop: a miss, or the cache or store busy in another thread,
        is answered in the thread pool instead, through `get`)."""
        if not self.lock.acquire(blocking=False):
            return None
        try:
            store_lock = self.tracker.store.lock
            if not store_lock.acquire(blocking=False):
                return None
            try:
                context, token = self.context(), self.tracker.store.change_token()
            finally:
                store_lock.release()
            entry = self._kept_entry(name, context, clock)
            if token is None or entry is None or entry.token != token:
                return None
            self.entries.move_to_end(name)
            return entry.value
        finally:
            self.lock.release()

    def _kept_entry(self, name: Hashable, context: Hashable, clock: Hashable) -> _Entry | None:
        """The entry `name` if it was kept for this day, settings, policy and clock."""
        entry = self.entries.get(name)
        if entry is None or entry.context != context or entry.clock != clock:
            return None
        return entry

    def kept_response(self, request: Request, name: Hashable, media_type: str, *,
                      vary: str = "", clock: Hashable = None) -> Response | None:  # fmt: skip
        """The kept answer `name` as a response (see `kept`), or None to build it."""
        body = self.kept(name, clock=clock)
        return body_response(request, body, media_type, vary) if isinstance(body, Body) else None

    def response(
        self,
        request: Request,
        name: Hashable,
        build: Callable[[], bytes],
        media_type: str,
        *,
        vary: str = "",
        interview: str | None = None,
        clock: Hashable = None,
    ) -> Response:
        """The kept answer `name` (see `get`) as a response, gzip-compressed if accepted."""
        body = self.get(name, lambda: Body(build()), interview=interview, clock=clock)
        return body_response(request, body, media_type, vary)

    def _revision(self, interview_id: str) -> tuple[int, int] | None:
        with self.tracker.unit_of_work(write=False) as repo:
            return repo.revision(interview_id)
