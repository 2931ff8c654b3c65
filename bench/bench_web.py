"""The web app under load: `followup serve` over 10,000 stored interviews, driven by wrk
(Debian's `wrk`, a separate process) with 32 concurrent connections.

    .venv/bin/python bench/bench_web.py [--count 10000] [--seconds 3] [--rounds 5]
                                        [--connections 32] [--writes 15]

Measures the agenda endpoint (/api/v1/agenda), the Today page (/) and the interview page
(/interviews/ID, wrk rotating over a few interviews of every section) against a trivial
endpoint of the same server in the same run (/ping): p50 and p99 latency, requests per second,
and each one's throughput as a share of the trivial endpoint's. The endpoints take turns,
`--rounds` times, and each figure is the median over the rounds (each share from one round):
on a shared machine, load comes and goes. The server's CPU time per request (from /proc)
is printed too, with the trivial endpoint's as a share of it ("by CPU"): what throughput
share a server that has a core to itself would reach, whatever else the machine runs.
Target: p99 under 25 ms and at least 80% of the trivial endpoint's throughput. Every request
says `Accept-Encoding: gzip`, as browsers and HTTP libraries do; the Today page is measured
once more without it (the uncompressed page, 26 KB).

Then "right after a write": `--writes` times, log a follow-up through the API, time the next
request to each page (which cannot be the cached answer), then the same request again (the
cached one); the medians side by side.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench_agenda import interviews  # the same 10,000 interviews as the agenda's benchmark

ROOT = Path(__file__).resolve().parent.parent
TRIVIAL = "trivial /ping"
ENDPOINTS = [(TRIVIAL, "/ping"), ("agenda /api/v1/agenda", "/api/v1/agenda"),
             ("Today page /", "/")]  # fmt: skip
INTERVIEW_PAGE = "interview /interviews/ID"
IDENTITY = "Today page /, no gzip"
GZIP = {"Accept-Encoding": "gzip"}
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
P99_TARGET_MS = 25.0
SHARE_TARGET = 0.80
#: How many different interviews the interview page's run rotates over.
ROTATION = 12
#: Every run's requests come from this script (one path or several), so that wrk's own cost
#: per request is the same for the trivial endpoint and for the pages.
ROTATE_LUA = """paths = {%s}
headers = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1], headers)
end
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(work: Path, count: int) -> tuple[subprocess.Popen[bytes], str]:
    """Import the interviews with `followup import`, then start `followup serve`."""
    env = {"FOLLOWUP_CONFIG_DIR": str(work / "config"), "FOLLOWUP_DB": str(work / "bench.db"),
           "PATH": "/usr/bin:/bin", "FOLLOWUP_DATA_DIR": str(work / "data")}  # fmt: skip
    if "PYTHONPATH" in os.environ:  # another checkout's code, to compare before and after
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    data = work / "interviews.jsonl"
    data.write_text(interviews(count, dt.datetime.now(dt.UTC).date()))
    followup = [sys.executable, "-m", "followup"]
    subprocess.run([*followup, "import", str(data)], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    port = free_port()
    server = subprocess.Popen([*followup, "serve", "--no-browser", "--port", str(port)], env=env,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            for _, path in ENDPOINTS:  # warm up: stale plans are recomputed on the first read
                get(base + path)
            return server, base
        except OSError:
            if time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.2)


def get(url: str, headers: dict[str, str] | None = None) -> bytes:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=120) as response:
        body: bytes = response.read()
    return body


def interview_paths(base: str) -> list[str]:
    """/interviews/ID for a few interviews of each section of today's agenda."""
    agenda = json.loads(get(base + "/api/v1/agenda?limit=4"))
    ids = [item["id"] for name in ("act_now", "overdue", "coming_up", "move_on")
           for item in agenda[name]]  # fmt: skip
    return [f"/interviews/{i}" for i in ids[:ROTATION]]


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of process `pid` so far (Linux's /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wrk(base: str, paths: list[str], seconds: int, connections: int, folder: Path, pid: int,
        gzip: bool = True) -> dict[str, float]:  # fmt: skip
    """p50, p99 (ms), requests per second and the server's CPU ms per request from one wrk
    run over `paths`, in turn."""
    script = folder / "requests.lua"
    headers = '["Accept-Encoding"] = "gzip"' if gzip else ""
    script.write_text(ROTATE_LUA % (", ".join(f'"{p}"' for p in paths), headers))
    cpu = cpu_seconds(pid)
    done = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency",
                           "-s", str(script), base + paths[0]], check=True, capture_output=True,
                          text=True)  # fmt: skip
    out = done.stdout
    count = re.search(r"^\s+(\d+) requests in", out, re.M)
    assert count, out
    figures = {"cpu": (cpu_seconds(pid) - cpu) * 1000 / int(count.group(1))}
    for label in ("50", "99"):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        assert match, out
        figures[f"p{label}"] = float(match.group(1)) * UNITS[match.group(2)]
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    assert rate, out
    figures["rps"] = float(rate.group(1))
    sent = re.search(r"Transfer/sec:\s+([\d.]+)(B|KB|MB|GB)", out)
    assert sent, out
    size = float(sent.group(1)) * 1024 ** ["B", "KB", "MB", "GB"].index(sent.group(2))
    figures["kb"] = size / figures["rps"] / 1024  # per response, headers included
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    figures["non2xx"] = float(errors.group(1)) if errors else 0.0
    return figures


