"""Train the checker's learned layer from the corpus, and measure it.

    .venv/bin/python tools/train_checker.py            # writes src/followup/checker/model/tone.json
    .venv/bin/python tools/train_checker.py --verify   # exit 1 if the shipped file differs
    .venv/bin/python tools/train_checker.py --compare  # model selection, by cross-validation

The corpus is `corpus/train/*.jsonl` (see corpus/README.md): whole messages split into
labelled sentences, and labelled sentences on their own. Each file is one writer; the
cross-validation leaves one writer out at a time, so a figure says how the model does on a
voice it has not read. The held-out set (`corpus/heldout/`) is never read here.

Training is deterministic: the same corpus gives the same file, byte for byte (liblinear with a
fixed seed, sorted features, rounded weights), which `tests/test_checker_model.py` proves.
Needs the `train` extra (scikit-learn, numpy); checking needs neither.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from followup.checker.features import features  # noqa: E402
from followup.checker.learned import FORMAT, MODEL_FILE, ToneModel  # noqa: E402

CORPUS = ROOT / "corpus" / "train"
OUTPUT = ROOT / "src" / "followup" / "checker" / "model" / MODEL_FILE

#: The categories the model learns: the rule ids of the learned rules.
CATEGORIES = (
    "bitter-tone",
    "complains-about-wait",
    "desperate-tone",
    "generic-message",
    "gives-deadline",
    "hostile-tone",
    "mentions-other-candidates",
    "offers-gift",
    "off-topic",
    "oversharing",
    "pressures-for-decision",
    "presumptuous",
    "questions-delay",
    "self-focused",
    "sensitive-topic",
    "too-informal",
)
#: Labels a writer may give that the model does not learn (a rule judges them).
RULE_LABELS = frozenset({"no-callback-details"})


@dataclass(frozen=True)
class Config:
    """What the model is: the regularisation, the feature floor and the threshold rule."""

    c: float = 0.5
    penalty: str = "l2"
    min_count: int = 2
    #: The threshold maximises F-beta on the out-of-fold scores: beta < 1 favours precision.
    beta: float = 0.7
    prune: float = 0.01
    folds: int = 4
    feature_kinds: str = "wbcx"


@dataclass(frozen=True)
class Sentence:
    text: str
    labels: frozenset[str]
    kind: str
    writer: str
    message: int  # -1 for a sentence on its own


def load_corpus(folder: Path = CORPUS) -> list[Sentence]:
    """Every labelled sentence of the corpus, in file and line order."""
    sentences: list[Sentence] = []
    message = 0
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            where = f"{path.name}:{number}"
            if record["unit"] == "message":
                for item in record["sentences"]:
                    sentences.append(_sentence(item, record["kind"], path.stem, message, where))
                message += 1
            else:
                sentences.append(_sentence(record, record["kind"], path.stem, -1, where))
    return sentences


def _sentence(item: dict[str, Any], kind: str, writer: str, message: int, where: str) -> Sentence:
    labels = frozenset(item["labels"])
    unknown = labels - set(CATEGORIES) - RULE_LABELS
    if unknown:
        raise SystemExit(f"{where}: unknown label {sorted(unknown)[0]!r}")
    return Sentence(item["text"], labels & set(CATEGORIES), kind, writer, message)


def bags(sentences: Iterable[Sentence], kinds: str) -> list[Counter[str]]:
    return [
        Counter(feature for feature in features(s.text) if feature[0] in kinds) for s in sentences
    ]


def _fit(matrix: Any, target: np.ndarray, config: Config) -> LogisticRegression:
    model = LogisticRegression(
        C=config.c,
        l1_ratio=1.0 if config.penalty == "l1" else 0.0,
        solver="liblinear",
        class_weight="balanced",
        random_state=0,
        max_iter=1000,
    )
    return model.fit(matrix, target)


def _targets(sentences: Sequence[Sentence]) -> np.ndarray:
    return np.array([[c in s.labels for c in CATEGORIES] for s in sentences], dtype=np.int8)


class Vocabulary:
    """The features counted in training (seen at least `min_count` times), in sorted order."""

    def __init__(self, counts: list[Counter[str]], config: Config) -> None:
        seen: Counter[str] = Counter()
        for bag in counts:
            seen.update(bag.keys())
        self.names = sorted(f for f, n in seen.items() if n >= config.min_count)
        self.column = {name: index for index, name in enumerate(self.names)}

    def matrix(self, counts: list[Counter[str]]) -> csr_matrix:
        data: list[float] = []
        indices: list[int] = []
        indptr = [0]
        for bag in counts:
            row = sorted((self.column[f], n) for f, n in bag.items() if f in self.column)
            indices.extend(index for index, _ in row)
            data.extend(float(n) for _, n in row)
            indptr.append(len(indices))
        return csr_matrix(
            (np.array(data), np.array(indices, dtype=np.int32), np.array(indptr, dtype=np.int32)),
            shape=(len(counts), len(self.names)),
        )


def out_of_fold(sentences: Sequence[Sentence], config: Config) -> np.ndarray:
    """Each sentence's log-odds from a model that never saw its writer."""
    writers = sorted({s.writer for s in sentences})
    scores = np.zeros((len(sentences), len(CATEGORIES)))
    counts = bags(sentences, config.feature_kinds)
    target = _targets(sentences)
    for held in writers:
        train = [i for i, s in enumerate(sentences) if s.writer != held]
        test = [i for i, s in enumerate(sentences) if s.writer == held]
        vocabulary = Vocabulary([counts[i] for i in train], config)
        x_train = vocabulary.matrix([counts[i] for i in train])
        x_test = vocabulary.matrix([counts[i] for i in test])
        for c in range(len(CATEGORIES)):
            y = target[train, c]
            if y.min() == y.max():
                scores[test, c] = -10.0
                continue
            scores[test, c] = _fit(x_train, y, config).decision_function(x_test)
    return scores


