"""Every message we write passes `followup check` for its kind: no error, no warning.

Over a few thousand generated interviews (names from many languages, long and short roles,
missing facts, every zone and formality, dates around the year's turn). What the checker
reads is `Message.body` (for a call script: the words said, in order) and, separately, a
call script's voicemail fallback, as a voicemail. The prep checklist is not a message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.checker import check
from followup.domain.codec import interview_from_dict
from followup.domain.model import Interview
from followup.messages import MESSAGE_KINDS, Message, write

FIRST = [
    "Sam",
    "Dana",
    "José",
    "Zoë",
    "Priya",
    "Ingrid",
    "Wei",
    "Oluwaseun",
    "Siobhán",
    "Mohammed",
    "Anne-Marie",
    "Łukasz",
    "Ngozi",
    "Kenji",
    "Émile",
    "Aroha",
    "Björn",
    "Fatima",
    "Tomás",
    "Li",
    "Jo",
    "Christopher",
]
LAST = [
    "Lee",
    "Ruiz",
    "Álvarez",
    "O'Brien",
    "Natarajan",
    "Solberg",
    "Zhang",
    "Adeyemi",
    "Al-Sayed",
    "Dubois",
    "Kowalski",
    "Okafor",
    "Tanaka",
    "Müller",
    "Nguyen",
    "García-López",
    "van der Berg",
    "MacLeod",
    "Smith",
    "Featherstonehaugh",
]
TITLES = ["", "", "", "Dr. ", "Ms ", "Prof. ", "Mr "]
COMPANIES = [
    "Acme Analytics",
    "Hargreaves & Finch LLP",
    "Société Générale",
    "Fjord Robotics",
    "Northwind Logistics",
    "St. Mary's Hospital",
    "O'Neill & Sons",
    "3M",
    "BlueOcean.io",
    "Ministry of Transport",
    "Kaiser-Weber GmbH",
    "Tata Consultancy Services",
    "City of Springfield",
    "Zenith Credit Partners",
]
ROLES = [
    "Analyst",
    "Senior Data Analyst",
    "Trainee Solicitor",
    "Staff Nurse (Night Shift)",
    "Embedded Engineer",
    "Head of Finance",
    "Junior Accountant",
    "UX Researcher",
    "Regional Operations and Fleet Planning Coordinator",
    "Software Engineer II",
    "Principal Data Platform and Analytics Engineering Lead, EMEA",
    "Teacher of Maths",
    "Customer Success Manager",
    "Chef de Partie",
]
POINTS = [
    "the churn dashboard rebuild",
    "moving reporting to dbt",
    "the new patient intake flow",
    "how you onboard new graduates",
    "the Leeds depot expansion",
    "test automation",
    "the motor controller firmware",
    "audit season",
    "your mentoring programme",
    "the migration to Kubernetes",
    "cutting empty miles on the Leeds routes",
    "the quarterly close",
    "accessibility testing with screen readers",
    "the French market launch",
    "GDPR training for the sales team",
    "how the team rebuilt the churn dashboard in dbt last year",
    "SQL performance",
]
ZONES = [
    "America/New_York",
    "America/Los_Angeles",
    "Europe/London",
    "Europe/Berlin",
    "Asia/Kolkata",
    "Australia/Sydney",
    "Pacific/Auckland",
    "America/Sao_Paulo",
    None,
]
OFFSETS = ["-08:00", "-05:00", "+00:00", "+01:00", "+05:30", "+09:00", "+13:00"]
PHONES = ["+1 617 555 0142", "07700 900123", "+47 912 34 567", "(555) 010-7788", "+91 98765 43210"]


@st.composite
def people(draw: st.DrawFn, *, titled: bool) -> str:
    title = draw(st.sampled_from(TITLES)) if titled else ""
    return f"{title}{draw(st.sampled_from(FIRST))} {draw(st.sampled_from(LAST))}"


@st.composite
def interviews(draw: st.DrawFn) -> tuple[Interview, dt.date]:
    """A plausible interview, and a day on which to write about it."""
    day = draw(st.dates(dt.date(2024, 1, 1), dt.date(2027, 12, 31)))
    at = dt.datetime.combine(day, dt.time(draw(st.integers(8, 18)), draw(st.sampled_from([0, 30]))))
    obj: dict[str, Any] = {
        "company": draw(st.sampled_from(COMPANIES)),
        "role": draw(st.sampled_from(ROLES)),
        "candidate": _contact(draw, draw(people(titled=False)), "me@example.com"),
        "interviewers": [
            _contact(draw, draw(people(titled=True)), f"person{n}@employer.example")
            for n in range(draw(st.integers(1, 3)))
        ],
        "interviewed_at": f"{at.isoformat()}{draw(st.sampled_from(OFFSETS))}",
        "culture": draw(st.sampled_from(["direct", "neutral", "formal"])),
        "interviewer_manner": draw(st.sampled_from(["friendly", "neutral", "formal"])),
        "discussion_points": draw(st.lists(st.sampled_from(POINTS), max_size=3, unique=True)),
    }
    if zone := draw(st.sampled_from(ZONES)):
        obj["timezone"] = zone
    today = day + dt.timedelta(days=draw(st.integers(0, 40)))
    if draw(st.booleans()):
        deadline = today + dt.timedelta(days=draw(st.integers(1, 20)))
        obj["competing_offer_deadline"] = deadline.isoformat()
    if draw(st.booleans()):
        call = dt.datetime.combine(today, dt.time(11)).isoformat() + "+00:00"
        obj["attempts"] = [{"at": call, "channel": "call", "purpose": "status", "outcome": "spoke"}]
    return interview_from_dict(obj), today


def _contact(draw: st.DrawFn, name: str, address: str) -> dict[str, Any]:
    contact: dict[str, Any] = {"name": name}
    if draw(st.booleans()):
        contact["email"] = address
    if draw(st.booleans()):
        contact["phone"] = draw(st.sampled_from(PHONES))
    return contact


def drafts(message: Message) -> list[tuple[str, str]]:
    """(checker kind, text) pairs: what `followup check` must pass in this message."""
    checked = [(message.check_kind, message.body)] if message.check_kind else []
    return checked + [("voicemail", s.text) for s in message.sections if s.role == "voicemail"]


def every_message(interview: Interview, today: dt.date) -> list[Message]:
    written = [write(interview, kind, today=today) for kind in MESSAGE_KINDS]
    offer_call = write(interview, "offer-deadline", today=today, channel="call")
    return [*written, offer_call, write(interview, "call", today=today, purpose="thank_you")]


@settings(max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(interviews())
def test_every_message_passes_the_checker(case: tuple[Interview, dt.date]) -> None:
    interview, today = case
    for message in every_message(interview, today):
        for kind, text in drafts(message):
            findings = check(text, kind, context=interview).to_dict()["findings"]
            serious = [f for f in findings if f["severity"] in ("error", "warning")]
            assert not serious, (message.kind, kind, text, serious)
        if message.kind == "text":
            assert len(message.body) <= 320
