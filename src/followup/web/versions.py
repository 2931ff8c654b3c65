"""Guarding updates against lost edits, and the calendar feed's secret.

An interview's version is a fingerprint of its whole stored object (attempts included), sent
as the ETag; an update names the version it was based on and fails with `ConflictError` (409)
when the interview changed since. The check and the write hold the store's lock together, so
no other request of this server (the API's run in a thread pool) writes between them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from followup.domain.codec import interview_to_dict
from followup.domain.errors import ConflictError
from followup.domain.model import Interview, InterviewStatus
from followup.services.tracker import Tracker
from followup.web.errors import SEND_THE_VERSION, PreconditionRequired
from followup.web.security import new_token

FEED_STAMP = "calendar_feed_token"
FORM_STAMP = "web_form_token"


def version_of(interview: Interview) -> str:
    """A short fingerprint of everything stored about the interview."""
    text = json.dumps(interview_to_dict(interview), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def etag(interview: Interview) -> str:
    return f'"{version_of(interview)}"'


def expect_version(tracker: Tracker, interview_id: str, version: str | None) -> Interview:
    """The stored interview, if it is still at `version` (an ETag or its bare value)."""
    if not version:
        raise PreconditionRequired(SEND_THE_VERSION)
    current = tracker.interview(interview_id)
    wanted = {v.strip().removeprefix("W/").strip('"') for v in version.split(",")}
    if version.strip() != "*" and version_of(current) not in wanted:
        raise ConflictError(
            f"{interview_id} changed since you opened it; reload it and apply your change again"
        )
    return current


def edit(tracker: Tracker, interview_id: str, changes: Mapping[str, Any], version: str | None
         ) -> Interview:  # fmt: skip
    """`Tracker.edit`, if nobody changed the interview since `version`."""
    with tracker.store.lock:
        expect_version(tracker, interview_id, version)
        return tracker.edit(interview_id, changes)


def set_status(tracker: Tracker, interview_id: str, status: InterviewStatus, version: str | None
               ) -> Interview:  # fmt: skip
    """`Tracker.set_status`, if nobody changed the interview since `version`."""
    with tracker.store.lock:
        expect_version(tracker, interview_id, version)
        return tracker.set_status(interview_id, status)


def form_token(tracker: Tracker) -> str:
    """The pages' form token, kept in the store so open pages survive a restart of the server."""
    with tracker.store.unit_of_work(write=False) as repo:
        token = repo.stamp(FORM_STAMP)
    if token is None:
        token = new_token()
        with tracker.store.unit_of_work() as repo:
            repo.set_stamp(FORM_STAMP, token)
    return token


def feed_token(tracker: Tracker) -> str:
    """The calendar feed's secret, made on first use and kept in the store."""
    with tracker.store.unit_of_work(write=False) as repo:
        token = repo.stamp(FEED_STAMP)
    return token or revoke_feed_token(tracker)


def revoke_feed_token(tracker: Tracker) -> str:
    """Replace the feed's secret: every subscribed calendar loses access; returns the new one."""
    token = new_token()
    with tracker.store.unit_of_work() as repo:
        repo.set_stamp(FEED_STAMP, token)
    return token
