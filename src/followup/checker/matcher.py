"""A rule's patterns, compiled for speed: each alternative alone, behind a cheap word test.

A rule has a few dozen alternatives. Tried as one alternation, the regex engine attempts every
one at every word of every draft. Instead each alternative knows words that any match of it must
contain (read from the parsed pattern), and runs only on drafts that contain one of them: most
drafts contain the trigger words of very few alternatives, so most are skipped by a substring
test. This is what lets the checker read over a thousand emails a second (bench/bench_checker.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

#: Where the sentence holding an offset starts and ends.
Sentences = Callable[[int], tuple[int, int]]
#: A trigger shorter than this occurs in nearly every draft: not worth testing.
MIN_TRIGGER = 3
#: The trigger words of the built-in rules' patterns, computed ahead (`write_needs_file`):
#: parsing ~350 patterns to find them took most of the CLI's start-up. A pattern not in the
#: file (a user's rule file, a rule changed since) is parsed as before, so the file can only
#: ever make loading faster, never change a result; a test checks it matches the rules.
NEEDS_FILE = Path(__file__).parent / "rules" / "default.needs.json"
NEEDS_FORMAT = 2


class Alternative:
    """One pattern, and the words (any one of which) every match of it contains.

    A pattern with no upper-case letters of its own runs case-sensitively on the lower-cased
    draft: then the regex engine can jump to its literal prefix, many times faster than an
    IGNORECASE search. A whole-word pattern's leading word boundary is tested here, not in
    the regex, for the same reason. The regex is compiled when first needed: most drafts
    never reach most patterns (their trigger words are absent).
    """

    __slots__ = ("_regex", "flags", "needs", "on_lowered", "source", "whole_word")

    def __init__(
        self,
        source: str,
        flags: int,
        needs: tuple[str, ...] | None,
        on_lowered: bool,
        whole_word: bool,
    ) -> None:
        self.source = source
        self.flags = flags
        self.needs = needs
        self.on_lowered = on_lowered
        self.whole_word = whole_word
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        regex = self._regex
        if regex is None:
            regex = self._regex = re.compile(self.source, self.flags)
        return regex

    def __repr__(self) -> str:
        return f"Alternative({self.source!r}, needs={self.needs!r})"

    def matches(
        self, text: str, lowered: str, start: int, end: int, sentence_at: Sentences
    ) -> list[tuple[int, int]]:
        """Every match in text[start:end]. With trigger words, only the sentences holding one
        are searched: a phrase does not run across a sentence end."""
        needs = self.needs
        if needs is None:
            return self._search(text, lowered, start, end)
        if not any(map(lowered.__contains__, needs)):  # the usual case, and the cheapest
            return []
        found: list[tuple[int, int]] = []
        searched_to = start
        for region_start, region_end in _regions(lowered, needs, start, end, sentence_at):
            region_start = max(region_start, searched_to)
            if region_start < region_end:
                found += self._search(text, lowered, region_start, region_end)
                searched_to = region_end
        return found

    def _search(self, text: str, lowered: str, start: int, end: int) -> list[tuple[int, int]]:
        haystack = lowered if self.on_lowered else text
        search = self.regex.search
        found = []
        match = search(haystack, start, end)
        while match is not None:
            first, last = match.span()
            if last > first and not (self.whole_word and _inside_word(text, first)):
                found.append((first, last))
                match = search(haystack, last, end)
            else:  # started inside a word: a real match may still start just after
                match = search(haystack, first + 1, end)
        return found


def _regions(
    lowered: str, needs: tuple[str, ...], start: int, end: int, sentence_at: Sentences
) -> list[tuple[int, int]]:
    """The sentences (clipped to start..end) that hold one of the trigger words, in order."""
    regions = set()
    for word in needs:
        at = lowered.find(word, start, end)
        while at != -1:
            first, last = sentence_at(at)
            regions.add((max(first, start), min(last, end)))
            at = lowered.find(word, last, end)
    return sorted(regions)


def whole_text(offset: int) -> tuple[int, int]:
    """A `Sentences` that treats the whole text as one sentence."""
    return 0, 1 << 62


def _inside_word(text: str, offset: int) -> bool:
    if offset == 0:
        return False
    before = text[offset - 1]
    return before.isalnum() or before in "_'"


def lower_keeping_offsets(text: str) -> str:
    """`text.lower()`, except that no character changes length (so offsets still hold)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


