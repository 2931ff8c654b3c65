"""Golden scenarios: each policy rule and guidance requirement, shown on one interview.

The base interview is on Wednesday 4 November 2026 at 10:00 in New York. Veterans Day
(Wednesday 11 November) is a public holiday there.
"""

from __future__ import annotations

import datetime as dt

from followup.domain.model import Channel, PlanState, StepStatus
from tests.planning import (
    assert_window,
    attempt,
    covers,
    has_step,
    interview,
    plan_for,
    reason,
    step,
)

FRIDAY = "2026-11-06T10:00:00-05:00"
MONDAY = "2026-11-02T10:00:00-05:00"


@covers("timing.thank-you-window", "channel.thank-you-email", "S0-6")
def test_thank_you_is_an_email_the_same_day_after_the_interview() -> None:
    result = plan_for(interview(), "2026-11-04")
    assert_window(result, "thank_you", opens="2026-11-04", closes="2026-11-05")
    thanks = step(result, "thank_you")
    assert thanks.channel is Channel.EMAIL and thanks.status is StepStatus.DUE
    assert thanks.best.isoformat() == "2026-11-04T12:00:00-05:00"
    assert result.state is PlanState.ACT_NOW and result.next is thanks
    assert thanks.script == "thank-you-email"


@covers("timing.week-after", "timing.two-weeks-max", "S0-3", "S2-1", "S0-1", "S1-8")
def test_status_window_is_the_week_after_and_within_two_weeks() -> None:
    result = plan_for(interview(), "2026-11-04")
    assert_window(result, "status", opens="2026-11-09", closes="2026-11-18")
    assert reason(result, "status", "timing.week-after") == "applied"
    assert reason(result, "status", "timing.day-or-two-after") == "overridden"


@covers("timing.day-or-two-after", "S1-4", "K1")
def test_prompt_profile_opens_on_day_two() -> None:
    result = plan_for(interview(), "2026-11-04", policy="prompt")
    assert_window(result, "status", opens="2026-11-06", closes="2026-11-18")
    assert result.policy == "prompt"
    assert reason(result, "status", "timing.day-or-two-after") == "applied"
    assert reason(result, "status", "timing.week-after") == "overridden"


@covers("timing.no-early-call", "S0-2")
def test_no_call_on_the_interview_day_or_the_next() -> None:
    result = plan_for(interview(instructions="call"), "2026-11-04")
    thanks = step(result, "thank_you")
    assert thanks.channel is Channel.CALL
    assert thanks.earliest == dt.date(2026, 11, 6)
    assert reason(result, "thank_you", "timing.no-early-call") == "applied"


@covers("timing.midweek-calls", "S0-4")
def test_calls_prefer_tuesday_to_thursday() -> None:
    result = plan_for(interview(interviewed_at=MONDAY), "2026-11-02")
    status = step(result, "status")
    assert status.earliest == dt.date(2026, 11, 9)  # a Monday
    assert status.best.isoformat() == "2026-11-10T10:00:00-05:00"  # the Tuesday


@covers("timing.not-monday-morning")
def test_never_monday_morning() -> None:
    result = plan_for(interview(culture="formal"), "2026-11-09")
    status = step(result, "status")
    assert status.channel is Channel.EMAIL and status.status is StepStatus.DUE
    assert status.best.isoformat() == "2026-11-09T13:00:00-05:00"
    assert reason(result, "status", "timing.not-monday-morning") == "applied"


@covers("timing.business-hours")
def test_best_moment_is_in_business_hours_in_the_employers_zone() -> None:
    obj = interview(
        company="Thames Freight",
        role="Shipping coordinator",
        candidate={"name": "Olga Sokolova", "phone": "+44 20 7946 0321"},
        interviewers=[{"name": "Gareth Hughes", "email": "gareth@thamesfreight.example"}],
        interviewed_at="2026-11-04T15:00:00+01:00",
        timezone="Europe/London",
        country="GB",
    )
    result = plan_for(obj, "2026-11-04")
    status = step(result, "status")
    assert status.best.isoformat() == "2026-11-10T10:00:00+00:00"
    assert "Europe/London" in next(
        r.says for r in status.reasons if r.rule == "timing.business-hours"
    )


