"""The planner: when and how to follow up, and why. `plan(interview, today, policy)`."""

from followup.planner.engine import plan, script_kind

__all__ = ["plan", "script_kind"]