def timed_get(url: str) -> float:
    start = time.perf_counter()
    get(url, GZIP)
    return (time.perf_counter() - start) * 1000


def log_attempt(base: str, path: str) -> None:
    """A follow-up logged through the API on the interview at `path`."""
    body = json.dumps({"channel": "email", "outcome": "sent"}).encode()
    headers = {"Content-Type": "application/json"} | GZIP
    request = urllib.request.Request(f"{base}/api/v1{path}/attempts", data=body, method="POST",
                                     headers=headers)  # fmt: skip
    with urllib.request.urlopen(request, timeout=120) as response:
        assert response.status == 201, response.status


def after_writes(base: str, paths: list[str], writes: int) -> dict[str, tuple[float, float]]:
    """Per page: median ms of the first request after a write, and of the one after it."""
    pages = {"Today page /": lambda _: "/", "agenda /api/v1/agenda": lambda _: "/api/v1/agenda",
             "interview (the one written)": lambda written: written}  # fmt: skip
    results = {}
    for name, target in pages.items():
        missed, cached = [], []
        for n in range(writes):
            written = paths[n % len(paths)]
            log_attempt(base, written)
            missed.append(timed_get(base + target(written)))
            cached.append(timed_get(base + target(written)))
        results[name] = (statistics.median(missed), statistics.median(cached))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--writes", type=int, default=15)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install wrk): web benchmark skipped")
        return
    with tempfile.TemporaryDirectory(prefix="followup-bench-web-") as folder:
        server, base = start_server(Path(folder), args.count)
        try:
            paths = interview_paths(base)
            for path in paths:
                get(base + path)  # warm up, as the other pages were
            runs = {name: ([path], True) for name, path in ENDPOINTS}
            runs[INTERVIEW_PAGE] = (paths, True)
            runs[IDENTITY] = (["/"], False)
            rounds = [{name: wrk(base, targets, args.seconds, args.connections, Path(folder),
                                 server.pid, gzip) for name, (targets, gzip) in runs.items()}
                      for _ in range(args.rounds)]  # fmt: skip
            writes = after_writes(base, paths, args.writes)
        finally:
            server.terminate()
            server.wait(timeout=10)
    report(rounds, args, len(paths))
    report_writes(writes, args.writes)


def report(rounds: list[dict[str, dict[str, float]]], args: argparse.Namespace,
           rotation: int) -> None:  # fmt: skip
    results = {name: {key: statistics.median(r[name][key] for r in rounds) for key in figures}
               for name, figures in rounds[0].items()}  # fmt: skip
    shares = {name: statistics.median(r[name]["rps"] / r[TRIVIAL]["rps"] for r in rounds)
              for name in results}  # fmt: skip
    print(f"{args.count} interviews stored; wrk, {args.connections} connections, {args.rounds} "
          f"rounds of {args.seconds} s per endpoint, medians; the interview page rotates over "
          f"{rotation} interviews")  # fmt: skip
    print(f"{'endpoint':<26} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8} {'vs trivial':>11} "
          f"{'KB/resp':>8} {'CPU ms/req':>11} {'by CPU':>7}")  # fmt: skip
    trivial_cpu = results[TRIVIAL]["cpu"]
    for name, figures in results.items():
        share = shares[name]
        print(f"{name:<26} {figures['p50']:>8.2f} {figures['p99']:>8.2f} {figures['rps']:>8.0f} "
              f"{share:>10.0%} {figures['kb']:>8.1f} {figures['cpu']:>11.3f} "
              f"{trivial_cpu / figures['cpu']:>7.0%}" + (f"  ({figures['non2xx']:.0f} non-2xx!)"
                                                         if figures["non2xx"] else ""))  # fmt: skip
    print(f"targets: p99 < {P99_TARGET_MS:.0f} ms and >= {SHARE_TARGET:.0%} of trivial")
    for name, figures in results.items():
        if name == TRIVIAL:
            continue
        p99_ratio = figures["p99"] / P99_TARGET_MS
        share_ratio = shares[name] / SHARE_TARGET
        ok = p99_ratio < 1 and share_ratio >= 1
        print(f"  {name:<26} p99/target {p99_ratio:5.2f}   share/target {share_ratio:5.2f}   "
              f"{'met' if ok else 'NOT met'}")  # fmt: skip


def report_writes(writes: dict[str, tuple[float, float]], count: int) -> None:
    print(f"right after a write (a follow-up logged through the API), median of {count} writes, "
          "one request at a time:")  # fmt: skip
    print(f"  {'page':<30} {'after a write':>14} {'cached':>8} {'ratio':>6}")
    for name, (missed, cached) in writes.items():
        print(f"  {name:<30} {missed:>11.2f} ms {cached:>5.2f} ms {missed / cached:>5.1f}x")


if __name__ == "__main__":
    main()