@covers("timing.public-holidays")
def test_public_holidays_are_avoided_and_named() -> None:
    result = plan_for(interview(interviewed_at=FRIDAY), "2026-11-06")
    status = step(result, "status")
    assert status.earliest == dt.date(2026, 11, 11)  # Veterans Day
    assert status.best.isoformat() == "2026-11-12T10:00:00-05:00"
    says = next(r.says for r in status.reasons if r.rule == "timing.public-holidays")
    assert "Veterans Day (11 Nov)" in says


@covers("timing.stated-timeframe", "S2-2")
def test_a_stated_date_moves_the_opening_past_it() -> None:
    result = plan_for(interview(feedback_expected_by="2026-11-13"), "2026-11-04")
    assert_window(result, "status", opens="2026-11-16", closes="2026-11-23")
    within = plan_for(interview(feedback_expected_within_days=10), "2026-11-04")
    assert step(within, "status").earliest == dt.date(2026, 11, 16)  # day 10 is a Saturday


@covers("timing.final-week-later", "attempts.limit", "S2-13", "K2")
def test_one_final_attempt_a_week_after_an_unanswered_follow_up() -> None:
    obj = interview(attempts=[attempt("2026-11-10T10:05:00-05:00", "status", "no_answer")])
    result = plan_for(obj, "2026-11-12")
    assert step(result, "status").status is StepStatus.DONE
    assert_window(result, "final", opens="2026-11-17", closes="2026-11-24")
    assert result.state is PlanState.WAITING and result.attempts_left == 1


@covers("attempts.move-on", "S2-8", "S2-6")
def test_move_on_after_two_unanswered_follow_ups() -> None:
    obj = interview(
        attempts=[
            attempt("2026-11-10T10:05:00-05:00", "status", "no_answer"),
            attempt("2026-11-17T10:05:00-05:00", "final", "voicemail"),
        ]
    )
    result = plan_for(obj, "2026-11-17")
    assert result.state is PlanState.MOVE_ON
    assert result.next is None and result.attempts_left == 0
    assert reason(result, "final", "attempts.move-on") == "applied"


@covers("attempts.answer-ends-chase", "timing.answered-wait")
def test_an_answer_ends_the_chase() -> None:
    obj = interview(attempts=[attempt("2026-11-10T10:05:00-05:00", "status", "spoke")])
    result = plan_for(obj, "2026-11-12")
    assert step(result, "final").status is StepStatus.SKIPPED
    assert result.state is PlanState.WAITING and result.attempts_left == 0
    assert reason(result, "final", "attempts.answer-ends-chase") == "applied"
    assert plan_for(obj, "2026-12-02").state is PlanState.MOVE_ON  # 21 days of silence


def test_an_answer_with_a_new_date_allows_one_check_after_it() -> None:
    obj = interview(
        feedback_expected_by="2026-11-20",
        attempts=[attempt("2026-11-16T10:05:00-05:00", "status", "spoke")],
    )
    result = plan_for(obj, "2026-11-17")
    final = step(result, "final")
    assert final.earliest == dt.date(2026, 11, 23) and final.status is StepStatus.UPCOMING
    assert result.attempts_left == 1


@covers("timing.recap-after-call", "S1-7")
def test_a_call_that_reached_them_is_followed_by_a_recap_email() -> None:
    obj = interview(attempts=[attempt("2026-11-10T10:05:00-05:00", "status", "spoke")])
    result = plan_for(obj, "2026-11-10")
    recap = step(result, "recap")
    assert recap.channel is Channel.EMAIL and recap.status is StepStatus.DUE
    assert recap.script == "recap-email"
    assert result.next is recap


