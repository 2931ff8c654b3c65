"""The needs file (`rules/default.needs.json`): the built-in patterns' trigger words, ahead.

Regenerate it after changing `rules/default.toml`: `python -m followup.checker.needs`
(tests/test_checker_speed.py fails, saying so, when it no longer matches the rules). A stale
file is never wrong, only slower: a pattern it does not list is worked out at load.
"""

from __future__ import annotations

import json
from typing import Any

from followup.checker import loader
from followup.checker.matcher import NEEDS_FILE, needs_document, recorded_entries


def builtin_needs() -> dict[str, Any]:
    """The needs file's object for the built-in rules, worked out from the rule file."""
    entries = recorded_entries(lambda: loader.build([loader._builtin_document()]))
    return needs_document(entries)


def render(document: dict[str, Any]) -> str:
    """The file's text: one pattern entry a line, sorted, so a change reads as a small diff."""
    lines = [
        f"{json.dumps(key, ensure_ascii=False)}: {json.dumps(plan, ensure_ascii=False)}"
        for key, plan in sorted(document["plans"].items())
    ]
    body = ",\n".join(lines)
    return f'{{"format": {document["format"]}, "plans": {{\n{body}\n}}}}\n'


def main() -> None:
    NEEDS_FILE.write_text(render(builtin_needs()), encoding="utf-8")
    print(f"wrote {NEEDS_FILE}")  # noqa: T201


if __name__ == "__main__":
    main()