class Matcher:
    """All the alternatives of one rule or element."""

    __slots__ = ("alternatives",)

    def __init__(self, alternatives: tuple[Alternative, ...]) -> None:
        self.alternatives = alternatives

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Matcher)
            and all(
                a.source == b.source and a.flags == b.flags
                for a, b in zip(self.alternatives, other.alternatives, strict=False)
            )
            and len(self.alternatives) == len(other.alternatives)
        )

    def __hash__(self) -> int:
        return hash(tuple(alternative.source for alternative in self.alternatives))

    def spans(
        self,
        text: str,
        lowered: str,
        start: int = 0,
        end: int | None = None,
        sentence_at: Sentences = whole_text,
    ) -> list[tuple[int, int]]:
        """Non-overlapping (start, end) of every match in text[start:end], leftmost first.

        `lowered` is `lower_keeping_offsets(text)`, computed once per draft by the caller.
        """
        stop = len(text) if end is None else end
        found = [
            span
            for alternative in self.alternatives
            for span in alternative.matches(text, lowered, start, stop, sentence_at)
        ]
        found.sort(key=lambda span: (span[0], -span[1]))
        kept: list[tuple[int, int]] = []
        for span in found:
            if not kept or span[0] >= kept[-1][1]:
                kept.append(span)
        return kept

    def first(
        self,
        text: str,
        lowered: str,
        end: int,
        accept: Callable[[int], bool],
        sentence_at: Sentences = whole_text,
    ) -> tuple[int, int] | None:
        """Some match in text[:end] whose start `accept` approves, or None (stops early)."""
        for alternative in self.alternatives:
            for span in alternative.matches(text, lowered, 0, end, sentence_at):
                if accept(span[0]):
                    return span
        return None


