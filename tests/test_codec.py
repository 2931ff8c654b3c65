"""The interview codec: strict on the way in, lossless on the way out."""

import datetime as dt
import json
from pathlib import Path

import pytest

from followup.domain.codec import interview_from_dict, interview_to_dict
from followup.domain.errors import InputError
from followup.domain.model import Culture, InterviewStatus

EXAMPLE = Path(__file__).parent.parent / "examples" / "interview.json"


def example() -> dict:
    return json.loads(EXAMPLE.read_text())


def test_example_reads_with_defaults_and_aware_datetime() -> None:
    interview = interview_from_dict(example())
    assert interview.interviewed_at.utcoffset() == dt.timedelta(hours=-5)
    assert interview.primary_contact.name == "Dana Ruiz"
    assert interview.culture is Culture.DIRECT
    assert interview.status is InterviewStatus.AWAITING


def test_round_trip_is_lossless() -> None:
    obj = example()
    obj["attempts"] = [
        {
            "at": "2026-11-20T18:00:00-05:00",
            "channel": "email",
            "purpose": "thank_you",
            "outcome": "sent",
            "notes": "short and kind",
        }
    ]
    once = interview_to_dict(interview_from_dict(obj))
    assert interview_to_dict(interview_from_dict(once)) == once
    assert once["attempts"][0]["notes"] == "short and kind"


@pytest.mark.parametrize(
    ("patch", "field", "why"),
    [
        ({"colour": "red"}, "colour", "unknown field"),
        ({"company": ""}, "company", "must not be empty"),
        ({"interviewed_at": "2026-11-20T14:00:00", "timezone": None}, "interviewed_at", "offset"),
        ({"interviewed_at": "2026-02-30T14:00:00Z"}, "interviewed_at", "not a real"),
        ({"timezone": "Mars/Olympus"}, "timezone", "unknown IANA"),
        ({"culture": "chaotic"}, "culture", "must be one of direct, neutral, formal"),
        ({"interviewers": []}, "interviewers", "at least one"),
        ({"interviewers": [{"title": "x"}]}, "interviewers[0].name", "required"),
        ({"feedback_expected_by": "next week"}, "feedback_expected_by", "YYYY-MM-DD"),
        ({"feedback_expected_within_days": -1}, "feedback_expected_within_days", "0 to 365"),
        (
            {
                "attempts": [
                    {
                        "at": "2026-11-21T10:00:00Z",
                        "channel": "fax",
                        "purpose": "status",
                        "outcome": "sent",
                    }
                ]
            },
            "attempts[0].channel",
            "must be one of",
        ),
        ({"candidate": {"name": "A", "nick": "B"}}, "candidate.nick", "unknown field"),
        ({"country": "USA"}, "country", "two-letter"),
    ],
)
def test_bad_input_names_the_field(patch: dict, field: str, why: str) -> None:
    obj = example() | patch
    with pytest.raises(InputError) as caught:
        interview_from_dict(obj)
    assert caught.value.field == field
    assert why in caught.value.why
