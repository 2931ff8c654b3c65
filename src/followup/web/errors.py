"""The one place the web maps the core's errors to HTTP statuses (the CLI's exit 2 is a 4xx)."""

from __future__ import annotations

from followup.domain.errors import (
    ConflictError,
    FollowupError,
    InputError,
    InputErrors,
    NotFoundError,
    PolicyError,
)
from followup.store import StoreError
from followup.web.security import ForbiddenRequest


class PreconditionRequired(FollowupError):
    """An update sent without the version it was based on (If-Match)."""


def http_status(error: Exception) -> tuple[int, str, str | None, str]:
    """(status, code, field, message) for an error; the message is the CLI's, word for word."""
    if isinstance(error, InputError):
        return 422, "input", error.field or None, str(error)
    if isinstance(error, InputErrors):
        first = error.errors[0] if error.errors else None
        return 422, "input", first.field if first else None, str(error)
    if isinstance(error, NotFoundError):
        return 404, "not-found", None, str(error)
    if isinstance(error, ConflictError):
        return 409, "conflict", None, str(error)
    if isinstance(error, PreconditionRequired):
        return 428, "precondition-required", None, str(error)
    if isinstance(error, ForbiddenRequest):
        return error.status, error.code, None, error.why
    if isinstance(error, PolicyError):
        return 500, "policy", None, str(error)
    if isinstance(error, StoreError):
        return 503, "store", None, str(error)
    return 400, "error", None, str(error)
