"""Keeping the stored plans in step with the planner, so the agenda need not run it.

A plan is stored with its steps' windows and what its state depends on. As days pass, the
state of a plan with a next step follows from that step's window until the first open
window closes (`replan_after`); then the interview is re-planned, lazily, on the next read.
A plan with no next step keeps its state until the planner would say "move on", a day
found here by asking the planner (`moves_on_from`). When the policy changes, every plan is
recomputed.
"""

from __future__ import annotations

import datetime as dt
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from followup.domain.enums import InterviewStatus, PlanState, Purpose, StepStatus
from followup.store import Repository, StoreBusy, StoredPlan, StoredStep

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from followup.context import Env
    from followup.domain.model import Interview, Plan
    from followup.policy import Policy
    from followup.settings import Settings
    from followup.store import Store


class TrackerView(Protocol):
    """What keeping plans needs of the tracker (`followup.services.tracker.Tracker`), named
    here so that this module does not import the tracker that calls it."""

    store: Store
    env: Env
    settings: Settings

    def today(self) -> dt.date: ...

    def unit_of_work(self, *, write: bool = True) -> AbstractContextManager[Repository]: ...


POLICY_STAMP = "policy"
#: How far ahead to look for the day an idle plan turns into "move on".
MOVE_ON_HORIZON = dt.timedelta(days=400)
#: Steps whose status no later day changes (stored as settled), and those still to do.
_SETTLED = frozenset({StepStatus.DONE, StepStatus.SKIPPED, StepStatus.MISSED})
_OPEN = frozenset({StepStatus.DUE, StepStatus.UPCOMING})


def policy_stamp(policy_setting: str | None) -> str:
    """A fingerprint of the policy in force: its name and its file's bytes.

    Cheap (no planner import), so every read can notice that the policy changed.
    """
    name = policy_setting or "default"
    try:
        digest = f"{zlib.crc32(policy_file(policy_setting).read_bytes()):08x}"
    except OSError:
        digest = "unreadable"
    return f"{name}:{digest}"


def policy_file(policy_setting: str | None) -> Path:
    """The file the policy in force is read from (a built-in one, or the user's)."""
    name = policy_setting or "default"
    if name not in ("default", "prompt"):
        return Path(name)
    return Path(__file__).resolve().parent.parent / "policy" / f"{name}.toml"


def load(tracker: TrackerView) -> Policy:
    # Imported here, not at the top, as is the planner below: they bring the holiday
    # tables, which `followup today` on fresh plans never needs (tests/test_tracker_cli).
    from followup.policy import load_policy

    return load_policy(tracker.settings.policy)


def plan_of(tracker: TrackerView, interview: Interview, today: dt.date | None = None) -> Plan:
    """The planner's plan for one interview, as of the user's today."""
    from followup.planner import plan

    return plan(
        interview, today or tracker.today(), load(tracker), default_zone=tracker.settings.timezone
    )


def stored_plan(tracker: TrackerView, interview: Interview, today: dt.date) -> StoredPlan:
    """What to store of `interview`'s plan as of `today` for later days' agendas."""
    plan = plan_of(tracker, interview, today)
    contact = interview.primary_contact
    steps = tuple(
        StoredStep(
            purpose=step.purpose.value,
            channel=step.channel.value,
            earliest=step.earliest,
            latest=step.latest,
            best=step.best,
            contact=step.contact,
            settled=step.status.value if step.status in _SETTLED else None,
            script=step.script,
        )
        for step in plan.steps
    )
    idle = None if plan.next is not None else plan.state.value
    replan_after = _replan_after(plan, interview, today)
    moves_on = None
    if plan.state in (PlanState.WAITING, PlanState.OVERDUE) and plan.next is None:
        moves_on = _move_on_day(tracker, interview, today, replan_after)
    return StoredPlan(
        steps=steps,
        planned_on=today,
        idle_state=idle,
        moves_on_from=moves_on,
        replan_after=replan_after,
        reachable=bool(contact.phone or contact.email),
    )


def _replan_after(plan: Plan, interview: Interview, today: dt.date) -> dt.date | None:
    """The last day the stored steps surely still match the planner.

    Open windows: until the first one closes. A logged attempt dated later than today
    (which the planner ignores until its day) also ends the stored plan's validity.
    """
    open_steps = [s.latest for s in plan.steps if s.status in _OPEN]
    later = [a.at.date() - dt.timedelta(days=1) for a in interview.attempts if a.at.date() > today]
    limits = ([min(open_steps)] if plan.next is not None else []) + later
    return min(limits) if limits else None


def _move_on_day(
    tracker: TrackerView, interview: Interview, today: dt.date, until: dt.date | None
) -> dt.date | None:
    """The first day, up to `until`, the planner says "move on" for an idle plan.

    A binary search: until a later-dated attempt comes into view, an idle plan's state
    only moves forward (waiting or overdue, then move on).
    """
    low, high = today, today + MOVE_ON_HORIZON
    if until is not None:
        high = min(high, until)
    if high <= low:
        return None
    if plan_of(tracker, interview, high).state is not PlanState.MOVE_ON:
        return None
    while (high - low).days > 1:
        middle = low + (high - low) // 2
        if plan_of(tracker, interview, middle).state is PlanState.MOVE_ON:
            high = middle
        else:
            low = middle
    return high


def store_plans(tracker: TrackerView, repo: Repository, interviews: list[Interview]) -> None:
    """Plan and store each awaiting interview (inside the caller's transaction)."""
    today = tracker.today()
    _check_stamp(tracker, repo)
    for interview in interviews:
        if interview.id is not None and interview.status is InterviewStatus.AWAITING:
            repo.save_plan(interview.id, stored_plan(tracker, interview, today))


def _check_stamp(tracker: TrackerView, repo: Repository) -> bool:
    """Mark every plan stale if the policy changed since they were stored; True if so."""
    stamp = policy_stamp(tracker.settings.policy)
    old = repo.stamp(POLICY_STAMP)
    if old == stamp:
        return False
    repo.set_stamp(POLICY_STAMP, stamp)
    return old is not None and repo.forget_all_plans() > 0


def refresh(tracker: TrackerView) -> int:
    """Re-plan what is stale; returns how many. Says so on stderr when the policy changed."""
    today = tracker.today()
    with tracker.unit_of_work(write=False) as repo:
        current = repo.stamp(POLICY_STAMP) == policy_stamp(tracker.settings.policy)
        stale = repo.needing_a_plan(today) if current else ["(all)"]
    if not stale:
        return 0
    try:
        with tracker.unit_of_work() as repo:
            if _check_stamp(tracker, repo):
                tracker.env.stderr.write(
                    f"followup: the policy changed ({tracker.settings.policy or 'default'}): "
                    "recomputing every stored plan\n"
                )
            ids = repo.needing_a_plan(today)
            store_plans(tracker, repo, [repo.interview(i) for i in ids])
    except StoreBusy:
        return 0  # another program is writing: read what is stored, refresh next time
    return len(ids)


def replan_all(tracker: TrackerView) -> int:
    """Recompute every awaiting interview's stored plan; returns how many."""
    with tracker.unit_of_work() as repo:
        repo.forget_all_plans()
        ids = repo.needing_a_plan(tracker.today())
        store_plans(tracker, repo, [repo.interview(i) for i in ids])
    return len(ids)


def next_purpose(tracker: TrackerView, interview: Interview) -> Purpose:
    """The purpose of the plan's next step; a status follow-up when nothing is next."""
    plan = plan_of(tracker, interview)
    return plan.next.purpose if plan.next is not None else Purpose.STATUS
