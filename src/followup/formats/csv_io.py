"""CSV: one row per interview, in our documented columns or a job tracker's own export.

Our columns are `COLUMNS`. Headers from other trackers are matched through `ALIASES`
(case, spaces and punctuation ignored); columns that map to nothing are reported and
ignored. A row that cannot become an interview aborts the import with its row number
(spreadsheet numbering: the header is row 1), the field and why.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from followup.domain.codec import interview_from_dict
from followup.domain.errors import InputError
from followup.domain.model import Interview
from followup.domain.safejson import MAX_BYTES
from followup.domain.typed_times import moment_from_text
from followup.formats import Located, at_row

COLUMNS = (
    "id", "company", "role", "interviewed_at", "timezone", "country", "subdivision", "status",
    "contact_name", "contact_title", "contact_email", "contact_phone",
    "candidate_name", "candidate_email", "candidate_phone",
    "format", "scheduled_via", "industry", "culture", "interviewer_manner",
    "feedback_expected_by", "feedback_expected_within_days", "instructions",
    "competing_offer_deadline", "discussion_points", "attempts", "last_attempt",
)  # fmt: skip
#: Written on export for people to read; ignored on import (JSON carries attempts losslessly).
OUTPUT_ONLY = frozenset({"attempts", "last_attempt"})
POINT_SEPARATOR = "; "
#: A cell starting with one of these is a formula to a spreadsheet (OWASP CSV injection):
#: the export puts a `'` before it, which spreadsheets show as text and the import removes.
FORMULA_STARTS = frozenset("=+-@\t\r")

#: Other trackers' headers (normalised: lower case, words joined by "_") -> our column.
ALIASES: dict[str, str] = {
    "company_name": "company", "employer": "company", "organization": "company",
    "organisation": "company",
    "position": "role", "job_title": "role", "title": "role", "job": "role",
    "job_position": "role", "position_title": "role",
    "interview_date": "interviewed_at", "date_interviewed": "interviewed_at",
    "interview": "interviewed_at", "interview_time": "interviewed_at",
    "interviewed": "interviewed_at", "interview_datetime": "interviewed_at",
    "contact": "contact_name", "interviewer": "contact_name", "interviewer_name": "contact_name",
    "hiring_manager": "contact_name", "recruiter": "contact_name", "contact_person": "contact_name",
    "contact_email_address": "contact_email", "interviewer_email": "contact_email",
    "email": "contact_email", "interviewer_phone": "contact_phone", "phone": "contact_phone",
    "contact_phone_number": "contact_phone", "interviewer_title": "contact_title",
    "stage": "status", "time_zone": "timezone", "tz": "timezone",
    "notes_from_interview": "discussion_points", "topics": "discussion_points",
}  # fmt: skip

#: Other trackers' status words -> ours.
STATUS_WORDS: dict[str, str] = {
    "interviewing": "awaiting", "interview": "awaiting", "interviewed": "awaiting",
    "in_progress": "awaiting", "pending": "awaiting", "active": "awaiting",
    "waiting": "awaiting", "applied": "awaiting", "offered": "offer", "accepted": "offer",
    "declined": "withdrawn", "archived": "closed", "ghosted": "closed", "no_response": "closed",
}  # fmt: skip


@dataclass(frozen=True)
class CsvDefaults:
    """What a row may leave out: the user's own details, zone and country, from settings."""

    candidate_name: str | None = None
    candidate_email: str | None = None
    candidate_phone: str | None = None
    timezone: str | None = None
    country: str | None = None


@dataclass
class CsvImport:
    """The interviews of a CSV file and the columns that were ignored."""

    interviews: list[Located]
    ignored_columns: list[str] = field(default_factory=list)


