"""Today's agenda: act now, overdue, coming up in the next 7 days, and time to move on.

Read from the stored plans (an indexed query and a comparison of dates), never by running
the planner over every interview; the few plans that went stale are re-planned first.
"Today" is the user's local day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from followup.store import AgendaRow, StoredStep

if TYPE_CHECKING:
    from followup.services.tracker import Tracker

COMING_UP_DAYS = 7


@dataclass(frozen=True)
class AgendaItem:
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


@dataclass
class Agenda:
    """The day's sections, each in interview order (oldest interview first)."""

    today: dt.date
    act_now: list[AgendaItem] = field(default_factory=list)
    overdue: list[AgendaItem] = field(default_factory=list)
    coming_up: list[AgendaItem] = field(default_factory=list)
    move_on: list[AgendaItem] = field(default_factory=list)
    waiting: list[AgendaItem] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        sections = ("act_now", "overdue", "coming_up", "move_on")
        return {"today": self.today.isoformat()} | {
            name: [item.as_dict() for item in getattr(self, name)] for name in sections
        }


def classify(row: AgendaRow, today: dt.date) -> AgendaItem:
    """The plan's state on `today` from a fresh stored plan (`spec/plan-json.md` states)."""
    step = row.next_step
    if row.idle_state is not None or step is None:
        moved = row.moves_on_from is not None and today >= row.moves_on_from
        state = "move_on" if moved else (row.idle_state or "waiting")
        step = row.missed_step if state == "overdue" else None
    else:
        state = "act_now" if step.earliest <= today else "waiting"
    return AgendaItem(row.id, row.company, row.role, state, step, row.reachable)


def build_agenda(rows: list[AgendaRow], today: dt.date) -> Agenda:
    """Sort each interview into its section."""
    agenda = Agenda(today)
    horizon = today + dt.timedelta(days=COMING_UP_DAYS)
    for row in rows:
        item = classify(row, today)
        if item.state == "waiting" and item.step is not None and item.step.earliest <= horizon:
            agenda.coming_up.append(item)
        else:
            getattr(agenda, item.state).append(item)
    return agenda


def agenda(tracker: Tracker) -> Agenda:
    """The user's agenda for their local today."""
    tracker.refresh_plans()
    with tracker.store.unit_of_work(write=False) as repo:
        rows = repo.agenda()
    return build_agenda(rows, tracker.today())
