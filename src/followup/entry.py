"""The `followup` console script.

Every command goes through the click CLI in `followup.cli` (`followup today` included: its
click command imports only what the agenda needs), except `followup check` with only
FILEs, `--kind`, `--format` and `--input-format`, answered here by `followup.check_report`
(the same code the click command runs): one draft must be checked in under 0.15 s, and
importing click and the interpreter's teardown would take a good part of that. Any other
option (`--help` included) goes through click, which parses it and explains any mistake.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

#: Whether a fast `check` ends the process without the interpreter's teardown (tests that
#: look inside the process afterwards turn it off).
FAST_EXIT = True
#: `check` options the fast path reads, and the values each may take (None: any).
CHECK_OPTIONS: dict[str, tuple[str, frozenset[str] | None]] = {
    "--kind": ("kind", None),
    "--format": ("output", frozenset({"text", "json"})),
    "--input-format": ("input_format", frozenset({"text", "jsonl"})),
}


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
    checking = check_arguments(sys.argv[1:])
    if checking is not None:
        # Here, not at the top: every other command would pay for the checker's imports.
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
    # Here, not at the top: a fast `check` never imports click.
    from followup.cli import run as run_cli

    run_cli()
