"""Checker benchmark: the library's throughput on email-length drafts, the CLI answering one
draft, and the CLI checking 1,000 files in one process; each beside proselint on the same
texts in the same run (the reference; the project's `bench` extra installs it).

Run: `.venv/bin/python bench/bench_checker.py [DRAFTS]` (`make bench` runs every benchmark).

The drafts are generated, not the training corpus: the body paragraphs of the labelled email
drafts in tests/data/drafts.jsonl, joined three or four at a time under a greeting and a
signature until they reach about 200 words (the email length limit), DRAFTS of them (1,000).
The library runs pinned to one core; its figures are drafts per CPU-second, the best of five
passes. CLI figures are wall time of a fresh process (single-threaded, unpinned), the best of
several runs.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "drafts.jsonl"
BIN = Path(sys.executable).parent
FOLLOWUP = BIN / "followup"
PROSELINT = BIN / "proselint"
WORDS = 160  # join bodies until a draft has at least this many words: a mean of about 200
REPEATS = 5
CLI_RUNS = 15
BATCH_RUNS = 3
TARGET_RATE = 2000
TARGET_CLI = 0.15


def drafts(count: int) -> list[str]:
    """`count` email drafts of about 200 words, deterministic."""
    records = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    bodies = [
        max(record["text"].split("\n\n"), key=len)
        for record in records
        if record["kind"] == "email"
    ]
    out = []
    for number in range(count):
        chosen: list[str] = []
        step = 0
        while sum(len(body.split()) for body in chosen) < WORDS:
            chosen.append(bodies[(number * 7 + step * 13) % len(bodies)])
            step += 1
        out.append("Dear Dana,\n\n" + "\n\n".join(chosen) + "\n\nBest regards,\nSam Lee\n")
    return out


def rate(texts: list[str], lint: Callable[[str], object]) -> float:
    """Drafts per CPU-second on this thread: the best of REPEATS passes over `texts`."""
    for text in texts[:50]:
        lint(text)  # warm up: the rules and the model load once per process
    best = float("inf")
    for _ in range(REPEATS):
        started = time.process_time()
        for text in texts:
            lint(text)
        best = min(best, time.process_time() - started)
    return len(texts) / best


def proselint_lint() -> Callable[[str], object] | None:
    try:
        from proselint.checks import __register__
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile
    except ImportError:
        return None
    CheckRegistry().register_many(__register__)
    return lambda text: LintFile("draft", text).lint()


def wall(argv: list[str], runs: int) -> float:
    """The best wall time of `runs` runs of `argv` (output discarded)."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 1000
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")], check=False)
    texts = drafts(count)
    words = statistics.mean(len(text.split()) for text in texts)
    print(f"{len(texts)} generated email drafts, mean {words:.0f} words; one core")

    from followup.checker import check

    lint = proselint_lint()
    if cores:  # the library on one core; the CLI runs below as it would, unpinned
        os.sched_setaffinity(0, {min(cores)})
    ours = rate(texts, lambda text: check(text, "email"))
    print(f"library: followup.checker.check {ours:,.0f} drafts/s (target {TARGET_RATE:,})")
    if lint is not None:
        theirs = rate(texts, lint)
        print(f"library: proselint {theirs:,.0f} drafts/s; followup is {ours / theirs:.1f}x")
    else:
        print("proselint: not installed (pip install -e '.[bench]'); comparisons skipped")

    if cores:
        os.sched_setaffinity(0, cores)
    with tempfile.TemporaryDirectory() as folder:
        batch = Path(folder) / "drafts"
        batch.mkdir()
        for number, text in enumerate(texts):
            (batch / f"draft-{number:04d}.txt").write_text(text, encoding="utf-8")
        one = str(batch / "draft-0000.txt")
        ours_one = wall([str(FOLLOWUP), "check", one, "--kind", "email"], CLI_RUNS)
        print(f"CLI, one draft: followup check {ours_one * 1000:.0f} ms", end="")
        print(f" (target {TARGET_CLI * 1000:.0f} ms)", end="")
        python_only = wall([sys.executable, "-c", "pass"], CLI_RUNS)
        print(f"; python -c pass {python_only * 1000:.0f} ms", end="")
        have_proselint = PROSELINT.exists()
        if have_proselint:
            theirs_one = wall([str(PROSELINT), "check", one], CLI_RUNS)
            print(f"; proselint check {theirs_one * 1000:.0f} ms ({theirs_one / ours_one:.1f}x)")
        else:
            print()
        ours_batch = wall([str(FOLLOWUP), "check", str(batch), "--kind", "email"], BATCH_RUNS)
        print(f"CLI, {count} files: followup check DIR {ours_batch:.2f} s", end="")
        if have_proselint:
            theirs_batch = wall([str(PROSELINT), "check", str(batch)], BATCH_RUNS)
            ratio = theirs_batch / ours_batch
            print(f"; proselint check DIR {theirs_batch:.2f} s (followup {ratio:.1f}x as fast)")
        else:
            print()


if __name__ == "__main__":
    main()
