"""The facts a message needs, taken from one interview and put in the job seeker's words.

Dates are read in the employer's time zone (the interview's `timezone`, else the offset of
`interviewed_at`), so "last Friday" means the Friday the interviewer remembers. A fact the
interview does not hold becomes a visible `[placeholder]` with a line saying what to fill in;
the checker ignores square-bracket placeholders.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from followup.calendar import employer_zone
from followup.domain.model import AttemptChannel, Culture, Interview, Manner, Outcome, Person

#: Titles that are not a first name, so "Dr Dana Ruiz" is greeted in full.
HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame"})


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A fact the user must fill in: the visible text and a one-line instruction."""

    text: str
    fill_in: str


@dataclass(slots=True)
class Facts:
    """Everything a template may use, plus the placeholders standing in for missing facts."""

    values: dict[str, Any]
    placeholders: list[Placeholder] = field(default_factory=list)

    def missing(self, text: str, fill_in: str) -> str:
        """Record a placeholder and return its visible text, for use in a template."""
        self.placeholders.append(Placeholder(text, fill_in))
        return text


def one_line(text: str) -> str:
    """Collapse runs of whitespace, so user text cannot break a header or a sentence."""
    return " ".join(text.split())


def local_day(moment: dt.datetime, interview: Interview) -> dt.date:
    """The calendar day of `moment` where the employer is."""
    return moment.astimezone(employer_zone(interview)).date()


def date_in_words(day: dt.date, today: dt.date) -> str:
    """'20 November', with the year only when it is not this year's."""
    words = f"{day.day} {day:%B}"
    return words if day.year == today.year else f"{words} {day.year}"


def day_in_words(day: dt.date, today: dt.date) -> str:
    """When something happened, to follow a verb: 'today', 'yesterday', 'on Tuesday' (earlier
    this week), 'last Friday' (a day of last week other than today's weekday), else
    'on 18 November'."""
    days_ago = (today - day).days
    if days_ago == 0:
        return "today"
    if days_ago == 1:
        return "yesterday"
    if days_ago >= 2:
        this_monday = today - dt.timedelta(days=today.weekday())
        if day >= this_monday:
            return f"on {day:%A}"
        if day >= this_monday - dt.timedelta(days=7) and days_ago != 7:
            return f"last {day:%A}"  # (a week ago today would read as today: a date instead)
    return f"on {date_in_words(day, today)}"


def deadline_in_words(day: dt.date, today: dt.date) -> str:
    """A coming date with its weekday, 'Friday 4 December', so nobody misreads it."""
    return f"{day:%A} {date_in_words(day, today)}"


def is_formal(interview: Interview) -> bool:
    """A formal culture or interviewer manner asks for 'Dear Dana Ruiz' rather than 'Dana'."""
    return interview.culture is Culture.FORMAL or interview.interviewer_manner is Manner.FORMAL


def addressed_as(person: Person, *, formal: bool) -> str:
    """How to address the contact: 'Dr. Marsh' when titled, 'Dana Ruiz' when formal, else
    the first name, 'Dana'."""
    words = one_line(person.name).split(" ")
    if len(words) > 1 and words[0].rstrip(".").lower() in HONORIFICS:
        surname = words[2:] or words[1:]  # after the title and one given name: "van der Berg"
        return " ".join([words[0], *surname])
    return " ".join(words) if formal else words[0]


def best_point(interview: Interview) -> str | None:
    """The discussion point to mention: the first one, as users list them by importance."""
    for point in interview.discussion_points:
        cleaned = one_line(point).rstrip(".")
        if cleaned:
            return cleaned
    return None


def last_call_day(interview: Interview, today: dt.date) -> str:
    """When the candidate last spoke to them on the phone, for the recap email."""
    for attempt in reversed(interview.attempts):
        if (
            attempt.outcome in (Outcome.SPOKE, Outcome.RUDE)
            and attempt.channel is AttemptChannel.CALL
        ):
            return day_in_words(local_day(attempt.at, interview), today)
    return "today"


def gather(interview: Interview, today: dt.date) -> Facts:
    """The template values for one interview as of `today`, with placeholders for gaps."""
    contact = interview.primary_contact
    formal = is_formal(interview)
    facts = Facts(values={})
    interviewed = local_day(interview.interviewed_at, interview)
    candidate_name = one_line(interview.candidate.name)
    facts.values.update(
        candidate=candidate_name,
        company=one_line(interview.company),
        role=one_line(interview.role),
        contact=one_line(contact.name),
        contact_title=one_line(contact.title) if contact.title else None,
        contact_phone=contact.phone,
        addressed=addressed_as(contact, formal=formal),
        formal=formal,
        when=day_in_words(interviewed, today),
        interview_date=date_in_words(interviewed, today),
        call_day=last_call_day(interview, today),
        points=[one_line(p) for p in interview.discussion_points],
        others=[one_line(p.name) for p in interview.interviewers if p is not contact],
        candidate_phone=one_line(interview.candidate.phone) if interview.candidate.phone else None,
    )
    _fill_gaps(facts, interview, today)
    return facts


def _fill_gaps(facts: Facts, interview: Interview, today: dt.date) -> None:
    point = best_point(interview)
    facts.values["point"] = point or facts.missing(
        "[a topic you discussed]",
        "name one specific topic from the interview (or add discussion_points to the interview)",
    )
    phone = interview.candidate.phone
    facts.values["phone"] = (
        one_line(phone)
        if phone
        else facts.missing(
            "[your phone number]",
            "write the number they can call you back on (or add candidate.phone)",
        )
    )
    deadline = interview.competing_offer_deadline
    facts.values["offer_deadline"] = (
        deadline_in_words(deadline, today)
        if deadline
        else facts.missing(
            "[the date you must answer the other offer]",
            "write the day you must answer the other offer (or add competing_offer_deadline)",
        )
    )
