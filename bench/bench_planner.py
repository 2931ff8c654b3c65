"""Planner throughput: 100,000 generated interviews through the library and through
`followup plan` on JSON Lines, side by side; prints plans per second and the ratio.

Targets (issue 2): >= 20,000 plans/s through the library on one core; the CLI batch path
within 2x of the library. Run: `.venv/bin/python bench/bench_planner.py [N]`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from followup.calendar import check_calendar
from followup.domain.codec import interview_from_dict, plan_to_json
from followup.planner import plan
from followup.policy import load_policy

ROOT = Path(__file__).resolve().parent.parent
PLACES = [
    ("America/New_York", "US", "NY"),
    ("America/Chicago", "US", "IL"),
    ("Europe/London", "GB", None),
    ("Europe/Berlin", "DE", "BE"),
    ("Australia/Sydney", "AU", "NSW"),
]
TODAY = dt.date(2026, 11, 23)
ROUNDS = 3


def generate(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """Deterministic interview objects spread over the last two months."""
    rng = random.Random(seed)
    objects = []
    for n in range(count):
        tz, country, subdivision = rng.choice(PLACES)
        day = TODAY - dt.timedelta(days=rng.randint(0, 60))
        at = dt.datetime(
            day.year,
            day.month,
            day.day,
            rng.randint(8, 17),
            0,
            tzinfo=dt.timezone(dt.timedelta(hours=-5)),
        )
        obj: dict[str, Any] = {
            "id": f"i{n}",
            "company": f"Company {n}",
            "role": "Analyst",
            "candidate": {"name": "Sam Lee"},
            "interviewers": [{"name": "Dana Ruiz", "phone": "+1 555 0100"}],
            "interviewed_at": at.isoformat(),
            "timezone": tz,
            "country": country,
            "scheduled_via": rng.choice(["phone", "email", "portal"]),
            "culture": rng.choice(["direct", "neutral", "formal"]),
        }
        if subdivision:
            obj["subdivision"] = subdivision
        if rng.random() < 0.4:
            obj["attempts"] = [
                {
                    "at": (at + dt.timedelta(days=6)).isoformat(),
                    "channel": "call",
                    "purpose": "status",
                    "outcome": rng.choice(["no_answer", "spoke"]),
                }
            ]
        objects.append(obj)
    return objects


def library(objects: list[dict[str, Any]]) -> float:
    """Seconds to plan every interview through the library (parsed beforehand)."""
    policy = load_policy()
    interviews = [interview_from_dict(obj) for obj in objects]
    plan(interviews[0], TODAY, policy)  # warm the holiday tables, as a long run would
    start = time.perf_counter()
    for interview in interviews:
        plan(interview, TODAY, policy)
    return time.perf_counter() - start


def end_to_end(objects: list[dict[str, Any]]) -> float:
    """Seconds for the library doing the CLI's work minus the process and the text: each
    contract interview object read, planned and written as the contract's plan JSON."""
    policy = load_policy()
    start = time.perf_counter()
    for obj in objects:
        plan_to_json(plan(interview_from_dict(obj, check_calendar=check_calendar), TODAY, policy))
    return time.perf_counter() - start


def cli(objects: list[dict[str, Any]]) -> float:
    """Seconds for `followup plan --input FILE` on JSON Lines, start-up and output included."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "interviews.jsonl"
        source.write_text("".join(json.dumps(obj) + "\n" for obj in objects), encoding="utf-8")
        command = [
            sys.executable,
            "-m",
            "followup.cli",
            "plan",
            "--input",
            str(source),
            "--today",
            TODAY.isoformat(),
        ]
        start = time.perf_counter()
        done = subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, cwd=ROOT
        )
        elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"followup plan failed: {done.stderr.decode()}")
    return elapsed


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, children too
    objects = generate(count)
    libs, ends, commands = [], [], []
    for _ in range(ROUNDS):  # alternate, so all sides see the same noise of a shared machine
        libs.append(library(objects))
        ends.append(end_to_end(objects))
        commands.append(cli(objects))
    lib, end, command = (statistics.median(x) for x in (libs, ends, commands))
    print(f"interviews:               {count}  (median of {ROUNDS} alternating runs, one core)")
    print(f"planner, plan():          {lib:6.2f} s {count / lib:9,.0f} plans/s (target >= 20,000)")
    print(f"library, object to JSON:  {end:6.2f} s {count / end:9,.0f} plans/s")
    print(f"followup plan (JSONL):    {command:6.2f} s {count / command:9,.0f} plans/s")
    print(f"CLI / library end to end: {command / end:6.2f}x (target <= 2x)")
    print(f"CLI / plan() alone:       {command / lib:6.2f}x")


if __name__ == "__main__":
    main()
