"""A plan in plain words, for a person: what to do next, when, how and why."""

from __future__ import annotations

import datetime as dt

from followup.domain.model import (
    Channel,
    Effect,
    Interview,
    Plan,
    PlanState,
    Purpose,
    Step,
    StepStatus,
)

_WHAT = {
    Purpose.THANK_YOU: "Say thank you {how}",
    Purpose.STATUS: "Ask where things stand {how}",
    Purpose.FINAL: "One last follow-up {how}, only if the first got no answer",
    Purpose.OFFER_DEADLINE: "Tell them {how} about your other offer and its deadline",
    Purpose.RECAP: "Send a short recap {how} after the call",
}
_HOW = {Channel.CALL: "by phone", Channel.EMAIL: "by email", Channel.TEXT: "by text message"}
_STATE = {
    PlanState.ACT_NOW: "Act now",
    PlanState.WAITING: "Nothing to do yet",
    PlanState.OVERDUE: "Overdue",
    PlanState.MOVE_ON: "Time to move on",
    PlanState.CLOSED: "Closed",
}
_STATUS = {
    StepStatus.DONE: "done",
    StepStatus.DUE: "due now",
    StepStatus.UPCOMING: "coming up",
    StepStatus.MISSED: "missed",
    StepStatus.SKIPPED: "not needed",
}


def day_words(day: dt.date) -> str:
    """`Wednesday 25 November`."""
    return f"{day:%A} {day.day} {day:%B}"


def offset_words(moment: dt.datetime) -> str:
    """`UTC-05:00`."""
    offset = moment.utcoffset() or dt.timedelta(0)
    sign = "-" if offset < dt.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def moment_words(moment: dt.datetime) -> str:
    """`Wednesday 25 November at 10:00 (UTC-05:00)`."""
    return f"{day_words(moment.date())} at {moment:%H:%M} ({offset_words(moment)})"


def _what(step: Step) -> str:
    return _WHAT[step.purpose].format(how=_HOW[step.channel])


def plan_to_text(plan: Plan, interview: Interview) -> str:
    """The plan as a short report a person reads top to bottom."""
    lines = [
        f"{interview.company}: {interview.role}",
        f"Interviewed {day_words(interview.interviewed_at.date())}; "
        f"plan as of {day_words(plan.as_of)} ({plan.policy} policy).",
        "",
        f"{_STATE[plan.state]}. {_headline(plan)}",
    ]
    for number, step in enumerate(plan.steps, start=1):
        lines.append("")
        lines.extend(_step_lines(number, step, why=step is plan.next))
    if plan.state is not PlanState.CLOSED:
        lines += ["", f"Follow-ups left: {plan.attempts_left}."]
    for warning in plan.warnings:
        lines.append(f"Note: {warning}")
    return "\n".join(lines) + "\n"


def _headline(plan: Plan) -> str:
    step = plan.next
    if step is None:
        return {
            PlanState.MOVE_ON: "Your follow-ups are done; put your energy into other openings.",
            PlanState.OVERDUE: "A follow-up window has passed; a late, polite one still helps.",
            PlanState.CLOSED: "Nothing more to follow up.",
        }.get(plan.state, "Wait for their news.")
    action = f"{_what(step)} (to {step.contact})"
    if step.status is StepStatus.DUE:
        return f"{action}: best {moment_words(step.best)}, by {day_words(step.latest)}."
    return f"Next: {action}, from {day_words(step.earliest)} (best {moment_words(step.best)})."


def _step_lines(number: int, step: Step, *, why: bool) -> list[str]:
    lines = [
        f"{number}. {_what(step)}: {_STATUS[step.status]}",
        f"   Window: {day_words(step.earliest)} to {day_words(step.latest)}; "
        f"best {moment_words(step.best)}.",
    ]
    if step.script and step.status in (StepStatus.DUE, StepStatus.UPCOMING):
        lines.append(f"   What to say: followup script --kind {step.script}")
    if not why:
        return lines
    lines.append("   Why:")
    for reason in step.reasons:
        mark = "-" if reason.effect is Effect.APPLIED else "x"
        note = "" if reason.effect is Effect.APPLIED else " (outweighed)"
        lines.append(f"   {mark} {reason.says}{note} [{', '.join(reason.sources)}]")
    return lines
