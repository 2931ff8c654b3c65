"""A written message and its renderings: plain text for a person, Markdown, JSON and `.eml`.

One `Message` is computed once and rendered many ways (Datasette's habit). For every kind but
`prep`, `body` is exactly the text `followup check` should read: the words said on a call,
the voicemail, the email body or the text message; headings and stage directions stay out.
"""

from __future__ import annotations

import email.policy
import math
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any, NamedTuple
from urllib.parse import quote

from followup.domain.errors import InputError
from followup.messages.addresses import ascii_address, header_text, mailbox
from followup.messages.facts import Placeholder

#: Roles of a section: words to say on the call, an aside (say it only if that happens),
#: the voicemail to leave instead, or a checklist note for the person (never said).
SECTION_ROLES = ("say", "aside", "voicemail", "note")

# GSM 03.38: a message in these characters fits 160 per SMS; anything else drops it to 70.
_GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENDED = frozenset("^{}\\[~]|€")


class Section(NamedTuple):
    """One part of a call script or checklist: its heading, its text and its role."""

    heading: str
    text: str
    role: str = "say"


def sms_length(text: str) -> tuple[int, int, bool]:
    """(characters as a phone counts them, SMS segments, whether it is plain GSM text)."""
    if all(char in _GSM_BASIC or char in _GSM_EXTENDED for char in text):
        units = sum(2 if char in _GSM_EXTENDED else 1 for char in text)
        return units, 1 if units <= 160 else math.ceil(units / 153), True
    return len(text), 1 if len(text) <= 70 else math.ceil(len(text) / 67), False


@dataclass(slots=True)
class Message:
    """One message written for one interview."""

    kind: str
    title: str
    channel: str  # call | voicemail | email | text | checklist
    check_kind: str | None  # the `followup check --kind` that reads `body`; None for prep
    contact: str
    body: str
    subject: str | None = None
    to: str | None = None
    sender: str | None = None  # the candidate's address (From)
    sender_name: str | None = None
    #: The contract fields `to` and `sender` came from, named when a draft cannot carry them.
    to_field: str = "interviewers[0].email"
    sender_field: str = "candidate.email"
    phone: str | None = None  # the contact's number, for a call, voicemail, text or checklist
    purpose: str = "status"  # the plan step's purpose it was written for
    sections: list[Section] = field(default_factory=list)
    placeholders: list[Placeholder] = field(default_factory=list)

    @property
    def mailto(self) -> str | None:
        """A `mailto:` link that opens this email in the user's mail program."""
        if self.subject is None:
            return None
        to = ""  # one recipient at most: an address the draft cannot carry is left for you
        if self.to:
            try:
                to = ascii_address(self.to, self.to_field)
            except InputError:
                to = ""
        query = f"subject={quote(header_text(self.subject))}&body={quote(self.body)}"
        return f"mailto:{quote(to, safe='@')}?{query}"

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `followup script --format json`."""
        obj: dict[str, Any] = {
            "kind": self.kind,
            "title": self.title,
            "channel": self.channel,
            "purpose": self.purpose,
            "check_kind": self.check_kind,
            "contact": self.contact,
            "to": self.to,
            "phone": self.phone,
            "subject": self.subject,
            "body": self.body,
            "sections": [s._asdict() for s in self.sections],
            "placeholders": [{"text": p.text, "fill_in": p.fill_in} for p in self.placeholders],
        }
        if self.mailto is not None:
            obj["mailto"] = self.mailto
        if self.channel == "text":
            characters, segments, gsm = sms_length(self.body)
            obj["sms"] = {"characters": characters, "segments": segments, "gsm": gsm}
        return obj

    def to_text(self) -> str:
        """For a person at a terminal: a title, who it goes to, the message, what to fill in."""
        lines = [self.title, "=" * len(self.title), *self._header(lambda k: f"{k}:"), ""]
        if self.sections:
            for section in self.sections:
                lines += [section.heading, "-" * len(section.heading)]
                lines += [section.text, ""]
        else:
            lines += [self.body, ""]
        lines += _fill_in_text(self.placeholders)
        return "\n".join(lines).rstrip("\n") + "\n"

    def to_markdown(self) -> str:
        """The same as Markdown: spoken words and message bodies as quotes, notes as text."""
        lines = [f"# {self.title}", "", *self._header(lambda k: f"**{k}:**", end="  "), ""]
        if self.sections:
            for section in self.sections:
                lines += [f"## {section.heading}", "", _markdown_block(section), ""]
        else:
            lines += [_quote(self.body), ""]
        if self.placeholders:
            lines += ["## Fill in before you use it", ""]
            lines += [f"- `{p.text}`: {p.fill_in}" for p in self.placeholders] + [""]
        return "\n".join(lines).rstrip("\n") + "\n"

    def to_eml(self) -> str:
        """An RFC 5322 draft (Subject, To and From when known, plain-text body) for a mail
        program: one of each header whatever the interview holds (`followup/messages/addresses.py`);
        `InputError` naming the field for an address a draft cannot carry."""
        if self.subject is None:
            raise ValueError(f"a {self.kind} is not an email")
        draft = EmailMessage(policy=_EML_POLICY)
        draft["Subject"] = header_text(self.subject)
        if self.to:
            draft["To"] = mailbox(self.contact, self.to, self.to_field)
        if self.sender:
            draft["From"] = mailbox(self.sender_name, self.sender, self.sender_field)
        draft["X-Unsent"] = "1"  # Outlook and others open it as a draft to send
        draft.set_content(self.body + "\n")
        return draft.as_string()

    def _header(self, label: Any, end: str = "") -> list[str]:
        rows = [("Calling" if self.channel == "checklist" else "To", self._recipient())]
        if self.subject is not None:
            rows.append(("Subject", self.subject))
        return [f"{label(key)} {value}{end}" for key, value in rows]

    def _recipient(self) -> str:
        if self.channel != "email":
            return f"{self.contact} ({self.phone})" if self.phone else self.contact
        return (
            f"{self.contact} <{self.to}>"
            if self.to
            else f"{self.contact} [{self.contact}'s email address]"
        )


#: RFC 5322's own line limit (998), not the default 78: the standard library's header folder
#: can drop the space between two encoded words when it folds a long non-ASCII subject
#: ("𐀀 ¡" came back as "𐀀¡"), so a header is folded only when it must be.
_EML_POLICY = email.policy.default.clone(max_line_length=998)


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


def _markdown_block(section: Section) -> str:
    return section.text if section.role in ("aside", "note") else _quote(section.text)


def _fill_in_text(placeholders: list[Placeholder]) -> list[str]:
    if not placeholders:
        return []
    lines = ["Fill in before you use it", "-------------------------"]
    return lines + [f"{p.text}: {p.fill_in}" for p in placeholders] + [""]
