"""The contract's JSON objects to domain types and back (`spec/plan-json.md`).

Strict: unknown fields, bad dates, unknown zones and bad enum values raise `InputError`
naming the field (with a path such as `attempts[1].outcome`) and why. Hand-written rather
than schema-driven because it sits on the batch path of `followup plan`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from followup.domain import shapes
from followup.domain.errors import InputError
from followup.domain.model import (
    Attempt,
    AttemptChannel,
    Culture,
    Instructions,
    Interview,
    InterviewFormat,
    InterviewStatus,
    Manner,
    Outcome,
    Person,
    Plan,
    Purpose,
    Reason,
    ScheduledVia,
    Step,
)
from followup.domain.safejson import HugeNumber
from followup.domain.zones import find_zone

E = TypeVar("E", bound=StrEnum)

_DATE_RE = re.compile(shapes.DATE_PATTERN + r"\Z")
_DATETIME_RE = re.compile(shapes.LOCAL_DATETIME_PATTERN + shapes.OFFSET_PATTERN + r"\Z")
_COUNTRY_RE = re.compile(r"[A-Z]{2}\Z")
_CONTROL = re.compile(f"[{shapes.CONTROL_CHARACTERS}]")
_LOCAL_DATETIME_RE = re.compile(shapes.LOCAL_DATETIME_PATTERN + r"\Z")
_EMAIL_RE = re.compile(shapes.EMAIL_PATTERN + r"\Z")
#: How much of a bad value an error message quotes.
SHOWN = 60


def _fail(path: str, why: str) -> InputError:
    return InputError(path, why)


def _text(value: Any, path: str, *, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise _fail(path, "required")
        return None
    if not isinstance(value, str):
        raise _fail(path, f"must be a string, got {_kind(value)}")
    text: str = value.strip()
    if not text:
        if required:
            raise _fail(path, "must not be empty")
        return None
    if len(text) > shapes.MAX_TEXT:
        raise _fail(path, f"is too long ({len(text)} characters; at most {shapes.MAX_TEXT})")
    control = _CONTROL.search(text)
    if control is not None:
        raise _fail(path, f"contains a control character (U+{ord(control.group()):04X})")
    return text


def _required_text(value: Any, path: str) -> str:
    text = _text(value, path, required=True)
    assert text is not None
    return text


def shown(value: Any) -> str:
    """A bad value as an error message quotes it: strings in short `repr`, others by kind
    (never the `repr` of a deep or huge structure)."""
    if not isinstance(value, str):
        return _kind(value)
    if len(value) > SHOWN:
        return f"{value[:SHOWN]!r}... ({len(value)} characters)"
    return repr(value)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, HugeNumber):
        return f"a number of {value.digits} digits"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


_MEMBERS: dict[type[StrEnum], dict[str, StrEnum]] = {}


def _enum(cls: type[E], value: Any, path: str) -> E | None:
    if value is None:
        return None
    members = _MEMBERS.get(cls)
    if members is None:  # a dict lookup is ~10x faster than Enum.__call__ on the batch path
        members = _MEMBERS[cls] = {member.value: member for member in cls}
    member = members.get(value) if isinstance(value, str) else None
    if member is None:
        choices = ", ".join(member.value for member in cls)
        raise _fail(path, f"must be one of {choices} (got {shown(value)})")
    return member  # type: ignore[return-value]


def _required_enum(cls: type[E], value: Any, path: str) -> E:
    if value is None:
        raise _fail(path, "required")
    result = _enum(cls, value, path)
    assert result is not None
    return result


def parse_date(value: Any, path: str) -> dt.date | None:
    """A calendar date, `YYYY-MM-DD`."""
    if value is None:
        return None
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise _fail(path, f"must be a date YYYY-MM-DD (got {shown(value)})")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as error:
        raise _fail(path, f"is not a real date ({error})") from None
    check_year(day.year, path)
    return day


def check_year(year: int, path: str) -> None:
    """Refuse a year outside `shapes.MIN_YEAR`..`shapes.MAX_YEAR` (no plan can be made for it)."""
    if not shapes.MIN_YEAR <= year <= shapes.MAX_YEAR:
        raise _fail(
            path, f"must be in the years {shapes.MIN_YEAR} to {shapes.MAX_YEAR} (got {year})"
        )


def check_moment(moment: dt.datetime, path: str) -> dt.datetime:
    """An aware moment whose year, here and in UTC, is one a plan can be made for."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise _fail(path, "must have a time zone")
    check_year(moment.year, path)
    if moment.year in (
        shapes.MIN_YEAR,
        shapes.MAX_YEAR,
    ):  # only the end years can cross over in UTC
        check_year(moment.astimezone(dt.UTC).year, path)
    return moment


