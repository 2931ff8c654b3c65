"""JSON from untrusted text: bounded in size, depth and number length, valid Unicode only.

`json.loads` alone turns hostile input into crashes: 100,000 nested brackets raise
`RecursionError`, a 5,000-digit number `ValueError` (CPython's integer digit limit), and
`"\\ud800"` becomes a lone surrogate that no UTF-8 file or database can store. `loads` refuses
all three with an `InputError` naming the field (the path inside the document where it can).
"""

from __future__ import annotations

import json
import re
from typing import Any

from followup.domain.errors import InputError

#: The largest input file or request body read (a career centre's 10,000 interviews fit
#: many times over); docs/security.md.
MAX_BYTES = 50 * 1024 * 1024
#: The deepest nesting any contract object needs is 3 (interviewers[0].name); leave room.
MAX_DEPTH = 32
#: The longest integer any field needs (days, limits) has a few digits.
MAX_DIGITS = 30


class HugeNumber:
    """An integer literal too long to be meant: the codec reports it on its field."""

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"<a number of {self.digits} digits>"


#: A `\uD800`-`\uDFFF` escape: the only way JSON text spells a lone surrogate.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
TOO_DEEP = f"is nested too deeply (at most {MAX_DEPTH} levels)"


def integer(text: str) -> int | HugeNumber:
    """`json.loads`'s `parse_int`: an int, or a `HugeNumber` past `MAX_DIGITS` digits."""
    return int(text) if len(text) <= MAX_DIGITS else HugeNumber(len(text))


def check_size(size: int, field: str) -> None:
    """Refuse an input larger than `MAX_BYTES`."""
    if size > MAX_BYTES:
        raise InputError(field, f"is larger than {MAX_BYTES // (1024 * 1024)} MB ({size} bytes)")


def decode(text: str, field: str = "input") -> Any:
    """The JSON value of `text`; `InputError` on `field` (or the path inside it) for hostile
    input, but `json.JSONDecodeError` itself when the text is not JSON (callers that try
    JSON Lines next want to tell the two apart)."""
    check_size(len(text), field)
    try:
        value = json.loads(text, parse_int=integer)
    except RecursionError:
        raise InputError(deep_path(text) or field, TOO_DEEP) from None
    if _SURROGATE_ESCAPE.search(text) or (not text.isascii() and _has_surrogate(text)):
        check_tree(value, field)
    return value


def loads(text: str, field: str = "input") -> Any:
    """The JSON value of `text`, or `InputError` on `field` (or on the path inside it)."""
    try:
        return decode(text, field)
    except json.JSONDecodeError as error:
        raise InputError(field, f"is not valid JSON ({error.msg}, line {error.lineno})") from None


def deep_path(text: str) -> str:
    """Where `text` first nests past `MAX_DEPTH`, as a field path (`company`,
    `[0].interviewers`), found by a scan that needs no recursion; "" at the top level.
    Run only after the parser gave up, so its speed does not matter."""
    stack: list[list[Any]] = []  # per open container: its bracket, and its key or index
    last_string = ""
    i, end = 0, len(text)
    while i < end:
        char = text[i]
        if char == '"':
            j = i + 1
            while j < end and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            last_string, i = text[i + 1 : j], j + 1
            continue
        if char in "{[":
            stack.append([char, "" if char == "{" else 0])
            if len(stack) > MAX_DEPTH:
                return _render(stack[:4])
        elif char in "}]" and stack:
            stack.pop()
        elif char == ":" and stack and stack[-1][0] == "{":
            stack[-1][1] = last_string
        elif char == "," and stack and stack[-1][0] == "[":
            stack[-1][1] += 1
        i += 1
    return ""


def _render(stack: list[list[Any]]) -> str:
    parts = [f"[{key}]" if bracket == "[" else f".{key}" for bracket, key in stack[:-1]]
    while parts and parts[-1].startswith("["):
        parts.pop()  # the innermost key names the field; its nested indexes do not help
    return "".join(parts).lstrip(".")


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def check_tree(value: Any, field: str = "input") -> None:
    """Refuse nesting deeper than `MAX_DEPTH`, strings that are not valid Unicode (lone
    surrogates) and `HugeNumber`s, naming the path (`interviewers[0].name`). Iterative: no
    recursion limit."""
    stack: list[tuple[Any, str, int]] = [(value, "", 0)]
    while stack:
        item, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError(path or field, TOO_DEEP)
        if isinstance(item, str):
            _check_text(item, path or field)
        elif isinstance(item, HugeNumber):
            raise InputError(path or field, f"is a number of {item.digits} digits; too long")
        elif isinstance(item, dict):
            for key, child in item.items():
                _check_text(key, f"{path}.{key!a}" if path else ascii(key))
                stack.append((child, f"{path}.{key}" if path else str(key), depth + 1))
        elif isinstance(item, list):
            for index, child in enumerate(item):
                stack.append((child, f"{path}[{index}]", depth + 1))


def _check_text(text: str, path: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        char = text[error.start]
        raise InputError(
            path, f"contains an unpaired surrogate (U+{ord(char):04X}), which is not text"
        ) from None
