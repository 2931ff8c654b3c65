"""`followup today` over 10,000 awaiting interviews against Taskwarrior's `task next` over
10,000 pending tasks with due dates, side by side: median wall time, ratio, peak memory.

    .venv/bin/python bench/bench_agenda.py [--runs 15] [--count 10000] [--db URL]

`--db postgresql://…` (an empty database) measures the PostgreSQL back end instead of the
SQLite file.

Needs Taskwarrior (`apt-get install taskwarrior`); without it, prints why and measures
Followup alone. Both run as fresh processes, as a user would run them each morning.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLLOWUP = Path(sys.executable).parent / "followup"
EXAMPLE = json.loads((ROOT / "examples" / "interview.json").read_text())


def interviews(count: int, today: dt.date) -> str:
    """JSON Lines: `count` awaiting interviews from the last five weeks, some with attempts."""
    lines = []
    for n in range(count):
        day = today - dt.timedelta(days=n % 35)
        at = dt.datetime.combine(day, dt.time(9 + n % 8), dt.timezone(dt.timedelta(hours=-5)))
        obj = EXAMPLE | {"id": f"i{n}", "company": f"Company {n}", "interviewed_at": at.isoformat()}
        if n % 3 == 0:
            thanks = at + dt.timedelta(hours=4)
            obj["attempts"] = [{"at": thanks.isoformat(), "channel": "email",
                                "purpose": "thank_you", "outcome": "sent"}]  # fmt: skip
        lines.append(json.dumps(obj))
    return "\n".join(lines) + "\n"


def tasks(count: int, today: dt.date) -> str:
    """A JSON array of `count` pending tasks with due dates over the same span."""
    items = []
    for n in range(count):
        due = today + dt.timedelta(days=n % 35 - 14)
        items.append({"description": f"Follow up with Company {n}", "status": "pending",
                      "entry": "20261101T000000Z", "due": f"{due:%Y%m%d}T150000Z",
                      "project": "jobs", "uuid": f"00000000-0000-4000-8000-{n:012d}"})  # fmt: skip
    return json.dumps(items)


def measure(commands: list[tuple[list[str], dict[str, str]]], runs: int) -> list[float]:
    """Median wall seconds of each command over `runs` fresh processes, runs interleaved
    so that both meet the same load on a shared machine."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for command, env in commands:
            start = time.perf_counter()
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
            times[commands.index((command, env))].append(time.perf_counter() - start)
    return [statistics.median(each) for each in times]


def peak_memory(command: list[str], env: dict[str, str]) -> int:
    """Peak resident memory (KiB) of one run, from GNU time (the forked child's own, not
    inherited from this process)."""
    gnu_time = shutil.which("time") or "/usr/bin/time"
    done = subprocess.run([gnu_time, "-f", "%M", *command], env=env, check=True,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    return int(done.stderr.strip().splitlines()[-1])


def setup_followup(
    work: Path, count: int, today: dt.date, url: str | None = None
) -> tuple[list[str], dict[str, str]]:
    # An installed package has its bytecode compiled (pip does it); an editable checkout
    # run with PYTHONDONTWRITEBYTECODE would recompile every module on every start.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src" / "followup")],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    data, db = work / "interviews.jsonl", work / "followup.db"
    data.write_text(interviews(count, today))
    env = os.environ | {"FOLLOWUP_CONFIG_DIR": str(work / "config"), "FOLLOWUP_DB": url or str(db)}
    subprocess.run([str(FOLLOWUP), "config", "timezone", "America/New_York"], env=env,
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    subprocess.run([str(FOLLOWUP), "import", str(data)], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    subprocess.run([str(FOLLOWUP), "today"], env=env, check=True, stdout=subprocess.DEVNULL)
    return [str(FOLLOWUP), "today"], env


def setup_taskwarrior(work: Path, count: int, today: dt.date) -> tuple[list[str], dict[str, str]]:
    task = shutil.which("task")
    assert task is not None
    data = work / "taskdata"
    data.mkdir()
    rc = work / "taskrc"
    rc.write_text(f"data.location={data}\nconfirmation=off\nverbose=nothing\nhooks=off\n")
    env = os.environ | {"TASKRC": str(rc), "TASKDATA": str(data)}
    source = work / "tasks.json"
    source.write_text(tasks(count, today))
    subprocess.run([task, "import", str(source)], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    subprocess.run([task, "next"], env=env, check=True, stdout=subprocess.DEVNULL)
    return [task, "next"], env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--db", help="an empty postgresql:// database (default: a SQLite file)")
    args = parser.parse_args()
    today = dt.datetime.now(dt.UTC).date()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ours = setup_followup(work, args.count, today, args.db)
        if shutil.which("task") is None:
            print("Taskwarrior is not installed (apt-get install taskwarrior): no reference run")
            [alone] = measure([ours], args.runs)
            print(f"followup today, {args.count} interviews: median {alone * 1000:.1f} ms")
            return
        theirs = setup_taskwarrior(work, args.count, today)
        our_time, their_time = measure([ours, theirs], args.runs)
        our_peak, their_peak = peak_memory(*ours), peak_memory(*theirs)
        print(f"followup today, {args.count} awaiting interviews: median {our_time * 1000:.1f} ms, "
              f"peak {our_peak / 1024:.1f} MiB")  # fmt: skip
        print(f"task next, {args.count} pending tasks with due dates: median "
              f"{their_time * 1000:.1f} ms, peak {their_peak / 1024:.1f} MiB")  # fmt: skip
        print(f"ratio followup/task: time {our_time / their_time:.2f} (target <= 0.50), "
              f"memory {our_peak / their_peak:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
