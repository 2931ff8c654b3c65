"""The tracker's commands: add, edit, list, show, log, status, delete.

Each is a few lines around one `Tracker` call (services/tracker.py).
"""

from __future__ import annotations

import json
from typing import Any

import click

from followup.cli import env_of
from followup.cli.tracked import (
    F,
    ask,
    confirm,
    db_option,
    expected_version_option,
    open_tracker,
)
from followup.context import Env
from followup.domain import safejson
from followup.domain.codec import interview_from_dict, interview_to_dict
from followup.domain.errors import InputError
from followup.domain.model import AttemptChannel, Interview, InterviewStatus, Outcome, Purpose
from followup.domain.typed_times import moment_from_text
from followup.files import read_text_file
from followup.formats import step_words
from followup.services.listing import list_interviews
from followup.services.showing import show_interview
from followup.services.tracker import Tracker

#: option -> contract field, for the interview's plain fields.
FIELD_OPTIONS = {
    "company": "company",
    "role": "role",
    "timezone": "timezone",
    "country": "country",
    "subdivision": "subdivision",
    "format": "format",
    "scheduled_via": "scheduled_via",
    "industry": "industry",
    "culture": "culture",
    "manner": "interviewer_manner",
    "feedback_by": "feedback_expected_by",
    "instructions": "instructions",
    "offer_deadline": "competing_offer_deadline",
}
CONTACT_OPTIONS = {"contact": "name", "contact_title": "title", "contact_email": "email",
                   "contact_phone": "phone"}  # fmt: skip


def interview_options(command: F) -> F:
    """The flags that describe an interview, shared by `add` and `edit`."""
    options = [
        click.option("--company"),
        click.option("--role", help="The job title."),
        click.option("--interviewed-at", "interviewed_at", metavar="WHEN",
                     help="RFC 3339, or 'YYYY-MM-DD HH:MM' in the interview's time zone."),
        click.option("--contact", help="Who to follow up with (the primary interviewer)."),
        click.option("--contact-title"),
        click.option("--contact-email"),
        click.option("--contact-phone"),
        click.option("--timezone", help="The employer's IANA time zone."),
        click.option("--country", help="ISO 3166 code, for public holidays."),
        click.option("--subdivision"),
        click.option("--format", type=click.Choice(["onsite", "video", "phone"])),
        click.option("--scheduled-via", type=click.Choice(
            ["phone", "email", "text", "portal", "recruiter"])),
        click.option("--industry"),
        click.option("--culture", type=click.Choice(["direct", "neutral", "formal"])),
        click.option("--manner", type=click.Choice(["friendly", "neutral", "formal"])),
        click.option("--feedback-by", metavar="YYYY-MM-DD", help="They said they'd answer by."),
        click.option("--feedback-within", type=int, metavar="DAYS"),
        click.option("--instructions", type=click.Choice(
            ["email", "call", "text", "wait", "no_contact"])),
        click.option("--point", "points", multiple=True, help="A discussion point (repeatable)."),
        click.option("--offer-deadline", metavar="YYYY-MM-DD"),
    ]  # fmt: skip
    for option in reversed(options):
        command = option(command)
    return command


def _changes(tracker: Tracker, given: dict[str, Any], obj: dict[str, Any]) -> dict[str, Any]:
    """The contract object `obj` with the flags that were given applied."""
    for option, key in FIELD_OPTIONS.items():
        if given.get(option) is not None:
            obj[key] = given[option]
    if given.get("feedback_within") is not None:
        obj["feedback_expected_within_days"] = given["feedback_within"]
    if given.get("points"):
        obj["discussion_points"] = list(given["points"])
    contact = {CONTACT_OPTIONS[o]: v for o, v in given.items() if o in CONTACT_OPTIONS and v}
    if contact:
        people = obj.get("interviewers") or [{}]
        index = next((i for i, p in enumerate(people) if p.get("primary")), 0)
        people[index] = people[index] | contact
        obj["interviewers"] = people
    if given.get("interviewed_at"):
        zone_name = obj.get("timezone") or tracker.settings.timezone
        moment = moment_from_text(given["interviewed_at"], "interviewed_at", zone_name)
        obj["interviewed_at"] = moment.isoformat()
    return obj


