"""The planner: a pure function of (interview, today, policy) to a plan.

Steps: a thank-you, one first follow-up (status, or offer-deadline when a competing offer
comes first), at most one final attempt, and a recap email after each call that reached
someone. Every step carries the reasons that shaped it, the losing ones included.
"""

from __future__ import annotations

import datetime as dt

from followup.domain.model import (
    Attempt,
    AttemptChannel,
    Channel,
    Effect,
    Instructions,
    Interview,
    InterviewStatus,
    Outcome,
    Plan,
    Purpose,
    Reason,
    Step,
    StepStatus,
)
from followup.planner.channel import choose_channel, instructed_channel
from followup.planner.config import PlannerConfig, compile_policy
from followup.planner.facts import Facts, gather, script_kind, used_channel, words
from followup.planner.state import finish
from followup.planner.timing import best_moment, fit_window, holiday_reason
from followup.policy import Policy

_ORDER = {
    Purpose.THANK_YOU: 0,
    Purpose.OFFER_DEADLINE: 1,
    Purpose.STATUS: 1,
    Purpose.RECAP: 2,
    Purpose.FINAL: 3,
}


def plan(
    interview: Interview, today: dt.date, policy: Policy, *, default_zone: str | None = None
) -> Plan:
    """The follow-up plan for `interview` as of `today` (a date in the employer's zone)."""
    facts = gather(interview, today, compile_policy(policy), default_zone)
    steps = _steps(facts)
    steps.sort(key=lambda step: (step.when, _ORDER[step.purpose]))
    return finish(facts, steps, policy.name)


def _steps(facts: Facts) -> list[Step]:
    if facts.interview.instructions is Instructions.NO_CONTACT:
        return [_no_contact_thank_you(facts)]
    steps = [_thank_you(facts)]
    first = _first_contact(facts)
    steps.append(first)
    steps.append(_final(facts, first))
    steps.extend(_recaps(facts))
    return steps


def _new_step(
    facts: Facts,
    purpose: Purpose,
    channel: Channel,
    earliest: dt.date,
    latest: dt.date,
    reasons: list[Reason],
    not_before: dt.datetime | None = None,
) -> Step:
    """A step with its window fitted to business days and its best moment chosen."""
    if channel is Channel.CALL:  # never a call on the interview day or the next (S0-2)
        earliest = max(earliest, _min_day(facts, channel))
    latest, best, window_reasons = _window(facts, channel, earliest, latest, not_before)
    reasons.extend(window_reasons)
    return Step(
        purpose=purpose,
        channel=channel,
        status=StepStatus.UPCOMING,
        earliest=earliest,
        latest=latest,
        best=best,
        contact=facts.interview.primary_contact.name,
        reasons=reasons,
        script=script_kind(purpose, channel),
    )


Window = tuple[dt.date, dt.datetime, tuple[Reason, ...]]


def _window(
    facts: Facts,
    channel: Channel,
    earliest: dt.date,
    latest: dt.date,
    not_before: dt.datetime | None,
) -> Window:
    """The fitted last day, the best moment and the reasons that depend only on the window.

    Memoised per policy: interviews held in the same week ask for the same windows.
    """
    key = (facts.calendar, facts.tz, channel, earliest, latest, not_before)
    hit = facts.config.windows.get(key)
    if hit is None:
        if len(facts.config.windows) > 100_000:
            facts.config.windows.clear()
        hit = facts.config.windows[key] = _compute_window(
            facts, channel, earliest, latest, not_before
        )
    return hit


def _compute_window(
    facts: Facts,
    channel: Channel,
    earliest: dt.date,
    latest: dt.date,
    not_before: dt.datetime | None,
) -> Window:
    config, calendar = facts.config, facts.calendar
    latest = fit_window(earliest, max(earliest, latest), calendar)
    best = best_moment(channel, earliest, latest, calendar, config, facts.tz, not_before)
    reasons = [config.reason("timing.business-hours", zone=_zone_name(facts.tz))]
    holidays = holiday_reason(earliest, latest, calendar, config)
    if holidays is not None:
        reasons.append(holidays)
    if channel is Channel.CALL:
        reasons.extend(config.call_reasons)
    if _has_monday(earliest, latest):
        reasons.append(config.monday_reason)
    return latest, best, tuple(reasons)


def _has_monday(earliest: dt.date, latest: dt.date) -> bool:
    weekday = earliest.weekday()
    return weekday == 0 or weekday + (latest - earliest).days >= 7


def _zone_name(tz: dt.tzinfo) -> str:
    key = getattr(tz, "key", None)
    return key if isinstance(key, str) else str(tz)


