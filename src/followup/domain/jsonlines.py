"""Reading interview objects from text: one JSON object, a JSON array, or JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

import orjson

from followup.domain import safejson
from followup.domain.errors import InputError, InputErrors

T = TypeVar("T")
MAX_REPORTED = 50


def read_objects(text: str) -> list[tuple[int, Any]]:
    """`(line number, object)` pairs. A single object or array is at line 1 (array items are
    numbered by position); JSON Lines are numbered by line, blank lines skipped."""
    if not text.strip():
        raise InputErrors([InputError("input", "is empty: expected an interview object", 1)])
    try:
        whole = safejson.decode(text)
    except json.JSONDecodeError:
        return _json_lines(text)
    except InputError as error:
        raise InputErrors([error.at_line(1)]) from None
    if isinstance(whole, list):
        return [(n, item) for n, item in enumerate(whole, start=1)]
    return [(1, whole)]


def _json_lines(text: str) -> list[tuple[int, Any]]:
    objects, errors = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = orjson.loads(line)  # 2-3x json.loads on the batch path
        except orjson.JSONDecodeError as error:
            errors.append(
                InputError("", f"not valid JSON ({error.msg}, column {error.colno})", number)
            )
            continue
        # orjson itself refuses lone surrogates, nesting past 1,024 and over-long numbers.
        objects.append((number, obj))
    if errors:
        raise InputErrors(errors[:MAX_REPORTED])
    return objects


def parse_all(pairs: list[tuple[int, Any]], parse: Callable[[Any], T]) -> list[T]:
    """Parse every object, collecting one error per bad line; raise them all together."""
    results, errors = [], []
    for number, obj in pairs:
        try:
            results.append(parse(obj))
        except InputError as error:
            errors.append(error.at_line(number))
    if errors:
        extra = len(errors) - MAX_REPORTED
        shown = errors[:MAX_REPORTED]
        if extra > 0:
            shown.append(InputError("", f"... and {extra} more invalid lines"))
        raise InputErrors(shown)
    return results
