"""Import and export of the whole tracker: JSON / JSON Lines, CSV, iCalendar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from followup.domain.model import InterviewStatus, StepStatus
from followup.files import read_text_file
from followup.formats import Located
from followup.formats.csv_io import CsvDefaults, read_csv, write_csv
from followup.formats.ics import first_lines, write_ics
from followup.formats.json_io import read_interviews, write_interviews
from followup.messages import write
from followup.services import planning
from followup.services.tracker import ImportResult, Progress

if TYPE_CHECKING:
    from followup.services.tracker import Tracker

FORMATS = ("json", "jsonl", "csv", "ics")


def read_file(
    path: Path, file_format: str | None, tracker: Tracker
) -> tuple[list[Located], list[str]]:
    """The interviews of a file (format from its extension unless given) and ignored columns."""

    kind = file_format or ("csv" if path.suffix.lower() == ".csv" else "json")
    text = read_text_file(path, "FILE", encoding="utf-8-sig")
    if kind != "csv":
        return read_interviews(text), []
    settings = tracker.settings
    defaults = CsvDefaults(settings.name, settings.email, settings.phone, settings.timezone,
                           settings.country)  # fmt: skip
    result = read_csv(text, defaults)
    return result.interviews, result.ignored_columns


def import_file(
    tracker: Tracker, path: Path, file_format: str | None = None, *, replace: bool = False,
    skip: bool = False, hint: str | None = None,
    progress: Progress | None = None,
) -> tuple[ImportResult, list[str]]:  # fmt: skip
    """Import every interview of a file in one transaction, or none."""
    located, ignored = read_file(path, file_format, tracker)
    words = {} if hint is None else {"hint": hint}
    result = tracker.import_interviews(
        located, replace=replace, skip=skip, progress=progress, **words
    )
    return result, ignored


def export_text(tracker: Tracker, file_format: str) -> str:
    """The whole tracker in one format."""
    if file_format in ("json", "jsonl"):
        return write_interviews(tracker.export_objects(), lines=file_format == "jsonl")
    if file_format == "csv":
        return write_csv(tracker.interviews())
    return export_ics(tracker)


def export_ics(tracker: Tracker) -> str:
    """Due and upcoming steps of awaiting interviews, with the opening of each script."""

    today = tracker.today()
    planned = []
    for interview in tracker.interviews(status=InterviewStatus.AWAITING):
        plan = planning.plan_of(tracker, interview, today)
        scripts = {}
        for position, step in enumerate(plan.steps):
            if step.status in (StepStatus.DUE, StepStatus.UPCOMING) and step.script:
                channel = step.channel.value if step.script == "offer-deadline" else None
                # the event's text speaks as of the event's day
                day = step.send_day(today)
                message = write(interview, step.script, today=day, channel=channel)
                scripts[position] = first_lines(message.body)
        planned.append((interview, plan, scripts))
    return write_ics(planned, tracker.now())
