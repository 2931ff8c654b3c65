"""The checker's rules as data: complete, sourced, with examples that are tests, and a loader
that names the file and key of every mistake (Vale's load-time checks, proselint's examples)."""

from pathlib import Path

import pytest

from followup.checker import check, load_rules
from followup.checker.loader import builtin_rules
from followup.domain.errors import PolicyError
from followup.policy.schema import GUIDANCE_IDS

RULES = builtin_rules()

#: The contract's table (spec/check-json.md): id -> severity per kind.
CONTRACT = {
    "complains-about-wait": "error",
    "questions-delay": "error",
    "pressures-for-decision": "error",
    "mentions-other-candidates": "error",
    "bitter-tone": "error",
    "sensitive-topic": "warning",
    "desperate-tone": "warning",
    "too-long": "warning",
    "no-self-introduction": "error",
    "no-gratitude": "warning",
    "no-discussion-point": "suggestion",
    "too-informal": "warning",
    "thanks-only-call": "suggestion",
}


def test_every_contract_rule_is_built_in_with_its_severity() -> None:
    for rule_id, severity in CONTRACT.items():
        assert RULES.rule(rule_id).severity == severity
    intro = RULES.rule("no-self-introduction")
    assert [intro.severity_for(k) for k in ("call", "voicemail", "email", "text")] == [
        "error",
        "error",
        "warning",
        "error",
    ]


def test_every_rule_cites_known_guidance() -> None:
    for rule in RULES.rules:
        assert rule.sources and set(rule.sources) <= GUIDANCE_IDS, rule.id


def test_guidance_ids_are_explained_in_docs_guidance() -> None:
    # docs/guidance.md is the product's own copy of the guidance, every id in plain words.
    text = (Path(__file__).parents[1] / "docs" / "guidance.md").read_text(encoding="utf-8")
    for rule in RULES.rules:
        for source in rule.sources:
            assert source in text, (rule.id, source)


def test_every_rule_has_must_flag_and_must_pass_examples() -> None:
    missing = [r.id for r in RULES.rules if not r.must_flag or not r.must_pass]
    assert missing == []


@pytest.mark.parametrize("rule", RULES.rules, ids=lambda r: r.id)
def test_examples_flag_and_pass(rule) -> None:  # type: ignore[no-untyped-def]
    for example in rule.must_flag:
        fired = check(example.text, example.kind).rule_ids
        assert rule.id in fired, f"must flag: {example.text!r}"
    for example in rule.must_pass:
        fired = check(example.text, example.kind).rule_ids
        assert rule.id not in fired, f"must pass: {example.text!r}"


def test_builtin_rules_load_once() -> None:
    assert load_rules() is load_rules()


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "mine.toml"
    path.write_text(text)
    return str(path)


@pytest.mark.parametrize(
    ("toml", "key", "why"),
    [
        ('[rules.bitter-tone]\nseverity = "fatal"\n', "rules.bitter-tone.severity", "must be one"),
        ('[rules.bitter-tone]\nsources = ["S9-1"]\n', "rules.bitter-tone.sources", "unknown"),
        ('[rules.bitter-tone]\ncolour = "red"\n', "rules.bitter-tone.colour", "unknown key"),
        ('[rules.bitter-tone]\npatterns = ["(oops"]\n', "patterns[0]", "bad pattern"),
        ('[rules.bitter-tone]\npatterns = ["$nope"]\n', "patterns[0]", "unknown macro"),
        ('[rules.new-rule]\nseverity = "error"\n', "rules.new-rule.sources", "required"),
        (
            '[rules.x]\nseverity="error"\nsources=["S0-9"]\nmessage="m"\ndescription="d"\n'
            'match="missing"\nelement="nothing"\n',
            "rules.x.element",
            "unknown element",
        ),
        ("[limits.email]\nmax_words = 0\n", "limits.email.max_words", "positive"),
        ('[rules.bitter-tone]\nkinds = ["fax"]\n', "rules.bitter-tone.kinds", "unknown kind"),
        ("oops = 1\n", "oops", "unknown key"),
    ],
)
def test_a_bad_rule_file_names_the_file_and_the_key(tmp_path, toml, key, why) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path, toml)
    with pytest.raises(PolicyError) as raised:
        load_rules(path)
    assert raised.value.source == path
    assert key in raised.value.key
    assert why in raised.value.why


def test_an_unreadable_or_invalid_file_is_a_policy_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PolicyError, match="cannot read"):
        load_rules(str(tmp_path / "absent.toml"))
    with pytest.raises(PolicyError, match="not valid TOML"):
        load_rules(write(tmp_path, "[rules\n"))


def test_an_override_changes_disables_and_adds_rules(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write(
        tmp_path,
        '[rules.no-gratitude]\nseverity = "error"\n\n'
        "[rules.too-informal]\nenabled = false\n\n"
        '[rules.says-sorry]\nseverity = "suggestion"\nsources = ["S1-8"]\n'
        'message = "Drop the apology."\ndescription = "Apologising reads as unsure."\n'
        "patterns = ['''sorry to (?:bother|trouble)''']\n",
    )
    mine = load_rules(path)
    draft = "Hey Dana, this is Sam Lee. Sorry to bother you again. Any update?"
    result = check(draft, "text", rules=mine)
    assert {"no-gratitude", "says-sorry"} <= result.rule_ids
    assert "too-informal" not in result.rule_ids
    assert result.has_errors
    assert "too-informal" in check(draft, "text").rule_ids  # the built-ins are untouched
    assert builtin_rules().rule("no-gratitude").severity == "warning"
