"""The agenda, read from stored plans, agrees with the planner run afresh on every day."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.context import Env
from followup.domain.codec import interview_from_dict
from followup.planner import plan
from followup.policy import load_policy
from followup.services.agenda import Agenda, AgendaItem, agenda
from followup.services.tracker import Tracker
from followup.settings import change_setting
from tests.tracker_support import example

ZONE = "America/New_York"
START = dt.date(2026, 11, 2)


@st.composite
def interviews(draw: st.DrawFn) -> dict[str, Any]:
    day = START + dt.timedelta(days=draw(st.integers(0, 40)))
    at = dt.datetime.combine(day, dt.time(draw(st.integers(8, 17))), dt.UTC)
    obj = example(id="x", interviewed_at=at.isoformat())
    obj["instructions"] = draw(st.sampled_from([None, "email", "call", "wait", "no_contact"]))
    obj["scheduled_via"] = draw(st.sampled_from(["phone", "email", "text", "portal"]))
    obj["culture"] = draw(st.sampled_from(["direct", "neutral", "formal"]))
    if draw(st.booleans()):
        by = day + dt.timedelta(days=draw(st.integers(0, 20)))
        obj["feedback_expected_by"] = by.isoformat()
    if draw(st.integers(0, 4)) == 0:
        deadline = day + dt.timedelta(days=draw(st.integers(1, 20)))
        obj["competing_offer_deadline"] = deadline.isoformat()
    attempts = []
    for _ in range(draw(st.integers(0, 3))):
        when = at + dt.timedelta(days=draw(st.integers(0, 25)), hours=draw(st.integers(1, 6)))
        attempts.append({
            "at": when.isoformat(),
            "channel": draw(st.sampled_from(["call", "email", "voicemail"])),
            "purpose": draw(st.sampled_from(["thank_you", "status", "final", "recap"])),
            "outcome": draw(st.sampled_from(["no_answer", "voicemail", "sent", "spoke",
                                             "reply_received", "rude"])),
        })  # fmt: skip
    obj["attempts"] = attempts
    return {k: v for k, v in obj.items() if v is not None}


def _item(result: Agenda, interview_id: str) -> AgendaItem:
    sections = (result.act_now, result.overdue, result.coming_up, result.move_on, result.waiting)
    items = [item for section in sections for item in section]
    return next(item for item in items if item.interview_id == interview_id)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(obj=interviews(), offsets=st.lists(st.integers(0, 45), min_size=1, max_size=6))
def test_agenda_state_and_next_step_match_the_planner(
    obj: dict[str, Any], offsets: list[int]
) -> None:
    policy = load_policy("default")
    days = sorted(START + dt.timedelta(days=n + 10) for n in offsets)
    with tempfile.TemporaryDirectory() as home:
        environ = {"FOLLOWUP_CONFIG_DIR": home, "FOLLOWUP_DATA_DIR": home}
        clock = {"now": dt.datetime.combine(days[0], dt.time(15), dt.UTC)}
        env = Env(clock=lambda: clock["now"], stdout=io.StringIO(), stderr=io.StringIO(),
                  environ=environ)  # fmt: skip
        change_setting(env, "timezone", ZONE)
        tracker = Tracker.open(env, Path(home) / "t.db")
        interview = tracker.add(interview_from_dict(obj))
        for day in days:
            clock["now"] = dt.datetime.combine(day, dt.time(15), dt.UTC)
            item = _item(agenda(tracker), "x")
            expected = plan(interview, day, policy, default_zone=ZONE)
            assert item.state == expected.state.value, day
            if expected.next is not None:
                assert item.step is not None
                assert (item.step.purpose, item.step.earliest, item.step.latest) == (
                    expected.next.purpose.value,
                    expected.next.earliest,
                    expected.next.latest,
                ), day
        tracker.close()
