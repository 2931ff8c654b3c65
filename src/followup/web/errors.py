"""The one place the web maps the core's errors to HTTP statuses (the CLI's exit 2 is a 4xx)."""

from __future__ import annotations

from typing import Any

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
    # An input error without a field is about the request's body as a whole ("must be an
    # object, got null"): the body is the field it names.
    if isinstance(error, InputError):
        return 422, "input", error.field or "body", str(error)
    if isinstance(error, InputErrors):
        first = error.errors[0] if error.errors else None
        return 422, "input", (first.field if first else "") or "body", str(error)
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


#: What an update without `If-Match` is told (428).
SEND_THE_VERSION = "send the version you edited (If-Match: the ETag you read) so no edit is lost"


def validation_error(details: list[Any]) -> FollowupError:
    """The framework's first validation error in the codec's words (`channel: must be …`);
    a missing `If-Match` is `PreconditionRequired` (428)."""
    first: dict[str, Any] = details[0] if details else {}
    location = [str(part) for part in first.get("loc", ())[1:]]
    field = ".".join(location) or "body"
    kind = first.get("type", "")
    if kind == "missing" and tuple(first.get("loc", ())) == ("header", "if-match"):
        return PreconditionRequired(SEND_THE_VERSION)
    if kind == "missing":
        return InputError(field, "required")
    if kind == "enum":
        expected = str(first.get("ctx", {}).get("expected", ""))
        choices = expected.replace("'", "").replace(" or ", ", ")
        return InputError(field, f"must be one of {choices} (got {first.get('input')!r})")
    if kind == "json_invalid":
        return InputError("body", "is not valid JSON")
    message = str(first.get("msg", "is invalid"))
    return InputError(field, message[:1].lower() + message[1:])
