"""What the learned checker sees of a sentence: its words, word pairs and pieces of words.

One function, `features`, serves both training (`tools/train_checker.py`) and checking
(`followup.checker.learned`), so the two can never disagree about a sentence. It is plain
Python: checking needs no numpy.

A sentence becomes a bag of features, counted:

- `w:word`, each word in lower case (curly apostrophes straight, digits as `0`);
- `b:first second`, each pair of neighbouring words, with `^` for the sentence's start;
- `c:<piece`, the three- to five-letter pieces of each word of four letters or more, with `<`
  and `>` marking its ends: "frustrating" shares pieces with "frustrated" and "frustration",
  so a word the corpus never had still counts for what its pieces mean;
- `x:...`, the shape of the writing: a word in capitals, a run of `!` or `?`, an emoji, a
  sentence that starts in lower case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

#: A word (letters, inner apostrophes), a number, a run of ! and ?, or one other symbol.
_TOKEN = re.compile(
    r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,:/-]\d+)*|[!?]+|[^\w\s.,;:'\"’“”()\[\]{}<>/\\_-]"
)
_DIGITS = re.compile(r"\d")
PIECE_MIN_WORD = 4
PIECES = (3, 4, 5)
#: How many distinct words keep their pieces in memory (the words of a language are few).
WORD_CACHE = 50_000


def tokens(sentence: str) -> Iterator[re.Match[str]]:
    """The tokens of `sentence`, with their offsets (for findings and `weighed`)."""
    return _TOKEN.finditer(sentence)


def word_of(token: str) -> str:
    """The form a token is counted under: lower case, straight apostrophes, digits as 0."""
    lowered = token.lower().replace("’", "'")
    if lowered[0].isdigit():
        return _DIGITS.sub("0", lowered)
    return lowered


@lru_cache(maxsize=WORD_CACHE)
def word_features(word: str) -> tuple[str, ...]:
    """The features a word brings on its own: itself and its pieces."""
    found = [f"w:{word}"]
    if len(word) >= PIECE_MIN_WORD and word.isalpha():
        marked = f"<{word}>"
        found.extend(
            f"c:{marked[start : start + size]}"
            for size in PIECES
            for start in range(len(marked) - size + 1)
        )
    return tuple(found)


def shape(token: str, first: bool) -> str | None:
    """The shape feature of a token, if it has one (`first`: it starts the sentence)."""
    if token[0] in "!?":
        return "x:!!" if len(token) > 1 else None
    if len(token) >= 3 and token.isupper() and token.isalpha():
        return "x:caps"
    if len(token) == 1 and unicodedata.category(token).startswith("S"):
        return "x:emoji"
    if first and token[0].isalpha() and token[0].islower():
        return "x:lowerstart"
    if token == "i":
        return "x:lower-i"
    return None


def features(sentence: str) -> list[str]:
    """Every feature of one sentence, each as often as it occurs (a bag, as a list)."""
    found: list[str] = []
    previous = "^"
    first = True
    for match in tokens(sentence):
        token = match.group()
        word = word_of(token)
        found.extend(word_features(word))
        found.append(f"b:{previous} {word}")
        token_shape = shape(token, first)
        if token_shape is not None:
            found.append(token_shape)
        first = False
        previous = word
    return found