def parse_datetime(value: Any, path: str) -> dt.datetime:
    """An RFC 3339 date-time with an offset; a naive one is refused."""
    if value is None:
        raise _fail(path, "required")
    if not isinstance(value, str) or not _DATETIME_RE.match(value):
        raise _fail(
            path,
            f"must be an RFC 3339 date-time with an offset, "
            f"like 2026-11-20T10:00:00-05:00 (got {shown(value)})",
        )
    try:
        moment = dt.datetime.fromisoformat(value.upper())
    except ValueError as error:
        raise _fail(path, f"is not a real date-time ({error})") from None
    return check_moment(moment, path)


def zone(name: str, path: str = "timezone") -> ZoneInfo:
    """An IANA zone by name; raises `InputError` on `path` when unknown."""
    found = find_zone(name)
    if found is None:
        raise _fail(path, f"unknown IANA time zone {shown(name)}")
    return found


def _object(value: Any, path: str, allowed: frozenset[str]) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise _fail(path, f"must be an object, got {_kind(value)}")
    if not allowed.issuperset(value):  # no set is built on the common, valid path
        name = sorted(map(str, value.keys() - allowed))[0] or '""'  # an empty key too
        raise _fail(f"{path}.{name}" if path else name, "unknown field")
    return value


def object_of(value: Any, allowed: frozenset[str], path: str = "") -> Mapping[str, Any]:
    """`value` if it is an object of only `allowed` fields (a patch, a request), else the
    codec's `InputError` ("must be an object, got a list", "`name`: unknown field")."""
    return _object(value, path, allowed)