def _rude_on(facts: Facts, force: bool) -> dt.date | None:
    """The day of the rude answer, when this step is being re-planned after it (S2-12)."""
    if not force or facts.rude_at is None:
        return None
    return facts.local_day(facts.rude_at)


def _after_rude(facts: Facts, step: Step) -> bool:
    """A step still to do whose window reaches the day of a rude answer must be an email
    (S2-12). A done step says how it was done; a step whose window ended before the rude
    answer keeps the channel it had then."""
    if facts.rude_at is None or step.channel is Channel.EMAIL:
        return False
    return step.status is not StepStatus.DONE and step.latest >= facts.local_day(facts.rude_at)


def _thank_you(facts: Facts, force_rude: bool = False) -> Step:
    config = facts.config
    # A call nobody picked up thanked nobody: the thank-you is still to do.
    done_by = next(
        (
            a
            for a in facts.attempts
            if a.purpose is Purpose.THANK_YOU and a.outcome is not Outcome.NO_ANSWER
        ),
        None,
    )
    channel, reasons = choose_channel(
        facts.interview, Purpose.THANK_YOU, config, _rude_on(facts, force_rude)
    )
    reasons.append(config.reason("timing.thank-you-window"))
    if channel is Channel.CALL:
        earliest = facts.day0 + dt.timedelta(days=config.min_call_day)
        latest = earliest + dt.timedelta(days=2)
        step = _new_step(facts, Purpose.THANK_YOU, channel, earliest, latest, reasons)
    else:
        earliest = facts.day0 + dt.timedelta(days=config.thank_you_opens)
        latest = max(
            facts.day0 + dt.timedelta(days=config.thank_you_closes),
            facts.calendar.next_business_day_after(facts.day0),
        )
        after = facts.interview.interviewed_at.astimezone(facts.tz) + dt.timedelta(
            hours=config.thank_you_hours_after
        )
        step = _new_step(facts, Purpose.THANK_YOU, channel, earliest, latest, reasons, after)
    _set_status(facts, step, done_by)
    if step.status is StepStatus.MISSED:
        step = _late_thank_you(facts, step, force_rude)
    if _after_rude(facts, step) and not force_rude:
        return _thank_you(facts, force_rude=True)
    return step


def _late_thank_you(facts: Facts, missed: Step, force_rude: bool) -> Step:
    """The thank-you's window passed with nothing sent (an interview entered late, say):
    a short, late thank-you is still worth sending for a few days (S0-6, S2-4); after
    that the thanks go into the first follow-up."""
    config = facts.config
    until = facts.day0 + dt.timedelta(days=config.late_thank_you_days)
    if facts.today > until or until <= missed.latest:
        facts.thanks_missing = True
        return missed
    channel = instructed_channel(facts.interview) or Channel.EMAIL
    if force_rude:
        channel = Channel.EMAIL
    reasons = [r for r in missed.reasons if r.rule != "timing.thank-you-window"]
    reasons.append(
        config.reason("timing.late-thank-you", date=words(missed.latest), until=words(until))
    )
    earliest = missed.latest + dt.timedelta(days=1)
    step = _new_step(facts, Purpose.THANK_YOU, channel, earliest, until, reasons)
    _set_status(facts, step, None)
    if step.status is StepStatus.MISSED:
        facts.thanks_missing = True
    return step


def _no_contact_thank_you(facts: Facts) -> Step:
    step = _thank_you(facts, force_rude=facts.rude_at is not None)
    if step.status is not StepStatus.DONE:  # a thank-you already sent stays on the record
        step.status = StepStatus.SKIPPED
    step.reasons.insert(0, facts.config.reason("instructions.no-contact"))
    return step


def _first_contact(facts: Facts, force_rude: bool = False) -> Step:
    """The one status follow-up (S2-6), or the offer-deadline contact that replaces it."""
    done_by = facts.contacts[0] if facts.contacts else None
    offer = _offer_applies(facts)
    purpose = Purpose.OFFER_DEADLINE if offer else Purpose.STATUS
    channel, reasons = choose_channel(
        facts.interview, purpose, facts.config, _rude_on(facts, force_rude)
    )
    earliest, latest, timing = (
        _offer_window(facts, channel) if offer else _status_window(facts, channel)
    )
    reasons.extend(timing)
    reasons.append(facts.config.reason("attempts.one-status"))
    step = _new_step(facts, purpose, channel, earliest, latest, reasons)
    _set_status(facts, step, done_by)
    still_to_do = step.status in (StepStatus.DUE, StepStatus.UPCOMING)
    if facts.thanks_missing and still_to_do and facts.interview.status is InterviewStatus.AWAITING:
        step.reasons.insert(0, facts.config.reason("timing.thanks-in-follow-up"))
    if _after_rude(facts, step) and not force_rude:
        return _first_contact(facts, force_rude=True)
    if done_by is not None and not force_rude:
        _note_early(facts, step, done_by)
    return step


