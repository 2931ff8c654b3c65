"""The domain: interviews, attempts, plans, steps and reasons, as `spec/plan-json.md` names them.

Every datetime here is timezone-aware; a naive one is a bug and is refused at the edges.
Nothing in this module does I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from followup.domain.enums import (
    ANSWERED_OUTCOMES,
    AttemptChannel,
    Channel,
    Culture,
    Effect,
    Instructions,
    InterviewFormat,
    InterviewStatus,
    Manner,
    Outcome,
    PlanState,
    Purpose,
    ScheduledVia,
    StepStatus,
)


@dataclass(frozen=True, slots=True)
class Person:
    """The candidate, or one interviewer."""

    name: str
    email: str | None = None
    phone: str | None = None
    title: str | None = None
    primary: bool = False


@dataclass(frozen=True, slots=True)
class Attempt:
    """One follow-up the candidate made, and what came of it (S2-8: keep a record)."""

    at: dt.datetime
    channel: AttemptChannel
    purpose: Purpose
    outcome: Outcome
    notes: str | None = None

    @property
    def answered(self) -> bool:
        return self.outcome in ANSWERED_OUTCOMES


@dataclass(frozen=True, slots=True)
class Interview:
    """One interview, as the contract's interview object describes it."""

    company: str
    role: str
    candidate: Person
    interviewers: tuple[Person, ...]
    interviewed_at: dt.datetime
    id: str | None = None
    timezone: str | None = None
    country: str = "US"
    subdivision: str | None = None
    format: InterviewFormat | None = None
    scheduled_via: ScheduledVia | None = None
    industry: str | None = None
    culture: Culture = Culture.NEUTRAL
    interviewer_manner: Manner = Manner.NEUTRAL
    feedback_expected_by: dt.date | None = None
    feedback_expected_within_days: int | None = None
    instructions: Instructions | None = None
    discussion_points: tuple[str, ...] = ()
    competing_offer_deadline: dt.date | None = None
    status: InterviewStatus = InterviewStatus.AWAITING
    attempts: tuple[Attempt, ...] = ()
    #: The store's version of this interview (1 when added, one more with every change),
    #: None until stored. Not part of the contract's object, and not compared.
    version: int | None = field(default=None, compare=False)

    @property
    def primary_contact(self) -> Person:
        """The interviewer to follow up with (S2-3): the one marked primary, else the first."""
        for person in self.interviewers:
            if person.primary:
                return person
        return self.interviewers[0]


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a step is shaped the way it is; `sources` are ids from the guidance."""

    rule: str
    says: str
    sources: tuple[str, ...]
    effect: Effect = Effect.APPLIED


@dataclass(slots=True)
class Step:
    """One follow-up the plan recommends, with its window, best moment and reasons."""

    purpose: Purpose
    channel: Channel
    status: StepStatus
    earliest: dt.date
    latest: dt.date
    best: dt.datetime
    contact: str
    reasons: list[Reason] = field(default_factory=list)
    script: str | None = None
    #: when a done step was done: the moment of the attempt that did it (employer's zone)
    done_at: dt.datetime | None = None

    def send_day(self, today: dt.date) -> dt.date:
        """The day this step's message will go out: its best moment's day, or today when
        that has passed. A draft speaks as of this day ("last Monday", not "yesterday")."""
        return max(today, self.best.date())

    @property
    def when(self) -> dt.date:
        """The day the step sits at in time order: its `done_at` when done, else `earliest`."""
        return self.done_at.date() if self.done_at is not None else self.earliest


@dataclass(slots=True)
class Plan:
    """The whole plan for one interview as of one day."""

    id: str | None
    as_of: dt.date
    policy: str
    state: PlanState
    next: Step | None
    steps: list[Step]
    attempts_left: int
    warnings: list[str] = field(default_factory=list)


__all__ = [
    "ANSWERED_OUTCOMES",
    "Attempt",
    "AttemptChannel",
    "Channel",
    "Culture",
    "Effect",
    "Instructions",
    "Interview",
    "InterviewFormat",
    "InterviewStatus",
    "Manner",
    "Outcome",
    "Person",
    "Plan",
    "PlanState",
    "Purpose",
    "Reason",
    "ScheduledVia",
    "Step",
    "StepStatus",
]
