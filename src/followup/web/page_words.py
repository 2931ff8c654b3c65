"""The pages' own words: the choices a form offers (time zones, countries, outcomes), the
banner after each action, and a plan's reasons as plain sentences.

Nothing here reaches the CLI or the API: they keep their own wording. A page never shows a
code name (`thank_you`), a standard's number or a command line.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple

#: The outcomes a page offers, in words (the values are the contract's).
OUTCOME_WORDS = {
    "sent": "Sent",
    "no_answer": "No answer",
    "voicemail": "Left a voicemail",
    "spoke": "Spoke with them",
    "reply_received": "They replied",
    "rude": "They were rude",
}
#: What a one-click button says for each channel, and the outcome it logs unless told.
DONE_WORDS = {
    "email": "I sent it",
    "text": "I sent it",
    "call": "I called",
    "voicemail": "I called",
}
DEFAULT_OUTCOME = {"email": "sent", "text": "sent", "call": "no_answer", "voicemail": "voicemail"}
#: The outcomes worth offering after each channel (a call is rarely "sent").
CHANNEL_OUTCOMES = {
    "email": ["sent", "reply_received"],
    "text": ["sent", "reply_received"],
    "call": ["no_answer", "voicemail", "spoke"],
    "voicemail": ["voicemail"],
}
#: What a draft to check can be.
KIND_WORDS = {"email": "An e-mail", "call": "What you will say on a call",
              "voicemail": "A voicemail", "text": "A text message"}  # fmt: skip
PURPOSE_WORDS = {
    "thank_you": "Thank-you",
    "status": "Status follow-up",
    "final": "Final follow-up",
    "offer_deadline": "Offer-deadline follow-up",
    "recap": "Recap",
}
CHANNEL_WORDS = {"email": "E-mail", "call": "Call", "text": "Text", "voicemail": "Voicemail"}
STEP_STATUS_WORDS = {"done": "done", "due": "due now", "upcoming": "coming up",
                     "missed": "missed", "skipped": "not needed"}  # fmt: skip
STATUS_WORDS = {
    "awaiting": "Waiting to hear back",
    "offer": "Got an offer",
    "rejected": "Not selected",
    "withdrawn": "I withdrew",
    "closed": "Closed",
}
#: form choice values -> words, for the add and edit form.
CHOICE_WORDS = {
    "onsite": "On site", "video": "Video call", "phone": "Phone call", "email": "E-mail",
    "text": "Text message", "portal": "A careers website", "recruiter": "A recruiter",
    "direct": "Direct", "neutral": "Neutral", "formal": "Formal", "friendly": "Friendly",
    "call": "Call them", "wait": "Wait for them to get in touch",
    "no_contact": "Do not contact them",
}  # fmt: skip

#: Banner keys (`?done=KEY` after a redirect) -> the sentence it shows.
BANNERS = {
    "added": "Interview added. Here is your plan.",
    "saved": "Changes saved. The plan is up to date.",
    "logged": "Logged.",
    "corrected": "Follow-up corrected. The plan is up to date.",
    "attempt-deleted": "Follow-up deleted. The plan is up to date.",
    "status": "Status saved.",
    "deleted": "Interview deleted, with its follow-ups.",
    "settings": "Settings saved.",
    "feed": "The old calendar link no longer works. Subscribe with the new one below.",
}

_SOURCE = re.compile(r"\s*\(((?:[A-Z]\d*-\d+|[A-Z]\d+)(?:,\s*(?:[A-Z]\d*-\d+|[A-Z]\d+))*)\)")


class Banner(NamedTuple):
    """A notification after an action: its headline and, maybe, what changed."""

    text: str
    detail: str = ""
    link: tuple[str, str] | None = None


def banner_of(key: str | None) -> Banner | None:
    """The banner a `done` query flag names (unknown flags show nothing)."""
    if key is None or key not in BANNERS:
        return None
    return Banner(BANNERS[key])


def plain_reason(says: str) -> str:
    """A reason as a sentence: inline guidance ids (`(S1-3, K2)`) removed (the page links
    them), a capital first letter and a full stop."""
    text = _SOURCE.sub("", says).strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def step_title(purpose: str, channel: str) -> str:
    """'Thank-you by e-mail'."""
    from followup.formats import CHANNEL_WORDS as LOWER

    return f"{PURPOSE_WORDS.get(purpose, purpose)} by {LOWER.get(channel, channel)}"


@cache
def zone_names() -> list[tuple[str, str]]:
    """Every time zone a person lives in, as (name, label) grouped by region: the
    datalist of the time zone fields (no `Etc/GMT+5`, no `SystemV`)."""
    from zoneinfo import available_timezones

    regions = ("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe",
               "Indian", "Pacific")  # fmt: skip
    names = sorted(z for z in available_timezones() if z.split("/")[0] in regions)
    return [(z, z.split("/", 1)[1].replace("_", " ").replace("/", ", ")) for z in names] + [
        ("UTC", "Coordinated Universal Time")
    ]


@cache
def countries() -> list[tuple[str, str]]:
    """(two-letter code, name) of every country whose public holidays Followup knows."""
    from holidays.registry import COUNTRIES

    pairs = {entry[1]: key.replace("_", " ").title() for key, entry in COUNTRIES.items()}
    return sorted(pairs.items(), key=lambda pair: pair[1])


def country_code(text: str) -> str | None:
    """The code of a country given by its code (`ca`) or its name (`Canada`), else None."""
    wanted = text.strip().casefold()
    for code, name in countries():
        if wanted in (code.casefold(), name.casefold()):
            return code
    return None


def zone_error(text: str) -> str | None:
    """Why a time zone field's value is refused, in a page's words (None: it is a zone)."""
    from followup.domain.zones import find_zone

    if find_zone(text.strip()) is not None:
        return None
    return f"choose a time zone from the list, like America/New_York (got {text[:40]!r})"


def country_error(text: str) -> str | None:
    if country_code(text) is not None:
        return None
    return f"choose a country from the list, like United States (got {text[:40]!r})"


def error_summary(errors: dict[str, str], labels: dict[str, str], order: list[str]
                  ) -> list[tuple[str, str]]:  # fmt: skip
    """The form's problems in the order of its fields, as (field, words): a complete sentence
    as it is ("Enter your name"), anything else after its field's label."""
    place = {name: index for index, name in enumerate(order)}
    ranked = sorted(errors.items(), key=lambda item: place.get(item[0], len(place)))
    return [(field, why if why[:1].isupper() else f"{labels.get(field, field.capitalize())}: {why}")
            for field, why in ranked]  # fmt: skip


def page_words(message: str) -> str:
    """A message from the core as a page says it: no standard's number, no command line."""
    for said, meant in _PAGE_WORDS:
        message = message.replace(said, meant)
    return message


_PAGE_WORDS = (
    (" (see `followup list`)", " (the Interviews page lists them all)"),
    ("an ISO 3166 two-letter code like US", "a country's two-letter code like US"),
    ("unknown IANA time zone", "unknown time zone"),
    ("IANA ", ""),
)


def reason_view(reason: Any) -> dict[str, Any]:
    """A plan reason for a page: its sentence, its guidance ids, whether it was set aside."""
    return {
        "text": plain_reason(reason.says),
        "sources": list(reason.sources),
        "overridden": reason.effect.value == "overridden",
    }
