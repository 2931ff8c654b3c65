"""Reading what commands are given: a file or standard input, one interview, a date.

One place, so that every command words its input errors the same way.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from followup.context import Env
from followup.domain import safejson
from followup.domain.codec import interview_from_dict, parse_date
from followup.domain.errors import InputError
from followup.domain.model import Interview
from followup.files import read_text_file


def read_text(env: Env, source: str, field: str) -> str:
    """The text of `source`: a file path, or `-` for standard input; errors name `field`."""
    if source == "-":
        text = env.stdin.read(safejson.MAX_BYTES + 1)
        safejson.check_size(len(text), field)
        return text
    return read_text_file(source, field)


def read_interview(env: Env, source: str, field: str) -> Interview:
    """The one interview object in `source`; errors name `field`, the file and the field."""
    try:
        obj: Any = safejson.decode(read_text(env, source, field), field)
    except json.JSONDecodeError as error:
        raise InputError(field, f"{source} is not one JSON interview object ({error})") from None
    try:
        return interview_from_dict(obj)
    except InputError as error:
        raise InputError(f"{field} {source}: {error.field}", error.why) from None


def parse_today(value: str | None) -> dt.date | None:
    """`--today YYYY-MM-DD`, checked; None when not given."""
    return None if value is None else parse_date(value, "--today")
