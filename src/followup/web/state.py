"""What every request of the web app reaches for: the app's `WebState` (`state_of(request)`).

Its own module, below the app factory and the routers, so that the routers need not
import the app that includes them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from fastapi import Request

from followup.context import Env
from followup.services.tracker import Tracker
from followup.settings import load_settings, settings_path
from followup.web.cache import StoreCache
from followup.web.security import Guard


@dataclass
class WebState:
    """What every request needs: the user's tracker, their Env, the safety guard."""

    tracker: Tracker
    env: Env
    guard: Guard
    cache: StoreCache
    settings_seen: tuple[int, int] = (0, 0)
    settings_file: str = ""

    def refresh_settings(self) -> None:
        """Reload the settings if their file changed (`followup config` while the app runs)."""
        if not self.settings_file:  # worked out once: every request checks the file
            self.settings_file = str(settings_path(self.env))
        try:
            status = os.stat(self.settings_file)
            seen = (status.st_mtime_ns, status.st_size)
        except OSError:
            seen = (0, 0)
        if seen != self.settings_seen:
            self.tracker.settings = load_settings(self.env)
            self.settings_seen = seen


def state_of(request: Request) -> WebState:
    """The app's state (set by `create_app`)."""
    state: WebState = request.app.state.web
    state.refresh_settings()
    return state
