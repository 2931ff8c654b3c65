"""A checked draft cut into pieces, each either plain or marked by the findings that cover it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Piece:
    """A run of the draft's text; `finding` is the number of the finding marking it (1-based)."""

    text: str
    finding: int | None = None
    severity: str | None = None
    rule: str | None = None


def offset(starts: list[int], line: int, column: int) -> int:
    """The character offset of a 1-based line and column."""
    index = min(max(line, 1), len(starts)) - 1
    return starts[index] + max(column, 1) - 1


def pieces(text: str, findings: list[dict[str, Any]]) -> list[Piece]:
    """The draft in order, marked where findings point (overlaps: the earlier finding wins)."""
    starts = [0]
    for position, char in enumerate(text):
        if char == "\n":
            starts.append(position + 1)
    spans = []
    for number, finding in enumerate(findings, start=1):
        begin = offset(starts, finding["line"], finding["column"])
        end = min(offset(starts, finding["end_line"], finding["end_column"]), len(text))
        if end > begin:
            spans.append((begin, end, number, finding))
    result: list[Piece] = []
    cursor = 0
    for begin, end, number, finding in sorted(spans, key=lambda s: (s[0], s[2])):
        if begin < cursor:
            continue
        if begin > cursor:
            result.append(Piece(text[cursor:begin]))
        result.append(Piece(text[begin:end], number, finding["severity"], finding["rule"]))
        cursor = end
    if cursor < len(text):
        result.append(Piece(text[cursor:]))
    return result
