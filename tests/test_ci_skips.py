"""The CI skip rule (tests/ci_skips.py), run on small test files through pytester."""

from __future__ import annotations

import re

import pytest

from tests import ci_skips

SKIPS = """
import pytest

def test_runs():
    assert 1 + 1 == 2

@pytest.mark.skipif(True, reason="no chromium here")
def test_skipped_by_a_mark():
    assert False

def test_skipped_in_its_body():
    pytest.skip("axe-core is not installed")

@pytest.mark.expected_skip("CI has no GPU")
def test_expected_to_skip():
    pytest.skip("no GPU")

@pytest.mark.xfail(reason="known bug")
def test_known_bug():
    assert False
"""

INI = """
[pytest]
markers =
    expected_skip(reason): CI is meant to skip this test
"""


def run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, ci: str | None,
        source: str = SKIPS) -> pytest.RunResult:  # fmt: skip
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    pytester.makeini(INI)
    pytester.makepyfile(test_sample=source)
    return pytester.runpytest("-rA", plugins=[ci_skips])


@pytest.mark.parametrize("ci", [None, "0", ""])
def test_outside_ci_a_skip_is_a_skip(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, ci: str | None
) -> None:
    result = run(pytester, monkeypatch, ci)
    result.assert_outcomes(passed=1, skipped=3, xfailed=1)
    assert result.ret == pytest.ExitCode.OK


def test_in_ci_an_unmarked_skip_fails_and_says_why(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run(pytester, monkeypatch, "1")
    result.assert_outcomes(passed=1, skipped=1, failed=1, errors=1, xfailed=1)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    out = result.stdout.str()
    assert "ERROR test_sample.py::test_skipped_by_a_mark" in out  # skipped at setup
    assert "FAILED test_sample.py::test_skipped_in_its_body" in out
    assert "skipped in CI (CI=1): no chromium here" in out
    assert "skipped in CI (CI=1): axe-core is not installed" in out
    assert re.search(r"SKIPPED \[1\] test_sample.py:\d+: no GPU", out)  # marked: a skip


def test_in_ci_a_module_skipped_at_import_fails_the_session(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = (
        'import pytest\npytest.importorskip("no_such_module_here")\n\ndef test_x():\n    pass\n'
    )
    result = run(pytester, monkeypatch, "1", source)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    out = result.stdout.str()
    assert "skipped in CI (CI=1)" in out
    assert "test_sample.py: could not import 'no_such_module_here'" in out
    outside = run(pytester, monkeypatch, None, source)
    assert outside.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_an_expected_skip_needs_a_reason(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = "import pytest\n\n@pytest.mark.expected_skip\ndef test_x():\n    pytest.skip('gone')\n"
    result = run(pytester, monkeypatch, None, source)
    result.assert_outcomes(failed=1)
    assert f"@pytest.mark.{ci_skips.MARK} needs a reason" in result.stdout.str()


def test_the_skip_reason_is_read_from_pytests_report() -> None:
    assert ci_skips.skip_reason(("a.py", 3, "Skipped: no khal")) == "no khal"
    assert ci_skips.skip_reason("odd") == "odd"
