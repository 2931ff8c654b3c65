"""`followup script`: what to say, written for one interview (call, voicemail, email, text)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from followup.calendar import employer_zone
from followup.cli import env_of
from followup.cli.inputs import parse_today, read_interview
from followup.cli.tracked import open_tracker
from followup.context import Env
from followup.domain.errors import InputError
from followup.domain.model import Interview, Purpose
from followup.messages import MESSAGE_KINDS, Message, write
from followup.services.planning import plan_of

if TYPE_CHECKING:
    from followup.services.tracker import Tracker

FORMATS = ("text", "markdown", "json", "eml")


def _today(env: Env, interview: Interview, value: str | None) -> dt.date:
    """`--today`, else today where the employer is (so "yesterday" means their yesterday)."""
    day = parse_today(value)
    if day is not None:
        return day
    return env.clock().astimezone(employer_zone(interview)).date()


def _templates_dir(env: Env, option: str | None) -> Path | None:
    """`--templates DIR`, else `templates/` in the config directory when the user made one."""
    if option is not None:
        path = Path(option)
        if not path.is_dir():
            raise InputError("--templates", f"no such directory: {option}")
        return path
    default = env.config_dir() / "templates"
    return default if default.is_dir() else None


def render(message: Message, output: str) -> str:
    """The message in the chosen format."""
    if output == "eml":
        if message.subject is None:
            raise InputError("--format", f"eml is for emails; a {message.kind} is not one")
        return message.to_eml()
    if output == "json":
        return json.dumps(message.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return message.to_markdown() if output == "markdown" else message.to_text()


def _next_step(
    tracker: Tracker, interview: Interview, day: dt.date
) -> tuple[str, str | None, str, dt.date]:
    """The kind, channel and purpose of the plan's next step, under the user's policy, and
    the day it will be sent."""

    step = plan_of(tracker, interview, day).next
    if step is None or step.script is None:
        raise InputError("--kind", f"the plan has no next step for {interview.id}; choose a kind")
    channel = step.channel.value if step.script == "offer-deadline" else None
    return step.script, channel, step.purpose.value, step.send_day(day)


@click.command("script")
@click.argument("interview_id", required=False, metavar="[ID]")
@click.option(
    "--input",
    "source",
    metavar="FILE|-",
    help="One interview object (JSON); default: standard input, unless an ID is given.",
)
@click.option(
    "--db", metavar="PATH", help="With ID: the database (default: $FOLLOWUP_DB or the data dir)."
)
@click.option(
    "--kind",
    type=click.Choice(MESSAGE_KINDS),
    help="What to write (default with ID: what the plan's next step needs).",
)
@click.option(
    "--format",
    "output",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="eml: an email draft your mail program opens.",
)
@click.option(
    "--today",
    metavar="YYYY-MM-DD",
    help="Write as of this date (default: with ID, the day the next step is best sent; "
    "else today in the employer's time zone).",
)
@click.option(
    "--for-today",
    is_flag=True,
    help="With ID: word the next step's message for sending today, not its best moment.",
)
@click.option(
    "--channel",
    type=click.Choice(["call", "email"]),
    help="For offer-deadline: a call script or an email (default: email).",
)
@click.option(
    "--purpose",
    type=click.Choice([p.value for p in Purpose]),
    help="The plan step's purpose (default: status; with ID: the next step's). "
    "A thank_you call only thanks (S0-10).",
)
@click.option(
    "--templates",
    "templates",
    metavar="DIR",
    help="Your own templates, used before the built-in ones "
    "(default: templates/ in the config directory, if there is one).",
)
@click.pass_context
def command(
    ctx: click.Context,
    interview_id: str | None,
    source: str | None,
    db: str | None,
    kind: str | None,
    output: str,
    today: str | None,
    for_today: bool,
    channel: str | None,
    purpose: str | None,
    templates: str | None,
) -> None:
    """Write what to say: a call script, voicemail, email, text or call checklist, for an
    interview given as JSON or stored under ID."""
    env = env_of(ctx)
    if interview_id is not None and source is not None:
        raise InputError("--input", "give either a stored interview's ID or --input, not both")
    if interview_id is None:
        if kind is None:
            raise InputError("--kind", "required (or give a stored interview's ID)")
        interview = read_interview(env, source or "-", "--input")
        day = _today(env, interview, today)
    else:
        tracker = open_tracker(ctx, db)
        interview = tracker.interview(interview_id)
        day = _today(env, interview, today)
        if kind is None:
            kind, step_channel, step_purpose, send_day = _next_step(tracker, interview, day)
            channel, purpose = channel or step_channel, purpose or step_purpose
            if today is None and not for_today:
                day = send_day
    templates_dir = _templates_dir(env, templates)
    message = write(
        interview, kind, today=day, templates_dir=templates_dir, channel=channel, purpose=purpose
    )
    env.stdout.write(render(message, output))
