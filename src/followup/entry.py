"""The `followup` console script.

`followup today` runs every morning and must answer fast (bench/bench_agenda.py), so its
plain forms (`today [--json] [--all] [--db PATH]`) are answered here without importing
click, which costs a third of the command's time. Every other invocation, and any other
option (`--help` included), goes through the full click CLI in `followup.cli`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

TODAY_FLAGS = frozenset({"--json", "--all"})


def today_arguments(argv: Sequence[str]) -> tuple[str | None, bool, bool] | None:
    """`(db, as_json, show_all)` when `argv` is a plain `today` call, else None."""
    if not argv or argv[0] != "today":
        return None
    db, flags, rest = None, set(), list(argv[1:])
    while rest:
        word = rest.pop(0)
        if word in TODAY_FLAGS and word not in flags:
            flags.add(word)
        elif word == "--db" and rest and db is None and not rest[0].startswith("-"):
            db = rest.pop(0)
        elif word.startswith("--db=") and db is None and len(word) > 5:
            db = word[5:]
        else:
            return None  # anything else: let click parse it and explain
    return db, "--json" in flags, "--all" in flags


def run() -> None:
    """Console-script entry point."""
    arguments = today_arguments(sys.argv[1:])
    if arguments is None:
        from followup.cli import run as run_cli

        run_cli()
        return
    raise SystemExit(fast_today(*arguments))


def fast_today(db: str | None, as_json: bool, show_all: bool) -> int:
    """`followup today` without click; errors as the CLI reports them (one line, exit 2)."""
    from followup.agenda_report import today_report
    from followup.context import Env
    from followup.domain.errors import FollowupError

    env = Env()
    try:
        env.stdout.write(today_report(env, db, as_json=as_json, show_all=show_all))
    except FollowupError as error:
        for line in str(error).splitlines() or ["error"]:
            env.stderr.write(f"followup: {line}\n")
        return 2
    except BrokenPipeError:
        return 0
    return 0