def _note_early(facts: Facts, step: Step, done_by: Attempt) -> None:
    """A follow-up made before its window opened still counts as the one follow-up (S2-6);
    the plan says so, and that it came before their date (S2-2). Anything after it waits."""
    day = facts.local_day(done_by.at)
    if facts.feedback_by is not None and day <= facts.feedback_by:
        before = f"the date they gave ({words(facts.feedback_by)})"
    elif day < step.earliest:
        before = f"its window opened ({words(step.earliest)})"
    else:
        return
    step.reasons.insert(
        0, facts.config.reason("attempts.early-counts", date=words(day), before=before)
    )
    facts.warnings.append(
        f"Your follow-up on {words(day)} came before {before}. It counts as your one "
        "follow-up (S2-6); a last attempt, if one is needed, waits until after it (S2-2)."
    )


def _min_day(facts: Facts, channel: Channel) -> dt.date:
    days = facts.config.min_call_day if channel is Channel.CALL else 1
    return facts.day0 + dt.timedelta(days=days)


def _status_window(facts: Facts, channel: Channel) -> tuple[dt.date, dt.date, list[Reason]]:
    config, day0 = facts.config, facts.day0
    latest = day0 + dt.timedelta(days=config.closes_after_days)
    reasons = [config.reason("timing.two-weeks-max")]
    if config.prompt:
        earliest = day0 + dt.timedelta(days=config.prompt_opens)
        reasons.append(
            config.reason(
                "timing.day-or-two-after", profile=config.policy.name, verdict="follows it (K1)"
            )
        )
        reasons.append(config.reason("timing.week-after", Effect.OVERRIDDEN))
    else:
        next_monday = day0 + dt.timedelta(days=7 - day0.weekday())
        earliest = max(day0 + dt.timedelta(days=config.week_after_min_days), next_monday)
        reasons.append(config.reason("timing.week-after"))
        reasons.append(
            config.reason(
                "timing.day-or-two-after",
                Effect.OVERRIDDEN,
                profile=config.policy.name,
                verdict="waits for the following week instead (K1)",
            )
        )
    waited = _after_feedback(facts, channel, reasons)
    if waited is not None:
        earliest = waited
        latest = max(latest, earliest + dt.timedelta(days=config.timeframe_window))
    return max(earliest, _min_day(facts, channel)), latest, reasons


def _after_feedback(facts: Facts, channel: Channel, reasons: list[Reason]) -> dt.date | None:
    """The first day after their stated timeframe (S2-2), noting a `wait` instruction."""
    interview, config = facts.interview, facts.config
    if interview.instructions is Instructions.WAIT:
        until = f" by {words(facts.feedback_by)}" if facts.feedback_by else ""
        reasons.insert(0, config.reason("instructions.wait", until=until))
    if facts.feedback_by is None:
        return None
    reasons.append(config.reason("timing.stated-timeframe", date=words(facts.feedback_by)))
    return facts.calendar.next_business_day_after(facts.feedback_by)


def _offer_applies(facts: Facts) -> bool:
    """A competing offer's deadline falls before the usual status follow-up would (S0-8)."""
    deadline = facts.interview.competing_offer_deadline
    if deadline is None:
        return False
    if deadline <= facts.day0:
        facts.warnings.append("Ignored competing_offer_deadline: it is not after the interview.")
        return False
    usual_latest = facts.day0 + dt.timedelta(days=facts.config.closes_after_days)
    if deadline - dt.timedelta(days=facts.config.offer_lead) > usual_latest:
        return False
    wait_until = facts.wait_until
    if wait_until is not None and deadline <= wait_until:
        facts.warnings.append(
            f"Your other offer must be answered by {words(deadline)}, before the date they "
            f"asked you to wait for ({words(wait_until)}). Their instruction stands; "
            "consider asking the other employer for more time."
        )
        return False
    if facts.feedback_by is not None and deadline <= facts.feedback_by:
        facts.warnings.append(
            f"Your other offer must be answered by {words(deadline)}, before the date they "
            f"said they would get back to you ({words(facts.feedback_by)}). The plan keeps "
            "to their date (S2-2); consider asking the other employer for more time."
        )
        return False
    return True


def _offer_window(facts: Facts, channel: Channel) -> tuple[dt.date, dt.date, list[Reason]]:
    config = facts.config
    deadline = facts.interview.competing_offer_deadline
    assert deadline is not None
    reasons = [config.reason("timing.offer-deadline", date=words(deadline))]
    reasons.append(config.reason("timing.week-after", Effect.OVERRIDDEN))
    earliest = _min_day(facts, channel)
    waited = _after_feedback(facts, channel, reasons)
    if waited is not None:
        earliest = max(earliest, waited)
    latest = max(earliest, deadline - dt.timedelta(days=config.offer_lead))
    return earliest, latest, reasons