@covers("channel.rude-then-email", "S2-12")
def test_after_a_rude_answer_everything_is_email() -> None:
    obj = interview(attempts=[attempt("2026-11-10T10:05:00-05:00", "status", "rude")])
    result = plan_for(obj, "2026-11-12")
    final = step(result, "final")
    assert final.channel is Channel.EMAIL
    assert reason(result, "final", "channel.rude-then-email") == "applied"


@covers("channel.instructions", "S1-3", "S1-11", "K3")
def test_explicit_instructions_override_everything() -> None:
    result = plan_for(interview(instructions="email", scheduled_via="phone"), "2026-11-04")
    assert {s.channel for s in result.steps} == {Channel.EMAIL}
    assert reason(result, "status", "channel.instructions") == "applied"
    assert reason(result, "status", "channel.scheduling-medium") == "overridden"


@covers("channel.text-only-if-texted", "S2-11")
def test_text_only_when_they_texted() -> None:
    bakery = {"company": "Rise & Shine Bakery", "role": "Shift supervisor"}
    texted = plan_for(interview(**bakery, scheduled_via="text"), "2026-11-04")
    assert step(texted, "status").channel is Channel.TEXT
    assert reason(texted, "status", "channel.text-only-if-texted") == "applied"
    assert step(texted, "status").script == "text"
    default = plan_for(interview(), "2026-11-04")
    assert Channel.TEXT not in {s.channel for s in default.steps}


@covers("channel.thank-you-call-industries", "S0-10", "S0-11")
def test_a_law_firm_gets_a_thank_you_call() -> None:
    firm = interview(
        company="Whitlock & Okafor LLP",
        role="Trainee solicitor",
        candidate={"name": "Priya Natarajan", "email": "priya.n@example.com"},
        interviewers=[{"name": "Margaret Whitlock", "phone": "+1 212 555 0107"}],
        industry="Corporate law firm",
    )
    result = plan_for(firm, "2026-11-04")
    thanks = step(result, "thank_you")
    assert thanks.channel is Channel.CALL and thanks.earliest == dt.date(2026, 11, 6)
    assert reason(result, "thank_you", "channel.thank-you-call-industries") == "applied"
    assert reason(result, "thank_you", "channel.thank-you-email") == "overridden"


@covers("channel.formal-culture", "S1-1")
def test_a_formal_culture_gets_writing() -> None:
    bank = {"company": "Northbridge Bank", "role": "Credit risk analyst"}
    result = plan_for(interview(**bank, culture="formal", scheduled_via="phone"), "2026-11-04")
    assert step(result, "status").channel is Channel.EMAIL
    assert step(result, "status").script == "status-email"
    assert reason(result, "status", "channel.scheduling-medium") == "overridden"


@covers("channel.formal-manner", "S1-2")
def test_a_formal_interviewer_gets_writing() -> None:
    result = plan_for(interview(interviewer_manner="formal"), "2026-11-04")
    assert step(result, "status").channel is Channel.EMAIL
    assert reason(result, "status", "channel.formal-manner") == "applied"


@covers("channel.direct-culture", "channel.friendly-manner", "channel.scheduling-medium", "S2-7")
def test_the_scheduling_medium_outranks_a_friendly_manner() -> None:
    result = plan_for(
        interview(scheduled_via="email", culture="direct", interviewer_manner="friendly"),
        "2026-11-04",
    )
    assert step(result, "status").channel is Channel.EMAIL
    assert reason(result, "status", "channel.scheduling-medium") == "applied"
    assert reason(result, "status", "channel.direct-culture") == "overridden"
    assert reason(result, "status", "channel.friendly-manner") == "overridden"
    friendly = plan_for(interview(interviewer_manner="friendly"), "2026-11-04")
    assert reason(friendly, "status", "channel.friendly-manner") == "applied"
    direct = plan_for(interview(culture="direct"), "2026-11-04")
    assert step(direct, "status").channel is Channel.CALL
    assert reason(direct, "status", "channel.direct-culture") == "applied"


