"""What the planner knows about one interview on one day (`Facts`), gathered once.

The attempts that count (neither before the interview nor after today), the contacts
among them, the rude answer if any, the date they said they would get back by, and the
warnings about what was ignored; with the helpers the steps and the state share.
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
    Instructions,
    Interview,
    Outcome,
    Purpose,
)
from followup.planner.channel import instructed_channel
from followup.planner.config import PlannerConfig
from followup.planner.render import offset_words

CONTACT_PURPOSES = frozenset({Purpose.STATUS, Purpose.FINAL, Purpose.OFFER_DEADLINE})


SCRIPTS = {
    (Purpose.THANK_YOU, Channel.EMAIL): "thank-you-email",
    (Purpose.STATUS, Channel.EMAIL): "status-email",
    (Purpose.FINAL, Channel.EMAIL): "final-email",
    (Purpose.OFFER_DEADLINE, Channel.EMAIL): "offer-deadline",
    (Purpose.OFFER_DEADLINE, Channel.CALL): "offer-deadline",
    (Purpose.RECAP, Channel.EMAIL): "recap-email",
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


def gather(
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
                f"On {words(facts.local_day(attempt.at))} you followed up by {used.value}, "
                f"though they asked for {asked.value} (S1-3): the plan records what you did "
                f"and keeps to {asked.value} from here."
            )


def used_channel(attempt: Attempt) -> Channel:
    """The channel an attempt actually used; a voicemail counts as a call."""
    if attempt.channel is AttemptChannel.VOICEMAIL:
        return Channel.CALL
    return Channel(attempt.channel.value)


def _offset(interview: Interview) -> str:
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


@lru_cache(maxsize=4096)
def words(day: dt.date | None) -> str:
    return "" if day is None else f"{day:%A} {day.day} {day:%B %Y}"
