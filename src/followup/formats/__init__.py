"""Readers and writers of the tracker's file formats: JSON / JSON Lines, CSV, iCalendar.

Readers are strict and all-or-nothing: they return every interview of a file, or raise
`InputError` naming the row, the field and why. Writers are deterministic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from followup.domain.errors import InputError

if TYPE_CHECKING:
    from followup.domain.model import Interview

PURPOSE_WORDS = {
    "thank_you": "thank-you",
    "status": "status follow-up",
    "final": "final follow-up",
    "offer_deadline": "offer-deadline follow-up",
    "recap": "recap",
}
CHANNEL_WORDS = {"call": "call", "email": "e-mail", "text": "text"}

#: An interview and where it came from in its file ("line 3", "row 4"), for error messages.
Located = tuple[str, "Interview"]


def at_row(error: InputError, where: str) -> InputError:
    """The same error, prefixed with its place in the file."""
    field = f"{where}: {error.field}" if error.field else where
    return InputError(field, error.why)


def numbered(interviews: list[Interview]) -> list[Located]:
    """Interviews from a library call, labelled `item 1`, `item 2`…"""
    return [(f"item {n}", interview) for n, interview in enumerate(interviews, start=1)]


def step_words(purpose: str, channel: str) -> str:
    """'status follow-up by call'."""
    return f"{PURPOSE_WORDS.get(purpose, purpose)} by {CHANNEL_WORDS.get(channel, channel)}"