def _list(value: Any, path: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _fail(path, f"must be a list, got {_kind(value)}")
    return value


def _email(value: Any, path: str) -> str | None:
    text = _text(value, path)
    if text is not None and not _EMAIL_RE.match(text.strip()):
        raise _fail(path, f"is not an e-mail address like dana@example.com (got {text!r})")
    return None if text is None else text.strip()


def _interviewed_at(value: Any, timezone: str | None) -> dt.datetime:
    """`interviewed_at`: RFC 3339 with an offset, or, with a `timezone`, a local date-time
    read in that zone."""
    if timezone is not None and isinstance(value, str) and _LOCAL_DATETIME_RE.match(value):
        try:
            local = dt.datetime.fromisoformat(value.upper())
        except ValueError as error:
            raise _fail("interviewed_at", f"is not a real date-time ({error})") from None
        return check_moment(local.replace(tzinfo=zone(timezone)), "interviewed_at")
    return parse_datetime(value, "interviewed_at")


def _candidate(value: Any) -> Person:
    if value is None:
        raise _fail("candidate", "required")
    obj = _object(value, "candidate", shapes.CANDIDATE_FIELDS)
    return Person(
        name=_required_text(obj.get("name"), "candidate.name"),
        email=_email(obj.get("email"), "candidate.email"),
        phone=_text(obj.get("phone"), "candidate.phone"),
    )


def _interviewer(value: Any, path: str) -> Person:
    obj = _object(value, path, shapes.INTERVIEWER_FIELDS)
    primary = obj.get("primary", False)
    if not isinstance(primary, bool):
        raise _fail(f"{path}.primary", f"must be true or false, got {_kind(primary)}")
    return Person(
        name=_required_text(obj.get("name"), f"{path}.name"),
        title=_text(obj.get("title"), f"{path}.title"),
        email=_email(obj.get("email"), f"{path}.email"),
        phone=_text(obj.get("phone"), f"{path}.phone"),
        primary=primary,
    )


def _interviewers(value: Any) -> tuple[Person, ...]:
    if value is None:
        raise _fail("interviewers", "required (at least one interviewer)")
    items = _list(value, "interviewers")
    if not items:
        raise _fail("interviewers", "must name at least one interviewer")
    people = tuple(_interviewer(item, f"interviewers[{i}]") for i, item in enumerate(items))
    if sum(person.primary for person in people) > 1:
        raise _fail("interviewers", "only one interviewer can be primary")
    return people


def parse_attempt(value: Any, path: str = "attempt") -> Attempt:
    """One attempt object."""
    obj = _object(value, path, shapes.ATTEMPT_FIELDS)
    return Attempt(
        at=parse_datetime(obj.get("at"), f"{path}.at"),
        channel=_required_enum(AttemptChannel, obj.get("channel"), f"{path}.channel"),
        purpose=_required_enum(Purpose, obj.get("purpose"), f"{path}.purpose"),
        outcome=_required_enum(Outcome, obj.get("outcome"), f"{path}.outcome"),
        notes=_text(obj.get("notes"), f"{path}.notes"),
    )


def attempt_fields(value: Any, required: tuple[str, ...] = ()) -> dict[str, Any]:
    """The fields given of an attempt object, each read as `parse_attempt` reads it, for
    logging one (`required`: channel, outcome) or correcting one (any subset); a field left
    out or null is not in the result."""
    obj = _object(value, "", shapes.ATTEMPT_FIELDS)
    readers: dict[str, Callable[[Any, str], Any]] = {
        "at": parse_datetime,
        "channel": lambda v, p: _enum(AttemptChannel, v, p),
        "purpose": lambda v, p: _enum(Purpose, v, p),
        "outcome": lambda v, p: _enum(Outcome, v, p),
        "notes": _text,
    }
    for name in required:
        if obj.get(name) is None:
            raise _fail(name, "required")
    return {name: readers[name](raw, name) for name, raw in obj.items() if raw is not None}


def _attempts(value: Any) -> tuple[Attempt, ...]:
    items = _list(value, "attempts")
    attempts = [parse_attempt(item, f"attempts[{i}]") for i, item in enumerate(items)]
    attempts.sort(key=lambda attempt: attempt.at)  # "oldest first", whatever order came in
    return tuple(attempts)


def _points(value: Any) -> tuple[str, ...]:
    items = _list(value, "discussion_points")
    points = []
    for i, item in enumerate(items):
        text = _text(item, f"discussion_points[{i}]")
        if text:
            points.append(text)
    return tuple(points)


def _within_days(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail("feedback_expected_within_days", f"must be a whole number, got {_kind(value)}")
    if not 0 <= value <= 365:
        raise _fail("feedback_expected_within_days", f"must be from 0 to 365 (got {value})")
    return value


def _country(value: Any) -> str:
    if value is None:
        return "US"
    if not isinstance(value, str) or not _COUNTRY_RE.match(value.upper()):
        raise _fail("country", f"must be an ISO 3166 two-letter code like US (got {shown(value)})")
    return value.upper()


def interview_from_dict(
    value: Any, *, check_calendar: Callable[[str, str | None], None] | None = None
) -> Interview:
    """Build an `Interview` from a contract interview object, or raise `InputError`.

    `check_calendar(country, subdivision)` may validate the holiday calendar; it raises
    `InputError` naming `country` or `subdivision`.
    """
    obj = _object(value, "", shapes.INTERVIEW_FIELDS)
    raw_id = obj.get("id")
    if raw_id is not None and not isinstance(raw_id, str | int):
        raise _fail("id", f"must be a string, got {_kind(raw_id)}")
    timezone = _text(obj.get("timezone"), "timezone")
    if timezone is not None:
        zone(timezone)
    country = _country(obj.get("country"))
    subdivision = _text(obj.get("subdivision"), "subdivision")
    if check_calendar is not None:
        check_calendar(country, subdivision)
    industry = _text(obj.get("industry"), "industry")
    return Interview(
        id=None if raw_id is None else str(raw_id),
        company=_required_text(obj.get("company"), "company"),
        role=_required_text(obj.get("role"), "role"),
        candidate=_candidate(obj.get("candidate")),
        interviewers=_interviewers(obj.get("interviewers")),
        interviewed_at=_interviewed_at(obj.get("interviewed_at"), timezone),
        timezone=timezone,
        country=country,
        subdivision=subdivision.upper() if subdivision else None,
        format=_enum(InterviewFormat, obj.get("format"), "format"),
        scheduled_via=_enum(ScheduledVia, obj.get("scheduled_via"), "scheduled_via"),
        industry=industry,
        culture=_enum(Culture, obj.get("culture"), "culture") or Culture.NEUTRAL,
        interviewer_manner=(
            _enum(Manner, obj.get("interviewer_manner"), "interviewer_manner") or Manner.NEUTRAL
        ),
        feedback_expected_by=parse_date(obj.get("feedback_expected_by"), "feedback_expected_by"),
        feedback_expected_within_days=_within_days(obj.get("feedback_expected_within_days")),
        instructions=_enum(Instructions, obj.get("instructions"), "instructions"),
        discussion_points=_points(obj.get("discussion_points")),
        competing_offer_deadline=parse_date(
            obj.get("competing_offer_deadline"), "competing_offer_deadline"
        ),
        status=_enum(InterviewStatus, obj.get("status"), "status") or InterviewStatus.AWAITING,
        attempts=_attempts(obj.get("attempts")),
    )


def _drop_none(obj: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in obj.items() if value is not None}


def person_to_dict(person: Person, *, interviewer: bool) -> dict[str, Any]:
    obj: dict[str, Any] = {"name": person.name}
    if interviewer and person.title:
        obj["title"] = person.title
    if person.email:
        obj["email"] = person.email
    if person.phone:
        obj["phone"] = person.phone
    if interviewer and person.primary:
        obj["primary"] = True
    return obj


def attempt_to_dict(attempt: Attempt) -> dict[str, Any]:
    return _drop_none(
        {
            "at": attempt.at.isoformat(),
            "channel": attempt.channel.value,
            "purpose": attempt.purpose.value,
            "outcome": attempt.outcome.value,
            "notes": attempt.notes,
        }
    )


def interview_to_dict(interview: Interview) -> dict[str, Any]:
    """The contract's interview object; `interview_from_dict` reads it back unchanged."""
    obj: dict[str, Any] = {
        "id": interview.id,
        "company": interview.company,
        "role": interview.role,
        "candidate": person_to_dict(interview.candidate, interviewer=False),
        "interviewers": [person_to_dict(p, interviewer=True) for p in interview.interviewers],
        "interviewed_at": interview.interviewed_at.isoformat(),
        "timezone": interview.timezone,
        "country": interview.country,
        "subdivision": interview.subdivision,
        "format": interview.format,
        "scheduled_via": interview.scheduled_via,
        "industry": interview.industry,
        "culture": interview.culture.value,
        "interviewer_manner": interview.interviewer_manner.value,
        "feedback_expected_by": _iso(interview.feedback_expected_by),
        "feedback_expected_within_days": interview.feedback_expected_within_days,
        "instructions": interview.instructions,
        "discussion_points": list(interview.discussion_points) or None,
        "competing_offer_deadline": _iso(interview.competing_offer_deadline),
        "status": interview.status.value,
        "attempts": [attempt_to_dict(a) for a in interview.attempts] or None,
    }
    return {k: (v.value if isinstance(v, StrEnum) else v) for k, v in _drop_none(obj).items()}


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def reason_to_dict(reason: Reason) -> dict[str, Any]:
    return {
        "rule": reason.rule,
        "says": reason.says,
        "sources": list(reason.sources),
        "effect": reason.effect.value,
    }


def step_to_dict(step: Step) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "purpose": step.purpose.value,
        "channel": step.channel.value,
        "status": step.status.value,
        "earliest": step.earliest.isoformat(),
        "latest": step.latest.isoformat(),
        "best": step.best.isoformat(),
        "contact": step.contact,
    }
    if step.done_at is not None:
        obj["done_at"] = step.done_at.isoformat()
    obj["reasons"] = [reason_to_dict(r) for r in step.reasons]
    if step.script is not None:
        obj["script"] = step.script
    return obj


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The contract's plan object. `next` is the same object as its entry in `steps`."""
    steps = [step_to_dict(step) for step in plan.steps]
    next_obj = None
    if plan.next is not None:
        next_obj = steps[next(i for i, s in enumerate(plan.steps) if s is plan.next)]
    return {
        "id": plan.id,
        "as_of": plan.as_of.isoformat(),
        "policy": plan.policy,
        "state": plan.state.value,
        "next": next_obj,
        "steps": steps,
        "attempts_left": plan.attempts_left,
        "warnings": list(plan.warnings),
    }


def plan_to_json(plan: Plan) -> str:
    """The contract's plan object as one line of JSON (a line of `followup plan`'s output)."""
    return json.dumps(plan_to_dict(plan), ensure_ascii=False)
