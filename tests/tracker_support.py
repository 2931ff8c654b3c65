"""Helpers for the tracker's tests: a temporary store per test, the CLI run in-process."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from followup.cli import main
from followup.context import Env, fixed_clock

EXAMPLE = Path(__file__).parent.parent / "examples" / "interview.json"
#: Wednesday 25 November 2026, 09:00 in New York.
MORNING = dt.datetime(2026, 11, 25, 14, 0, tzinfo=dt.UTC)


def example(**changes: Any) -> dict[str, Any]:
    obj: dict[str, Any] = json.loads(EXAMPLE.read_text())
    obj.update(changes)
    return {k: v for k, v in obj.items() if v is not None}


class TtyInput(io.StringIO):
    def isatty(self) -> bool:
        return True


@dataclass
class Result:
    status: int
    out: str
    err: str


@dataclass
class Cli:
    """`followup …` against one temporary data and config directory."""

    home: Path
    clock: dt.datetime = MORNING
    #: A PostgreSQL URL (FOLLOWUP_DB); None for the SQLite file in the data directory.
    database: str | None = None

    @property
    def environ(self) -> dict[str, str]:
        environ = {
            "FOLLOWUP_DATA_DIR": str(self.home / "data"),
            "FOLLOWUP_CONFIG_DIR": str(self.home / "config"),
        }
        if self.database:
            environ["FOLLOWUP_DB"] = self.database
        return environ

    @property
    def db(self) -> Path:
        return self.home / "data" / "followup.db"

    def env(self, stdin: str = "", tty: bool = False) -> Env:
        return Env(
            clock=fixed_clock(self.clock),
            stdin=TtyInput(stdin) if tty else io.StringIO(stdin),
            stdout=io.StringIO(),
            stderr=io.StringIO(),
            environ=self.environ,
        )

    def __call__(self, *args: str, stdin: str = "", tty: bool = False) -> Result:
        env = self.env(stdin, tty)
        status = main(list(args), env=env)
        assert isinstance(env.stdout, io.StringIO) and isinstance(env.stderr, io.StringIO)
        return Result(status, env.stdout.getvalue(), env.stderr.getvalue())


def cli_with_example(home: Path, database: str | None = None) -> Cli:
    """A `Cli` whose store holds the example interview (`acme-analyst`)."""
    cli = Cli(home, database=database)
    path = home / "interview.json"
    path.write_text(json.dumps(example()))
    added = cli("add", "--from", str(path))
    assert added.status == 0, added.err
    return cli