def _normalise(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", header.strip().lower()).strip("_")


def _mapping(headers: list[str]) -> tuple[dict[str, str], list[str]]:
    """Our column for each header that maps, and the headers that do not."""
    mapped: dict[str, str] = {}
    ignored = []
    for header in headers:
        key = _normalise(header)
        column = key if key in COLUMNS else ALIASES.get(key)
        if column is None or column in OUTPUT_ONLY or column in mapped.values():
            ignored.append(header)
        else:
            mapped[header] = column
    return mapped, ignored


def read_csv(text: str, defaults: CsvDefaults) -> CsvImport:
    """Every row as an interview, or `InputError` for the first row that cannot be one."""
    # A cell as long as the file may be: an over-long one is refused by its column's rule,
    # naming the column, instead of by the csv module's 131,072-character limit.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    try:
        mapping, ignored = _mapping(list(reader.fieldnames or []))
    except csv.Error as error:
        raise InputError("header", f"is not CSV ({error})") from None
    if "company" not in mapping.values():
        raise InputError("header", "no company column (see docs/tracker.md for the columns)")
    located = []
    rows = iter(reader)
    number = 1
    while True:
        number += 1
        try:
            raw = next(rows)
        except StopIteration:
            break
        except csv.Error as error:
            raise InputError(f"row {number}", f"is not CSV ({_csv_why(error)})") from None
        values = {mapping[h]: _cell(v) for h, v in raw.items() if h in mapping and _cell(v)}
        try:
            located.append((f"row {number}", _interview(values, defaults)))
        except InputError as error:
            raise at_row(InputError(column_of(error.field), error.why), f"row {number}") from None
    return CsvImport(located, ignored)


def column_of(field: str) -> str:
    """The CSV column a codec error names (`interviewers[0].email` -> contact_email)."""
    head, _, tail = field.partition(".")
    if head.startswith("interviewers") and tail:
        return f"contact_{tail}"
    if head == "candidate" and tail:
        return f"candidate_{tail}"
    return field


def _csv_why(error: csv.Error) -> str:
    text = str(error)
    if "field larger than field limit" in text:
        return f"a field is longer than {csv.field_size_limit():,} characters"
    return text


def _cell(value: Any) -> str:
    """A cell's text: trimmed, with the export's formula guard (a leading `'` before
    = + - @) taken off again; "" for a missing cell."""
    if not isinstance(value, str):
        return ""  # a short row's missing cells (None) or a long row's extras (a list)
    text: str = value.strip()
    if text[:1] == "'" and text[1:2] in FORMULA_STARTS:
        return text[1:]
    return text


def _interview(values: dict[str, str], defaults: CsvDefaults) -> Interview:
    zone_name = values.get("timezone") or defaults.timezone
    if "interviewed_at" not in values:
        raise InputError("interviewed_at", "required (the interview's date and time)")
    if "contact_name" not in values:
        raise InputError("contact_name", "required (who to follow up with)")
    obj: dict[str, Any] = {
        key: values[key]
        for key in ("id", "company", "role", "timezone", "subdivision", "format",
                    "scheduled_via", "industry", "culture", "interviewer_manner",
                    "feedback_expected_by", "instructions", "competing_offer_deadline")
        if key in values
    }  # fmt: skip
    obj["interviewed_at"] = moment_from_text(
        values["interviewed_at"], "interviewed_at", zone_name
    ).isoformat()
    obj["country"] = values.get("country") or defaults.country
    obj["status"] = _status(values.get("status"))
    obj["candidate"] = _candidate(values, defaults)
    obj["interviewers"] = [_contact(values)]
    if "feedback_expected_within_days" in values:
        obj["feedback_expected_within_days"] = _whole(values["feedback_expected_within_days"])
    if "discussion_points" in values:
        obj["discussion_points"] = values["discussion_points"].split(POINT_SEPARATOR.strip())
    return interview_from_dict({k: v for k, v in obj.items() if v is not None})


def _status(word: str | None) -> str | None:
    if word is None:
        return None
    key = _normalise(word)
    return STATUS_WORDS.get(key, key)


def _whole(text: str) -> int | str:
    """A whole number in ASCII digits ("²" and "٣" are digits to `str.isdigit`, not to
    `int`); anything else goes on as text, for the codec to refuse on its field."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else text


def _candidate(values: dict[str, str], defaults: CsvDefaults) -> dict[str, str | None]:
    name = values.get("candidate_name") or defaults.candidate_name
    if not name:
        raise InputError("candidate_name", "required (or set it: `followup config name NAME`)")
    return {
        "name": name,
        "email": values.get("candidate_email") or defaults.candidate_email,
        "phone": values.get("candidate_phone") or defaults.candidate_phone,
    }


def _contact(values: dict[str, str]) -> dict[str, str]:
    parts = {"name": "contact_name", "title": "contact_title", "email": "contact_email",
             "phone": "contact_phone"}  # fmt: skip
    return {key: values[column] for key, column in parts.items() if column in values}


def write_csv(interviews: Iterable[Interview]) -> str:
    """One row per interview in `COLUMNS` order (the primary contact only; see JSON for all)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for interview in interviews:
        writer.writerow(_row(interview))
    return out.getvalue()


def _row(interview: Interview) -> list[str]:
    contact, candidate = interview.primary_contact, interview.candidate
    last = interview.attempts[-1] if interview.attempts else None
    values: dict[str, Any] = {
        "id": interview.id, "company": interview.company, "role": interview.role,
        "interviewed_at": interview.interviewed_at.isoformat(), "timezone": interview.timezone,
        "country": interview.country, "subdivision": interview.subdivision,
        "status": interview.status, "contact_name": contact.name,
        "contact_title": contact.title, "contact_email": contact.email,
        "contact_phone": contact.phone, "candidate_name": candidate.name,
        "candidate_email": candidate.email, "candidate_phone": candidate.phone,
        "format": interview.format, "scheduled_via": interview.scheduled_via,
        "industry": interview.industry, "culture": interview.culture,
        "interviewer_manner": interview.interviewer_manner,
        "feedback_expected_by": interview.feedback_expected_by,
        "feedback_expected_within_days": interview.feedback_expected_within_days,
        "instructions": interview.instructions,
        "competing_offer_deadline": interview.competing_offer_deadline,
        "discussion_points": POINT_SEPARATOR.join(interview.discussion_points),
        "attempts": len(interview.attempts),
        "last_attempt": last and f"{last.at.isoformat()} {last.channel} {last.outcome}",
    }  # fmt: skip
    return [neutralised("" if values[c] is None else str(values[c])) for c in COLUMNS]


def neutralised(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (OWASP): one beginning
    with = + - @ (or a tab or carriage return) gets a leading `'`."""
    return f"'{cell}" if cell[:1] in FORMULA_STARTS else cell
