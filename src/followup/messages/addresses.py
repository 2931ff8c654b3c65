"""Header text and mailboxes a drafted email can carry without being turned against the user.

Whatever an interview holds (a company named `=?utf-8?q?=0D=0ABcc=3A_x=40evil?=`, a contact
named `Ruiz, Dana <evil@example.com>`, line breaks of any kind), a draft has exactly one
From, one To and one Subject:

- header text has no control or format characters, no line or paragraph separators, and no
  RFC 2047 encoded-word opener `=?` (the stdlib decodes one given in a header value and
  writes what it decodes, CR/LF included, as raw header lines): it becomes `= ?`;
- a mailbox is built from an `email.headerregistry.Address`, with an ASCII address (the
  domain IDNA-encoded; a non-ASCII local part is refused, naming the field) and a display
  name kept only when the strict parser reads it back unchanged.
"""

from __future__ import annotations

import email
import email.policy
import re
import unicodedata
from email.headerregistry import Address
from email.message import EmailMessage

from followup.domain.errors import InputError

#: RFC 5322 atext: what an unquoted local part may hold.
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]"
_LOCAL = re.compile(rf"{_ATEXT}+(?:\.{_ATEXT}+)*\Z")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\Z")
#: Unicode categories that never belong in a header: controls, formats (bidi overrides,
#: soft hyphens...), separators of lines and paragraphs, unpaired surrogates.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
#: Format characters that words need: the zero-width joiner and non-joiner (emoji
#: sequences, Persian and Indic scripts).
_JOINERS = frozenset("\u200c\u200d")


def header_text(text: str) -> str:
    """One line of header text: unsafe characters become spaces, runs of spaces one space,
    and an encoded-word opener `=?` becomes `= ?`."""
    cleaned = "".join(
        " " if unicodedata.category(char) in _UNSAFE_CATEGORIES and char not in _JOINERS else char
        for char in text
    )
    line = " ".join(cleaned.split())
    while "=?" in line:
        line = line.replace("=?", "= ?")
    return line


def ascii_address(address: str, field: str) -> str:
    """`local@domain` in ASCII (the domain IDNA-encoded), or `InputError` on `field`."""
    local, at, domain = address.strip().rpartition("@")
    if not at or not local or not domain:
        raise InputError(field, f"is not an e-mail address (got {address[:60]!r})")
    if not local.isascii():
        raise InputError(
            field,
            f"{address[:60]!r} has non-ASCII characters before the @, which an email draft "
            "cannot carry; use an ASCII address for this contact",
        )
    if not _LOCAL.match(local):
        raise InputError(field, f"is not an address an email draft can carry (got {address!r})")
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise InputError(
            field, f"has a domain that is not a valid internationalised name (got {domain!r})"
        ) from None
    labels = ascii_domain.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        raise InputError(field, f"has a domain an email cannot go to (got {domain!r})")
    return f"{local}@{ascii_domain}"


def mailbox(name: str | None, address: str, field: str) -> Address:
    """The mailbox `name <address>`; the bare address when the name would not survive."""
    local, _, domain = ascii_address(address, field).rpartition("@")
    display = header_text(name or "")
    if display:
        named = Address(display_name=display, username=local, domain=domain)
        if _reads_back(named):
            return named
    return Address(username=local, domain=domain)


def _reads_back(box: Address) -> bool:
    """Whether the strict parser reads `box` back as exactly one, identical mailbox (the
    stdlib's folding of long non-ASCII names with specials is not always lossless)."""
    probe = EmailMessage(policy=email.policy.default)
    try:
        probe["To"] = box
        reread = email.message_from_string(probe.as_string(), policy=email.policy.strict)
        boxes = reread["To"].addresses
    except Exception:  # any failure of the stdlib means: do not risk the name
        return False
    return len(boxes) == 1 and (boxes[0].display_name, boxes[0].addr_spec) == (
        box.display_name,
        box.addr_spec,
    )
