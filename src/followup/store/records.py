"""What the store hands back besides domain interviews: stored plans and agenda rows.

Named tuples rather than dataclasses: they are defined several times faster, and these
modules sit on the start-up path of `followup today`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

#: The `steps` table's columns that make a `StoredStep`, in its fields' order.
STEP_COLUMNS = "purpose, channel, earliest, latest, best, contact, settled, script"


class Scope(NamedTuple):
    """Whose interviews one unit of work sees.

    The repository reads and writes the interviews of `owner`, a person of organisation
    `org` (0 and 0: the single-user edition's one user, who owns every row). On PostgreSQL
    the same scope is the row-level security's second wall: rows of another organisation, or
    of an owner not in `readers` (None: `owner` alone; "*": everyone in `org`), are not there
    at all. `everything` lifts that wall, for migrations and the accounts' own tables.
    """

    owner: int = 0
    org: int = 0
    readers: str | None = None
    everything: bool = False

    def settings(self) -> tuple[str, str]:
        """The values of `followup.org` and `followup.owners` the database policies read."""
        if self.everything:
            return ("*", "*")
        return (str(self.org), str(self.owner) if self.readers is None else self.readers)


#: The single-user edition's scope: its one user's rows, which are all of them.
LOCAL = Scope()
#: Every row, for migrations and sign-in (which must find a person before knowing whose
#: rights apply).
EVERYTHING = Scope(everything=True)


class StoredStep(NamedTuple):
    """One planned step with its window; `settled` is `done`/`skipped` when no date changes it."""

    purpose: str
    channel: str
    earliest: dt.date
    latest: dt.date
    best: dt.datetime
    contact: str
    settled: str | None = None
    script: str | None = None


class StoredPlan(NamedTuple):
    """What the agenda needs from a plan, to classify the interview on later days.

    With a next step, the state follows from its window (act now once it opens) until
    `replan_after`, the last day the stored steps are known to match the planner. With
    none, `idle_state` (waiting, overdue, move_on, closed) holds, turning into move_on
    from `moves_on_from` if set. `reachable` is False when the contact has no phone and no
    e-mail.
    """

    steps: tuple[StoredStep, ...]
    planned_on: dt.date
    idle_state: str | None = None
    moves_on_from: dt.date | None = None
    replan_after: dt.date | None = None
    reachable: bool = True


class AgendaRow(NamedTuple):
    """One awaiting interview in its agenda section, with the step to show (if any).

    `section` is act_now, overdue, coming_up, waiting or move_on; `total` is how many
    interviews the section holds (rows may be limited).
    """

    section: str
    total: int
    id: str
    company: str
    role: str
    reachable: bool
    step: StoredStep | None


def step_from_row(row: tuple[Any, ...]) -> StoredStep:
    purpose, channel, earliest, latest, best, contact, settled, script = row
    return StoredStep(
        purpose=purpose,
        channel=channel,
        earliest=dt.date.fromisoformat(earliest),
        latest=dt.date.fromisoformat(latest),
        best=dt.datetime.fromisoformat(best),
        contact=contact,
        settled=settled,
        script=script,
    )
