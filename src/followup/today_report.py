"""Today's agenda as a report: what to do, what is overdue, what comes up, what to drop.

Kept lean for `followup today`, which runs every morning: no planner, no template or
calendar library (unless a few stale plans need recomputing).
"""

from __future__ import annotations

from followup.context import Env
from followup.formats import step_words
from followup.services.agenda import Agenda, AgendaItem
from followup.services.tracker import open_tracker

SECTIONS = (
    ("act_now", "Act now", "--state act_now"),
    ("overdue", "Overdue", "--state overdue"),
    ("coming_up", "Coming up (next 7 days)", "--due-within 7"),
    ("move_on", "Time to move on", "--state move_on"),
)
#: Interviews shown per section in text (like a report's page); --all or JSON shows every one.
PAGE = 25


def today_report(env: Env, db: str | None, *, as_json: bool, show_all: bool) -> str:
    """`followup today`'s output: the agenda in sections, or as JSON (every interview)."""
    with open_tracker(db, env=env) as tracker:
        result = tracker.agenda(None if as_json or show_all else PAGE)
    if as_json:
        import json  # here: 3 ms of every plain `followup today`, which never needs it

        return json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n"
    return agenda_text(result)


def agenda_text(result: Agenda) -> str:
    """The agenda in sections, one line per interview."""
    lines = [f"Today, {result.today:%A %d %B %Y}"]
    for name, title, listing in SECTIONS:
        items: list[AgendaItem] = getattr(result, name)
        total = result.totals.get(name, 0)
        if items:
            lines += ["", f"{title} ({total})"]
            lines += [f"  {_line(item, name)}" for item in items]
        if total > len(items):
            lines.append(f"  … and {total - len(items)} more: followup list {listing}")
    if len(lines) == 1:
        lines.append("Nothing to do today.")
    return "\n".join(lines) + "\n"


def _line(item: AgendaItem, section: str) -> str:
    head = f"{item.interview_id}: {item.company}, {item.role}"
    step = item.step
    if step is None:
        return f"{head}: no answer after your follow-ups; focus on other openings (S2-8)"
    what = f"{step_words(step.purpose, step.channel)} to {step.contact}"
    when = {
        "act_now": f"best {step.best:%a %d %b %H:%M}, until {step.latest:%a %d %b}",
        "overdue": f"window closed {step.latest:%a %d %b}; do it now or move on",
        "coming_up": f"from {step.earliest:%a %d %b}, best {step.best:%a %d %b %H:%M}",
    }.get(section, "")
    unreachable = "" if item.reachable else " (no phone or e-mail stored: `followup edit`)"
    return f"{head}: {what}, {when}{unreachable}"
