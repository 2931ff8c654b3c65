"""In CI (environment CI=1) a skipped test is a failure, unless it is marked
`@pytest.mark.expected_skip("why CI skips it")`.

CI installs everything the suite uses (Chromium, axe-core, khal, schemathesis), so a skip
there means something went missing and a whole area went untested without anyone noticing.
A test skipped in its setup or its body becomes a failure that says so. A module skipped
whole at import (a module-level `pytest.importorskip`) cannot carry the mark, so in CI it
is always unexpected: it is listed at the end and the session exits 1.

tests/conftest.py registers this plugin; tests/test_ci_skips.py runs it on small test files.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

import pytest
from pytest import ExitCode

MARK = "expected_skip"


def in_ci() -> bool:
    return os.environ.get("CI") == "1"


def skip_reason(longrepr: Any) -> str:
    """The reason pytest gives for a skip (its longrepr is (path, line, "Skipped: why"))."""
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


class SkipsInCI:
    def __init__(self) -> None:
        #: modules skipped whole at collection: (node id, reason)
        self.skipped_modules: list[tuple[str, str]] = []

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        if not report.skipped or hasattr(report, "wasxfail"):
            return report
        marker = item.get_closest_marker(MARK)
        why = None if marker is None else (marker.args or (marker.kwargs.get("reason"),))[0]
        if marker is not None and not (isinstance(why, str) and why.strip()):
            report.outcome = "failed"  # in CI or not: a mark without a reason says nothing
            report.longrepr = f'@pytest.mark.{MARK} needs a reason: @pytest.mark.{MARK}("why")'
        elif marker is None and in_ci():
            report.outcome = "failed"
            report.longrepr = (
                f"skipped in CI (CI=1): {skip_reason(report.longrepr)}; "
                f'mark it @pytest.mark.{MARK}("why") if CI is meant to skip it'
            )
        return report

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if in_ci() and report.skipped:
            self.skipped_modules.append((report.nodeid, skip_reason(report.longrepr)))

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if self.skipped_modules:
            terminalreporter.section("skipped in CI (CI=1)", red=True)
            for nodeid, why in self.skipped_modules:
                terminalreporter.line(f"{nodeid}: {why}")

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.skipped_modules and session.exitstatus in (
            ExitCode.OK,
            ExitCode.NO_TESTS_COLLECTED,
        ):
            session.exitstatus = ExitCode.TESTS_FAILED


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(SkipsInCI(), "followup-skips-in-ci")
