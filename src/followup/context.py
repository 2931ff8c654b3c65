"""The one object through which the core meets the world: clock, streams, environment, dirs.

Tests build their own (`Env(clock=fixed(...), stdin=io.StringIO(...), ...)`); nothing deep in
the core reads the wall clock or `os.environ` itself. Made at call time, never at import.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO


def system_clock() -> dt.datetime:
    """Now, as an aware datetime in UTC."""
    return dt.datetime.now(dt.UTC)


def fixed_clock(moment: dt.datetime) -> Callable[[], dt.datetime]:
    """A clock that always says `moment` (which must be aware)."""
    if moment.tzinfo is None:
        raise ValueError("fixed_clock needs an aware datetime")
    return lambda: moment


class Env:
    """Clock, streams and environment for one run of a command or request.

    A plain class, not a dataclass: `followup today` must start fast, and `dataclasses`
    (with `inspect`) costs it 14 ms.
    """

    __slots__ = ("clock", "environ", "stderr", "stdin", "stdout")

    def __init__(
        self,
        clock: Callable[[], dt.datetime] = system_clock,
        stdin: IO[str] | None = None,
        stdout: IO[str] | None = None,
        stderr: IO[str] | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self.clock = clock
        self.stdin: IO[str] = sys.stdin if stdin is None else stdin
        self.stdout: IO[str] = sys.stdout if stdout is None else stdout
        self.stderr: IO[str] = sys.stderr if stderr is None else stderr
        self.environ: Mapping[str, str] = dict(os.environ) if environ is None else environ

    @property
    def stdin_is_tty(self) -> bool:
        isatty = getattr(self.stdin, "isatty", None)
        return bool(isatty and isatty())

    def config_dir(self) -> Path:
        """Where settings live: `FOLLOWUP_CONFIG_DIR`, else the platform's user config dir."""
        if override := self.environ.get("FOLLOWUP_CONFIG_DIR"):
            return Path(override)
        # Here, not at the top: platformdirs brings tempfile, random and shutil (11 ms of
        # `followup today`'s start, measured with -X importtime), and with --db or the
        # environment variables it is never needed.
        import platformdirs

        return Path(platformdirs.user_config_dir("followup", appauthor=False))

    def data_dir(self) -> Path:
        """Where the store lives: `FOLLOWUP_DATA_DIR`, else the platform's user data dir."""
        if override := self.environ.get("FOLLOWUP_DATA_DIR"):
            return Path(override)
        import platformdirs  # as in config_dir

        return Path(platformdirs.user_data_dir("followup", appauthor=False))