def _new_interview(env: Env, tracker: Tracker, given: dict[str, Any]) -> Interview:
    settings = tracker.settings
    candidate = {"name": given.get("candidate") or settings.name, "email": settings.email,
                 "phone": settings.phone}  # fmt: skip
    obj: dict[str, Any] = {"candidate": {k: v for k, v in candidate.items() if v}}
    if given.get("id"):
        obj["id"] = given["id"]
    if settings.country:
        obj["country"] = settings.country
    prompts = [("company", "Company", "--company NAME"),
               ("role", "Role (job title)", "--role TITLE"),
               ("interviewed_at", "Interview date and time", "--interviewed-at WHEN"),
               ("contact", "Who to follow up with", "--contact NAME")]  # fmt: skip
    for option, label, flag in prompts:
        if not given.get(option):
            missing = f"required: add {flag} (or give the interview with --from FILE.json)"
            given[option] = ask(env, label, flag.split()[0], missing)
    if not obj["candidate"].get("name"):
        obj["candidate"]["name"] = ask(env, "Your name", "candidate.name")
    return interview_from_dict(_changes(tracker, given, obj))


def _from_file(path: str) -> Interview:
    try:
        value = safejson.decode(read_text_file(path, "--from"), "--from")
    except json.JSONDecodeError as error:
        raise InputError("--from", f"cannot read {path} as JSON ({error})") from None
    return interview_from_dict(value)


@click.command("add")
@db_option
@click.option("--id", "id_", metavar="ID", help="Your own id (default: from the company).")
@click.option("--candidate", help="Your name (default: `followup config name`).")
@click.option("--from", "from_file", metavar="FILE.json", help="A contract interview object.")
@interview_options
@click.pass_context
def add(ctx: click.Context, /, db: str | None, id_: str | None, from_file: str | None,
        **given: Any) -> None:  # fmt: skip
    """Record an interview (prompts for what is missing on a terminal)."""
    env, tracker = env_of(ctx), open_tracker(ctx, db)
    given["id"] = id_
    interview = _from_file(from_file) if from_file else _new_interview(env, tracker, given)
    stored = tracker.add(interview)
    env.stdout.write(f"added {stored.id}: {stored.company}, {stored.role}\n")


@click.command("edit")
@db_option
@click.argument("interview_id", metavar="ID")
@expected_version_option
@interview_options
@click.pass_context
def edit(ctx: click.Context, /, db: str | None, interview_id: str,
         expected_version: int | None, **given: Any) -> None:  # fmt: skip
    """Change an interview's details (only the flags you give)."""
    env, tracker = env_of(ctx), open_tracker(ctx, db)
    stored = tracker.interview(interview_id)
    changed = _changes(tracker, given, interview_to_dict(stored))
    # The changes are made to what was read here: the write checks it is still that version.
    version = stored.version if expected_version is None else expected_version
    edited = tracker.edit(interview_id, {k: v for k, v in changed.items()
                                         if k not in ("id", "attempts")},
                          expected_version=version)  # fmt: skip
    env.stdout.write(f"updated {interview_id} (now version {edited.version})\n")


STATES = ("awaiting", "offer", "rejected", "withdrawn", "closed",
          "act_now", "waiting", "overdue", "move_on")  # fmt: skip


@click.command("list")
@db_option
@click.option("--state", type=click.Choice(STATES), help="An outcome or a plan state.")
@click.option("--company", help="Company name contains this (any case).")
@click.option("--due-within", type=click.IntRange(0, 3650), metavar="DAYS",
              help="Only those whose next step opens within DAYS days.")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="Contract interview objects, with state.")
