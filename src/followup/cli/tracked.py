"""What every tracker command shares: `--db`, opening the tracker, prompting, words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from followup.cli import env_of
from followup.context import Env
from followup.domain.errors import InputError
from followup.services.tracker import Tracker

F = TypeVar("F", bound=Callable[..., Any])


def db_option(command: F) -> F:
    """`--db PATH`: use this database file (else FOLLOWUP_DB, else the data directory)."""
    option = click.option(
        "--db", metavar="PATH", help="Database file (default: $FOLLOWUP_DB or the data directory)."
    )
    return option(command)


def expected_version_option(command: F) -> F:
    """`--expected-version N`: change the interview only if it is still at version N (as
    `followup show` printed it), else exit 2 saying it changed; nothing is lost."""
    option = click.option(
        "--expected-version",
        "expected_version",
        type=click.IntRange(min=1, max=2**63 - 1),  # what the database's integers hold
        metavar="N",
        help="Only if the interview is still at this version (see `followup show`).",
    )
    return option(command)


def open_tracker(ctx: click.Context, db: str | None) -> Tracker:
    """The tracker of this invocation, closed when the command ends."""
    tracker = Tracker.open(env_of(ctx), db)
    ctx.call_on_close(tracker.close)
    return tracker


def ask(env: Env, label: str, field: str, missing: str = "required") -> str:
    """Ask for a missing required value on a terminal; elsewhere, fail naming the field and
    saying `missing` (which option to add)."""
    if not env.stdin_is_tty:
        raise InputError(field, missing)
    env.stderr.write(f"{label}: ")
    env.stderr.flush()
    answer = env.stdin.readline().strip()
    if not answer:
        raise InputError(field, missing)
    return answer


def confirm(env: Env, question: str) -> bool:
    """A yes/no question on a terminal (default no)."""
    env.stderr.write(f"{question} [y/N] ")
    env.stderr.flush()
    return env.stdin.readline().strip().lower() in ("y", "yes")
