"""What the contract's fields may hold: the field names of each object, the shapes of dates,
moments and e-mail addresses, the characters text may not hold and the limits, in one
place that the codec enforces and the API's schema (`followup.web.schema`) states.
"""

from __future__ import annotations

INTERVIEW_FIELDS = frozenset(
    {
        "id",
        "company",
        "role",
        "candidate",
        "interviewers",
        "interviewed_at",
        "timezone",
        "country",
        "subdivision",
        "format",
        "scheduled_via",
        "industry",
        "culture",
        "interviewer_manner",
        "feedback_expected_by",
        "feedback_expected_within_days",
        "instructions",
        "discussion_points",
        "competing_offer_deadline",
        "status",
        "attempts",
    }
)
CANDIDATE_FIELDS = frozenset({"name", "email", "phone"})
INTERVIEWER_FIELDS = frozenset({"name", "title", "email", "phone", "primary"})
ATTEMPT_FIELDS = frozenset({"at", "channel", "purpose", "outcome", "notes"})

#: The shapes of a date, a local date-time and a UTC offset (the API's schema states them too).
DATE_PATTERN = r"\d{4}-\d{2}-\d{2}"
LOCAL_DATETIME_PATTERN = DATE_PATTERN + r"[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?"
OFFSET_PATTERN = r"([Zz]|[+-]\d{2}:\d{2})"
#: Control characters no text field may hold (tab and line breaks are text).
CONTROL_CHARACTERS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
#: One @, something before it, a dot in the domain, no spaces: enough to catch typos.
EMAIL_PATTERN = r"[^@\s]+@[^@\s]+\.[^@\s.]+"
MAX_TEXT = 2000
#: The years a date may fall in: a plan looks a year or so past its interview, and the
#: holiday tables and `datetime` itself end at year 9999 (docs/security.md, limits).
MIN_YEAR, MAX_YEAR = 1970, 2199
