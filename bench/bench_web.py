"""The web app under load: `followup serve` over 10,000 stored interviews, driven by wrk
(Debian's `wrk`, a separate process) with 32 concurrent connections.

    .venv/bin/python bench/bench_web.py [--count 10000] [--seconds 10] [--connections 32]

Measures the agenda endpoint (/api/v1/agenda) and the Today page (/) against a trivial
endpoint of the same server in the same run (/ping): p50 and p99 latency, requests per second,
and each one's throughput as a share of the trivial endpoint's.
Target: p99 under 50 ms and at least half the trivial endpoint's throughput.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench_agenda import interviews  # the same 10,000 interviews as the agenda's benchmark

ROOT = Path(__file__).resolve().parent.parent
ENDPOINTS = [("trivial /ping", "/ping"), ("agenda /api/v1/agenda", "/api/v1/agenda"),
             ("Today page /", "/")]  # fmt: skip
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(work: Path, count: int) -> tuple[subprocess.Popen[bytes], str]:
    """Import the interviews with `followup import`, then start `followup serve`."""
    env = {"FOLLOWUP_CONFIG_DIR": str(work / "config"), "FOLLOWUP_DB": str(work / "bench.db"),
           "PATH": "/usr/bin:/bin", "FOLLOWUP_DATA_DIR": str(work / "data")}  # fmt: skip
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
                urllib.request.urlopen(base + path, timeout=120).read()
            return server, base
        except OSError:
            if time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.2)


def wrk(url: str, seconds: int, connections: int) -> dict[str, float]:
    """p50, p99 (ms) and requests per second from one wrk run."""
    done = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                          check=True, capture_output=True, text=True)  # fmt: skip
    out = done.stdout
    figures = {}
    for label in ("50", "99"):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        assert match, out
        figures[f"p{label}"] = float(match.group(1)) * UNITS[match.group(2)]
    rate = re.search(r"Requests/sec:\s+([\d.]+)", out)
    assert rate, out
    figures["rps"] = float(rate.group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    figures["non2xx"] = float(errors.group(1)) if errors else 0.0
    return figures


def service_time(work: Path, runs: int = 15) -> float:
    """Median milliseconds of the tracker's agenda service on the benchmark's store."""
    import statistics

    from followup.context import Env
    from followup.services.agenda import agenda
    from followup.services.tracker import Tracker

    env = Env(environ={"FOLLOWUP_CONFIG_DIR": str(work / "config")})
    tracker = Tracker.open(env, work / "bench.db")
    try:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            agenda(tracker, 25)
            times.append((time.perf_counter() - start) * 1000)
    finally:
        tracker.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed (apt-get install wrk): web benchmark skipped")
        return
    with tempfile.TemporaryDirectory(prefix="followup-bench-web-") as folder:
        server, base = start_server(Path(folder), args.count)
        try:
            results = {name: wrk(base + path, args.seconds, args.connections)
                       for name, path in ENDPOINTS}  # fmt: skip
        finally:
            server.terminate()
            server.wait(timeout=10)
        uncached = service_time(Path(folder))
    report(results, args)
    print(f"after a write (cache miss) a request pays the agenda service itself: "
          f"{uncached:.1f} ms median per call, in-process, same store")  # fmt: skip


def report(results: dict[str, dict[str, float]], args: argparse.Namespace) -> None:
    trivial = results[ENDPOINTS[0][0]]["rps"]
    print(f"{args.count} interviews stored; wrk, {args.connections} connections, "
          f"{args.seconds} s per endpoint")  # fmt: skip
    print(f"{'endpoint':<24} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8} {'vs trivial':>11}")
    for name, figures in results.items():
        share = figures["rps"] / trivial
        print(f"{name:<24} {figures['p50']:>8.2f} {figures['p99']:>8.2f} {figures['rps']:>8.0f} "
              f"{share:>10.0%}" + (f"  ({figures['non2xx']:.0f} non-2xx!)" if figures["non2xx"]
                                   else ""))  # fmt: skip
    for name, _ in ENDPOINTS[1:]:
        figures = results[name]
        ok = figures["p99"] < 50 and figures["rps"] >= trivial / 2
        print(f"target (p99 < 50 ms, >= 50% of trivial) for {name}: {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
