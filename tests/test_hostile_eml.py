"""Drafted emails that cannot be turned against the user: every .eml, for interviews built
from hostile strings, parses under `email.policy.strict` into exactly one From, one To and
one Subject, and no other address header; mailto links carry one recipient at most."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.domain.codec import interview_from_dict
from followup.domain.errors import InputError
from followup.messages import write
from followup.messages.addresses import ascii_address, header_text
from tests.tracker_support import example

TODAY = dt.date(2026, 11, 25)
EMAIL_KINDS = ("thank-you-email", "status-email", "final-email", "offer-deadline")
ADDRESS_HEADERS = ("from", "to", "cc", "bcc", "reply-to", "sender", "resent-from",
                   "resent-to", "resent-cc", "resent-bcc", "resent-sender", "return-path",
                   "disposition-notification-to")  # fmt: skip
HOSTILE = [
    "=?utf-8?q?=0D=0ABcc=3A_evil=40attacker.example?=",
    "Dana =?utf-8?b?DQpCY2M6IGV2aWxAYXR0YWNrZXIuZXhhbXBsZQ==?= Ruiz",
    "Dana\r\nBcc: evil@attacker.example",
    "Dana\rBcc: evil@attacker.example",
    "Dana\nCc: evil@attacker.example",
    "Dana\u2028Bcc: evil@attacker.example",
    "Dana\u0085Bcc: evil@attacker.example",
    "Ruiz, Dana <evil@attacker.example>",
    '"Dana" <dana@acme.example>, evil@attacker.example',
    "Dana <evil@attacker.example>; Lee",
    "\u202eanaD Ruiz",
    "Société Générale, Inc. (Paris) <ops>",
    "=?" * 40,
]


def drafted(name: str, company: str, role: str, kind: str, *, to: str = "dana@acme.example",
            sender: str = "sam.lee@example.com") -> Any:  # fmt: skip
    obj = example(company=company, role=role)
    obj["interviewers"] = [{"name": name, "email": to}]
    obj["candidate"] = {"name": name, "email": sender}
    return write(interview_from_dict(obj), kind, today=TODAY)


def assert_one_of_each(
    eml: str, to: str = "dana@acme.example", sender: str = "sam.lee@example.com"
) -> email.message.EmailMessage:
    parsed = email.message_from_string(eml, policy=email.policy.strict)
    keys = [key.lower() for key in parsed]
    assert keys.count("from") == keys.count("to") == keys.count("subject") == 1, keys
    assert not [k for k in keys if k in ADDRESS_HEADERS and k not in ("from", "to")], keys
    assert [a.addr_spec for a in parsed["To"].addresses] == [to]
    assert [a.addr_spec for a in parsed["From"].addresses] == [sender]
    assert not parsed.defects and all(not parsed[k].defects for k in parsed)
    return parsed


@pytest.mark.parametrize("kind", EMAIL_KINDS)
@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_name_company_or_role_never_adds_a_header(text: str, kind: str) -> None:
    message = drafted(text, text, text, kind)
    parsed = assert_one_of_each(message.to_eml())
    # (a folded header unfolds to a leading space after the colon: the stdlib's folding)
    assert parsed["Subject"].strip() == message.subject == header_text(message.subject)
    assert "\r" not in parsed["Subject"] and "\n" not in parsed["Subject"]
    assert parsed["To"].addresses[0].display_name in (header_text(text), "")
    link = urlsplit(message.mailto)
    assert unquote(link.path) == "dana@acme.example"
    assert set(parse_qs(link.query)) == {"subject", "body"}


def test_a_non_ascii_domain_is_idna_encoded() -> None:
    message = drafted("Zoë", "Bücher", "Analyst", "status-email", to="zoe@bücher.example")
    assert_one_of_each(message.to_eml(), to="zoe@xn--bcher-kva.example")
    assert unquote(urlsplit(message.mailto).path) == "zoe@xn--bcher-kva.example"


def test_a_non_ascii_local_part_is_refused_naming_the_field() -> None:
    message = drafted("Zoë", "Acme", "Analyst", "status-email", to="zoë@acme.example")
    with pytest.raises(InputError) as refused:
        message.to_eml()
    assert refused.value.field == "interviewers[0].email"
    assert "non-ASCII characters before the @" in refused.value.why
    assert urlsplit(message.mailto).path == ""  # the link leaves the recipient to you


@pytest.mark.parametrize(
    "address",
    ["a,b@acme.example", "a@acme.example,evil@x.example", "a\u0000b@acme.example",
     "a@-acme.example", "a@acme", "<a@acme.example>", "a@acme.example\r\nBcc: x@y.z"],
)  # fmt: skip
def test_addresses_a_draft_cannot_carry_are_refused(address: str) -> None:
    with pytest.raises(InputError) as refused:
        ascii_address(address, "interviewers[0].email")
    assert refused.value.field == "interviewers[0].email"


def test_the_cli_refuses_a_draft_it_cannot_address_with_exit_2(tmp_path: Any) -> None:
    import json

    from tests.tracker_support import Cli

    obj = example()
    obj["interviewers"] = [{"name": "Zoë", "email": "zoë@acme.example"}]
    path = tmp_path / "zoe.json"
    path.write_text(json.dumps(obj))
    done = Cli(tmp_path)(
        "script", "--kind", "status-email", "--input", str(path), "--format", "eml"
    )
    assert done.status == 2 and "Traceback" not in done.err
    assert done.err.startswith("followup: interviewers[0].email: ")


_HOSTILE_TEXT = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60),
    st.builds(lambda a, b: f"{a}=?utf-8?q?{b}?=", st.text(max_size=10), st.text(max_size=10)),
).filter(lambda text: text.strip() != "")


@settings(max_examples=150, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.filter_too_much])  # fmt: skip
@given(name=_HOSTILE_TEXT, company=_HOSTILE_TEXT, role=_HOSTILE_TEXT,
       kind=st.sampled_from(EMAIL_KINDS))  # fmt: skip
def test_any_hostile_interview_drafts_one_from_one_to_one_subject(
    name: str, company: str, role: str, kind: str
) -> None:
    try:
        message = drafted(name, company, role, kind)
    except InputError:
        return  # refused on its field (a control character, too long for a text): fine
    parsed = assert_one_of_each(message.to_eml())
    assert parsed["Subject"].strip() == message.subject
