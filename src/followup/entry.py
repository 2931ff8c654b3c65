"""The `followup` console script.

`followup today` runs every morning and must answer fast (bench/bench_agenda.py), so its
plain forms (`today [--json] [--all] [--db PATH]`) are answered here without importing
click, which costs a third of the command's time. So is `followup check` with only FILEs,
`--kind`, `--format` and `--input-format` (`followup.check_report`, the same code the click
command runs), which must answer one draft in under 0.15 s. Every other invocation, and any
other option (`--help` included), goes through the full click CLI in `followup.cli`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

TODAY_FLAGS = frozenset({"--json", "--all"})
#: Whether a fast `check` ends the process without the interpreter's teardown (tests that
#: look inside the process afterwards turn it off).
FAST_EXIT = True
#: `check` options the fast path reads, and the values each may take (None: any).
CHECK_OPTIONS: dict[str, tuple[str, frozenset[str] | None]] = {
    "--kind": ("kind", None),
    "--format": ("output", frozenset({"text", "json"})),
    "--input-format": ("input_format", frozenset({"text", "jsonl"})),
}


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


def check_arguments(argv: Sequence[str]) -> dict[str, object] | None:
    """The arguments of a plain `check` call (FILEs, --kind, --format, --input-format), or
    None for anything else: click then parses it and explains any mistake."""
    if not argv or argv[0] != "check":
        return None
    found: dict[str, object] = {}
    sources: list[str] = []
    rest = list(argv[1:])
    while rest:
        word = rest.pop(0)
        name, _, value = word.partition("=")
        if name in CHECK_OPTIONS and CHECK_OPTIONS[name][0] not in found:
            if not value:
                if not rest or rest[0].startswith("-"):
                    return None
                value = rest.pop(0)
            key, allowed = CHECK_OPTIONS[name]
            if allowed is not None and value not in allowed:
                return None
            found[key] = value
        elif word == "-" or not word.startswith("-"):
            sources.append(word)
        else:
            return None  # --context, --rules, --help, a typo: click's
    found["sources"] = sources
    return found


def run() -> None:
    """Console-script entry point."""
    argv = sys.argv[1:]
    arguments = today_arguments(argv)
    if arguments is not None:
        raise SystemExit(fast_today(*arguments))
    checking = check_arguments(argv)
    if checking is not None:
        from followup.check_report import fast_check

        status = fast_check(checking)
        if not FAST_EXIT:
            raise SystemExit(status)
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BrokenPipeError:
            pass
        # Skip the interpreter's teardown (freeing the rules and the model: ~10 ms of a
        # one-draft check); everything is written and flushed, and nothing else is open.
        os._exit(status)
    from followup.cli import run as run_cli

    run_cli()


def fast_today(db: str | None, as_json: bool, show_all: bool) -> int:
    """`followup today` without click; errors as the CLI reports them (one line, exit 2)."""
    from followup.context import Env
    from followup.domain.errors import FollowupError
    from followup.today_report import today_report

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
