"""Helpers that make planner tests read like the rulebook (python-holidays' tests/common.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from followup.domain.codec import interview_from_dict
from followup.domain.model import Plan, Purpose, Step
from followup.planner import plan
from followup.policy import load_policy

F = TypeVar("F", bound=Callable[..., Any])

#: rule ids and guidance ids named by the golden scenario tests (see test_plan_completeness).
COVERED: set[str] = set()


def covers(*ids: str) -> Callable[[F], F]:
    """Mark a test as the example of these policy rule ids and guidance ids."""
    COVERED.update(ids)

    def mark(test: F) -> F:
        return test

    return mark


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
    return plan(interview_from_dict(obj), dt.date.fromisoformat(today), load_policy(policy))


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
