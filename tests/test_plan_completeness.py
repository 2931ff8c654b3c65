"""Every planner rule has a golden example, and every rule is documented."""

from pathlib import Path

import tests.test_plan_rules
import tests.test_plan_truth  # noqa: F401
from followup.policy import load_policy
from followup.policy.schema import RULES
from tests.planning import COVERED

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