def _needs(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence `items` contains (or None)."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset({"".join(run).lower()}))
            run.clear()

    for op, value in items:
        if op is sre_constants.LITERAL:
            run.append(chr(value))
            continue
        if op is sre_constants.BRANCH and run:
            # The parser moves a shared prefix out of a branch ("t(?:aking|ook)"): put it back.
            heads = frozenset("".join(run).lower() + _lead(branch) for branch in value[1])
            candidates.append(heads)
        flush()
        need: frozenset[str] | None = None
        if op is sre_constants.SUBPATTERN:
            need = _needs(value[-1])
        elif op is sre_constants.BRANCH:
            need = _branch_needs(value[1])
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and value[0] >= 1:
            need = _needs(value[2])
        if need:
            candidates.append(need)
    flush()
    useful = [c for c in candidates if min(len(word) for word in c) >= MIN_TRIGGER]
    return max(useful, key=lambda c: min(len(word) for word in c), default=None)


def _lead(items: Sequence[tuple[Any, Any]]) -> str:
    """The literal text a parsed sequence starts with."""
    lead = []
    for op, value in items:
        if op is not sre_constants.LITERAL:
            break
        lead.append(chr(value))
    return "".join(lead).lower()


def _branch_needs(branches: Sequence[Sequence[tuple[Any, Any]]]) -> frozenset[str] | None:
    needs = [_needs(branch) for branch in branches]
    if not all(needs):
        return None
    return frozenset().union(*(need for need in needs if need))


def _syntax(source: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) for each character of a pattern that is
    syntax: not escaped, not inside a character class."""
    depth, in_class, escaped = 0, False, False
    for index, char in enumerate(source):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth += (char == "(") - (char == ")")
            yield index, char, depth


def top_level_branches(source: str) -> list[str]:
    """Split a pattern at its top-level `|` (not inside groups, classes or escapes)."""
    cuts = [index for index, char, depth in _syntax(source) if char == "|" and depth == 0]
    edges = [-1, *cuts, len(source)]
    return [source[edges[i] + 1 : edges[i + 1]] for i in range(len(edges) - 1)]


_ESCAPE = re.compile(
    r"\\(?:[0-7]{1,3}|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|N\{[^}]*\}|.)"
)


def _has_capitals(source: str) -> bool:
    """Whether the pattern spells upper-case letters itself (outside escapes like \\S)."""
    return "(?-i" in source or any(char.isupper() for char in _ESCAPE.sub("", source))


def _case_sensitive(source: str) -> bool:
    """Whether the whole pattern is one `(?-i:…)` group: then IGNORECASE would only slow it."""
    return source.startswith("(?-i:") and _group_end(source) == len(source) - 1


def _group_end(source: str) -> int:
    """Where the group that opens `source` closes (-1 if it never does)."""
    return next((i for i, char, depth in _syntax(source) if char == ")" and depth == 0), -1)


def _pattern(source: str, whole_word: bool) -> tuple[str, int, bool]:
    """The regex text, flags and whether it runs on the lower-cased draft, of one pattern."""
    pattern = f"(?:{source})(?![\\w'])" if whole_word else f"(?:{source})"
    on_lowered = not _has_capitals(source)
    flags = 0 if on_lowered or _case_sensitive(source) else re.IGNORECASE
    return pattern, flags, on_lowered


def alternative(source: str, *, whole_word: bool) -> Alternative:
    """Compile one pattern with its trigger words; a whole-word one gets its end boundary."""
    pattern, flags, on_lowered = _pattern(source, whole_word)
    # Parse once: the tree gives the trigger words, and checks the syntax now, at load (a
    # bad pattern must fail there, naming its key); the regex itself compiles when used.
    needs = _needs(sre_parse.parse(pattern, flags))
    return Alternative(pattern, flags, tuple(sorted(needs)) if needs else None, on_lowered,
                       whole_word)  # fmt: skip


#: One alternative as the needs file stores it: regex text, flags, on lowered?, trigger words.
Step = tuple[str, int, bool, list[str] | None]


def plan(source: str, *, whole_word: bool) -> list[Step]:
    """How one pattern entry splits: each alternative's regex, flags, whether it runs on the
    lower-cased draft, and its trigger words (what `alternatives` builds from, and what the
    needs file stores)."""
    branches = top_level_branches(source)
    compiled = [alternative(branch, whole_word=whole_word) for branch in branches]
    ungated = [
        branch for branch, each in zip(branches, compiled, strict=True) if each.needs is None
    ]
    if len(ungated) > 1:
        gated = [each for each in compiled if each.needs is not None]
        compiled = [*gated, alternative("|".join(ungated), whole_word=whole_word)]
    return [
        (each.source, each.flags, each.on_lowered, list(each.needs) if each.needs else None)
        for each in compiled
    ]


def _key(source: str, whole_word: bool) -> str:
    return f"{'w' if whole_word else 'r'}:{source}"


@lru_cache(maxsize=1)
def _shipped_needs() -> dict[str, list[list[Any]]]:
    try:
        document = json.loads(NEEDS_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(document, dict) or document.get("format") != NEEDS_FORMAT:
        return {}
    plans = document.get("plans")
    return plans if isinstance(plans, dict) else {}


def alternatives(source: str, *, whole_word: bool) -> list[Alternative]:
    """One pattern entry, split at its top-level `|` so each branch has its own trigger words.
    The branches without any ("yo", "b4", emoji) are searched everywhere anyway: they stay
    together, as one regex, so the draft is scanned once for all of them.

    The split and the trigger words of the built-in patterns come from `NEEDS_FILE`; others
    are worked out here."""
    if _recording is not None:
        _recording.append((source, whole_word))
    shipped = None if _recording is not None else _shipped_needs().get(_key(source, whole_word))
    steps = plan(source, whole_word=whole_word) if shipped is None else shipped
    found = []
    for pattern, flags, on_lowered, needs in steps:
        made = Alternative(pattern, flags, tuple(needs) if needs else None, on_lowered, whole_word)
        if shipped is None:
            made.regex  # noqa: B018 - compile now: a pattern not shipped fails at load, if at all
        found.append(made)
    return found


#: While `recorded_entries` runs: every pattern entry `alternatives` is given.
_recording: list[tuple[str, bool]] | None = None


def recorded_entries(build: Callable[[], object]) -> list[tuple[str, bool]]:
    """The pattern entries (source, whole_word) that `build()` compiles, worked out afresh."""
    global _recording
    _recording = []
    try:
        build()
        return _recording
    finally:
        _recording = None


def needs_document(entries: Sequence[tuple[str, bool]]) -> dict[str, Any]:
    """The needs file's object for these pattern entries (source, whole_word), worked out."""
    plans = {
        _key(source, whole_word): [list(step) for step in plan(source, whole_word=whole_word)]
        for source, whole_word in entries
    }
    return {"format": NEEDS_FORMAT, "plans": dict(sorted(plans.items()))}
