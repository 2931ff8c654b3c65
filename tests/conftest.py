"""Fixtures shared by the tracker's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tracker_support import Cli, cli_with_example


@pytest.fixture
def example_cli(tmp_path: Path) -> Cli:
    """The CLI on a store holding the example interview (`acme-analyst`)."""
    return cli_with_example(tmp_path)
