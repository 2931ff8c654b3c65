"""Which channel a step uses, settled by K3's order of precedence, with the losers shown.

Each consideration either has an opinion (a channel) or none. The first one with an opinion
wins; later ones that agree are listed as applied, those that disagree as overridden, so the
user sees the trade-off (K3).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from followup.domain.model import (
    Channel,
    Culture,
    Effect,
    Instructions,
    Interview,
    Manner,
    Purpose,
    Reason,
    ScheduledVia,
)
from followup.planner.config import PlannerConfig

_INSTRUCTED = {
    Instructions.EMAIL: Channel.EMAIL,
    Instructions.CALL: Channel.CALL,
    Instructions.TEXT: Channel.TEXT,
}
_SCHEDULED = {
    ScheduledVia.EMAIL: Channel.EMAIL,
    ScheduledVia.PHONE: Channel.CALL,
    ScheduledVia.TEXT: Channel.TEXT,
}
_WORDS = {Channel.CALL: "phone", Channel.EMAIL: "email", Channel.TEXT: "text message"}

Opinion = tuple[Channel, str, dict[str, str]]  # channel, rule id, values for its `says`


def instructed_channel(interview: Interview) -> Channel | None:
    """The channel the employer asked for, if they named one (S1-3)."""
    return _INSTRUCTED.get(interview.instructions) if interview.instructions else None


def industry_of(interview: Interview, config: PlannerConfig) -> str | None:
    """The etiquette-table industry the interview's `industry` matches, if any (S0-10)."""
    if not interview.industry:
        return None
    text = interview.industry.lower()
    for industry in config.industries:
        if industry in text:
            return industry
    return None


def choose_channel(
    interview: Interview,
    purpose: Purpose,
    config: PlannerConfig,
    rude_on: dt.date | None,
) -> tuple[Channel, list[Reason]]:
    """The channel for a step of `purpose`, and the reasons for and against it."""
    # Memoised on what the decision reads: most interviews share a handful of profiles.
    key = (
        interview.instructions,
        interview.scheduled_via,
        interview.culture,
        interview.interviewer_manner,
        interview.industry,
        purpose,
        rude_on,
    )
    hit = config.channels.get(key)
    if hit is None:
        hit = config.channels[key] = _decide(interview, purpose, config, rude_on)
    return hit[0], list(hit[1])


def _decide(
    interview: Interview, purpose: Purpose, config: PlannerConfig, rude_on: dt.date | None
) -> tuple[Channel, tuple[Reason, ...]]:
    opinions = list(_opinions(interview, purpose, config, rude_on))
    winner = opinions[0][0]
    reasons = [
        config.reason(rule, Effect.APPLIED if channel is winner else Effect.OVERRIDDEN, **values)
        for channel, rule, values in opinions
    ]
    if winner is Channel.TEXT:
        reasons.append(config.reason("channel.text-only-if-texted"))
    return winner, tuple(reasons)


def _opinions(
    interview: Interview, purpose: Purpose, config: PlannerConfig, rude_on: dt.date | None
) -> Iterator[Opinion]:
    if rude_on is not None:
        yield Channel.EMAIL, "channel.rude-then-email", {"date": _day(rude_on)}
    instructed = instructed_channel(interview)
    if instructed is not None:
        yield instructed, "channel.instructions", {"channel": _WORDS[instructed]}
    if purpose is Purpose.RECAP:
        yield Channel.EMAIL, "timing.recap-after-call", {}
        return
    if purpose is Purpose.THANK_YOU:
        yield from _thank_you_opinions(interview, config)
        return
    yield from _status_opinions(interview)


def _thank_you_opinions(interview: Interview, config: PlannerConfig) -> Iterator[Opinion]:
    industry = industry_of(interview, config)
    if industry is not None:
        yield Channel.CALL, "channel.thank-you-call-industries", {"industry": industry}
    # S0-6 is specific to thank-yous: it outranks the scheduling medium (guidance, S0-6 row).
    yield Channel.EMAIL, "channel.thank-you-email", {}
    scheduled = _SCHEDULED.get(interview.scheduled_via) if interview.scheduled_via else None
    if scheduled is not None:
        yield scheduled, "channel.scheduling-medium", {"medium": _WORDS[scheduled]}


def _status_opinions(interview: Interview) -> Iterator[Opinion]:
    if interview.culture is Culture.FORMAL:
        yield Channel.EMAIL, "channel.formal-culture", {}
    if interview.interviewer_manner is Manner.FORMAL:
        yield Channel.EMAIL, "channel.formal-manner", {}
    scheduled = _SCHEDULED.get(interview.scheduled_via) if interview.scheduled_via else None
    if scheduled is not None:
        yield scheduled, "channel.scheduling-medium", {"medium": _WORDS[scheduled]}
    if interview.culture is Culture.DIRECT:
        yield Channel.CALL, "channel.direct-culture", {}
    if interview.interviewer_manner is Manner.FRIENDLY:
        yield Channel.CALL, "channel.friendly-manner", {}
    yield Channel.CALL, "channel.status-call-default", {}


def _day(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"
