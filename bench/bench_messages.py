"""Script writer throughput: every kind of message for generated interviews, through the
library, beside `followup.checker.check` on the same messages (the reference, same run); and
the wall time of one `followup script` beside a bare `python -c pass`.

Run: `.venv/bin/python bench/bench_messages.py [N]` (default 500 interviews).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from followup.checker import check
from followup.domain.codec import interview_from_dict
from followup.domain.model import Interview
from followup.messages import MESSAGE_KINDS, Message, write

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "interview.json"
TODAY = dt.date(2026, 11, 25)
NAMES = ["Sam Lee", "Priya Natarajan", "José Álvarez", "Ingrid Solberg", "Wei Zhang"]
POINTS = ["the churn dashboard rebuild", "moving reporting to dbt", "audit season", "test rigs"]


def generate(count: int, seed: int = 7) -> list[Interview]:
    """Deterministic variations of the example interview over the past three weeks."""
    rng = random.Random(seed)
    base: dict[str, Any] = json.loads(EXAMPLE.read_text())
    interviews = []
    for _ in range(count):
        day = TODAY - dt.timedelta(days=rng.randint(0, 21))
        obj = base | {
            "candidate": {"name": rng.choice(NAMES), "phone": "+1 617 555 0142"},
            "interviewed_at": f"{day.isoformat()}T{rng.randint(8, 17):02d}:00:00-05:00",
            "discussion_points": rng.sample(POINTS, rng.randint(0, 2)),
            "culture": rng.choice(["direct", "neutral", "formal"]),
        }
        interviews.append(interview_from_dict(obj))
    return interviews


def best_of(rounds: int, work: Any) -> float:
    """The fastest of `rounds` runs of `work()`, in seconds of CPU time."""
    times = []
    for _ in range(rounds):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def wall(argv: list[str], runs: int = 5) -> float:
    """Median wall time of a command, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    interviews = generate(count)
    messages: list[Message] = []

    def write_all() -> None:
        messages.clear()
        messages.extend(write(i, kind, today=TODAY) for i in interviews for kind in MESSAGE_KINDS)

    def check_all() -> None:
        for message in messages:
            if message.check_kind:
                check(message.body, message.check_kind)

    written = best_of(3, write_all)
    checked_count = sum(1 for m in messages if m.check_kind)
    checked = best_of(3, check_all)
    write_rate, check_rate = len(messages) / written, checked_count / checked
    print(f"interviews: {count}, messages written: {len(messages)}")
    print(f"write:  {write_rate:,.0f} messages/s ({1e3 / write_rate:.3f} ms each)")
    print(f"check:  {check_rate:,.0f} messages/s (reference, the same messages)")
    print(f"ratio:  writing is {write_rate / check_rate:.1f}x as fast as checking")
    python = str(Path(sys.executable))
    cli = wall(
        [
            python,
            "-m",
            "followup",
            "script",
            "--input",
            str(EXAMPLE),
            "--kind",
            "call",
            "--today",
            TODAY.isoformat(),
        ]
    )
    bare = wall([python, "-c", "pass"])
    print(f"cli:    followup script --kind call {cli:.3f} s wall; bare python {bare:.3f} s")


if __name__ == "__main__":
    main()
