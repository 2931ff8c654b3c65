"""Helpers that make planner tests read like the rulebook (python-holidays' tests/common.py)."""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
from collections.abc import Callable, Iterable
from typing import Any, TypeVar, cast

from followup.domain.codec import interview_from_dict
from followup.domain.model import Effect, Plan, Purpose, Step
from followup.planner import plan
from followup.policy import load_policy
from followup.policy.schema import RULES

F = TypeVar("F", bound=Callable[..., Any])

#: rule ids and guidance ids named by the golden scenario tests (see test_plan_completeness).
COVERED: set[str] = set()

#: the plans `plan_for` built during the running `@covers` test (None outside one)
_BUILT: contextvars.ContextVar[list[Plan] | None] = contextvars.ContextVar("built", default=None)


def covers(*ids: str) -> Callable[[F], F]:
    """Mark a test as the example of these policy rule ids and guidance ids.

    The claim is checked: once the test has passed, each rule id must be the `rule` of an
    applied reason, and each guidance id among an applied reason's `sources`, in a plan the
    test built with `plan_for`. A test that names a rule none of its plans applies fails."""
    COVERED.update(ids)

    def mark(test: F) -> F:
        @functools.wraps(test)
        def checked(*args: Any, **kwargs: Any) -> None:
            built: list[Plan] = []
            token = _BUILT.set(built)
            try:
                test(*args, **kwargs)
            finally:
                _BUILT.reset(token)
            missing = unshown(ids, built)
            assert not missing, (
                f"{test.__name__} claims {missing}, but no plan it built applies them"
            )

        return cast(F, checked)

    return mark


def unshown(ids: Iterable[str], plans: Iterable[Plan]) -> list[str]:
    """The ids no applied reason in `plans` shows: rule ids as its `rule`, guidance ids among
    its sources. (An overridden reason names a rule that did not shape the step.)"""
    rules: set[str] = set()
    sources: set[str] = set()
    for result in plans:
        for found in (r for s in result.steps for r in s.reasons):
            if found.effect is not Effect.APPLIED:
                continue
            rules.add(found.rule)
            sources.update(found.sources)
    return [i for i in ids if i not in (rules if i in RULES else sources)]


def interview(**fields: Any) -> dict[str, Any]:
    """A contract interview object: a Wednesday interview in New York, then `fields`."""
    base: dict[str, Any] = {
        "id": "t1",
        "company": "Acme",
        "role": "Analyst",
        "candidate": {"name": "Sam Lee", "phone": "+1 617 555 0142"},
        "interviewers": [
            {"name": "Dana Ruiz", "email": "dana@acme.example", "phone": "+1 617 555 0199"}
        ],
        "interviewed_at": "2026-11-04T10:00:00-05:00",
        "timezone": "America/New_York",
    }
    base.update(fields)
    return {k: v for k, v in base.items() if v is not None}


def attempt(at: str, purpose: str, outcome: str, channel: str = "call") -> dict[str, str]:
    return {"at": at, "channel": channel, "purpose": purpose, "outcome": outcome}


def plan_for(obj: dict[str, Any], today: str, policy: str = "default") -> Plan:
    result = plan(interview_from_dict(obj), dt.date.fromisoformat(today), load_policy(policy))
    built = _BUILT.get()
    if built is not None:
        built.append(result)
    return result


def step(result: Plan, purpose: str) -> Step:
    matches = [s for s in result.steps if s.purpose is Purpose(purpose)]
    assert matches, f"no {purpose} step in {[s.purpose.value for s in result.steps]}"
    return matches[0]


def has_step(result: Plan, purpose: str) -> bool:
    return any(s.purpose is Purpose(purpose) for s in result.steps)


def assert_window(result: Plan, purpose: str, *, opens: str, closes: str) -> None:
    found = step(result, purpose)
    assert (found.earliest.isoformat(), found.latest.isoformat()) == (opens, closes)


def reason(result: Plan, purpose: str, rule: str) -> str:
    """The effect of `rule` on the step, or '' when the step does not cite it."""
    for found in step(result, purpose).reasons:
        if found.rule == rule:
            return found.effect.value
    return ""
