"""The one object through which the core meets the world: clock, streams, environment, dirs.

Tests build their own (`Env(clock=fixed(...), stdin=io.StringIO(...), ...)`); nothing deep in
the core reads the wall clock or `os.environ` itself. Made at call time, never at import.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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


@dataclass
class Env:
    """Clock, streams and environment for one run of a command or request."""

    clock: Callable[[], dt.datetime] = system_clock
    stdin: IO[str] = field(default_factory=lambda: sys.stdin)
    stdout: IO[str] = field(default_factory=lambda: sys.stdout)
    stderr: IO[str] = field(default_factory=lambda: sys.stderr)
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))

    @property
    def stdin_is_tty(self) -> bool:
        isatty = getattr(self.stdin, "isatty", None)
        return bool(isatty and isatty())

    def config_dir(self) -> Path:
        """Where settings live: `FOLLOWUP_CONFIG_DIR`, else the platform's user config dir."""
        if override := self.environ.get("FOLLOWUP_CONFIG_DIR"):
            return Path(override)
        import platformdirs

        return Path(platformdirs.user_config_dir("followup", appauthor=False))

    def data_dir(self) -> Path:
        """Where the store lives: `FOLLOWUP_DATA_DIR`, else the platform's user data dir."""
        if override := self.environ.get("FOLLOWUP_DATA_DIR"):
            return Path(override)
        import platformdirs

        return Path(platformdirs.user_data_dir("followup", appauthor=False))
