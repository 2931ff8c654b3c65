"""Whether a draft reads as English: the checker's rules and model read English only.

A cheap test, not a language identifier: a draft reads as English unless most of its letters
are outside the Latin alphabet (Chinese, Arabic, Cyrillic …), or it is long enough to judge and
almost none of its words are English's commonest words (German, French, Spanish …). English
prose is a third to a half such words; other languages in Latin letters share only a few.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: English's commonest words, without those other languages spell the same ("in", "an", "die").
_COMMON_WORDS = """
    the and to of a i you for is it that this with on be at my your we our me as are was have
    not but or if so can will would could should do did just about from thank thanks hi hello
    dear best regards sincerely kind am been had has there their what when how up out all any
    more time very much look looking forward again know let please here today week call email
    talk talking speak again really hope well good great interview role position team"""
COMMON = frozenset(_COMMON_WORDS.split())
#: Below this many words, only the alphabet counts (a short text has too few common words).
MIN_WORDS = 12
#: Fewer common words than this share means another language.
MIN_COMMON = 0.12
#: At least this share of letters in the Latin alphabet.
MIN_LATIN = 0.5


def reads_as_english(text: str) -> bool:
    """Whether `text` reads as English, by its alphabet and its commonest words."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return True  # nothing to judge (digits, punctuation): let the rules say what they say
    latin = sum(1 for char in letters if char < "\u0250")
    if latin / len(letters) < MIN_LATIN:
        return False
    words = [word.lower().replace("’", "'") for word in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return True
    common = sum(1 for word in words if word in COMMON)
    return common / len(words) >= MIN_COMMON
