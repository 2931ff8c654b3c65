"""A draft prepared for matching: the same characters, with what is not the writer's words masked.

Masking keeps every offset, so a match in a view is a position in the user's text:

- curly apostrophes and quotes become straight ones;
- template placeholders (`[Name]`, `{topic}`, `{{ role }}`, `<Name>`) become underscores, so
  they read as one opaque word and never as content;
- in spoken kinds, headings, stage directions in parentheses or long brackets, and the other
  party's lines (`Them: …`) become spaces: a call script is the words a person says;
- in emails, quoted earlier messages (`> …`, `On … wrote:`) become spaces;
- in `voice`, quoted text inside a sentence (`you said "…"`) is masked too: it is not the
  writer speaking. A quote that starts a line or follows a colon is the line to say, and stays.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from followup.checker.matcher import lower_keeping_offsets
from followup.checker.ruleset import SPOKEN_KINDS

# Curly quotes read as straight ones; a carriage return (Windows line ends) as a space.
_STRAIGHTEN = str.maketrans(
    {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\r": " "}
)
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,200}\]|\{\{?[^{}\n]{1,60}\}?\}|<[A-Za-z][^<>\n]{0,40}>")
_PARENTHESIS = re.compile(r"\([^()\n]{1,300}\)")
_HEADING = re.compile(
    r"^[ \t]*(?:#.*|\*\*[^*\n]+\*\*:?|[-=_*]{3,}|[A-Z][^.!?\"\n]{0,60}:"
    r"|(?:[A-Z][\w'&/-]*|a|an|the|of|to|and|or|for|if|in|on|with|at|by)"
    r"(?:[ \t]+(?:[A-Z][\w'&/-]*|a|an|the|of|to|and|or|for|if|in|on|with|at|by)){0,6})[ \t]*$",
    re.MULTILINE,
)
_OTHER_PARTY = re.compile(
    r"^[ \t]*(?:Them|They|Interviewer|Recruiter|Receptionist|Employer|Gatekeeper|Assistant)"
    r"[ \t]*:.*$",
    re.MULTILINE | re.IGNORECASE,
)
_OWN_LABEL = re.compile(r"^[ \t]*(?:You|Me|Candidate|Say)[ \t]*:", re.MULTILINE | re.IGNORECASE)
_EMAIL_QUOTE = re.compile(r"^[ \t]*>.*$|^On [^\n]{1,200} wrote:[ \t]*$", re.MULTILINE)
_INLINE_QUOTE = re.compile(r'(?<=[\w,;] )"[^"\n]{1,300}"')
_WORD = re.compile(r"[^\W_]+(?:['.-][^\W_]+)*|_+")
_SENTENCE_END = re.compile(r"[.!?]+(?=[\s\"')\]]|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*•]|\d+\.)[ \t])")
# A negation at most three words before a match turns it around: "I don't want to rush …".
_NEGATION = re.compile(
    r"(?:\b(?:not|no|never|without|nor|hardly|don'?t|didn'?t)\b|n't\b)\W*\w*\W*\w*\W*\w*\W*$",
    re.IGNORECASE,
)
NEGATION_REACH = 40
# Where the learned layer cuts a draft into sentences: an end mark or a line break.
_SEGMENT_END = re.compile(r"[.!?…]+(?=[\s\"')\]]|$)|\n")
# An end mark after one of these is an abbreviation's, not a sentence's ("Ms. Patel", "the
# U.S. office", "at 9 a.m. on Monday").
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:mr|ms|mrs|dr|st|prof|mx|jr|sr|vs|etc|no|(?:[a-z]\.)+[a-z])\Z", re.I
)
# Nor does a full stop end a sentence when the next word goes on in lower case.
_GOES_ON = re.compile(r"[ \t]+[a-z]")


def _mask(chars: list[str], start: int, end: int, fill: str) -> None:
    for index in range(start, end):
        if chars[index] != "\n":
            chars[index] = fill


def _mask_placeholder(chars: list[str], found: re.Match[str], spoken: bool) -> None:
    inside = found.group()[1:-1]
    # A long bracket in a script is a stage direction, not a slot to fill.
    long_note = inside.count(" ") >= 6 or (
        spoken and found.group().startswith("[") and ":" in inside
    )
    _mask(chars, found.start(), found.end(), " " if long_note else "_")


class Draft:
    """One draft of one kind, with its masked views, words, sentences and positions."""

    def __init__(self, text: str, kind: str) -> None:
        self.text = text
        self.kind = kind
        spoken = kind in SPOKEN_KINDS
        chars = list(text.translate(_STRAIGHTEN))
        for found in _PLACEHOLDER.finditer(text):
            _mask_placeholder(chars, found, spoken)
        masked = "".join(chars)
        for pattern, active in (
            (_EMAIL_QUOTE, kind == "email"),
            (_OTHER_PARTY, spoken),
            (_OWN_LABEL, spoken),
            (_HEADING, spoken),
            (_PARENTHESIS, spoken),
        ):
            if active:
                for found in pattern.finditer(masked):
                    _mask(chars, found.start(), found.end(), " ")
        #: The writer's text with placeholders, headings and the other party masked.
        self.content = "".join(chars)
        for found in _INLINE_QUOTE.finditer(self.content):
            _mask(chars, found.start(), found.end(), " ")
        #: `content` with quoted text inside sentences masked too: the writer's own voice.
        self.voice = "".join(chars)

    @cached_property
    def lowered(self) -> str:
        """`voice` in lower case, for the matchers' quick word tests."""
        return lower_keeping_offsets(self.voice)

    @cached_property
    def word_spans(self) -> list[tuple[int, int]]:
        return [found.span() for found in _WORD.finditer(self.content)]

    @property
    def words(self) -> int:
        """How many words the writer says (a placeholder counts as one)."""
        return len(self.word_spans)

    def offset_after_words(self, count: int) -> int:
        """The offset just after the first `count` words (the whole text if fewer)."""
        spans = self.word_spans
        return spans[count - 1][1] if len(spans) >= count else len(self.text)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [0] + [found.end() for found in _SENTENCE_END.finditer(self.content)]

    @cached_property
    def segments(self) -> list[tuple[int, int]]:
        """The sentences and lines of the writer's own voice, as (start, end) without the
        white space around them; those with no word (all masked, or punctuation) are left out."""
        voice = self.voice
        found = []
        start = 0
        for mark in _SEGMENT_END.finditer(voice):
            if mark.group() == "." and (
                _ABBREVIATION.search(voice, max(0, mark.start() - 5), mark.start())
                or _GOES_ON.match(voice, mark.end())
            ):
                continue
            found.append((start, mark.end()))
            start = mark.end()
        found.append((start, len(voice)))
        spans = []
        for first, last in found:
            piece = voice[first:last]
            stripped = piece.strip()
            if stripped and any(char.isalpha() for char in stripped):
                lead = len(piece) - len(piece.lstrip())
                spans.append((first + lead, first + lead + len(stripped)))
        return spans

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The start and end offsets of the sentence holding `offset`."""
        starts = self._sentence_starts
        index = bisect.bisect_right(starts, offset) - 1
        end = starts[index + 1] if index + 1 < len(starts) else len(self.text)
        return starts[index], end

    def negated_before(self, offset: int) -> bool:
        """Whether a negation shortly before `offset`, in the same sentence, turns it around."""
        start = max(self.sentence_at(offset)[0], offset - NEGATION_REACH)
        return _NEGATION.search(self.voice, start, offset) is not None

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [found.end() for found in re.finditer("\n", self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of `offset`."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1
