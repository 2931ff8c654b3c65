"""Issue 12, point 5: a draft speaks as of the day it will be sent."""

from __future__ import annotations

import datetime as dt

from followup.domain.codec import interview_from_dict
from followup.messages import write
from followup.messages.facts import day_in_words
from followup.planner import plan
from followup.policy import load_policy
from tests.planning import interview

MONDAY = "2026-11-30T10:00:00-05:00"


def test_last_week_is_last_monday_not_a_date() -> None:
    assert day_in_words(dt.date(2026, 11, 30), dt.date(2026, 12, 8)) == "last Monday"
    assert day_in_words(dt.date(2026, 11, 30), dt.date(2026, 12, 1)) == "yesterday"
    assert day_in_words(dt.date(2026, 12, 7), dt.date(2026, 12, 10)) == "on Monday"
    assert day_in_words(dt.date(2026, 11, 20), dt.date(2026, 12, 8)) == "on 20 November"


def test_the_status_draft_is_worded_for_its_best_moment() -> None:
    obj = interview(
        interviewed_at=MONDAY,
        attempts=[
            {
                "at": "2026-11-30T15:00:00-05:00",
                "channel": "email",
                "purpose": "thank_you",
                "outcome": "sent",
            }
        ],
    )
    found = plan(interview_from_dict(obj), dt.date(2026, 12, 1), load_policy()).next
    assert found is not None and found.purpose.value == "status"
    assert found.send_day(dt.date(2026, 12, 1)) == dt.date(2026, 12, 8)
    message = write(
        interview_from_dict(obj), found.script or "call", today=found.send_day(dt.date(2026, 12, 1))
    )
    assert "last Monday" in message.body and "yesterday" not in message.body
