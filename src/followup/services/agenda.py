"""Today's agenda: act now, overdue, coming up in the next 7 days, and time to move on.

Read from the stored plans (an indexed query and a comparison of dates), never by running
the planner over every interview; the few plans that went stale are re-planned first.
"Today" is the user's local day.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from followup.services import planning
from followup.store import AgendaRow, StoredStep

if TYPE_CHECKING:
    from followup.services.planning import TrackerView

COMING_UP_DAYS = 7


class AgendaItem(NamedTuple):
    """One interview on the agenda, its state and the step to act on (if any)."""

    interview_id: str
    company: str
    role: str
    state: str
    step: StoredStep | None
    reachable: bool = True

    def as_dict(self) -> dict[str, Any]:
        step = None
        if self.step is not None:
            step = {
                "purpose": self.step.purpose,
                "channel": self.step.channel,
                "earliest": self.step.earliest.isoformat(),
                "latest": self.step.latest.isoformat(),
                "best": self.step.best.isoformat(),
                "contact": self.step.contact,
                "script": self.step.script,
            }
        return {
            "id": self.interview_id,
            "company": self.company,
            "role": self.role,
            "state": self.state,
            "step": step,
            "reachable": self.reachable,
        }


class Agenda:
    """The day's sections, each in interview order (oldest interview first).

    `totals` counts every interview of each section, even when the lists are limited.
    """

    def __init__(self, today: dt.date) -> None:
        self.today = today
        self.act_now: list[AgendaItem] = []
        self.overdue: list[AgendaItem] = []
        self.coming_up: list[AgendaItem] = []
        self.move_on: list[AgendaItem] = []
        self.waiting: list[AgendaItem] = []
        self.totals: dict[str, int] = {}

    def as_dict(self) -> dict[str, Any]:
        sections = ("act_now", "overdue", "coming_up", "move_on")
        return {"today": self.today.isoformat()} | {
            name: [item.as_dict() for item in getattr(self, name)] for name in sections
        }

    def items(self) -> list[AgendaItem]:
        """Every listed item, whatever its section."""
        return self.act_now + self.overdue + self.coming_up + self.move_on + self.waiting


def item_of(row: AgendaRow) -> AgendaItem:
    """The interview's plan state (coming up is still "waiting" in the plan's words)."""
    state = "waiting" if row.section == "coming_up" else row.section
    return AgendaItem(row.id, row.company, row.role, state, row.step, row.reachable)


def agenda(tracker: TrackerView, limit: int | None = None) -> Agenda:
    """The user's agenda for their local today, at most `limit` interviews per section
    (`Tracker.agenda`)."""
    planning.refresh(tracker)
    today = tracker.today()
    horizon = today + dt.timedelta(days=COMING_UP_DAYS)
    with tracker.unit_of_work(write=False) as repo:
        rows = repo.agenda(today, horizon, limit)
    result = Agenda(today)
    for row in rows:
        getattr(result, row.section).append(item_of(row))
        result.totals[row.section] = row.total
    return result
