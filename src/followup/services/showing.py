"""One stored interview in full: its plan in words, its attempts, the next script."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from followup.domain.codec import attempt_to_dict, interview_to_dict, plan_to_dict
from followup.domain.model import Interview, Plan
from followup.messages import write
from followup.planner.render import plan_to_text
from followup.services import planning

if TYPE_CHECKING:
    from followup.messages import Message
    from followup.services.tracker import Tracker


@dataclass
class ShownInterview:
    """What `followup show` prints."""

    interview: Interview
    plan: Plan
    script: Message | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "interview": interview_to_dict(self.interview),
            "version": self.interview.version,
            "plan": plan_to_dict(self.plan),
            "script": None if self.script is None else self.script.to_dict(),
        }

    def as_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2) + "\n"

    def as_text(self) -> str:
        interview = self.interview
        lines = [f"{interview.id}: {interview.company}, {interview.role}",
                 f"Version {interview.version} (give it as --expected-version to change it "
                 "only if nobody else did)", ""]  # fmt: skip
        lines.append(plan_to_text(self.plan, interview).rstrip("\n"))
        lines += ["", f"Attempts so far ({len(interview.attempts)})"]
        for attempt in interview.attempts:
            entry = attempt_to_dict(attempt)
            notes = f" — {attempt.notes}" if attempt.notes else ""
            lines.append(f"  {entry['at']}  {entry['purpose']} by {entry['channel']}: "
                         f"{entry['outcome']}{notes}")  # fmt: skip
        if not interview.attempts:
            lines.append("  none yet")
        if self.script is not None:
            lines += ["", "Next script", "", self.script.to_text().rstrip("\n")]
        return "\n".join(lines) + "\n"


def show_interview(
    tracker: Tracker, interview_id: str, *, for_today: bool = False
) -> ShownInterview:
    """The interview, its plan as of the user's today and the script for its next step,
    worded for the day it will be sent (its best moment), or for today when asked."""

    interview = tracker.interview(interview_id)
    today = tracker.today()
    plan = planning.plan_of(tracker, interview, today)
    script = None
    if plan.next is not None and plan.next.script is not None:
        channel = plan.next.channel.value if plan.next.script == "offer-deadline" else None
        day = today if for_today else plan.next.send_day(today)
        script = write(interview, plan.next.script, today=day, channel=channel)
    return ShownInterview(interview, plan, script)
