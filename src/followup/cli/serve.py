"""`followup serve`: the web app and the REST API on this computer (127.0.0.1 by default)."""

from __future__ import annotations

import socket
import threading
import webbrowser

import click
import uvicorn

from followup.cli import env_of
from followup.cli.tracked import db_option
from followup.domain.errors import InputError
from followup.services.tracker import Tracker
from followup.web import create_app
from followup.web.demo import seed_demo


@click.command("serve")
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but loopback exposes your data to the network.",
)
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.option("--no-browser", is_flag=True, help="Do not open the web browser.")
@click.option("--demo", is_flag=True, help="Add a demo interview when the store is empty.")
@click.option(
    "--allow-host",
    "hosts",
    multiple=True,
    metavar="NAME",
    help="Another host name the server answers to (repeatable).",
)
@click.pass_context
def command(ctx: click.Context, db: str | None, host: str, port: int, no_browser: bool,
            demo: bool, hosts: tuple[str, ...]) -> None:  # fmt: skip
    """Start the web app (Ctrl+C stops it)."""

    env = env_of(ctx)
    _check_free(host, port)
    tracker = Tracker.open(env, db)
    if demo and seed_demo(tracker):
        env.stderr.write("followup: added a demo interview (delete it when you add your own)\n")
    app = create_app(env, tracker=tracker, hosts=(host, *hosts))
    url = f"http://{'localhost' if host in ('127.0.0.1', '::1', '0.0.0.0') else host}:{port}/"
    env.stderr.write(f"followup: serving {tracker.store.path} at {url} (Ctrl+C stops)\n")
    if not no_browser:
        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    try:
        # httptools, the HTTP parser in C, and the standard event loop: uvloop measured no
        # better here, and worse at the 99th percentile (docs/performance.md, Web).
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False,
                    http="httptools", loop="asyncio")  # fmt: skip
    finally:
        tracker.close()


def _check_free(host: str, port: int) -> None:
    """Fail in one line, before anything starts, when the address cannot be listened on."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise InputError(
                "--port", f"cannot listen on {host}:{port} ({error.strerror}); try another --port"
            ) from None
