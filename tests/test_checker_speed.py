"""What makes the checker fast must never change what it says: the shipped needs file matches
the rules, the lazily read model is the model, and results are the same either way. No test
here times anything (bench/bench_checker.py measures)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from followup.checker import check, load_rules
from followup.checker import matcher as matcher_module
from followup.checker.lazyweights import split_model_file
from followup.checker.learned import builtin_model, builtin_model_path, load_model
from followup.checker.loader import _builtin_document, build, builtin_rules
from followup.checker.matcher import NEEDS_FILE
from followup.checker.needs import builtin_needs, render
from followup.domain.codec import interview_from_dict
from followup.domain.errors import PolicyError

DATA = Path(__file__).parent / "data"
DRAFT_KINDS = ("call", "voicemail", "email", "text")


def corpus() -> list[dict[str, object]]:
    records = []
    for name in ("drafts.jsonl", "heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl"):
        lines = (DATA / name).read_text(encoding="utf-8").splitlines()
        records += [json.loads(line) for line in lines]
    return records


def test_the_shipped_needs_file_matches_the_rules() -> None:
    """After changing rules/default.toml: python -m followup.checker.needs"""
    assert NEEDS_FILE.read_text(encoding="utf-8") == render(builtin_needs()), (
        "rules/default.needs.json is stale: run python -m followup.checker.needs"
    )


def test_the_needs_file_is_used_and_a_pattern_not_in_it_is_worked_out() -> None:
    shipped = matcher_module._shipped_needs()
    assert len(shipped) > 100
    fresh = matcher_module.alternatives(r"i\s+waited\s+(?:so|too)\s+long", whole_word=True)
    assert [each.needs for each in fresh] == [("waited",)]
    assert all(each._regex is not None for each in fresh)  # compiled at load: not shipped


def test_built_in_patterns_compile_only_when_a_draft_reaches_them() -> None:
    rules = build([_builtin_document()])
    alternatives = [
        each for rule in rules.rules if rule.pattern for each in rule.pattern.alternatives
    ]
    assert alternatives and all(each._regex is None for each in alternatives)
    check("Hi Dana, this is Sam Lee. Thank you for the interview.", "email", rules=rules)
    compiled = sum(each._regex is not None for each in alternatives)
    assert 0 < compiled < len(alternatives) / 2


def test_a_bad_user_pattern_still_fails_at_load(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('[rules.bitter-tone]\npatterns = ["(?<=a+)b"]\n', encoding="utf-8")
    with pytest.raises(PolicyError) as raised:
        load_rules(str(path))
    assert "patterns[0]" in raised.value.key and "bad pattern" in raised.value.why


def test_results_are_the_same_without_the_needs_file_and_with_the_whole_model(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every corpus draft as every kind: built-in rules (needs file, lazy regexes) and lazy
    model, against rules worked out afresh (eager regexes) and the model parsed whole."""
    fast_rules, fast_model = builtin_rules(), builtin_model()
    whole_model = load_model(builtin_model_path())
    monkeypatch.setattr(matcher_module, "_shipped_needs", dict)
    fresh_rules = build([_builtin_document()])
    assert all(
        each._regex is not None
        for rule in fresh_rules.rules
        if rule.pattern
        for each in rule.pattern.alternatives
    )
    for record in corpus():
        text = str(record["text"])
        context = interview_from_dict(record["context"]) if "context" in record else None
        for kind in DRAFT_KINDS:
            fast = check(text, kind, context=context, rules=fast_rules, model=fast_model)
            slow = check(text, kind, context=context, rules=fresh_rules, model=whole_model)
            assert fast == slow, (kind, text[:80])


def test_the_lazily_read_model_is_the_model() -> None:
    lazy, whole = builtin_model(), load_model(builtin_model_path())
    assert lazy.to_dict() == whole.to_dict()
    split = split_model_file(builtin_model_path().read_bytes())
    assert split is not None
    header, weights = split
    for feature, value in whole.weights.items():
        assert weights.get(feature) == value, feature
        assert weights.get(feature + "\x01") is None
    assert weights.get("") is None and weights.get("\U0010ffff") is None
    assert set(weights) == set(whole.weights) and header["categories"] == list(whole.categories)


@pytest.mark.parametrize(
    "text",
    [
        '{"format": 1, "weights": {"a": [[0, 1.0]]}}',  # spaced: not the compact layout
        '{"weights":{"a":[[0,1.0]]},"zzz":1}',  # weights not last
        "not json at all",
    ],
)
def test_a_file_in_another_layout_is_read_whole(text: str) -> None:
    assert split_model_file(text.encode()) is None


def test_a_plain_check_imports_neither_click_nor_the_policy(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Hi Dana, this is Sam Lee. Thank you for the interview.", encoding="utf-8")
    probe = (
        "import sys\n"
        f"sys.argv = ['followup', 'check', {str(draft)!r}, '--kind', 'email']\n"
        "import followup.entry\n"
        "followup.entry.FAST_EXIT = False\n"
        "from followup.entry import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "heavy = ['click', 'followup.policy', 'followup.domain.codec', 'followup.domain.model',"
        " 'importlib.resources', 'orjson', 'followup.calendar']\n"
        "print([name for name in heavy if name in sys.modules], file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, check=False)  # fmt: skip
    assert done.stderr.strip() == "[]"
    assert done.stdout.startswith("1:1  suggestion  no-discussion-point")