def thresholds(scores: np.ndarray, target: np.ndarray, beta: float) -> list[float]:
    """Per category, the log-odds that maximises F-beta on out-of-fold scores."""
    chosen = []
    for c in range(target.shape[1]):
        order = np.argsort(-scores[:, c], kind="stable")
        ranked, wanted = scores[order, c], target[order, c]
        positives = wanted.sum()
        if positives == 0:
            chosen.append(10.0)
            continue
        hits = np.cumsum(wanted)
        flagged = np.arange(1, len(ranked) + 1)
        precision, recall = hits / flagged, hits / positives
        b2 = beta * beta
        f = (1 + b2) * precision * recall / np.maximum(b2 * precision + recall, 1e-12)
        best = int(np.argmax(f))
        below = ranked[best + 1] if best + 1 < len(ranked) else ranked[best] - 1.0
        chosen.append(round(float((ranked[best] + below) / 2), 3))
    return chosen


def train(sentences: Sequence[Sentence], config: Config = Config()) -> ToneModel:
    """The model from every sentence, with thresholds from leave-one-writer-out scores."""
    limits = thresholds(out_of_fold(sentences, config), _targets(sentences), config.beta)
    counts = bags(sentences, config.feature_kinds)
    vocabulary = Vocabulary(counts, config)
    matrix = vocabulary.matrix(counts)
    target = _targets(sentences)
    names = vocabulary.names
    weights: dict[str, list[tuple[int, float]]] = {}
    bias = []
    for c in range(len(CATEGORIES)):
        model = _fit(matrix, target[:, c], config)
        bias.append(round(float(model.intercept_[0]), 4))
        for index in np.flatnonzero(np.abs(model.coef_[0]) >= config.prune):
            weight = round(float(model.coef_[0][index]), 4)
            weights.setdefault(str(names[index]), []).append((c, weight))
    about = {
        "trained_on": f"{len(sentences)} sentences from {CORPUS.relative_to(ROOT)}",
        "config": config.__dict__,
    }
    return ToneModel(
        CATEGORIES, bias, limits, {f: tuple(p) for f, p in weights.items()}, about=about
    )


def serialise(model: ToneModel) -> str:
    document = model.to_dict()
    assert document["format"] == FORMAT
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def sentence_report(sentences: Sequence[Sentence], config: Config) -> dict[str, Any]:
    """Leave-one-writer-out precision and recall per category, at the chosen thresholds."""
    scores = out_of_fold(sentences, config)
    target = _targets(sentences)
    limits = thresholds(scores, target, config.beta)
    report = {}
    for c, name in enumerate(CATEGORIES):
        hit = scores[:, c] >= limits[c]
        tp = int((hit & (target[:, c] == 1)).sum())
        report[name] = {
            "labelled": int(target[:, c].sum()),
            "precision": tp / max(int(hit.sum()), 1),
            "recall": tp / max(int(target[:, c].sum()), 1),
        }
    return report


