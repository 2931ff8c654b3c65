"""`followup check`: lint a drafted follow-up (spec/check-json.md); exit 1 on an error."""

from __future__ import annotations

import json
from pathlib import Path

import click

from followup.checker import KINDS, check, load_rules
from followup.cli import env_of
from followup.cli.inputs import read_interview, read_text
from followup.cli.status import ExitStatus
from followup.cli.tracked import db_option, open_tracker
from followup.domain.errors import InputError
from followup.domain.model import Interview


def _context(ctx: click.Context, reference: str, db: str | None) -> Interview:
    """`--context`: an interview JSON file when one exists there, else a stored interview."""
    env = env_of(ctx)
    if reference == "-" or Path(reference).exists():
        return read_interview(env, reference, "--context")
    from followup.domain.errors import NotFoundError

    try:
        return open_tracker(ctx, db).interview(reference)
    except NotFoundError:
        raise InputError(
            "--context", f"no such file, and no stored interview with ID {reference!r}"
        ) from None


@click.command("check")
@click.argument("source", metavar="[FILE|-]", default="-")
@click.option("--kind", required=True, help=f"What the draft is: {', '.join(KINDS)}.")
@click.option(
    "--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--context",
    "context_ref",
    metavar="INTERVIEW.json|ID",
    help="The interview: a JSON file, or the ID of a stored interview.",
)
@db_option
@click.option("--rules", "rules_path", metavar="PATH", help="A rule file merged over the rules.")
@click.pass_context
def command(
    ctx: click.Context,
    source: str,
    kind: str,
    output: str,
    context_ref: str | None,
    db: str | None,
    rules_path: str | None,
) -> int:
    """Check a drafted call script, voicemail, email or text against the guidance."""
    env = env_of(ctx)
    if kind not in KINDS:
        raise InputError("--kind", f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    rules = load_rules(rules_path)
    context = _context(ctx, context_ref, db) if context_ref else None
    result = check(read_text(env, source, "FILE"), kind, context=context, rules=rules)
    if output == "json":
        env.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        env.stdout.write(result.to_text())
    return int(ExitStatus.FINDINGS if result.has_errors else ExitStatus.OK)
