"""An RFC 5545 calendar: one event per due or upcoming step, at its best moment.

UIDs derive from the interview's id and the step, so importing a newer export updates the
events instead of duplicating them; DTSTAMP comes from the injected clock, so the same
data and clock give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from icalendar import Alarm, Calendar, Event

from followup.domain.model import Channel, Interview, Plan, Step, StepStatus
from followup.formats import step_words

PRODID = "-//Followup//followup tracker//EN"
DURATION = {Channel.CALL: dt.timedelta(minutes=15), Channel.EMAIL: dt.timedelta(minutes=15),
            Channel.TEXT: dt.timedelta(minutes=5)}  # fmt: skip
REMINDER = dt.timedelta(minutes=30)
SCRIPT_LINES = 6

#: (interview, its plan, the first lines of the script for each step by position)
Planned = tuple[Interview, Plan, dict[int, str]]


#: Line breaks of every kind, which a multi-line value keeps as RFC 5545's `\n`.
_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
#: The rest of RFC 5545's CONTROL (NUL to US, DEL) and the C1 controls: never in a value.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def ics_text(text: str, *, lines: bool = False) -> str:
    """A TEXT value with no control character (RFC 5545 3.3.11): NUL, VT, FF, FS to US,
    DEL and the C1 controls become spaces; line breaks (CR, LF, NEL, U+2028, U+2029)
    become one LF when `lines` (the library writes it as `\n`), else a space."""
    text = _BREAKS.sub("\n" if lines else " ", text)
    return _CONTROLS.sub(" ", text)


def uid(interview_id: str, step: Step, occurrence: int) -> str:
    """Stable per interview and step: `acme-analyst.status.1@followup`."""
    return ics_text(f"{interview_id}.{step.purpose.value}.{occurrence}@followup")


def write_ics(planned: Iterable[Planned], now: dt.datetime) -> str:
    """The calendar text (CRLF line endings, as RFC 5545 wants)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Follow-ups")
    for interview, plan, scripts in planned:
        seen: dict[str, int] = {}
        for position, step in enumerate(plan.steps):
            seen[step.purpose.value] = seen.get(step.purpose.value, 0) + 1
            if step.status in (StepStatus.DUE, StepStatus.UPCOMING):
                occurrence = seen[step.purpose.value]
                calendar.add_component(
                    _event(interview, step, occurrence, scripts.get(position, ""), now)
                )
    calendar.add_missing_timezones()  # VTIMEZONE for every TZID, so calendars place events
    return str(calendar.to_ical().decode("utf-8"))


def _event(interview: Interview, step: Step, occurrence: int, script: str, now: dt.datetime):  # type: ignore[no-untyped-def]
    contact = interview.primary_contact
    event = Event()
    event.add("uid", uid(interview.id or "", step, occurrence))
    event.add("dtstamp", now.astimezone(dt.UTC))
    event.add("dtstart", step.best)
    event.add("dtend", step.best + DURATION[step.channel])
    what = step_words(step.purpose.value, step.channel.value).capitalize()
    event.add("summary", ics_text(f"{what} to {contact.name} ({interview.company})"))
    reach = ", ".join(x for x in (contact.phone, contact.email) if x) or "no phone or e-mail"
    lines = [f"{contact.name}: {reach}", f"{interview.role} at {interview.company}",
             f"Window: {step.earliest.isoformat()} to {step.latest.isoformat()}"]  # fmt: skip
    if script:
        lines += ["", script]
    event.add("description", ics_text("\n".join(lines), lines=True))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", ics_text(f"Follow up with {contact.name}"))
    alarm.add("trigger", -REMINDER)
    event.add_component(alarm)
    return event


def first_lines(body: str, count: int = SCRIPT_LINES) -> str:
    """The opening of a script, for a calendar entry."""
    lines = [line for line in body.splitlines() if line.strip()]
    return "\n".join(lines[:count])