@covers("channel.status-call-default", "S0-7")
def test_with_nothing_to_go_on_the_status_follow_up_is_a_call() -> None:
    result = plan_for(interview(), "2026-11-04")
    assert step(result, "status").channel is Channel.CALL
    assert reason(result, "status", "channel.status-call-default") == "applied"


@covers("timing.offer-deadline", "S0-8")
def test_a_competing_offer_brings_the_contact_forward() -> None:
    robotics = {"company": "Kestrel Robotics", "role": "Firmware engineer"}
    result = plan_for(interview(**robotics, competing_offer_deadline="2026-11-10"), "2026-11-04")
    assert not has_step(result, "status")
    offer = step(result, "offer_deadline")
    assert offer.earliest == dt.date(2026, 11, 6) and offer.latest == dt.date(2026, 11, 9)
    assert offer.script == "offer-deadline"
    late = plan_for(interview(competing_offer_deadline="2026-12-20"), "2026-11-04")
    assert has_step(late, "status") and not has_step(late, "offer_deadline")


@covers("timing.late-grace")
def test_a_missed_window_is_overdue_for_a_week_then_move_on() -> None:
    overdue = plan_for(interview(), "2026-11-20")
    assert step(overdue, "status").status is StepStatus.MISSED
    assert overdue.state is PlanState.OVERDUE and overdue.next is None
    assert plan_for(interview(), "2026-11-26").state is PlanState.MOVE_ON


@covers("instructions.wait")
def test_wait_until_their_date() -> None:
    result = plan_for(
        interview(instructions="wait", feedback_expected_by="2026-11-20"), "2026-11-04"
    )
    assert step(result, "status").earliest == dt.date(2026, 11, 23)
    assert reason(result, "status", "instructions.wait") == "applied"


@covers("instructions.no-contact")
def test_no_contact_means_no_follow_up() -> None:
    result = plan_for(interview(instructions="no_contact"), "2026-11-04")
    assert [s.purpose.value for s in result.steps] == ["thank_you"]
    assert step(result, "thank_you").status is StepStatus.SKIPPED
    assert result.state is PlanState.WAITING and result.attempts_left == 0
    assert plan_for(interview(instructions="no_contact"), "2026-11-30").state is PlanState.MOVE_ON


@covers("closed.decided")
def test_a_decided_interview_is_closed() -> None:
    result = plan_for(interview(status="offer"), "2026-11-10")
    assert result.state is PlanState.CLOSED and result.next is None
    assert step(result, "status").status is StepStatus.SKIPPED
    assert reason(result, "status", "closed.decided") == "applied"


@covers("prep.before-call", "attempts.one-status", "S2-9", "S1-9")
def test_call_steps_carry_preparation_and_the_once_rule() -> None:
    result = plan_for(interview(), "2026-11-04")
    assert reason(result, "status", "prep.before-call") == "applied"
    assert reason(result, "status", "attempts.one-status") == "applied"
    assert reason(result, "thank_you", "prep.before-call") == ""  # an email needs no prep


def test_missing_zone_and_missing_phone_are_warned() -> None:
    obj = interview(timezone=None, interviewers=[{"name": "Kwame Asante"}])
    result = plan_for(obj, "2026-11-10")
    assert any("fixed offset UTC-05:00" in w for w in result.warnings)
    assert any("No phone number for Kwame Asante" in w for w in result.warnings)


def test_an_unanswered_thank_you_call_leaves_the_thank_you_to_do() -> None:
    obj = interview(
        industry="legal",
        attempts=[attempt("2026-11-06T10:05:00-05:00", "thank_you", "no_answer")],
    )
    result = plan_for(obj, "2026-11-06")
    assert step(result, "thank_you").status is StepStatus.DUE
    assert not [s for s in result.steps if s.purpose.value == "recap"]
    spoke = interview(
        industry="legal", attempts=[attempt("2026-11-06T10:05:00-05:00", "thank_you", "spoke")]
    )
    after = plan_for(spoke, "2026-11-06")
    assert step(after, "thank_you").status is StepStatus.DONE
    assert step(after, "recap").status is StepStatus.DUE