def messages_of(sentences: Sequence[Sentence]) -> list[dict[str, Any]]:
    """The corpus's whole messages, as labelled messages (text, verdict, categories)."""
    grouped: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        if sentence.message >= 0:
            grouped.setdefault(sentence.message, []).append(sentence)
    found = []
    for parts in grouped.values():
        text = "".join(
            part.text + ("" if part.text.endswith("\n") else " ") for part in parts
        ).strip()
        labels = sorted(set().union(*(part.labels for part in parts)))
        found.append(
            {
                "kind": parts[0].kind,
                "text": text,
                "verdict": "bad" if labels else "good",
                "categories": labels,
                "writer": parts[0].writer,
            }
        )
    return found


def message_report(sentences: Sequence[Sentence], config: Config) -> dict[str, Any]:
    """Leave-one-writer-out figures on whole messages, through the whole checker (rules and
    the model trained without that writer): the same figures as the held-out set's."""
    from checker_figures import figures

    from followup.checker import check

    reports = []
    for held in sorted({s.writer for s in sentences}):
        model = train([s for s in sentences if s.writer != held], config)
        messages = [m for m in messages_of(sentences) if m["writer"] == held]

        def checker(text: str, kind: str, model: ToneModel = model) -> Any:
            return check(text, kind, model=model)

        reports.append(figures(messages, checker))
    bad = sum(r["bad"] for r in reports)
    good = sum(r["good"] for r in reports)
    return {
        "bad": bad,
        "good": good,
        "recall": sum(r["recall"] * r["bad"] for r in reports) / max(bad, 1),
        "false_error_rate": sum(r["false_error_rate"] * r["good"] for r in reports) / max(good, 1),
        "false_warning_rate": sum(r["false_warning_rate"] * r["good"] for r in reports)
        / max(good, 1),
        "misses": [miss for r in reports for miss in r["misses"]],
    }


def compare(sentences: Sequence[Sentence]) -> None:
    """Model selection: leave-one-writer-out macro F1 for each candidate configuration."""
    candidates = [
        Config(feature_kinds="wb"),
        Config(feature_kinds="wbx"),
        Config(),
        Config(c=0.2),
        Config(c=1.0),
        Config(c=2.0),
        Config(penalty="l1", c=2.0),
        Config(beta=0.5),
        Config(beta=1.0),
        Config(min_count=1),
    ]
    for config in candidates:
        report = sentence_report(sentences, config)
        precision = np.mean([r["precision"] for r in report.values()])
        recall = np.mean([r["recall"] for r in report.values()])
        whole = message_report(sentences, config)
        print(
            f"{config}\n  sentences: macro precision {precision:.3f} recall {recall:.3f}"
            f"\n  messages: caught {whole['recall']:.3f}, false errors"
            f" {whole['false_error_rate']:.3f}, false warnings {whole['false_warning_rate']:.3f}",
            flush=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verify", action="store_true", help="compare with the shipped file")
    parser.add_argument("--compare", action="store_true", help="cross-validate candidates")
    parser.add_argument("--report", action="store_true", help="per-category CV figures")
    parser.add_argument("--messages", action="store_true", help="whole-message CV figures")
    parser.add_argument("--misses", action="store_true", help="with --messages: the misses")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    sentences = load_corpus()
    if args.compare:
        compare(sentences)
        return 0
    if args.report:
        for name, figures in sentence_report(sentences, Config()).items():
            print(
                f"{name:<28}{figures['labelled']:>6}{figures['precision']:>8.2f}"
                f"{figures['recall']:>8.2f}"
            )
        return 0
    if args.messages:
        whole = message_report(sentences, Config())
        print(
            f"{whole['bad']} bad, {whole['good']} good: caught {whole['recall']:.3f}, false"
            f" errors {whole['false_error_rate']:.3f}, false warnings"
            f" {whole['false_warning_rate']:.3f}"
        )
        for miss in whole["misses"] if args.misses else []:
            print(f"\n[{miss['why']}] {miss['kind']} {miss['categories']} fired {miss['fired']}")
            print("  " + miss["text"].replace("\n", "\n  "))
        return 0
    text = serialise(train(sentences))
    if args.verify:
        shipped = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if shipped != text:
            print(f"{args.output} is not what the corpus trains; run tools/train_checker.py")
            return 1
        print(f"{args.output} matches the corpus")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output} ({len(text) // 1024} KiB) from {len(sentences)} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