@click.pass_context
def list_(ctx: click.Context, db: str | None, state: str | None, company: str | None,
          due_within: int | None, as_json: bool) -> None:  # fmt: skip
    """List stored interviews, oldest first."""

    env = env_of(ctx)
    rows = list_interviews(open_tracker(ctx, db), state=state, company=company,
                           due_within=due_within)  # fmt: skip
    if as_json:
        env.stdout.write(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
        env.stdout.write("\n")
        return
    for row in rows:
        env.stdout.write(row.line() + "\n")


@click.command("show")
@db_option
@click.argument("interview_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="The interview and its plan as JSON.")
@click.pass_context
def show(ctx: click.Context, db: str | None, interview_id: str, as_json: bool) -> None:
    """One interview: its plan in words, the attempts so far, the next script."""

    env = env_of(ctx)
    shown = show_interview(open_tracker(ctx, db), interview_id)
    env.stdout.write(shown.as_json() if as_json else shown.as_text())


@click.command("log")
@db_option
@click.argument("interview_id", metavar="ID")
@click.option("--channel", required=True, type=click.Choice([c.value for c in AttemptChannel]))
@click.option("--outcome", required=True, type=click.Choice([o.value for o in Outcome]))
@click.option("--purpose", type=click.Choice([p.value for p in Purpose]),
              help="Default: the plan's next step.")  # fmt: skip
@click.option("--at", metavar="WHEN", help="When (RFC 3339 or local 'YYYY-MM-DD HH:MM'); now.")
@click.option("--notes")
@click.pass_context
def log(ctx: click.Context, db: str | None, interview_id: str, channel: str, outcome: str,
        purpose: str | None, at: str | None, notes: str | None) -> None:  # fmt: skip
    """Log a follow-up attempt (S2-8: keep a record)."""
    env, tracker = env_of(ctx), open_tracker(ctx, db)
    zone_name = tracker.entry_zone(tracker.interview(interview_id))
    moment = moment_from_text(at, "--at", zone_name) if at else None
    attempt = tracker.log_attempt(
        interview_id, channel=AttemptChannel(channel), outcome=Outcome(outcome),
        purpose=Purpose(purpose) if purpose else None, at=moment, notes=notes,
    )  # fmt: skip
    what = step_words(attempt.purpose.value, attempt.channel.value)
    env.stdout.write(f"logged {what} ({attempt.outcome.value}) for {interview_id}\n")


@click.command("attempt-edit")
@db_option
@click.argument("interview_id", metavar="ID")
@click.argument("number", type=click.IntRange(min=1), metavar="N")
@click.option("--channel", type=click.Choice([c.value for c in AttemptChannel]))
@click.option("--outcome", type=click.Choice([o.value for o in Outcome]))
@click.option("--purpose", type=click.Choice([p.value for p in Purpose]))
@click.option("--at", metavar="WHEN", help="When (RFC 3339 or local 'YYYY-MM-DD HH:MM').")
@click.option("--notes")
@click.pass_context
def attempt_edit(ctx: click.Context, db: str | None, interview_id: str, number: int,
                 channel: str | None, outcome: str | None, purpose: str | None,
                 at: str | None, notes: str | None) -> None:  # fmt: skip
    """Correct attempt N of an interview (1 = the oldest, as `followup show` lists them)."""
    env, tracker = env_of(ctx), open_tracker(ctx, db)
    zone_name = tracker.entry_zone(tracker.interview(interview_id))
    moment = moment_from_text(at, "--at", zone_name) if at else None
    attempt = tracker.correct_attempt(
        interview_id, number, at=moment, notes=notes,
        channel=AttemptChannel(channel) if channel else None,
        outcome=Outcome(outcome) if outcome else None,
        purpose=Purpose(purpose) if purpose else None,
    )  # fmt: skip
    what = step_words(attempt.purpose.value, attempt.channel.value)
    env.stdout.write(f"corrected attempt {number} of {interview_id}: {what} "
                     f"({attempt.outcome.value}) at {attempt.at.isoformat()}\n")  # fmt: skip


@click.command("attempt-delete")
@db_option
@click.argument("interview_id", metavar="ID")
@click.argument("number", type=click.IntRange(min=1), metavar="N")
@click.pass_context
def attempt_delete(ctx: click.Context, db: str | None, interview_id: str, number: int) -> None:
    """Delete attempt N of an interview, logged by mistake (1 = the oldest)."""
    gone = open_tracker(ctx, db).delete_attempt(interview_id, number)
    what = step_words(gone.purpose.value, gone.channel.value)
    env_of(ctx).stdout.write(f"deleted attempt {number} of {interview_id}: {what}\n")


@click.command("status")
@db_option
@click.argument("interview_id", metavar="ID")
@click.argument("status", type=click.Choice([s.value for s in InterviewStatus]))
@expected_version_option
@click.pass_context
def status(ctx: click.Context, db: str | None, interview_id: str, status: str,
           expected_version: int | None) -> None:  # fmt: skip
    """Record how it ended: offer, rejected, withdrawn, closed (or awaiting again)."""
    tracker = open_tracker(ctx, db)
    tracker.set_status(interview_id, InterviewStatus(status), expected_version=expected_version)
    env_of(ctx).stdout.write(f"{interview_id} is now {status}\n")


@click.command("delete")
@db_option
@click.argument("interview_id", metavar="ID")
@click.option("--yes", is_flag=True, help="Do not ask.")
@expected_version_option
@click.pass_context
def delete(ctx: click.Context, db: str | None, interview_id: str, yes: bool,
           expected_version: int | None) -> None:  # fmt: skip
    """Delete an interview and its attempts (asks first unless --yes)."""
    env, tracker = env_of(ctx), open_tracker(ctx, db)
    interview = tracker.interview(interview_id)
    if not yes:
        if not env.stdin_is_tty:
            raise InputError("--yes", "needed to delete without a terminal to ask on")
        if not confirm(env, f"Delete {interview_id} ({interview.company}) and its attempts?"):
            env.stderr.write("followup: kept\n")
            return
    # What was shown is what gets deleted: a change made meanwhile is a conflict.
    version = interview.version if expected_version is None else expected_version
    tracker.delete(interview_id, expected_version=version)
    env.stdout.write(f"deleted {interview_id}\n")
