"""Followup: when, how and what to follow up after a job interview.

The library is the product; the CLI, the web app and the REST API are thin adapters over it.

    import followup

    interview = followup.interview_from_dict(obj)          # the contract's interview object
    plan = followup.plan(interview, dt.date(2026, 11, 23))  # when, how and why
    message = followup.write(interview, "email", today=dt.date(2026, 11, 23))
    result = followup.check(message.text, "email", context=interview)
    tracker = followup.open_tracker("followup.db")          # the stored interviews

Each name is imported on first use (a module `__getattr__`), so `import followup` costs
nothing that a command does not use: `followup today` must not import the planner.
"""

from __future__ import annotations

__version__ = "0.1.0"

#: Not `typing.TYPE_CHECKING`: a bare `import followup` then imports nothing else at all
#: (`typing` brings `re`, `enum` and `functools`, 25 ms here); type checkers read the name.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from followup.checker import check
    from followup.context import Env, fixed_clock
    from followup.domain.codec import interview_from_dict, plan_to_dict
    from followup.domain.errors import FollowupError, InputError
    from followup.domain.model import AttemptChannel, Interview, Outcome, Plan, Purpose
    from followup.messages import write
    from followup.services.plans import plan, plan_many
    from followup.services.tracker import Tracker, open_tracker

#: Every public name and the module that defines it (the imports above, for type checkers).
PUBLIC = {
    "plan": "followup.services.plans",
    "plan_many": "followup.services.plans",
    "check": "followup.checker",
    "write": "followup.messages",
    "open_tracker": "followup.services.tracker",
    "Tracker": "followup.services.tracker",
    "interview_from_dict": "followup.domain.codec",
    "plan_to_dict": "followup.domain.codec",
    "Interview": "followup.domain.model",
    "Plan": "followup.domain.model",
    "AttemptChannel": "followup.domain.model",
    "Outcome": "followup.domain.model",
    "Purpose": "followup.domain.model",
    "FollowupError": "followup.domain.errors",
    "InputError": "followup.domain.errors",
    "Env": "followup.context",
    "fixed_clock": "followup.context",
}
__all__ = [
    "AttemptChannel",
    "Env",
    "FollowupError",
    "InputError",
    "Interview",
    "Outcome",
    "Plan",
    "Purpose",
    "Tracker",
    "__version__",
    "check",
    "fixed_clock",
    "interview_from_dict",
    "open_tracker",
    "plan",
    "plan_many",
    "plan_to_dict",
    "write",
]


def __getattr__(name: str) -> Any:
    """The public name `name`, imported from its module on first use."""
    from importlib import import_module  # here, not at the top: `followup today` never needs it

    module = PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'followup' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *PUBLIC])
