"""A checked draft cut into pieces, each either plain or marked by the findings that cover it.

A finding of the learned model marks its whole sentence and names the words that weighed most
(`weighed`); inside the mark those words are picked out too (`Piece.parts`), so the writer sees
both where the problem is and why the checker thinks so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Piece:
    """A run of the draft's text; `finding` is the number of the finding marking it (1-based)."""

    text: str
    finding: int | None = None
    severity: str | None = None
    rule: str | None = None
    #: The text again, cut into (words, whether they weighed most for the finding).
    parts: tuple[tuple[str, bool], ...] = field(default=())


def weighed_parts(text: str, weighed: list[str]) -> tuple[tuple[str, bool], ...]:
    """`text` cut so that the first occurrence of each weighed word (or pair of words, any
    white space between them) stands apart, flagged True; overlaps keep the earlier word."""
    spans: list[tuple[int, int]] = []
    for words in weighed:
        pattern = r"\s+".join(re.escape(word) for word in words.split())
        if not pattern:
            continue
        found = re.search(rf"(?<!\w){pattern}(?!\w)", text)
        if found and not any(found.start() < end and start < found.end() for start, end in spans):
            spans.append(found.span())
    parts: list[tuple[str, bool]] = []
    cursor = 0
    for start, end in sorted(spans):
        if start > cursor:
            parts.append((text[cursor:start], False))
        parts.append((text[start:end], True))
        cursor = end
    if cursor < len(text):
        parts.append((text[cursor:], False))
    return tuple(parts)


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
        marked = text[begin:end]
        parts = weighed_parts(marked, list(finding.get("weighed", ())))
        result.append(Piece(marked, number, finding["severity"], finding["rule"], parts))
        cursor = end
    if cursor < len(text):
        result.append(Piece(text[cursor:]))
    return result
