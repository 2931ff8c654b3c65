"""`followup serve` itself: the command, its options, and a real server on loopback."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from followup.cli import main
from followup.context import Env
from tests.browser.server import free_port


def test_serve_is_a_command_with_safe_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--help"], Env(stdout=io.StringIO(), stderr=io.StringIO())) == 0
    text = capsys.readouterr().out
    for option in ("--host", "--port", "--no-browser", "--db", "--demo"):
        assert option in text
    assert "127.0.0.1" in text


def test_serve_starts_on_loopback_with_the_demo_and_refuses_other_hosts(tmp_path: Path) -> None:
    port = free_port()
    db = tmp_path / "store.db"
    command = [sys.executable, "-m", "followup", "serve", "--no-browser", "--demo",
               "--port", str(port), "--db", str(db)]  # fmt: skip
    env = {"FOLLOWUP_CONFIG_DIR": str(tmp_path / "config"), "PATH": "/usr/bin:/bin"}
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        page = _get(f"http://127.0.0.1:{port}/", deadline=time.monotonic() + 20)
        assert "Acme Analytics (demo)" in page
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1/agenda", headers={"Host": "rebind.example"}
        )
        try:
            urllib.request.urlopen(request, timeout=5)
            raise AssertionError("a foreign Host header was served")
        except urllib.error.HTTPError as refused:
            assert refused.code == 421
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert db.exists()


def _get(url: str, deadline: float) -> str:
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode())
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_a_busy_port_is_one_line_and_exit_2(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        err = io.StringIO()
        env = Env(stdout=io.StringIO(), stderr=err, environ={"FOLLOWUP_CONFIG_DIR": str(tmp_path)})
        status = main(["serve", "--no-browser", "--port", str(port), "--db",
                       str(tmp_path / "x.db")], env)  # fmt: skip
    assert status == 2
    assert err.getvalue().startswith("followup: --port: cannot listen on 127.0.0.1:")
    assert len(err.getvalue().splitlines()) == 1
