"""A page's data as JSON: what `render` answers instead of HTML when a page's JSON twin
(`followup.web.twins`) asked for it, domain objects in the API's shapes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from enum import Enum
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

from followup.domain.codec import attempt_to_dict, interview_to_dict, plan_to_dict
from followup.domain.model import Attempt, Interview, Plan

#: The request scope's key that asks `render` for JSON.
AS_JSON = "followup.as_json"
#: What a template gets that is not the page's data.
PLUMBING = frozenset({"request", "csrf_token"})


def wants_json(request: Request) -> bool:
    return bool(request.scope.get(AS_JSON))


def page_json(status: int, context: Mapping[str, Any]) -> JSONResponse:
    """A page's context as JSON (what `render` answers for a twin)."""
    data = {key: plain(value) for key, value in context.items() if key not in PLUMBING}
    return JSONResponse(data, status_code=status)


def plain(value: Any) -> Any:
    """`value` in JSON's terms: domain objects in the API's shapes, others field by field."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Interview):
        return interview_to_dict(value)
    if isinstance(value, Plan):
        return plan_to_dict(value)
    if isinstance(value, Attempt):
        return attempt_to_dict(value)
    totals = getattr(value, "totals", None)
    for method in ("to_dict", "as_dict"):
        if callable(getattr(value, method, None)):
            obj = getattr(value, method)()
            return plain(obj | {"totals": totals} if isinstance(totals, dict) else obj)
    if isinstance(value, Mapping):  # a function (a setting's validator) is not data
        return {str(key): plain(item) for key, item in value.items() if not callable(item)}
    if hasattr(value, "_asdict"):
        return plain(value._asdict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(item) for item in value if not callable(item)]
    return str(value)
