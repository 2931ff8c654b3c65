"""Reading what commands are given: a file or standard input, one interview, a date.

One place, so that every command words its input errors the same way.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from followup.context import Env
from followup.domain.codec import interview_from_dict, parse_date
from followup.domain.errors import InputError
from followup.domain.model import Interview


def read_text(env: Env, source: str, field: str) -> str:
    """The text of `source`: a file path, or `-` for standard input; errors name `field`."""
    if source == "-":
        return env.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(field, f"no such file: {source}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(field, f"cannot read {source} ({error})") from None


def read_interview(env: Env, source: str, field: str) -> Interview:
    """The one interview object in `source`; errors name `field`, the file and the field."""
    try:
        obj: Any = json.loads(read_text(env, source, field))
    except json.JSONDecodeError as error:
        raise InputError(field, f"{source} is not one JSON interview object ({error})") from None
    try:
        return interview_from_dict(obj)
    except InputError as error:
        raise InputError(f"{field} {source}: {error.field}", error.why) from None


def parse_today(value: str | None) -> dt.date | None:
    """`--today YYYY-MM-DD`, checked; None when not given."""
    return None if value is None else parse_date(value, "--today")
