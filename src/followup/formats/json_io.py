"""The contract's interview objects as a JSON array or as JSON Lines, in and out.

Export then import gives back the same data, attempts included; export is byte-stable.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from followup.domain import safejson
from followup.domain.codec import interview_from_dict
from followup.domain.errors import InputError
from followup.formats import Located, at_row


def read_interviews(text: str) -> list[Located]:
    """Interviews from a JSON array (`row N` in errors) or JSON Lines (`line N`)."""
    stripped = text.lstrip()
    safejson.check_size(len(text), "FILE")
    if stripped.startswith("["):
        try:
            items = safejson.decode(text, "FILE")
        except json.JSONDecodeError as error:
            raise InputError("", f"not valid JSON: {error.msg} (line {error.lineno})") from None
        return [_interview(item, f"row {n}") for n, item in enumerate(items, start=1)]
    located = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = safejson.decode(line, "")
        except json.JSONDecodeError as error:
            raise InputError(f"line {number}", f"not valid JSON ({error.msg})") from None
        except InputError as error:
            raise at_row(error, f"line {number}") from None
        located.append(_interview(item, f"line {number}"))
    return located


def _interview(item: Any, where: str) -> Located:
    try:
        return where, interview_from_dict(item)
    except InputError as error:
        raise at_row(error, where) from None


def write_interviews(objects: Iterable[dict[str, Any]], *, lines: bool = False) -> str:
    """A JSON array (indented, one interview per block) or JSON Lines."""
    if lines:
        return "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in objects)
    return json.dumps(list(objects), ensure_ascii=False, indent=2) + "\n"
