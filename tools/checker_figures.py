"""How well the checker judges whole messages: the figures of docs/checker.md.

    .venv/bin/python tools/checker_figures.py                 # the frozen held-out set
    .venv/bin/python tools/checker_figures.py --folder F --misses  # what it got wrong in F

Reading the held-out set's misses is for the report's "what it still misses", after the model
is chosen; choosing or tuning anything on them would make the figures worthless.

A labelled message is `{"kind", "text", "verdict": "good"|"bad", "categories": [rule ids]}`.

- A bad message is **caught** when the checker raises an error or a warning on it, or any
  finding of a category it is labelled with (a suggestion-level category such as
  `generic-message` counts when it is the one labelled).
- A good message has a **false error** when the checker raises any error on it (what makes
  `followup check` exit 1), and a false warning likewise.
- Per category, at message level: precision is the share of messages the category fired on
  that are labelled with it; recall the share of those labelled with it that it fired on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from followup.checker import CheckResult, check  # noqa: E402

HELDOUT = ROOT / "corpus" / "heldout"

Checker = Callable[[str, str], CheckResult]


def read_messages(folder: Path = HELDOUT) -> list[dict[str, Any]]:
    messages = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                messages.append(json.loads(line))
    return messages


def figures(messages: Iterable[Mapping[str, Any]], checker: Checker = check) -> dict[str, Any]:
    """The headline figures and the per-category table, with the misses for reading."""
    counts: Counter[str] = Counter()
    per: dict[str, Counter[str]] = {}
    misses: list[dict[str, Any]] = []
    for message in messages:
        result = checker(message["text"], message["kind"])
        labelled = set(message["categories"])
        fired = {f.rule for f in result.findings}
        severe = {f.rule for f in result.findings if f.severity in ("error", "warning")}
        for category in labelled | fired:
            tally = per.setdefault(category, Counter())
            tally["tp"] += category in labelled and category in fired
            tally["fp"] += category in fired and category not in labelled
            tally["fn"] += category in labelled and category not in fired
        if message["verdict"] == "bad":
            counts["bad"] += 1
            caught = bool(severe or fired & labelled)
            counts["caught"] += caught
            if not caught:
                misses.append({**message, "why": "missed", "fired": sorted(fired)})
        else:
            counts["good"] += 1
            errors = {f.rule for f in result.findings if f.severity == "error"}
            warnings = {f.rule for f in result.findings if f.severity == "warning"}
            counts["false_error"] += bool(errors)
            counts["false_warning"] += bool(warnings)
            if errors or warnings:
                misses.append({**message, "why": "false alarm", "fired": sorted(errors | warnings)})
    return {
        "messages": counts["bad"] + counts["good"],
        "bad": counts["bad"],
        "good": counts["good"],
        "recall": counts["caught"] / max(counts["bad"], 1),
        "false_error_rate": counts["false_error"] / max(counts["good"], 1),
        "false_warning_rate": counts["false_warning"] / max(counts["good"], 1),
        "categories": {
            name: {
                "labelled": t["tp"] + t["fn"],
                "fired": t["tp"] + t["fp"],
                "precision": t["tp"] / max(t["tp"] + t["fp"], 1),
                "recall": t["tp"] / max(t["tp"] + t["fn"], 1),
            }
            for name, t in sorted(per.items())
        },
        "misses": misses,
    }


def print_figures(report: Mapping[str, Any], title: str) -> None:
    print(f"{title}: {report['messages']} messages ({report['bad']} bad, {report['good']} good)")
    print(f"  bad messages caught      {report['recall']:.3f}")
    print(f"  good with a false error  {report['false_error_rate']:.3f}")
    print(f"  good with a false warning {report['false_warning_rate']:.3f}")
    print(f"  {'category':<28}{'labelled':>9}{'fired':>7}{'precision':>11}{'recall':>8}")
    for name, row in report["categories"].items():
        print(
            f"  {name:<28}{row['labelled']:>9}{row['fired']:>7}"
            f"{row['precision']:>11.2f}{row['recall']:>8.2f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folder", type=Path, default=HELDOUT, help="labelled messages")
    parser.add_argument("--misses", action="store_true", help="print every message it got wrong")
    parser.add_argument("--json", action="store_true", help="the figures as JSON")
    args = parser.parse_args(argv)
    report = figures(read_messages(args.folder))
    if args.json:
        print(json.dumps({k: v for k, v in report.items() if k != "misses"}, indent=2))
    else:
        print_figures(report, str(args.folder.relative_to(ROOT)))
    if args.misses:
        for miss in report["misses"]:
            print(f"\n[{miss['why']}] {miss['kind']} {miss['categories']} fired {miss['fired']}")
            print("  " + miss["text"].replace("\n", "\n  "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
