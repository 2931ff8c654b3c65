"""The plan's state from its steps: act now, waiting, overdue, move on or closed.

The last stage of `plan`: which step is next, how many attempts are left, and, when none
is due or upcoming, whether the candidate is waiting on the employer, overdue, or should
move on (S2-8).
"""

from __future__ import annotations

import datetime as dt

from followup.domain.model import (
    Channel,
    Instructions,
    InterviewStatus,
    Plan,
    PlanState,
    Purpose,
    Reason,
    Step,
    StepStatus,
)
from followup.planner.facts import CONTACT_PURPOSES, Facts, words


def finish(facts: Facts, steps: list[Step], policy_name: str) -> Plan:
    interview, config = facts.interview, facts.config
    plan_ = Plan(
        id=interview.id,
        as_of=facts.today,
        policy=policy_name,
        state=PlanState.WAITING,
        next=None,
        steps=steps,
        attempts_left=0,
        warnings=facts.warnings,
    )
    if interview.status is not InterviewStatus.AWAITING:
        _close(facts, plan_)
        return plan_
    answered = any(contact.answered for contact in facts.contacts)
    if len(facts.contacts) > config.max_unanswered:
        facts.warnings.append(
            f"{len(facts.contacts)} follow-ups are logged; the guidance allows at most "
            f"{config.max_unanswered} (S2-6, S2-13)."
        )
    if not answered and len(facts.contacts) >= config.max_unanswered:
        _skip_open_steps(steps)
        _add_reason(steps, Purpose.FINAL, config.reason("attempts.move-on"))
        plan_.state = PlanState.MOVE_ON
        return plan_
    plan_.next = next((s for s in steps if s.status in (StepStatus.DUE, StepStatus.UPCOMING)), None)
    plan_.attempts_left = _attempts_left(facts, steps, answered)
    if plan_.next is not None:
        due = plan_.next.status is StepStatus.DUE
        plan_.state = PlanState.ACT_NOW if due else PlanState.WAITING
        _warn_missing_contact(facts, plan_.next)
    else:
        plan_.state = _idle_state(facts, steps, answered)
    return plan_


def _attempts_left(facts: Facts, steps: list[Step], answered: bool) -> int:
    if facts.interview.instructions is Instructions.NO_CONTACT:
        return 0
    if answered:
        final = next(s for s in steps if s.purpose is Purpose.FINAL)
        return 1 if final.status in (StepStatus.DUE, StepStatus.UPCOMING) else 0
    return max(0, facts.config.max_unanswered - len(facts.contacts))


def _idle_state(facts: Facts, steps: list[Step], answered: bool) -> PlanState:
    """Nothing due or upcoming: waiting on them, overdue, or time to move on."""
    config = facts.config
    if answered:
        answer = next(c for c in facts.contacts if c.answered)
        day = facts.local_day(answer.at)
        until = day + dt.timedelta(days=config.answered_wait)
        _add_reason(
            steps,
            Purpose.FINAL,
            config.reason("timing.answered-wait", date=words(day), until=words(until)),
        )
        return PlanState.WAITING if facts.today <= until else PlanState.MOVE_ON
    missed = [s for s in steps if s.status is StepStatus.MISSED and s.purpose in CONTACT_PURPOSES]
    if missed:
        last = missed[-1]
        last.reasons.append(
            config.reason("timing.late-grace", date=words(last.latest), days=config.late_grace)
        )
        if facts.today <= last.latest + dt.timedelta(days=config.late_grace):
            return PlanState.OVERDUE
        return PlanState.MOVE_ON
    until = facts.feedback_by or facts.day0 + dt.timedelta(days=config.closes_after_days)
    return PlanState.WAITING if facts.today <= until else PlanState.MOVE_ON


def _close(facts: Facts, plan_: Plan) -> None:
    reason = facts.config.reason("closed.decided", status=facts.interview.status.value)
    _skip_open_steps(plan_.steps)
    for step in plan_.steps:
        if step.status is StepStatus.SKIPPED:
            step.reasons.insert(0, reason)
    plan_.state = PlanState.CLOSED


def _skip_open_steps(steps: list[Step]) -> None:
    for step in steps:
        if step.status in (StepStatus.DUE, StepStatus.UPCOMING):
            step.status = StepStatus.SKIPPED


def _add_reason(steps: list[Step], purpose: Purpose, reason: Reason) -> None:
    for step in steps:
        if step.purpose is purpose:
            step.reasons.append(reason)


def _warn_missing_contact(facts: Facts, step: Step) -> None:
    contact = facts.interview.primary_contact
    if step.channel in (Channel.CALL, Channel.TEXT) and not contact.phone:
        facts.warnings.append(
            f"No phone number for {contact.name}: add one before you call "
            "or text (or the company's main number)."
        )
    elif step.channel is Channel.EMAIL and not contact.email:
        facts.warnings.append(f"No email address for {contact.name}: add one before you write.")
