"""A policy compiled for the planner's hot path: parameters as attributes, reasons prebuilt."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from followup.calendar import WEEKDAY_NAMES, parse_clock_time
from followup.domain.model import Effect, Reason
from followup.policy import Policy

#: How many filled-in reasons a compiled policy keeps (a few hundred cover a day's plans).
REASON_MEMO = 4096


@dataclass
class PlannerConfig:
    """Everything the planner reads from a policy, looked up once."""

    policy: Policy
    thank_you_opens: int
    thank_you_closes: int
    thank_you_hours_after: int
    min_call_day: int
    week_after_min_days: int
    closes_after_days: int
    prompt: bool
    prompt_opens: int
    timeframe_window: int
    preferred_call_days: frozenset[int]
    monday_not_before: dt.time
    opens: dt.time
    closes: dt.time
    call_at: dt.time
    write_at: dt.time
    final_after: int
    final_window: int
    offer_lead: int
    recap_within: int
    late_grace: int
    late_thank_you_days: int
    answered_wait: int
    max_unanswered: int
    industries: tuple[str, ...]
    _reasons: dict[tuple[Any, ...], Reason] = field(default_factory=dict)
    #: memoised channel decisions (see planner.channel.choose_channel)
    channels: dict[tuple[Any, ...], tuple[Any, tuple[Reason, ...]]] = field(default_factory=dict)
    #: memoised windows: (calendar, zone, channel, earliest, latest, not_before) -> result
    windows: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    call_reasons: tuple[Reason, ...] = field(init=False)
    monday_reason: Reason = field(init=False)

    def __post_init__(self) -> None:
        self.call_reasons = (
            self.reason("timing.no-early-call"),
            self.reason("timing.midweek-calls"),
            self.reason("prep.before-call"),
        )
        self.monday_reason = self.reason("timing.not-monday-morning")

    def reason(self, rule_id: str, effect: Effect = Effect.APPLIED, **values: Any) -> Reason:
        """The reason for `rule_id`, its `says` filled with the rule's params and `values`."""
        key = (rule_id, effect, *values.items())  # each call site passes the same order
        cached = self._reasons.get(key)
        if cached is None:
            if len(self._reasons) >= REASON_MEMO:  # dates in words make keys without end
                self._reasons.clear()
            rule = self.policy.rule(rule_id)
            says = rule.says.format(**{**rule.params, **values}) if "{" in rule.says else rule.says
            cached = self._reasons[key] = Reason(rule_id, says, rule.sources, effect)
        return cached


#: Compiled configs of the policies in use, most recent last. Bounded: the policies come from
#: `load_policy`'s bounded caches, and a config evicted here is simply compiled again.
COMPILED_POLICIES = 32
_CONFIGS: OrderedDict[int, PlannerConfig] = OrderedDict()


def compile_policy(policy: Policy) -> PlannerConfig:
    """The compiled form of `policy`, built once per policy object."""
    config = _CONFIGS.get(id(policy))
    if config is None or config.policy is not policy:
        config = _CONFIGS[id(policy)] = _compile(policy)
        while len(_CONFIGS) > COMPILED_POLICIES:
            _CONFIGS.popitem(last=False)
    _CONFIGS.move_to_end(id(policy))
    return config


def _compile(policy: Policy) -> PlannerConfig:
    p = policy.param
    return PlannerConfig(
        policy=policy,
        thank_you_opens=p("timing.thank-you-window", "opens_after_days"),
        thank_you_closes=p("timing.thank-you-window", "closes_after_days"),
        thank_you_hours_after=p("timing.thank-you-window", "hours_after_interview"),
        min_call_day=p("timing.no-early-call", "min_call_day"),
        week_after_min_days=p("timing.week-after", "min_days"),
        closes_after_days=p("timing.two-weeks-max", "closes_after_days"),
        prompt=p("timing.day-or-two-after", "use"),
        prompt_opens=p("timing.day-or-two-after", "opens_after_days"),
        timeframe_window=p("timing.stated-timeframe", "window_days"),
        preferred_call_days=frozenset(
            WEEKDAY_NAMES.index(day) for day in p("timing.midweek-calls", "preferred_days")
        ),
        monday_not_before=parse_clock_time(p("timing.not-monday-morning", "not_before")),
        opens=parse_clock_time(p("timing.business-hours", "opens")),
        closes=parse_clock_time(p("timing.business-hours", "closes")),
        call_at=parse_clock_time(p("timing.business-hours", "call_at")),
        write_at=parse_clock_time(p("timing.business-hours", "write_at")),
        final_after=p("timing.final-week-later", "after_days"),
        final_window=p("timing.final-week-later", "window_days"),
        offer_lead=p("timing.offer-deadline", "lead_days"),
        recap_within=p("timing.recap-after-call", "within_days"),
        late_grace=p("timing.late-grace", "grace_days"),
        late_thank_you_days=p("timing.late-thank-you", "until_day"),
        answered_wait=p("timing.answered-wait", "wait_days"),
        max_unanswered=p("attempts.limit", "max_unanswered"),
        industries=tuple(
            word.lower() for word in p("channel.thank-you-call-industries", "industries")
        ),
    )
