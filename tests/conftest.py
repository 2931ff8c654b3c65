"""Suite-wide settings: no test is timed, and in CI a skip nobody expected fails the run."""

from __future__ import annotations

from hypothesis import settings

from tests.ci_skips import pytest_configure

__all__ = ["pytest_configure"]

# Hypothesis fails an example that takes longer than its deadline (200 ms unless told), which
# makes every property test a timed assertion on a loaded machine. Speed is measured in bench/.
settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")
