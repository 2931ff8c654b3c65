"""Listing stored interviews with their state today, filtered by outcome, state, company, due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from followup.domain.model import Interview, InterviewStatus
from followup.services.agenda import AgendaItem, agenda
from followup.store import StoredStep

if TYPE_CHECKING:
    from followup.services.tracker import Tracker

OUTCOMES = frozenset(status.value for status in InterviewStatus)


@dataclass(frozen=True)
class ListedInterview:
    """One interview, its state today (its outcome if decided) and its next step."""

    interview: Interview
    state: str
    step: StoredStep | None

    def as_dict(self) -> dict[str, Any]:
        interview, step = self.interview, self.step
        return {
            "id": interview.id,
            "company": interview.company,
            "role": interview.role,
            "interviewed_at": interview.interviewed_at.isoformat(),
            "status": interview.status.value,
            "state": self.state,
            "attempts": len(interview.attempts),
            "next": None if step is None else {
                "purpose": step.purpose, "channel": step.channel,
                "earliest": step.earliest.isoformat(), "latest": step.latest.isoformat(),
                "best": step.best.isoformat(),
            },
        }  # fmt: skip

    def line(self) -> str:
        interview, step = self.interview, self.step
        head = f"{interview.id}  {interview.company}, {interview.role}"
        when = f"interviewed {interview.interviewed_at:%Y-%m-%d}"
        follow = ""
        if step is not None and self.state in ("act_now", "waiting"):
            follow = f"; next: {step.purpose} by {step.channel} from {step.earliest:%Y-%m-%d}"
        return f"{head}  ({when}; {self.state.replace('_', ' ')}{follow})"


def list_interviews(
    tracker: Tracker,
    *,
    state: str | None = None,
    company: str | None = None,
    due_within: int | None = None,
) -> list[ListedInterview]:
    """Stored interviews, oldest first, with the filters applied."""
    status = InterviewStatus(state) if state in OUTCOMES else None
    interviews = tracker.interviews(status=status, company=company)
    items = _items(tracker)
    today = tracker.today()
    listed = [_listed(interview, items.get(interview.id or "")) for interview in interviews]
    if state is not None and status is None:
        listed = [entry for entry in listed if entry.state == state]
    if due_within is not None:
        horizon = today + dt.timedelta(days=due_within)
        listed = [
            entry for entry in listed
            if entry.step is not None and entry.state in ("act_now", "waiting")
            and entry.step.earliest <= horizon
        ]  # fmt: skip
    return listed


def _items(tracker: Tracker) -> dict[str, AgendaItem]:
    return {item.interview_id: item for item in agenda(tracker).items()}


def _listed(interview: Interview, item: AgendaItem | None) -> ListedInterview:
    if interview.status is not InterviewStatus.AWAITING or item is None:
        return ListedInterview(interview, interview.status.value, None)
    return ListedInterview(interview, item.state, item.step)
