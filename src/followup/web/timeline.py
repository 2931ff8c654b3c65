"""The plan drawn as a timeline: each step's window a bar on a date axis, its best moment a
dot, the attempts as ticks, today as a line. Pure geometry, rendered as SVG by a template.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from followup.domain.model import Interview, Plan
from followup.formats import step_words

WIDTH = 720
LEFT = 150  # room for the step's name
ROW = 34
TOP = 30  # room for the date labels
PAD_DAYS = 2


@dataclass(frozen=True)
class Bar:
    """One step's window."""

    label: str
    status: str
    x: float
    width: float
    y: float
    best_x: float
    title: str


@dataclass(frozen=True)
class Mark:
    """A labelled vertical line or tick on the axis: today, the interview, an attempt."""

    x: float
    label: str
    kind: str


@dataclass
class Timeline:
    """Everything the SVG needs, in user units of a `WIDTH` x `height` box."""

    height: float
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Mark] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    summary: str = ""


class Axis:
    """Days from `start` to `end` mapped onto the drawing's width."""

    def __init__(self, start: dt.date, end: dt.date) -> None:
        self.start = start
        self.days = max((end - start).days, 1)

    def x(self, moment: dt.date | dt.datetime) -> float:
        """The left edge of a day, or a moment's place within its day."""
        day = moment.date() if isinstance(moment, dt.datetime) else moment
        fraction = 0.0
        if isinstance(moment, dt.datetime):
            fraction = (moment.hour * 60 + moment.minute) / 1440
        offset = (day - self.start).days + fraction
        return round(LEFT + offset * (WIDTH - LEFT - 10) / self.days, 1)


def timeline(plan: Plan, interview: Interview, today: dt.date) -> Timeline:
    """The timeline of `plan` as of `today`."""
    interview_day = interview.interviewed_at.date()
    days = [interview_day, today] + [a.at.date() for a in interview.attempts]
    days += [d for s in plan.steps for d in (s.earliest, s.latest)]
    axis = Axis(min(days) - dt.timedelta(days=1), max(days) + dt.timedelta(days=PAD_DAYS))
    result = Timeline(height=TOP + ROW * max(len(plan.steps), 1) + 10)
    for row, step in enumerate(plan.steps):
        x = axis.x(step.earliest)
        end = axis.x(step.latest + dt.timedelta(days=1))
        words = step_words(step.purpose.value, step.channel.value)
        title = (
            f"{words}: {step.earliest:%d %b} to {step.latest:%d %b}, best {step.best:%d %b %H:%M}"
        )
        result.bars.append(Bar(words, step.status.value, x, max(end - x, 3), TOP + row * ROW,
                               axis.x(step.best), title))  # fmt: skip
    result.ticks = _ticks(axis)
    result.marks = [Mark(axis.x(interview.interviewed_at), "interview", "interview")]
    result.marks += [Mark(axis.x(a.at), f"{a.channel.value}: {a.outcome.value.replace('_', ' ')}",
                          "attempt") for a in interview.attempts]  # fmt: skip
    noon = dt.datetime.combine(today, dt.time(12))
    result.marks.append(Mark(axis.x(noon), "today", "today"))
    result.summary = _summary(plan)
    return result


def _ticks(axis: Axis) -> list[Mark]:
    """A labelled tick each Monday (each second Monday on a long axis)."""
    step = 7 if axis.days <= 70 else 14
    first = axis.start + dt.timedelta(days=(7 - axis.start.weekday()) % 7)
    ticks = []
    day = first
    while (day - axis.start).days <= axis.days:
        ticks.append(Mark(axis.x(day), f"{day:%d %b}", "week"))
        day += dt.timedelta(days=step)
    return ticks


def _summary(plan: Plan) -> str:
    """The timeline in one sentence, for screen readers."""
    if not plan.steps:
        return "No follow-up steps are planned."
    parts = [f"{s.purpose.value.replace('_', ' ')} by {s.channel.value} from {s.earliest:%d %b} "
             f"to {s.latest:%d %b} ({s.status.value})" for s in plan.steps]  # fmt: skip
    return "Timeline of the plan: " + "; ".join(parts) + "."
