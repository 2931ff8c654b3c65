"""docs/checker.md documents every rule (id, severity, sources, an example) and its CLI example
is what the CLI prints."""

import io
import re
from pathlib import Path

from followup.checker import check, load_rules
from followup.checker.loader import builtin_rules
from followup.cli import main
from followup.context import Env

DOC = (Path(__file__).resolve().parent.parent / "docs" / "checker.md").read_text(encoding="utf-8")


def section(rule_id: str) -> str:
    found = re.search(rf"^### `{re.escape(rule_id)}`\n(.*?)(?=^#)", DOC, re.S | re.M)
    assert found, f"docs/checker.md has no section for {rule_id}"
    return found.group(1)


def test_every_rule_is_documented_with_its_severity_sources_and_examples() -> None:
    for rule in builtin_rules().rules:
        text = section(rule.id)
        assert f"**Severity:** {rule.severity}" in text, rule.id
        for source in rule.sources:
            assert source in text, (rule.id, source)
        assert "**Why:**" in text and "**Flagged**" in text and "**Passes**" in text, rule.id
        flagged, passes = rule.must_flag[0], rule.must_pass[0]
        assert f"**Flagged** ({flagged.kind}): “{flagged.text.replace(chr(10), ' ⏎ ')}”" in text
        assert f"**Passes** ({passes.kind}): “{passes.text.replace(chr(10), ' ⏎ ')}”" in text


def test_the_rule_file_example_loads_and_its_examples_hold(tmp_path: Path) -> None:
    block = re.search(r"^```toml\n(\[rules\.no-gratitude\].*?)^```", DOC, re.S | re.M)
    assert block, "docs/checker.md has no example rule file"
    path = tmp_path / "mine.toml"
    path.write_text(block.group(1), encoding="utf-8")
    mine = load_rules(str(path))
    added = mine.rule("says-sorry")
    assert added.must_flag and added.must_pass
    for example in added.must_flag:
        assert "says-sorry" in check(example.text, example.kind, rules=mine).rule_ids
    for example in added.must_pass:
        assert "says-sorry" not in check(example.text, example.kind, rules=mine).rule_ids


def test_every_length_limit_is_documented() -> None:
    for kind, limit in builtin_rules().limits.items():
        assert f"| {kind} | {limit.max_words} words |" in DOC


def test_the_cli_example_is_what_the_cli_prints() -> None:
    example = re.search(r"^\$ printf '(.*?)' \\\n.*?\n(.*?)^```", DOC, re.S | re.M)
    assert example
    draft = example.group(1).encode().decode("unicode_escape")
    out = io.StringIO()
    env = Env(stdin=io.StringIO(draft), stdout=out, stderr=io.StringIO(), environ={})
    assert main(["check", "--kind", "call"], env=env) == 1
    assert out.getvalue() == example.group(2)
