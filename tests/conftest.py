"""Suite-wide settings and fixtures: no test is timed; in CI a skip nobody expected fails
the run; the database back ends, and a store holding the example.

The store's, the tracker's and the API's tests take `database` and so run twice: on a
SQLite file and on a PostgreSQL database of their own, in a throwaway server started once
per session (tests/pg_cluster.py). Without PostgreSQL installed those tests fail, naming
what to install: they never skip.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.ci_skips import pytest_configure
from tests.pg_cluster import Cluster
from tests.tracker_support import Cli, cli_with_example

__all__ = ["pytest_configure"]

# Hypothesis fails an example that takes longer than its deadline (200 ms unless told), which
# makes every property test a timed assertion on a loaded machine. Speed is measured in bench/.
settings.register_profile("untimed", deadline=None)
settings.load_profile("untimed")

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """One PostgreSQL server for the session, on a free port, removed at the end."""
    directory = Path(tempfile.mkdtemp(prefix="followup-pg-"))
    try:
        with Cluster.start(directory) as cluster:
            yield cluster
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest) -> str | None:
    """None for the default SQLite file in the data directory, else a new PostgreSQL
    database's URL (what FOLLOWUP_DB would hold)."""
    if request.param == "sqlite":
        return None
    cluster: Cluster = request.getfixturevalue("postgres_cluster")
    return cluster.new_database()


@pytest.fixture
def store_target(tmp_path: Path, database: str | None) -> str:
    """What `open_store` takes: a SQLite file's path or a PostgreSQL URL."""
    return database or str(tmp_path / "store.db")


@pytest.fixture
def example_cli(tmp_path: Path, database: str | None) -> Cli:
    """The CLI on a store (either back end) holding the example interview (`acme-analyst`)."""
    return cli_with_example(tmp_path, database)
