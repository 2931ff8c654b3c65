"""`followup check`: lint a drafted follow-up (spec/check-json.md); exit 1 on an error."""

from __future__ import annotations

import json
from pathlib import Path

import click

from followup.checker import KINDS, check, load_rules
from followup.cli import env_of
from followup.cli.status import ExitStatus
from followup.context import Env
from followup.domain.errors import InputError
from followup.domain.model import Interview


def read_draft(env: Env, source: str) -> str:
    """The draft in `source`: a file path, or `-` for standard input."""
    if source == "-":
        return env.stdin.read()
    try:
        return Path(source).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("FILE", f"no such file: {source}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError("FILE", f"cannot read {source} ({error})") from None


def read_context(path: str) -> Interview:
    """The interview object in `path`, as `--context`; errors name the file and the field."""
    from followup.domain.codec import interview_from_dict

    try:
        obj = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise InputError("--context", f"cannot read {path} ({error})") from None
    except json.JSONDecodeError as error:
        raise InputError("--context", f"{path} is not valid JSON ({error})") from None
    try:
        return interview_from_dict(obj)
    except InputError as error:
        raise InputError(f"--context {path}: {error.field}", error.why) from None


@click.command("check")
@click.argument("source", metavar="[FILE|-]", default="-")
@click.option("--kind", required=True, help=f"What the draft is: {', '.join(KINDS)}.")
@click.option(
    "--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--context", "context_path", metavar="INTERVIEW.json", help="The interview.")
@click.option("--rules", "rules_path", metavar="PATH", help="A rule file merged over the rules.")
@click.pass_context
def command(
    ctx: click.Context,
    source: str,
    kind: str,
    output: str,
    context_path: str | None,
    rules_path: str | None,
) -> int:
    """Check a drafted call script, voicemail, email or text against the guidance."""
    env = env_of(ctx)
    if kind not in KINDS:
        raise InputError("--kind", f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    rules = load_rules(rules_path)
    context = read_context(context_path) if context_path else None
    result = check(read_draft(env, source), kind, context=context, rules=rules)
    if output == "json":
        env.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        env.stdout.write(result.to_text())
    return int(ExitStatus.FINDINGS if result.has_errors else ExitStatus.OK)
