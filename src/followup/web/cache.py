"""Answers that only change when the store, the day or the settings change: the agenda and
the Today page, computed once and served again until one of those moves.

The store's files tell when anything was written, by this server or by the CLI at the same
time: SQLite in WAL mode appends every commit to the `-wal` file and checkpoints into the
main file, so their sizes and modification times change with every write. The key also holds
the user's today (a new day re-plans), their settings, and the policy's fingerprint (an edited
policy file recomputes every plan).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable
from typing import TypeVar

from followup.services.planning import policy_stamp
from followup.services.tracker import Tracker

T = TypeVar("T")
#: Answers kept at most (an API caller may ask for many limits; keep memory bounded).
MAX_ENTRIES = 16


def _file_state(path: str) -> tuple[int, int]:
    try:
        status = os.stat(path)
    except OSError:
        return (0, 0)
    return (status.st_mtime_ns, status.st_size)


class StoreCache:
    """Remembers a few computed answers, each until the store, day or settings change."""

    def __init__(self, tracker: Tracker) -> None:
        self.tracker = tracker
        self.entries: dict[Hashable, tuple[Hashable, object]] = {}
        self.files = tracker.store.change_files()  # none on PostgreSQL: nothing is cached

    def state(self) -> Hashable:
        """What the cached answers depend on, cheap to read on every request."""
        settings = self.tracker.settings
        return (
            self.tracker.today(),
            settings,
            policy_stamp(settings.policy),
            tuple(_file_state(path) for path in self.files),
        )

    def get(self, name: Hashable, build: Callable[[], T]) -> T:
        """The answer named `name`, built again only if what it depends on changed."""
        if not self.files:
            return build()
        before = self.state()
        cached = self.entries.get(name)
        if cached is not None and cached[0] == before:
            value: T = cached[1]  # type: ignore[assignment]
            return value
        value = build()
        if len(self.entries) >= MAX_ENTRIES:
            self.entries.clear()
        # Building may itself write (stale plans are re-planned); key on the state after it.
        self.entries[name] = (self.state(), value)
        return value
