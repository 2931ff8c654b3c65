"""Issue 12, point 8: input the CLI and the API accept or refuse, and how they say so."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup.domain.codec import interview_from_dict
from followup.domain.errors import InputError
from tests.planning import interview
from tests.tracker_support import Cli


def test_a_missing_contact_says_which_option_to_add(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    result = cli("add", "--company", "Acme", "--role", "Dev", "--interviewed-at",
                 "2026-11-20 10:00")  # fmt: skip
    assert result.status == 2
    assert "add --contact NAME" in result.err


def test_a_bad_interviewed_at_lists_every_accepted_form(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    result = cli("add", "--company", "Acme", "--role", "Dev", "--contact", "Dana",
                 "--candidate", "Sam", "--interviewed-at", "20/11/2026")  # fmt: skip
    assert result.status == 2
    for form in ("2026-11-20T14:00:00-05:00", "2026-11-20T19:00Z", "2026-11-20 14:00",
                 "2026-11-20T14:00", "2026-11-20 (noon"):  # fmt: skip
        assert form in result.err, form


def test_an_email_address_is_validated() -> None:
    bad = interview(interviewers=[{"name": "Dana", "email": "dana.example.com"}])
    with pytest.raises(InputError) as caught:
        interview_from_dict(bad)
    assert caught.value.field == "interviewers[0].email"
    assert interview_from_dict(interview()).primary_contact.email == "dana@acme.example"


def test_json_interviewed_at_without_offset_is_read_in_the_given_timezone() -> None:
    obj = interview(interviewed_at="2026-12-01T15:30:00", timezone="Europe/Berlin")
    moment = interview_from_dict(obj).interviewed_at
    assert moment.isoformat() == "2026-12-01T15:30:00+01:00"
    with pytest.raises(InputError):
        interview_from_dict(interview(interviewed_at="2026-12-01T15:30:00", timezone=None))


def test_a_local_interviewed_at_is_held_to_the_same_years_as_one_with_an_offset() -> None:
    for value in ("9999-12-01T15:30:00", "0001-01-01T09:00:00"):
        with pytest.raises(InputError, match="years 1970 to 2199") as refused:
            interview_from_dict(interview(interviewed_at=value, timezone="Europe/Berlin"))
        assert refused.value.field == "interviewed_at"
