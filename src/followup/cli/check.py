"""`followup check`: lint drafted follow-ups (spec/check-json.md); exit 1 on an error.

One FILE (or standard input) gives the contract's output exactly; several FILEs, a directory
or `--input-format jsonl` check many drafts in one process (`followup.check_report`, which
`followup.entry` also runs without click for plain calls).
"""

from __future__ import annotations

from pathlib import Path

import click

from followup.check_report import INPUT_FORMATS, OUTPUT_FORMATS, run_check
from followup.checker import DRAFT_KINDS, load_rules
from followup.cli import env_of
from followup.cli.inputs import read_interview
from followup.cli.tracked import db_option, open_tracker
from followup.domain.errors import InputError, NotFoundError
from followup.domain.model import Interview


def _context(ctx: click.Context, reference: str, db: str | None) -> Interview:
    """`--context`: an interview JSON file when one exists there, else a stored interview."""
    env = env_of(ctx)
    if reference == "-" or Path(reference).exists():
        return read_interview(env, reference, "--context")

    try:
        return open_tracker(ctx, db).interview(reference)
    except NotFoundError:
        raise InputError(
            "--context", f"no such file, and no stored interview with ID {reference!r}"
        ) from None


@click.command("check")
@click.argument("sources", metavar="[FILE|DIR|-]...", nargs=-1)
@click.option(
    "--kind",
    help=f"What the drafts are: {', '.join(DRAFT_KINDS)} (required, but for JSON Lines that say).",
)
@click.option(
    "--format",
    "output",
    type=click.Choice(OUTPUT_FORMATS),
    default="text",
    show_default=True,
    help="text, or json (JSON Lines when checking many drafts).",
)
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    default="text",
    show_default=True,
    help='jsonl: one {"text", "kind", "id", "context"} object a line on standard input.',
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
    sources: tuple[str, ...],
    kind: str | None,
    output: str,
    input_format: str,
    context_ref: str | None,
    db: str | None,
    rules_path: str | None,
) -> int:
    """Check drafted call scripts, voicemails, emails or texts against the guidance.

    Give one FILE (or - or nothing for standard input), several FILEs, or a directory (every
    .txt and .md file below it); exit 1 if any draft has an error, 2 if any cannot be read.
    """
    env = env_of(ctx)
    if kind is not None and kind not in DRAFT_KINDS:
        raise InputError("--kind", f"unknown kind {kind!r}; use one of {', '.join(DRAFT_KINDS)}")
    rules = load_rules(rules_path)
    context = _context(ctx, context_ref, db) if context_ref else None
    return run_check(
        env,
        list(sources),
        kind,
        output=output,
        input_format=input_format,
        context=context,
        rules=rules,
    )
