"""What a policy file may say: every rule id the planner knows, its parameters and placeholders.

The values live in the data files (`default.toml`, a user's override); this module only says
what shape they must have, so a typo or a bad value fails at load with the file and the key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from followup.calendar import WEEKDAY_NAMES, parse_clock_time
from followup.guidance import GUIDANCE_IDS as GUIDANCE_IDS  # re-exported

Check = Callable[[Any], str | None]  # returns why the value is bad, or None


def whole_number(low: int, high: int) -> Check:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return "must be a whole number"
        if not low <= value <= high:
            return f"must be from {low} to {high} (got {value})"
        return None

    return check


def boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def clock_time(value: Any) -> str | None:
    try:
        parse_clock_time(value)
    except (TypeError, ValueError, AttributeError):
        return f"must be a time HH:MM (got {value!r})"
    return None


def clock_time_between(low: str, high: str) -> Check:
    """A time HH:MM from `low` to `high` (the contract forbids a best moment on Monday
    morning, so the Monday threshold may not fall before noon)."""

    def check(value: Any) -> str | None:
        why = clock_time(value)
        if why:
            return why
        if not parse_clock_time(low) <= parse_clock_time(value) <= parse_clock_time(high):
            return f"must be from {low} to {high} (got {value})"
        return None

    return check


def business_hours(params: dict[str, Any]) -> tuple[str, str] | None:
    """Calls and emails are planned inside the opening hours."""
    opens, closes = parse_clock_time(params["opens"]), parse_clock_time(params["closes"])
    if not opens < closes:
        return "closes", "must be after opens"
    for name in ("call_at", "write_at"):
        if not opens <= parse_clock_time(params[name]) < closes:
            return name, f"must be within opens..closes ({params['opens']}-{params['closes']})"
    return None


def weekdays(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return 'must be a non-empty list of days like ["tue", "wed"]'
    bad = [day for day in value if day not in WEEKDAY_NAMES[:5]]
    return f"unknown weekday {bad[0]!r} (use mon..fri)" if bad else None


def words(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        return "must be a list of non-empty strings"
    return None


@dataclass(frozen=True)
class RuleSpec:
    """The parameters a rule takes and the placeholders its `says` may use."""

    params: dict[str, Check] = field(default_factory=dict)
    placeholders: frozenset[str] = frozenset()
    #: a check across parameters: returns (parameter, why) when they do not fit together
    across: Callable[[dict[str, Any]], tuple[str, str] | None] | None = None


def _spec(placeholders: str = "", **params: Check) -> RuleSpec:
    return RuleSpec(params=params, placeholders=frozenset(placeholders.split()))


DAYS = whole_number(0, 60)

RULES: dict[str, RuleSpec] = {
    "timing.thank-you-window": _spec(
        opens_after_days=whole_number(0, 3),
        closes_after_days=whole_number(0, 7),
        hours_after_interview=whole_number(0, 8),
    ),
    "timing.no-early-call": _spec(min_call_day=whole_number(2, 14)),
    "timing.week-after": _spec("min_days", min_days=whole_number(2, 14)),
    "timing.two-weeks-max": _spec("days", closes_after_days=whole_number(5, 60)),
    "timing.day-or-two-after": _spec(
        "profile verdict", use=boolean, opens_after_days=whole_number(2, 14)
    ),
    "timing.stated-timeframe": _spec("date", window_days=whole_number(1, 30)),
    "timing.midweek-calls": _spec(preferred_days=weekdays),
    "timing.not-monday-morning": _spec(not_before=clock_time_between("12:00", "16:00")),
    "timing.business-hours": RuleSpec(
        params={
            "opens": clock_time,
            "closes": clock_time,
            "call_at": clock_time,
            "write_at": clock_time,
        },
        placeholders=frozenset({"zone"}),
        across=business_hours,
    ),
    "timing.public-holidays": _spec("holidays"),
    "timing.final-week-later": _spec(after_days=whole_number(3, 30), window_days=DAYS),
    "timing.offer-deadline": _spec("date", lead_days=whole_number(0, 7)),
    "timing.recap-after-call": _spec(within_days=whole_number(0, 3)),
    "timing.late-grace": _spec("date days", grace_days=DAYS),
    "timing.late-thank-you": _spec("date until", until_day=whole_number(2, 7)),
    "timing.thanks-in-follow-up": _spec(),
    "attempts.early-counts": _spec("date before"),
    "timing.answered-wait": _spec("date until", wait_days=whole_number(1, 90)),
    "channel.instructions": _spec("channel"),
    "channel.text-only-if-texted": _spec(),
    "channel.thank-you-email": _spec(),
    "channel.thank-you-call-industries": _spec("industry", industries=words),
    "channel.formal-culture": _spec(),
    "channel.direct-culture": _spec(),
    "channel.formal-manner": _spec(),
    "channel.friendly-manner": _spec(),
    "channel.scheduling-medium": _spec("medium"),
    "channel.status-call-default": _spec(),
    "channel.rude-then-email": _spec("date"),
    "attempts.one-status": _spec(),
    "attempts.limit": _spec("limit", max_unanswered=whole_number(1, 2)),
    "attempts.answer-ends-chase": _spec(),
    "attempts.move-on": _spec(),
    "instructions.wait": _spec("until"),
    "instructions.no-contact": _spec(),
    "closed.decided": _spec("status"),
    "prep.before-call": _spec(),
}
