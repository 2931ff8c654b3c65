"""The nine invariants of spec/plan-json.md, over thousands of random interviews and days."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.calendar import holiday_calendar
from followup.domain.codec import interview_from_dict, plan_to_dict
from followup.domain.model import (
    ANSWERED_OUTCOMES,
    Channel,
    Instructions,
    Interview,
    InterviewStatus,
    Plan,
    PlanState,
    Purpose,
    StepStatus,
)
from followup.planner import plan
from followup.planner.facts import CONTACT_PURPOSES
from followup.policy import load_policy

PLACES = [
    ("America/New_York", "US", "NY"),
    ("America/Los_Angeles", "US", "CA"),
    ("Europe/London", "GB", "ENG"),
    ("Europe/Berlin", "DE", "BY"),
    ("Asia/Tokyo", "JP", None),
    ("Australia/Sydney", "AU", "NSW"),
    (None, "US", None),
    (None, "FR", None),
]
OFFSETS = [-8, -5, 0, 1, 9, 10]
EXAMPLES = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def interviews(draw: st.DrawFn) -> tuple[dict[str, Any], dt.date]:
    """A random contract interview object and a random day to plan it on."""
    tz, country, subdivision = draw(st.sampled_from(PLACES))
    day0 = dt.date(2025, 1, 1) + dt.timedelta(days=draw(st.integers(0, 1100)))
    hour, minute = draw(st.integers(7, 18)), draw(st.sampled_from([0, 15, 30, 45]))
    offset = dt.timezone(dt.timedelta(hours=draw(st.sampled_from(OFFSETS))))
    interviewed_at = dt.datetime.combine(day0, dt.time(hour, minute), tzinfo=offset)
    obj: dict[str, Any] = {
        "company": "Acme",
        "role": "Analyst",
        "candidate": {"name": "Sam"},
        "interviewers": [{"name": "Dana", "phone": "1"}],
        "interviewed_at": interviewed_at.isoformat(),
        "timezone": tz,
        "country": country,
        "subdivision": subdivision,
        "scheduled_via": draw(_maybe(st.sampled_from(["phone", "email", "text", "portal"]))),
        "industry": draw(_maybe(st.sampled_from(["legal", "accounting", "software", "retail"]))),
        "culture": draw(_maybe(st.sampled_from(["direct", "neutral", "formal"]))),
        "interviewer_manner": draw(_maybe(st.sampled_from(["friendly", "neutral", "formal"]))),
        "instructions": draw(
            _maybe(st.sampled_from(["email", "call", "text", "wait", "no_contact"]))
        ),
        "status": draw(
            st.sampled_from(["awaiting"] * 6 + ["offer", "rejected", "withdrawn", "closed"])
        ),
    }
    if draw(st.booleans()):
        obj["feedback_expected_by"] = (day0 + dt.timedelta(draw(st.integers(-2, 30)))).isoformat()
    if draw(st.integers(0, 4)) == 0:
        obj["feedback_expected_within_days"] = draw(st.integers(0, 30))
    if draw(st.integers(0, 2)) == 0:
        deadline = day0 + dt.timedelta(draw(st.integers(-1, 30)))
        obj["competing_offer_deadline"] = deadline.isoformat()
    obj["attempts"] = draw(st.lists(_attempt(interviewed_at), max_size=4))
    today = day0 + dt.timedelta(days=draw(st.integers(-3, 60)))
    return {k: v for k, v in obj.items() if v is not None}, today


def _attempt(interviewed_at: dt.datetime) -> st.SearchStrategy[dict[str, str]]:
    """Early, late, off-channel, rude and future-dated attempts, written in mixed zones."""
    return st.builds(
        lambda hours, zone, channel, purpose, outcome: {
            "at": (interviewed_at + dt.timedelta(hours=hours))
            .astimezone(dt.timezone(dt.timedelta(hours=zone)))
            .isoformat(),
            "channel": channel,
            "purpose": purpose,
            "outcome": outcome,
        },
        st.integers(-30, 24 * 40),
        st.sampled_from(OFFSETS),
        st.sampled_from(["call", "email", "text", "voicemail"]),
        st.sampled_from(["thank_you", "status", "final", "offer_deadline", "recap"]),
        st.sampled_from(["no_answer", "voicemail", "sent", "spoke", "reply_received", "rude"]),
    )


def planned(
    case: tuple[dict[str, Any], dt.date], policy: str = "default"
) -> tuple[Interview, Plan]:
    obj, today = case
    interview = interview_from_dict(obj)
    return interview, plan(interview, today, load_policy(policy))


def day0(interview: Interview, result: Plan) -> dt.date:
    """The interview's day in the employer's zone (every step's best moment carries it)."""
    return interview.interviewed_at.astimezone(result.steps[0].best.tzinfo).date()


def considered(interview: Interview, result: Plan) -> list[Any]:
    """The attempts the plan counts: from the interview day up to `as_of`."""
    tz = result.steps[0].best.tzinfo
    start = day0(interview, result)
    return [a for a in interview.attempts if start <= a.at.astimezone(tz).date() <= result.as_of]


@EXAMPLES
@given(interviews(), st.sampled_from(["default", "prompt"]))
def test_1_no_call_on_the_interview_day_or_the_next(case: Any, policy: str) -> None:
    interview, result = planned(case, policy)
    first_allowed = day0(interview, result) + dt.timedelta(days=2)
    for found in result.steps:
        # A done step reports the channel actually used (invariant 10), a call on day 0 too.
        if found.channel is Channel.CALL and found.status is not StepStatus.DONE:
            assert found.earliest >= first_allowed


@EXAMPLES
@given(interviews(), st.sampled_from(["default", "prompt"]))
def test_2_best_is_a_business_moment_inside_the_window(case: Any, policy: str) -> None:
    interview, result = planned(case, policy)
    calendar = holiday_calendar(interview.country, interview.subdivision)
    for found in result.steps:
        assert found.earliest <= found.best.date() <= found.latest
        assert found.best.tzinfo is not None
        assert calendar.is_business_day(found.best.date())
        assert not (found.best.weekday() == 0 and found.best.hour < 12)


@EXAMPLES
@given(interviews())
def test_3_status_window_between_5_and_14_days(case: Any) -> None:
    obj, today = case
    for key in (
        "feedback_expected_by",
        "feedback_expected_within_days",
        "competing_offer_deadline",
    ):
        obj.pop(key, None)
    interview, result = planned((obj, today))
    start = day0(interview, result)
    for found in result.steps:
        if found.purpose is Purpose.STATUS:
            assert found.earliest >= start + dt.timedelta(days=5)
            assert found.latest <= start + dt.timedelta(days=14)


@EXAMPLES
@given(interviews())
def test_4_status_opens_after_a_stated_timeframe(case: Any) -> None:
    interview, result = planned(case)
    stated = [interview.feedback_expected_by] if interview.feedback_expected_by else []
    if interview.feedback_expected_within_days is not None:
        stated.append(
            day0(interview, result) + dt.timedelta(interview.feedback_expected_within_days)
        )
    for found in result.steps:
        if found.purpose is Purpose.STATUS:
            assert all(found.earliest > day for day in stated)


@EXAMPLES
@given(interviews())
def test_5_instructions_are_followed(case: Any) -> None:
    interview, result = planned(case)
    rude = any(a.outcome.value == "rude" for a in considered(interview, result))
    instructed = {"email": Channel.EMAIL, "call": Channel.CALL, "text": Channel.TEXT}
    if interview.instructions and interview.instructions.value in instructed:
        wanted = instructed[interview.instructions.value]
        for found in result.steps:
            if found.status is StepStatus.DONE:
                continue  # it says how it was done (invariant 10)
            assert found.channel is wanted or (rude and found.channel is Channel.EMAIL)
    if interview.instructions is Instructions.WAIT and interview.feedback_expected_by:
        for found in result.steps:
            if found.purpose in CONTACT_PURPOSES:
                assert found.earliest > interview.feedback_expected_by
    if interview.instructions is Instructions.NO_CONTACT:
        assert not [s for s in result.steps if s.purpose in (Purpose.STATUS, Purpose.FINAL)]


@EXAMPLES
@given(interviews())
def test_6_text_only_when_they_texted(case: Any) -> None:
    interview, result = planned(case)
    texted = "text" in (
        getattr(interview.scheduled_via, "value", None),
        getattr(interview.instructions, "value", None),
    )
    if not texted:
        recommended = [s for s in result.steps if s.status is not StepStatus.DONE]
        assert all(found.channel is not Channel.TEXT for found in recommended)


@EXAMPLES
@given(interviews())
def test_7_email_only_after_a_rude_answer(case: Any) -> None:
    interview, result = planned(case)
    rude = [a for a in considered(interview, result) if a.outcome.value == "rude"]
    if not rude:
        return
    tz = result.steps[0].best.tzinfo
    rude_day = rude[0].at.astimezone(tz).date()
    for found in result.steps:
        if found.status is not StepStatus.DONE and found.latest >= rude_day:
            assert found.channel is Channel.EMAIL, found


@EXAMPLES
@given(interviews())
def test_8_at_most_two_unanswered_contacts_then_move_on(case: Any) -> None:
    interview, result = planned(case)
    contacts = [a for a in considered(interview, result) if a.purpose in CONTACT_PURPOSES]
    open_contacts = [
        s
        for s in result.steps
        if s.purpose in CONTACT_PURPOSES and s.status in (StepStatus.DUE, StepStatus.UPCOMING)
    ]
    answered = any(a.outcome in ANSWERED_OUTCOMES for a in contacts)
    assert len(contacts) + len(open_contacts) <= max(2, len(contacts))
    if interview.status is InterviewStatus.AWAITING and len(contacts) >= 2 and not answered:
        assert result.state is PlanState.MOVE_ON
        assert result.attempts_left == 0


@EXAMPLES
@given(interviews())
def test_9_a_decided_interview_is_closed(case: Any) -> None:
    interview, result = planned(case)
    if interview.status is not InterviewStatus.AWAITING:
        assert result.state is PlanState.CLOSED
        assert result.next is None
        assert all(found.status is not StepStatus.DUE for found in result.steps)


@EXAMPLES
@given(interviews(), st.sampled_from(["default", "prompt"]))
def test_next_and_state_agree(case: Any, policy: str) -> None:
    _, result = planned(case, policy)
    open_steps = [s for s in result.steps if s.status in (StepStatus.DUE, StepStatus.UPCOMING)]
    assert result.next is (
        open_steps[0] if open_steps and result.state is not PlanState.MOVE_ON else None
    )
    if result.next is not None:
        due = result.next.status is StepStatus.DUE
        assert result.state is (PlanState.ACT_NOW if due else PlanState.WAITING)
        assert result.next.earliest <= result.as_of <= result.next.latest or not due
    assert result.attempts_left >= 0
    assert [s.when for s in result.steps] == sorted(s.when for s in result.steps)


@settings(max_examples=300, deadline=None)
@given(interviews())
def test_same_input_same_bytes(case: Any) -> None:
    _, first = planned(case)
    _, second = planned(case)
    assert json.dumps(plan_to_dict(first)) == json.dumps(plan_to_dict(second))


def _used(attempt: Any) -> Channel:
    value = attempt.channel.value
    return Channel.CALL if value == "voicemail" else Channel(value)


@EXAMPLES
@given(interviews())
def test_10_a_done_step_says_how_and_when_it_was_done(case: Any) -> None:
    interview, result = planned(case)
    attempts = considered(interview, result)
    rude = [a for a in attempts if a.outcome.value == "rude"]
    for found in result.steps:
        if found.status is StepStatus.DONE:
            assert found.done_at is not None
            # by timestamp: PEP 495 makes a moment in a DST fold unequal across zones
            doers = [a for a in attempts if a.at.timestamp() == found.done_at.timestamp()]
            assert doers, found
            assert found.channel in {_used(a) for a in doers}
            assert plan_to_dict(result)["steps"][result.steps.index(found)]["done_at"]
        else:
            assert found.done_at is None
            assert "done_at" not in plan_to_dict(result)["steps"][result.steps.index(found)]
        if rude and found.status is not StepStatus.DONE:
            rude_day = rude[0].at.astimezone(found.best.tzinfo).date()
            if found.latest < rude_day:
                continue  # it ended before the rude answer: it keeps its channel
            assert found.channel is Channel.EMAIL


def _stated(interview: Interview, result: Plan) -> dt.date | None:
    days = [interview.feedback_expected_by] if interview.feedback_expected_by else []
    start = day0(interview, result)
    days = [d for d in days if d >= start]
    if interview.feedback_expected_within_days is not None:
        days.append(start + dt.timedelta(interview.feedback_expected_within_days))
    return max(days) if days else None


@EXAMPLES
@given(interviews(), st.sampled_from(["default", "prompt"]))
def test_11_nothing_opens_on_or_before_their_date_however_early_an_attempt(
    case: Any, policy: str
) -> None:
    interview, result = planned(case, policy)
    stated = _stated(interview, result)
    if stated is None:
        return
    for found in result.steps:
        if found.purpose in CONTACT_PURPOSES and found.status is not StepStatus.DONE:
            assert found.earliest > stated, found


@EXAMPLES
@given(interviews(), st.sampled_from(["default", "prompt"]))
def test_11_a_final_opens_after_the_follow_up_it_follows(case: Any, policy: str) -> None:
    _, result = planned(case, policy)
    first = next(
        (s for s in result.steps if s.purpose in (Purpose.STATUS, Purpose.OFFER_DEADLINE)), None
    )
    final = next((s for s in result.steps if s.purpose is Purpose.FINAL), None)
    if first is None or final is None or final.status is StepStatus.DONE:
        return
    assert final.earliest > first.when
    if first.status is not StepStatus.DONE:
        assert final.earliest > first.earliest


@EXAMPLES
@given(interviews(), st.sampled_from(["default", "prompt"]))
def test_steps_are_listed_in_time_order(case: Any, policy: str) -> None:
    _, result = planned(case, policy)
    order = [s.done_at.date() if s.done_at else s.earliest for s in result.steps]
    assert order == sorted(order)


@EXAMPLES
@given(interviews())
def test_attempts_after_today_are_never_counted(case: Any) -> None:
    interview, result = planned(case)
    tz = result.steps[0].best.tzinfo
    future = [a for a in interview.attempts if a.at.astimezone(tz).date() > result.as_of]
    for found in result.steps:
        if found.done_at is not None:
            assert found.done_at.date() <= result.as_of
    if future:
        assert any(warning.startswith("Ignored") for warning in result.warnings)
