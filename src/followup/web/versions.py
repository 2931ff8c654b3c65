"""Guarding updates against lost edits, and the calendar feed's secret.

An interview's version is the store's: 1 when added, one more with every change (attempts
included). It is sent as the ETag; an update names the version it was based on (If-Match,
or the form's hidden field) and the tracker writes only if the stored interview is still at
that version, checking in the same statement that writes. Otherwise `ConflictError` (409).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from followup.domain.errors import ConflictError
from followup.domain.model import Interview, InterviewStatus
from followup.services.tracker import Tracker
from followup.web.errors import SEND_THE_VERSION, PreconditionRequired
from followup.web.security import new_token

FEED_STAMP = "calendar_feed_token"
FORM_STAMP = "web_form_token"


def version_of(interview: Interview) -> str:
    """The stored version, as the pages' hidden field carries it."""
    return str(interview.version or 0)


def etag(interview: Interview) -> str:
    return f'"{version_of(interview)}"'


def expected(tracker: Tracker, interview_id: str, version: str | None) -> int | None:
    """The version an update must find, from If-Match (one or more ETags, or `*` for any)
    or a form's field; `PreconditionRequired` without one, `ConflictError` if none of them
    can be the stored interview's."""
    if not version or not version.strip():
        raise PreconditionRequired(SEND_THE_VERSION)
    if version.strip() == "*":
        return None
    wanted = {v.strip().removeprefix("W/").strip('"') for v in version.split(",")}
    numbers = sorted({int(v) for v in wanted if v.isascii() and v.isdigit() and len(v) < 19})
    if len(numbers) == 1:
        return numbers[0]
    current = tracker.interview(interview_id).version or 0
    if current in numbers:
        return current  # still checked by the write, so a change in between is caught
    raise ConflictError(
        f"{interview_id} changed since you opened it (now version {current}): "
        "nothing was changed; reload it and apply your change again"
    )


def edit(tracker: Tracker, interview_id: str, changes: Mapping[str, Any], version: str | None
         ) -> Interview:  # fmt: skip
    """`Tracker.edit`, if nobody changed the interview since `version`."""
    wanted = expected(tracker, interview_id, version)
    return tracker.edit(interview_id, changes, expected_version=wanted)


def set_status(tracker: Tracker, interview_id: str, status: InterviewStatus, version: str | None
               ) -> Interview:  # fmt: skip
    """`Tracker.set_status`, if nobody changed the interview since `version`."""
    wanted = expected(tracker, interview_id, version)
    return tracker.set_status(interview_id, status, expected_version=wanted)


def delete(tracker: Tracker, interview_id: str, version: str | None) -> None:
    """`Tracker.delete`, if nobody changed the interview since `version`."""
    tracker.delete(interview_id, expected_version=expected(tracker, interview_id, version))


def form_token(tracker: Tracker) -> str:
    """The pages' form token, kept in the store so open pages survive a restart of the server."""
    with tracker.unit_of_work(write=False) as repo:
        token = repo.stamp(FORM_STAMP)
    if token is None:
        token = new_token()
        with tracker.unit_of_work() as repo:
            repo.set_stamp(FORM_STAMP, token)
    return token


def feed_token(tracker: Tracker) -> str:
    """The calendar feed's secret, made on first use and kept in the store."""
    with tracker.unit_of_work(write=False) as repo:
        token = repo.stamp(FEED_STAMP)
    return token or revoke_feed_token(tracker)


def revoke_feed_token(tracker: Tracker) -> str:
    """Replace the feed's secret: every subscribed calendar loses access; returns the new one."""
    token = new_token()
    with tracker.unit_of_work() as repo:
        repo.set_stamp(FEED_STAMP, token)
    return token
