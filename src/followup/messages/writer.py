"""Write one message for one interview: pick the template, fill in the facts, read the result.

A rendered template is plain text in a small format a user can also write:

- an optional first line `Subject: …` (emails), then a blank line;
- either the message itself, or sections, each opened by a line `## Heading` or
  `## Heading (role)`, where the role is `say` (default), `aside`, `voicemail` or `note`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from followup.domain.errors import InputError, PolicyError
from followup.domain.model import Interview, Purpose
from followup.messages.addresses import header_text
from followup.messages.facts import Facts, Placeholder, gather, one_line
from followup.messages.message import SECTION_ROLES, Message, Section, sms_length
from followup.messages.templates import render

TEXT_LIMIT = 320  # two SMS at most, whatever happens (issue 4)
VOICEMAIL_WORDS = 80  # about 30 seconds; the checker warns above 85 words
MAX_BREVITY = 4  # templates may offer shorter wordings, `brevity` 0 (fullest) to 4
_HEADING = re.compile(r"## +(?P<heading>.+?)(?: +\((?P<role>[a-z]+)\))? *\Z")
_EMAIL_ADDRESS = re.compile(r"[^@\s<>(),;:\"\[\]]+@[^@\s<>(),;:\"\[\]]+\.[^@\s<>(),;:\"\[\]]+\Z")


@dataclass(frozen=True, slots=True)
class Kind:
    """What a kind of message is: its label, channel and the checker kind that reads it."""

    label: str
    channel: str
    check_kind: str | None


KIND_INFO: dict[str, Kind] = {
    "call": Kind("Call script", "call", "call"),
    "voicemail": Kind("Voicemail", "voicemail", "voicemail"),
    "thank-you-email": Kind("Thank-you email", "email", "email"),
    "status-email": Kind("Status email", "email", "email"),
    "final-email": Kind("Final follow-up email", "email", "email"),
    "offer-deadline": Kind("Offer-deadline email", "email", "email"),
    "recap-email": Kind("Recap email after your call", "email", "email"),
    "text": Kind("Text message", "text", "text"),
    "prep": Kind("Checklist before you call", "checklist", None),
}
#: Every kind `followup script --kind` accepts; the same names as a plan step's `script`.
MESSAGE_KINDS: tuple[str, ...] = tuple(KIND_INFO)
OFFER_CALL = Kind("Offer-deadline call script", "call", "call")


def write(
    interview: Interview,
    kind: str,
    *,
    today: dt.date,
    templates_dir: Path | None = None,
    channel: str | None = None,
    purpose: str | None = None,
) -> Message:
    """The message of `kind` for `interview`, written as of `today` (for "last Tuesday").

    `channel` picks the call or email variant of `offer-deadline` (default: email);
    `purpose` is the plan step's (default `status`): a `thank_you` call only thanks (S0-10).
    """
    info, template = _kind_and_template(kind, channel)
    facts = gather(interview, today)
    facts.values["purpose"] = _purpose(purpose)
    message = _fullest_that_fits(
        _read(_render(template, facts, templates_dir, brevity=b), kind, info, facts, template)
        for b in range(MAX_BREVITY + 1)
    )
    message.purpose = str(facts.values["purpose"])
    _address_to(message, interview, str(facts.values["candidate"]))
    message.placeholders = _used(facts.placeholders, message)
    if message.channel == "email" and message.to is None:
        message.placeholders.append(_address_placeholder(message.contact))
    return message


def _address_to(message: Message, interview: Interview, candidate: str) -> None:
    """Who it goes to: the contact's address for an email, their number otherwise."""
    contact = interview.primary_contact
    emailed = message.channel == "email"
    message.to = _address(contact.email) if emailed else None
    message.to_field = f"interviewers[{interview.interviewers.index(contact)}].email"
    message.phone = one_line(contact.phone) if contact.phone and not emailed else None
    message.sender = _address(interview.candidate.email)
    message.sender_name = candidate if message.sender else None


def _kind_and_template(kind: str, channel: str | None) -> tuple[Kind, str]:
    if kind not in KIND_INFO:
        raise InputError("kind", f"must be one of {', '.join(MESSAGE_KINDS)} (got {kind!r})")
    if channel not in (None, "call", "email"):
        raise InputError("channel", f"must be call or email (got {channel!r})")
    if kind == "offer-deadline":
        variant = channel or "email"
        return (OFFER_CALL if variant == "call" else KIND_INFO[kind]), f"{kind}-{variant}.j2"
    if channel is not None and channel != KIND_INFO[kind].channel:
        raise InputError("channel", f"only offer-deadline has a choice of channel, not {kind}")
    return KIND_INFO[kind], f"{kind}.j2"


