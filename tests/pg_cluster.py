"""A throwaway PostgreSQL server for the tests: initdb, pg_ctl start on a free port, stop.

    with Cluster.start(tmp) as cluster:
        url = cluster.new_database()      # postgresql://followup_app@/postgres?host=…&port=…

Debian's server (`apt-get install postgresql`; `.ci/run` does it) keeps its programs in
/usr/lib/postgresql/VERSION/bin. Tests run as root in CI, and PostgreSQL refuses to run as
root, so the server runs as the `postgres` user then. Durability is switched off (fsync,
synchronous_commit): the cluster lives for one test session. pg_ctl always gets a log file,
never a pipe: with a pipe it would wait for the server to exit.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

SUPERUSER = "postgres"
#: The role the tests' stores connect as: not a superuser, as in production
#: (docs/deploy.md), so that row-level security applies to it.
APP_ROLE = "followup_app"


class NoPostgres(RuntimeError):
    """PostgreSQL's server programs are not installed (or the cluster did not start)."""


def server_bin() -> Path:
    """The folder holding initdb and pg_ctl: on PATH, else Debian's newest version."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parent.parent.name),
    )
    if not versions:
        raise NoPostgres(
            "PostgreSQL's initdb is missing: apt-get install -y postgresql (.ci/run does it)"
        )
    return Path(versions[-1]).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    directory: Path
    port: int
    bin: Path
    _numbers: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def data(self) -> Path:
        return self.directory / "data"

    @property
    def log(self) -> Path:
        return self.directory / "server.log"

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        """Through the server's Unix socket (quicker than TCP on loopback)."""
        sockets = self.directory / "sockets"
        return f"postgresql://{user}@/{database}?host={sockets}&port={self.port}"

    @classmethod
    def start(cls, directory: Path) -> Cluster:
        cluster = cls(directory, free_port(), server_bin())
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "sockets").mkdir(exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(directory, SUPERUSER)
            shutil.chown(directory / "sockets", SUPERUSER)
        cluster._run(
            "initdb", "-D", str(cluster.data), "-U", SUPERUSER, "--auth=trust",
            "--encoding=UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        options = (
            f"-p {cluster.port} -k {directory / 'sockets'} -c listen_addresses=127.0.0.1"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            " -c max_connections=50"
        )
        cluster._run(
            "pg_ctl", "-D", str(cluster.data), "-l", str(cluster.log), "-o", options,
            "-w", "-t", "60", "start",
        )  # fmt: skip
        return cluster

    def new_database(self) -> str:
        """An empty store of its own, for one test; returns its URL.

        A schema of its own in one database (the URL sets `search_path`): as empty as a
        new database to the store, and made in milliseconds rather than a quarter second.
        """
        import psycopg

        name = f"t{next(self._numbers)}"
        with psycopg.connect(self.url(), autocommit=True) as connection:
            if not connection.execute(
                "SELECT 1 FROM pg_roles WHERE rolname = %s", (APP_ROLE,)
            ).fetchone():
                connection.execute(f"CREATE ROLE {APP_ROLE} LOGIN")
            connection.execute(f"CREATE SCHEMA {name} AUTHORIZATION {APP_ROLE}")
        return f"{self.url(user=APP_ROLE)}&options=-csearch_path%3D{name}"

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", SUPERUSER, "--", *command]
        done = subprocess.run(
            command, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120
        )
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise NoPostgres(f"{program} failed ({done.returncode}): {done.stderr.strip()}\n{log}")

    def __enter__(self) -> Cluster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
