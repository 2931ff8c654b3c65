"""The calendar feed: `/calendar/TOKEN.ics`, for a calendar program to subscribe to.

The token is a secret kept in the store; Settings can revoke it (a new link replaces it).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from followup.domain.errors import NotFoundError
from followup.web.pages import one_at_a_time
from followup.web.security import same_token
from followup.web.state import state_of
from followup.web.transfer import export_response
from followup.web.versions import feed_token

router = APIRouter(include_in_schema=False)


@router.get("/calendar/{token}.ics")
@one_at_a_time
def calendar_feed(request: Request, token: str) -> Response:
    """Due and upcoming steps, for a calendar subscription (the token must be current)."""
    tracker = state_of(request).tracker
    if not same_token(token, feed_token(tracker)):
        raise NotFoundError("no such calendar feed (it may have been revoked in Settings)")
    return export_response(tracker, "ics", attachment=False)