def _purpose(purpose: str | None) -> str:
    if purpose is None:
        return Purpose.STATUS.value
    try:
        return Purpose(purpose).value
    except ValueError:
        choices = ", ".join(p.value for p in Purpose)
        raise InputError("purpose", f"must be one of {choices} (got {purpose!r})") from None


def _render(template: str, facts: Facts, templates_dir: Path | None, **extra: object) -> str:
    text = render(template, {**facts.values, **extra}, templates_dir)
    company = str(facts.values.get("company", ""))
    if company.endswith("."):  # "Tokyo Works K.K." ends its sentence with its own full stop
        text = text.replace(company + ".", company)
    return text


def _words(text: str) -> int:
    """Words as generously as any counter would count them ("I'm" is two)."""
    return len(re.findall(r"\w+", text))


def _fit(message: Message) -> int:
    """0: fits; 1: acceptable (a text of two SMS); 2: too long."""
    if message.channel == "text":
        if sms_length(message.body)[1] == 1:
            return 0
        return 1 if len(message.body) <= TEXT_LIMIT else 2
    voicemails = [s.text for s in message.sections if s.role == "voicemail"]
    if message.channel == "voicemail":
        voicemails.append(message.body)
    return 0 if all(_words(text) <= VOICEMAIL_WORDS for text in voicemails) else 2


def _fullest_that_fits(variants: Iterator[Message]) -> Message:
    """The first (fullest) wording that fits, else the first acceptable one, else the shortest;
    a text must never exceed 320 characters."""
    acceptable: Message | None = None
    for message in variants:
        fit = _fit(message)
        if fit == 0:
            return message
        if fit == 1 and acceptable is None:
            acceptable = message
    if acceptable is not None:
        return acceptable
    if message.channel == "text":
        raise InputError("candidate.name", f"is too long for a text of {TEXT_LIMIT} characters")
    return message


def _read(rendered: str, kind: str, info: Kind, facts: Facts, source: str) -> Message:
    subject, rest = _split_subject(rendered.strip("\n"))
    if (subject is None) != (info.channel != "email"):
        why = (
            "an email template must start with 'Subject: …'"
            if subject is None
            else ("only email templates have a 'Subject:' line")
        )
        raise PolicyError(source, "Subject", why)
    sections = _sections(rest, source)
    title = f"{info.label}: {facts.values['role']} at {facts.values['company']}"
    return Message(
        kind=kind,
        title=title,
        channel=info.channel,
        check_kind=info.check_kind,
        contact=str(facts.values["contact"]),
        body=_body(rest, sections),
        subject=None if subject is None else header_text(subject),
        sections=sections,
    )


def _split_subject(text: str) -> tuple[str | None, str]:
    first, _, rest = text.partition("\n")
    if not first.startswith("Subject:"):
        return None, text
    return one_line(first.removeprefix("Subject:")), rest.strip("\n")


def _sections(text: str, source: str) -> list[Section]:
    sections: list[Section] = []
    for chunk in re.split(r"^(?=## )", text, flags=re.MULTILINE):
        heading_line, _, section_text = chunk.partition("\n")
        match = _HEADING.match(heading_line)
        if match is None:
            if chunk.strip() and sections:
                raise PolicyError(source, "sections", f"not a heading: {heading_line!r}")
            continue
        role = match["role"] or "say"
        if role not in SECTION_ROLES:
            raise PolicyError(source, match["heading"], f"role must be one of {SECTION_ROLES}")
        sections.append(Section(match["heading"], _tidy(section_text), role))
    return sections


def _tidy(text: str) -> str:
    """Collapse the blank lines a template's `{% if %}` leaves behind."""
    return re.sub(r"\n{3,}", "\n\n", text.strip())


def _body(text: str, sections: list[Section]) -> str:
    """What the checker reads: the words to say, or the whole message; a checklist as text."""
    if not sections:
        return _tidy(text)
    said = [s.text for s in sections if s.role == "say"]
    if said:
        return "\n\n".join(said)
    return "\n\n".join(f"{s.heading}\n{s.text}" for s in sections)


def _used(placeholders: list[Placeholder], message: Message) -> list[Placeholder]:
    """The placeholders that appear in the message, once each, in order."""
    shown = "\n".join([message.subject or "", message.body, *(s.text for s in message.sections)])
    seen: dict[str, Placeholder] = {}
    for placeholder in placeholders:
        if placeholder.text in shown:
            seen.setdefault(placeholder.text, placeholder)
    return list(seen.values())


def _address(email: str | None) -> str | None:
    """The contact's address, if it looks like one a mail program will accept."""
    return email.strip() if email and _EMAIL_ADDRESS.match(email.strip()) else None


def _address_placeholder(contact: str) -> Placeholder:
    return Placeholder(
        f"[{contact}'s email address]",
        f"add {contact}'s email address in your mail program (or add it to the interviewer)",
    )
