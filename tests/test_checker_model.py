"""The learned layer's model: the shipped weights are what training builds from the shipped
corpus, a malformed model file is refused naming what is wrong, and a learned finding says
which words weighed."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from followup.checker import check
from followup.checker.learned import builtin_model, builtin_model_path, load_model
from followup.checker.loader import builtin_rules
from followup.domain.errors import PolicyError

ROOT = Path(__file__).resolve().parent.parent


def test_the_shipped_weights_are_what_the_training_command_builds() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "train_checker.py"), "--verify"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "matches the corpus" in result.stdout


def test_the_model_learns_every_learned_rule() -> None:
    learned = {rule.id for rule in builtin_rules().rules if rule.learned}
    assert learned <= set(builtin_model().categories)
    assert len(learned) >= 12  # the categories, at the least


def _document() -> dict[str, object]:
    return json.loads(builtin_model_path().read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda d: d.update(format=99), "format"),
        (lambda d: d.pop("bias"), "is not a tone model"),
        (lambda d: d.update(bias=[0.0]), "differ in length"),
        (lambda d: d.update(weights={"w:hello": [[999, 1.0]]}), "category the model lacks"),
        (lambda d: d.update(weights={"w:hello": "heavy"}), "is not a tone model"),
    ],
)
def test_a_malformed_model_is_refused_naming_the_problem(tmp_path, change, said) -> None:  # type: ignore[no-untyped-def]
    document = _document()
    change(document)
    path = tmp_path / "tone.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(PolicyError, match=said):
        load_model(path)


def test_an_unreadable_model_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tone.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(PolicyError, match="cannot read the model"):
        load_model(path)


def test_a_learned_finding_says_which_words_weighed() -> None:
    text = (
        "Dear Dana,\n\nThank you for Friday. Frankly this silence is insulting and I expect an "
        "answer by Monday or I will escalate.\n\nSam Lee"
    )
    found = check(text, "email").to_dict()["findings"]
    learned = [f for f in found if f.get("weighed")]
    assert learned, found
    for finding in learned:
        assert all(word.lower() in text.lower() for word in finding["weighed"])
        assert finding["excerpt"].rstrip("…") in text  # long excerpts end in an ellipsis
