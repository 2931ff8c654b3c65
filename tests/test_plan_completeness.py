"""Every planner rule has a golden example, and every rule is documented."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import tests.test_plan_rules
import tests.test_plan_truth  # noqa: F401
from followup.policy import load_policy
from followup.policy.schema import RULES
from tests.planning import COVERED, covers, interview, plan_for, reason

DOCS = Path(__file__).parent.parent / "docs" / "policy.md"


def test_every_rule_in_the_policy_file_has_an_example_test() -> None:
    missing = sorted(set(load_policy().rules) - COVERED)
    assert not missing, f"rules without a golden scenario test: {missing}"


def test_every_guidance_id_the_planner_cites_has_an_example_test() -> None:
    cited = {source for rule in load_policy().rules.values() for source in rule.sources}
    missing = sorted(cited - COVERED)
    assert not missing, f"guidance ids without a golden scenario test: {missing}"


def test_the_schema_and_the_policy_file_name_the_same_rules() -> None:
    assert set(load_policy().rules) == set(RULES)


def test_every_rule_is_documented_with_its_sources() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for rule in load_policy().rules.values():
        assert f"`{rule.id}`" in text, rule.id
        for source in rule.sources:
            assert source in text


#: `covers(*ids)`, as the meta-tests below use it on tests they define
Claim = Callable[..., Callable[[Callable[[], None]], Callable[[], None]]]


@pytest.fixture
def claim() -> Iterator[Claim]:
    """`covers` for a test made up here: what it claims is taken back out of COVERED after."""
    before = set(COVERED)
    yield covers
    COVERED.clear()
    COVERED.update(before)


def test_a_claim_no_plan_of_the_test_applies_fails(claim: Claim) -> None:
    @claim("timing.offer-deadline", "timing.week-after", "S0-8")
    def no_offer_here() -> None:
        plan_for(interview(), "2026-11-04")  # no competing offer: no offer-deadline step

    with pytest.raises(AssertionError, match=r"claims \['timing.offer-deadline', 'S0-8'\]"):
        no_offer_here()


def test_an_overridden_rule_is_not_an_example_of_it(claim: Claim) -> None:
    @claim("timing.day-or-two-after")
    def default_profile() -> None:
        result = plan_for(interview(), "2026-11-04")
        assert reason(result, "status", "timing.day-or-two-after") == "overridden"

    with pytest.raises(AssertionError, match="no plan it built applies them"):
        default_profile()


def test_a_test_that_builds_no_plan_proves_no_claim(claim: Claim) -> None:
    @claim("S0-6")
    def nothing_built() -> None:
        pass

    with pytest.raises(AssertionError, match=r"claims \['S0-6'\]"):
        nothing_built()


def test_a_true_claim_passes_and_plans_built_outside_one_are_not_counted(claim: Claim) -> None:
    @claim("timing.offer-deadline", "S0-8")
    def with_an_offer() -> None:
        plan_for(interview(competing_offer_deadline="2026-11-10"), "2026-11-04")

    with_an_offer()  # does not raise: the offer-deadline rule is applied, citing S0-8
    plan_for(interview(competing_offer_deadline="2026-11-10"), "2026-11-04")

    @claim("timing.offer-deadline")
    def after_it() -> None:
        plan_for(interview(), "2026-11-04")

    with pytest.raises(AssertionError):
        after_it()
