"""Golden snapshots of `followup check` (run by `make snapshot`; review with `git diff`).

Checks a fixed selection of drafts from the labelled corpus (every kind with every rule it can
fire, plus the script, template and --context cases) and writes what a person reads
(`snapshots/checker/checks.txt`) and the JSON (`checks.jsonl`). tests/test_checker_snapshots.py
regenerates both in memory and compares.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "drafts.jsonl"
OUT = ROOT / "snapshots" / "checker"
#: Chosen once so that each kind meets every rule it can fire; fixed so diffs stay reviewable.
DRAFT_IDS = (
    [f"gen-call-{n:03d}" for n in (1, 2, 3, 4, 5, 6, 8, 9, 16, 17)]
    + [f"gen-voicemail-{n:03d}" for n in (1, 2, 3, 4, 5, 6, 8, 16, 21, 24, 39, 72)]
    + [f"gen-email-{n:03d}" for n in (1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 43)]
    + [f"gen-text-{n:03d}" for n in (1, 2, 4, 5, 6, 9, 10, 12, 17, 32)]
    + [f"hand-{n:03d}" for n in range(92, 104)]
)


def render_all() -> dict[str, str]:
    """File name -> the text it must hold."""
    from followup.checker import check
    from followup.domain.codec import interview_from_dict

    records = {}
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        records[record["id"]] = record
    readable, machine = [], []
    for draft_id in DRAFT_IDS:
        record = records[draft_id]
        context = interview_from_dict(record["context"]) if "context" in record else None
        result = check(record["text"], record["kind"], context=context)
        with_context = " with --context" if context else ""
        readable.append(
            f"== {draft_id}: {record['kind']}{with_context} ==\n{record['text'].rstrip()}\n"
            f"-- followup check --\n{result.to_text()}"
        )
        machine.append(json.dumps({"id": draft_id, **result.to_dict()}, ensure_ascii=False))
    return {"checks.txt": "\n".join(readable), "checks.jsonl": "\n".join(machine) + "\n"}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rendered = render_all()
    for name, text in rendered.items():
        (OUT / name).write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {len(DRAFT_IDS)} checks to {OUT.relative_to(ROOT)}\n")


if __name__ == "__main__":
    main()
