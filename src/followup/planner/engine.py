"""The planner: a pure function of (interview, today, policy) to a plan.

Steps: a thank-you, one first follow-up (status, or offer-deadline when a competing offer
comes first), at most one final attempt, and a recap email after each call that reached
someone. Every step carries the reasons that shaped it, the losing ones included.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from followup.calendar import HolidayCalendar, employer_zone, holiday_calendar
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
    PlanState,
    Purpose,
    Reason,
    Step,
    StepStatus,
)
from followup.planner.channel import choose_channel, instructed_channel
from followup.planner.config import PlannerConfig, compile_policy
from followup.planner.timing import best_moment, fit_window, holiday_reason
from followup.policy import Policy

CONTACT_PURPOSES = frozenset({Purpose.STATUS, Purpose.FINAL, Purpose.OFFER_DEADLINE})
SCRIPTS = {
    (Purpose.THANK_YOU, Channel.EMAIL): "thank-you-email",
    (Purpose.STATUS, Channel.EMAIL): "status-email",
    (Purpose.FINAL, Channel.EMAIL): "final-email",
    (Purpose.OFFER_DEADLINE, Channel.EMAIL): "offer-deadline",
    (Purpose.OFFER_DEADLINE, Channel.CALL): "offer-deadline",
    (Purpose.RECAP, Channel.EMAIL): "recap-email",
}
_ORDER = {
    Purpose.THANK_YOU: 0,
    Purpose.OFFER_DEADLINE: 1,
    Purpose.STATUS: 1,
    Purpose.RECAP: 2,
    Purpose.FINAL: 3,
}


def script_kind(purpose: Purpose, channel: Channel) -> str:
    """The script that fits a step: what to say for it (`followup script --kind`)."""
    if channel is Channel.TEXT:
        return "text"
    return SCRIPTS.get((purpose, channel), "call")


@dataclass(slots=True)
class Facts:
    """What the planner knows about one interview on one day."""

    interview: Interview
    today: dt.date
    config: PlannerConfig
    tz: dt.tzinfo
    calendar: HolidayCalendar
    day0: dt.date
    attempts: list[Attempt]
    contacts: list[Attempt]
    rude_at: dt.datetime | None
    feedback_by: dt.date | None
    warnings: list[str] = field(default_factory=list)
    #: no thank-you went out and its window (late one included) has passed
    thanks_missing: bool = False

    @property
    def wait_until(self) -> dt.date | None:
        """The date they asked the candidate to wait for (instructions `wait`), if any."""
        return self.feedback_by if self.interview.instructions is Instructions.WAIT else None

    def local_day(self, moment: dt.datetime) -> dt.date:
        return moment.astimezone(self.tz).date()


def plan(
    interview: Interview, today: dt.date, policy: Policy, *, default_zone: str | None = None
) -> Plan:
    """The follow-up plan for `interview` as of `today` (a date in the employer's zone)."""
    facts = _facts(interview, today, compile_policy(policy), default_zone)
    steps = _steps(facts)
    steps.sort(key=lambda step: (step.when, _ORDER[step.purpose]))
    return _finish(facts, steps, policy.name)


def _facts(
    interview: Interview, today: dt.date, config: PlannerConfig, default_zone: str | None
) -> Facts:
    tz = employer_zone(interview, default_zone)
    facts = Facts(
        interview=interview,
        today=today,
        config=config,
        tz=tz,
        calendar=holiday_calendar(interview.country, interview.subdivision),
        day0=interview.interviewed_at.astimezone(tz).date(),
        attempts=[],
        contacts=[],
        rude_at=None,
        feedback_by=None,
    )
    if interview.timezone is None and default_zone is None:
        facts.warnings.append(
            f"No time zone given: times use the fixed offset {_offset(interview)} of "
            "interviewed_at, which does not follow daylight saving time; add `timezone`."
        )
    _sort_attempts(facts)
    facts.feedback_by = _feedback_by(facts)
    _warn_off_channel(facts)
    return facts


def _warn_off_channel(facts: Facts) -> None:
    """An attempt by another channel than the one they asked for is recorded as it was (S1-3)."""
    asked = instructed_channel(facts.interview)
    if asked is None:
        return
    for attempt in facts.attempts:
        used = used_channel(attempt)
        if used is not asked and attempt.purpose is not Purpose.RECAP:
            facts.warnings.append(
                f"On {_words(facts.local_day(attempt.at))} you followed up by {used.value}, "
                f"though they asked for {asked.value} (S1-3): the plan records what you did "
                f"and keeps to {asked.value} from here."
            )


def used_channel(attempt: Attempt) -> Channel:
    """The channel an attempt actually used; a voicemail counts as a call."""
    if attempt.channel is AttemptChannel.VOICEMAIL:
        return Channel.CALL
    return Channel(attempt.channel.value)


def _offset(interview: Interview) -> str:
    from followup.planner.render import offset_words

    return offset_words(interview.interviewed_at)


def _sort_attempts(facts: Facts) -> None:
    early = late = 0
    for attempt in facts.interview.attempts:
        day = facts.local_day(attempt.at)
        if day < facts.day0:
            early += 1
        elif day > facts.today:
            late += 1
        else:
            facts.attempts.append(attempt)
            if attempt.purpose in CONTACT_PURPOSES:
                facts.contacts.append(attempt)
            if attempt.outcome is Outcome.RUDE and facts.rude_at is None:
                facts.rude_at = attempt.at
    if early:
        facts.warnings.append(f"Ignored {early} attempt(s) dated before the interview.")
    if late:
        facts.warnings.append(f"Ignored {late} attempt(s) dated after {facts.today.isoformat()}.")


def _feedback_by(facts: Facts) -> dt.date | None:
    interview = facts.interview
    dates = []
    if interview.feedback_expected_by is not None:
        if interview.feedback_expected_by < facts.day0:
            facts.warnings.append("Ignored feedback_expected_by: it is before the interview.")
        else:
            dates.append(interview.feedback_expected_by)
    if interview.feedback_expected_within_days is not None:
        dates.append(facts.day0 + dt.timedelta(days=interview.feedback_expected_within_days))
    return max(dates) if dates else None


# --- the steps ----------------------------------------------------------------------------


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
        config.reason("timing.late-thank-you", date=_words(missed.latest), until=_words(until))
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
        before = f"the date they gave ({_words(facts.feedback_by)})"
    elif day < step.earliest:
        before = f"its window opened ({_words(step.earliest)})"
    else:
        return
    step.reasons.insert(
        0, facts.config.reason("attempts.early-counts", date=_words(day), before=before)
    )
    facts.warnings.append(
        f"Your follow-up on {_words(day)} came before {before}. It counts as your one "
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
        until = f" by {_words(facts.feedback_by)}" if facts.feedback_by else ""
        reasons.insert(0, config.reason("instructions.wait", until=until))
    if facts.feedback_by is None:
        return None
    reasons.append(config.reason("timing.stated-timeframe", date=_words(facts.feedback_by)))
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
            f"Your other offer must be answered by {_words(deadline)}, before the date they "
            f"asked you to wait for ({_words(wait_until)}). Their instruction stands; "
            "consider asking the other employer for more time."
        )
        return False
    if facts.feedback_by is not None and deadline <= facts.feedback_by:
        facts.warnings.append(
            f"Your other offer must be answered by {_words(deadline)}, before the date they "
            f"said they would get back to you ({_words(facts.feedback_by)}). The plan keeps "
            "to their date (S2-2); consider asking the other employer for more time."
        )
        return False
    return True


def _offer_window(facts: Facts, channel: Channel) -> tuple[dt.date, dt.date, list[Reason]]:
    config = facts.config
    deadline = facts.interview.competing_offer_deadline
    assert deadline is not None
    reasons = [config.reason("timing.offer-deadline", date=_words(deadline))]
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
        reasons.append(config.reason("timing.stated-timeframe", date=_words(facts.feedback_by)))
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
                    "channel.rude-then-email", date=_words(facts.local_day(facts.rude_at))
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


# --- the state ----------------------------------------------------------------------------


def _finish(facts: Facts, steps: list[Step], policy_name: str) -> Plan:
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
            config.reason("timing.answered-wait", date=_words(day), until=_words(until)),
        )
        return PlanState.WAITING if facts.today <= until else PlanState.MOVE_ON
    missed = [s for s in steps if s.status is StepStatus.MISSED and s.purpose in CONTACT_PURPOSES]
    if missed:
        last = missed[-1]
        last.reasons.append(
            config.reason("timing.late-grace", date=_words(last.latest), days=config.late_grace)
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


@lru_cache(maxsize=4096)
def _words(day: dt.date | None) -> str:
    return "" if day is None else f"{day:%A} {day.day} {day:%B %Y}"


__all__ = ["plan", "script_kind", "used_channel"]
