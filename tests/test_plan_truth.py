"""Issue 12: a plan tells the truth about what was done, when, and how (early, late,
off-channel and rude attempts; an interview entered after the fact)."""

from __future__ import annotations

import datetime as dt

from followup.domain.codec import plan_to_dict, plan_to_json
from followup.domain.model import Channel, PlanState, StepStatus
from tests.planning import attempt, covers, interview, plan_for, reason, step

BERLIN = {
    "interviewed_at": "2026-12-01T15:30:00+01:00",
    "timezone": "Europe/Berlin",
    "country": "DE",
    "feedback_expected_within_days": 10,
    "instructions": "email",
}


def test_a_thank_you_done_by_call_says_call_and_when() -> None:
    obj = interview(attempts=[attempt("2026-11-05T11:15:00-05:00", "thank_you", "spoke")])
    result = plan_for(obj, "2026-11-06")
    thanks = step(result, "thank_you")
    assert thanks.status is StepStatus.DONE
    assert thanks.channel is Channel.CALL
    assert thanks.done_at is not None
    assert thanks.done_at.isoformat() == "2026-11-05T11:15:00-05:00"
    assert thanks.script == "call"
    out = plan_to_dict(result)["steps"][0]
    assert out["channel"] == "call" and out["done_at"] == "2026-11-05T11:15:00-05:00"
    assert "done_at" not in plan_to_dict(result)["steps"][1]
    assert plan_to_json(result).count('"done_at"') == 1


def test_a_voicemail_counts_as_a_call() -> None:
    obj = interview(
        attempts=[attempt("2026-11-10T10:00:00-05:00", "status", "voicemail", "voicemail")]
    )
    found = step(plan_for(obj, "2026-11-11"), "status")
    assert found.status is StepStatus.DONE and found.channel is Channel.CALL


def test_a_step_that_ended_before_a_rude_answer_keeps_its_channel() -> None:
    # They asked for calls; the thank-you call window (6-9 Nov) passed; rude answer on 12 Nov.
    obj = interview(
        instructions="call",
        attempts=[attempt("2026-11-12T10:00:00-05:00", "status", "rude")],
    )
    result = plan_for(obj, "2026-11-13")
    thanks = step(result, "thank_you")
    assert thanks.status is StepStatus.MISSED
    assert thanks.channel is Channel.CALL
    assert step(result, "status").channel is Channel.CALL  # done by call
    assert step(result, "final").channel is Channel.EMAIL


@covers("attempts.early-counts", "S2-6", "S2-2")
def test_an_early_status_call_counts_and_the_final_waits_for_their_date() -> None:
    obj = interview(
        **BERLIN, attempts=[attempt("2026-12-03T10:00:00+01:00", "status", "no_answer")]
    )
    result = plan_for(obj, "2026-12-03")
    status, final = step(result, "status"), step(result, "final")
    assert status.status is StepStatus.DONE
    assert status.done_at is not None and status.done_at.date() == dt.date(2026, 12, 3)
    assert status.channel is Channel.CALL
    assert reason(result, "status", "attempts.early-counts") == "applied"
    # Their date: 1 Dec + 10 days = Friday 11 Dec. Nothing opens on or before it.
    assert final.earliest == dt.date(2026, 12, 14)
    assert final.channel is Channel.EMAIL and final.status is StepStatus.UPCOMING
    order = [s.done_at.date() if s.done_at else s.earliest for s in result.steps]
    assert order == sorted(order)
    assert any("came before the date they gave" in w for w in result.warnings)
    assert any("though they asked for email" in w for w in result.warnings)


@covers("timing.late-thank-you", "S2-4", "S1-5")
def test_an_interview_entered_two_days_late_still_gets_a_short_thank_you() -> None:
    result = plan_for(interview(), "2026-11-06")  # Wednesday's interview, entered Friday
    thanks = step(result, "thank_you")
    assert thanks.status is StepStatus.DUE
    assert thanks.channel is Channel.EMAIL
    assert thanks.earliest == dt.date(2026, 11, 6) and thanks.latest == dt.date(2026, 11, 6)
    assert reason(result, "thank_you", "timing.late-thank-you") == "applied"
    assert result.state is PlanState.ACT_NOW and result.next is thanks


@covers("timing.thanks-in-follow-up")
def test_too_late_for_a_thank_you_the_thanks_go_into_the_first_follow_up() -> None:
    result = plan_for(interview(), "2026-11-09")
    assert step(result, "thank_you").status is StepStatus.MISSED
    assert reason(result, "status", "timing.thanks-in-follow-up") == "applied"
    sent = interview(attempts=[attempt("2026-11-04T15:00:00-05:00", "thank_you", "sent", "email")])
    assert reason(plan_for(sent, "2026-11-09"), "status", "timing.thanks-in-follow-up") == ""


def test_an_offer_step_never_opens_on_or_before_their_date() -> None:
    obj = interview(feedback_expected_by="2026-11-12", competing_offer_deadline="2026-11-16")
    found = step(plan_for(obj, "2026-11-05"), "offer_deadline")
    assert found.earliest > dt.date(2026, 11, 12)
    early = interview(feedback_expected_by="2026-11-12", competing_offer_deadline="2026-11-10")
    result = plan_for(early, "2026-11-05")
    assert step(result, "status").earliest > dt.date(2026, 11, 12)
    assert any("consider asking the other employer" in w for w in result.warnings)