def _final(facts: Facts, first: Step, force_rude: bool = False) -> Step:
    """At most one final attempt, and only if the first follow-up got no answer (K2)."""
    config = facts.config
    first_done = facts.contacts[0] if facts.contacts else None
    done_by = facts.contacts[1] if len(facts.contacts) > 1 else None
    channel, reasons = choose_channel(
        facts.interview, Purpose.FINAL, config, _rude_on(facts, force_rude)
    )
    reasons.append(config.reason("timing.final-week-later"))
    reasons.append(config.reason("attempts.limit", limit=config.max_unanswered))
    base = facts.local_day(first_done.at) if first_done else first.best.date()
    earliest = max(base + dt.timedelta(days=config.final_after), _min_day(facts, channel))
    if facts.feedback_by is not None:
        # Not even a final attempt on or before their date (S2-2, and S1-3 when they asked
        # to wait), however early the first follow-up came.
        earliest = max(earliest, facts.calendar.next_business_day_after(facts.feedback_by))
    recheck = _recheck_after_answer(facts, first_done)
    if recheck is not None:
        earliest = recheck
        reasons.append(config.reason("timing.stated-timeframe", date=words(facts.feedback_by)))
    latest = earliest + dt.timedelta(days=config.final_window)
    step = _new_step(facts, Purpose.FINAL, channel, earliest, latest, reasons)
    if first_done is not None and first_done.answered and recheck is None:
        step.status = StepStatus.SKIPPED
        step.reasons.insert(0, config.reason("attempts.answer-ends-chase"))
    elif first_done is None and not _final_possible(first, config):
        step.status = StepStatus.SKIPPED
    else:
        _set_status(facts, step, done_by)
    if _after_rude(facts, step) and not force_rude:
        return _final(facts, first, force_rude=True)
    return step


def _final_possible(first: Step, config: PlannerConfig) -> bool:
    """A final attempt can still follow: the first one is not missed and the limit allows two."""
    missed = first.status in (StepStatus.MISSED, StepStatus.SKIPPED)
    return not missed and config.max_unanswered >= 2


def _recheck_after_answer(facts: Facts, first_done: Attempt | None) -> dt.date | None:
    """After an answer that gave a new date, one check after it (K2)."""
    if first_done is None or not first_done.answered or facts.feedback_by is None:
        return None
    if facts.feedback_by < facts.local_day(first_done.at):
        return None
    return facts.calendar.next_business_day_after(facts.feedback_by)


def _recaps(facts: Facts) -> list[Step]:
    """A short recap email after each call in which you spoke with them (S1-7)."""
    if instructed_channel(facts.interview) not in (None, Channel.EMAIL):
        return []
    steps = []
    config = facts.config
    recaps = [a for a in facts.attempts if a.purpose is Purpose.RECAP]
    for call in facts.attempts:
        if call.channel is not AttemptChannel.CALL or call.purpose is Purpose.RECAP:
            continue
        if call.outcome is not Outcome.SPOKE:
            continue
        day = facts.local_day(call.at)
        reasons = [config.reason("timing.recap-after-call")]
        if facts.rude_at is not None and facts.rude_at <= call.at:
            reasons.insert(
                0,
                config.reason(
                    "channel.rude-then-email", date=words(facts.local_day(facts.rude_at))
                ),
            )
        latest = day + dt.timedelta(days=config.recap_within)
        step = _new_step(facts, Purpose.RECAP, Channel.EMAIL, day, latest, reasons)
        done_by = next((r for r in recaps if r.at >= call.at), None)
        if done_by is not None:
            recaps.remove(done_by)
        _set_status(facts, step, done_by)
        steps.append(step)
    return steps


def _set_status(facts: Facts, step: Step, done_by: Attempt | None) -> None:
    """done / due / upcoming / missed, and a best moment from today when it is due."""
    if done_by is not None:
        step.status = StepStatus.DONE
        step.channel = used_channel(done_by)
        step.script = script_kind(step.purpose, step.channel)
        step.done_at = done_by.at.astimezone(facts.tz)
    elif facts.today < step.earliest:
        step.status = StepStatus.UPCOMING
    elif facts.today <= step.latest:
        step.status = StepStatus.DUE
        if facts.today > step.earliest:
            step.best = best_moment(
                step.channel, facts.today, step.latest, facts.calendar, facts.config, facts.tz
            )
    else:
        step.status = StepStatus.MISSED


__all__ = ["plan", "script_kind", "used_channel"]
