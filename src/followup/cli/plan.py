"""`followup plan`: interview objects in, plans out (spec/plan-json.md)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import click

from followup.calendar import check_calendar
from followup.cli import env_of
from followup.cli.inputs import parse_today, read_text
from followup.cli.tracked import db_option, open_tracker
from followup.context import Env
from followup.domain.codec import interview_from_dict, plan_to_dict, plan_to_json
from followup.domain.errors import InputError, InputErrors
from followup.domain.jsonlines import parse_all, read_objects
from followup.domain.model import Interview
from followup.planner.render import plan_to_text
from followup.policy import Policy, load_policy
from followup.services.plans import plan_many
from followup.settings import load_settings


def interviews_from_text(text: str) -> tuple[list[Interview], bool]:
    """The interviews in `text`, and whether to answer in JSON Lines (one plan per line)."""
    pairs = read_objects(text)
    # One line in, one line out: a single-line object is JSON Lines too.
    several = len(pairs) != 1 or "\n" not in text.strip() or text.lstrip().startswith("[")
    interviews = parse_all(
        pairs, lambda obj: interview_from_dict(obj, check_calendar=check_calendar)
    )
    return interviews, several


@click.command("plan")
@click.argument("interview_id", metavar="[ID]", required=False)
@click.option(
    "--input",
    "source",
    metavar="FILE|-",
    help="An interview object, or JSON Lines of them (default: standard input).",
)
@db_option
@click.option(
    "--today",
    metavar="YYYY-MM-DD",
    help="Plan as of this date (default: today in the employer's time zone).",
)
@click.option(
    "--policy",
    "policy_ref",
    metavar="NAME|PATH",
    help="A built-in profile (default, prompt) or a policy file "
    "(default: your `policy` setting, else default).",
)
@click.option(
    "--format", "output", type=click.Choice(["json", "text"]), default="json", show_default=True
)
@click.option(
    "--errors",
    "errors_as",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: each bad input line as one JSON object on stderr "
    '({"line": 3, "field": "timezone", "why": "..."}), for scripts.',
)
@click.pass_context
def command(
    ctx: click.Context,
    interview_id: str | None,
    source: str | None,
    db: str | None,
    today: str | None,
    policy_ref: str | None,
    output: str,
    errors_as: str,
) -> int | None:
    """Plan the follow-ups of one interview (or many, as JSON Lines), or of the interview
    stored under ID."""
    env = env_of(ctx)
    day = parse_today(today)
    settings = load_settings(env)
    policy = load_policy(policy_ref or settings.policy or "default")
    if interview_id is not None:
        if source is not None:
            raise InputError("--input", "give either a stored interview's ID or --input, not both")
        tracker = open_tracker(ctx, db)
        interviews, several = [tracker.interview(interview_id)], False
        day = day or tracker.today()  # the user's day, as `followup today` counts it
    else:
        try:
            interviews, several = interviews_from_text(read_text(env, source or "-", "--input"))
        except InputErrors as bad:
            if errors_as == "text":
                raise
            for error in bad.errors:
                env.stderr.write(json.dumps(error_object(error), ensure_ascii=False) + "\n")
            return 2
    # Every line was validated above, so nothing is half-written: stream the plans out.
    for chunk in render_plans(env, interviews, day, policy, output, several, settings.timezone):
        env.stdout.write(chunk)
    return None


def error_object(error: InputError) -> dict[str, object]:
    """One bad line for a script: its line number (null when not one line's), the field
    ("" for the whole line) and why."""
    return {"line": error.line, "field": error.field, "why": error.why}


def render_plans(
    env: Env,
    interviews: list[Interview],
    today: dt.date | None,
    policy: Policy,
    output: str,
    several: bool,
    default_zone: str | None = None,
) -> Iterator[str]:
    """Each plan rendered, in input order (text plans separated by a blank line)."""
    plans = plan_many(interviews, today, policy=policy, default_zone=default_zone, env=env)
    for number, (interview, result) in enumerate(zip(interviews, plans, strict=True)):
        if output == "text":
            yield ("\n" if number else "") + plan_to_text(result, interview)
        elif several:
            yield plan_to_json(result) + "\n"
        else:
            yield json.dumps(plan_to_dict(result), ensure_ascii=False, indent=2) + "\n"
