"""Plans without a store: interviews (or the contract's interview objects) in, plans out.

    plan = followup.plan(obj, dt.date(2026, 11, 23))        # one
    for plan in followup.plan_many(objects):                  # a batch or a stream
        ...

`followup plan --input` is a thin adapter over `plan_many`. Nothing here stores anything or
reads the user's settings: pass `default_zone` and `policy` for that (the tracker's plans,
which do, are `followup.services.planning`'s).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from followup.calendar import check_calendar, employer_zone
from followup.context import Env
from followup.domain.codec import interview_from_dict
from followup.domain.errors import InputError
from followup.domain.model import Interview, Plan
from followup.planner import plan as plan_interview
from followup.policy import Policy, load_policy

#: What the planning calls take: a domain interview, or the contract's interview object.
Plannable = Interview | Mapping[str, Any]


def plan(
    interview: Plannable,
    today: dt.date | None = None,
    *,
    policy: Policy | str = "default",
    default_zone: str | None = None,
    env: Env | None = None,
) -> Plan:
    """The follow-up plan for one interview, as of `today`.

    `interview` is an `Interview` or the contract's interview object (a dict, checked
    strictly: `InputError` names the bad field). `today` defaults to today in the
    employer's zone (the interview's, else `default_zone`), by `env`'s clock. `policy` is a
    loaded `Policy`, a built-in profile's name (`default`, `prompt`) or a policy file's path.
    """
    return _planner(policy, default_zone, env)(_interview(interview), today)


def plan_many(
    interviews: Iterable[Plannable],
    today: dt.date | None = None,
    *,
    policy: Policy | str = "default",
    default_zone: str | None = None,
    env: Env | None = None,
) -> Iterator[Plan]:
    """Each interview's plan, in input order, as `plan` makes it, the policy loaded once.

    Lazy: the next interview is read (and checked) only when the next plan is asked for, so
    a generator of any length (lines read from a pipe) is planned in constant memory. A
    contract object that is not a valid interview raises `InputError` when it is reached,
    its field prefixed with its place (`item 3: timezone`); the plans before it stand.
    """
    planner = _planner(policy, default_zone, env)
    for number, item in enumerate(interviews, start=1):
        try:
            interview = _interview(item)
        except InputError as error:
            field = f"item {number}: {error.field}" if error.field else f"item {number}"
            raise InputError(field, error.why) from None
        yield planner(interview, today)


def _interview(item: Plannable) -> Interview:
    if isinstance(item, Interview):
        return item
    return interview_from_dict(item, check_calendar=check_calendar)


class _Planner:
    """One policy, zone and clock, applied to interview after interview."""

    def __init__(self, policy: Policy, default_zone: str | None, env: Env) -> None:
        self.policy = policy
        self.default_zone = default_zone
        self.env = env

    def __call__(self, interview: Interview, today: dt.date | None) -> Plan:
        if today is None:
            zone = employer_zone(interview, self.default_zone)
            today = self.env.clock().astimezone(zone).date()
        return plan_interview(interview, today, self.policy, default_zone=self.default_zone)


def _planner(policy: Policy | str, default_zone: str | None, env: Env | None) -> _Planner:
    rules = policy if isinstance(policy, Policy) else load_policy(policy)
    return _Planner(rules, default_zone, env or Env())
