"""The learned layer: a linear model that judges the tone and content of each sentence.

The model is one logistic regression per fault category over the features of
`followup.checker.features`, trained by `tools/train_checker.py` from the project's corpus and
shipped as `model/tone.json` (sparse weights: only the features that count). Checking needs
only this module: plain Python, the file read once per process.

A sentence's score for a category is the bias plus the weights of its features; the category
fires when the score passes the category's threshold (a log-odds chosen in training). The
words that weighed most are the tokens, or neighbouring pairs, with the largest part of the
score.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from followup.checker.features import WORD_CACHE, tokens, word_features, word_of
from followup.checker.features import shape as token_shape
from followup.checker.lazyweights import FileWeights, split_model_file
from followup.domain.errors import PolicyError

MODEL_FILE = "tone.json"
FORMAT = 1
#: How many of the words that weighed most a finding names.
WEIGHED = 3

#: Sparse weights: the (category index, weight) pairs of one feature.
Weights = tuple[tuple[int, float], ...]


@dataclass(frozen=True, slots=True)
class Judgement:
    """A category a sentence shows: how sure the model is, and the words that weighed most."""

    category: str
    probability: float
    weighed: tuple[str, ...]


def _add(sums: list[float], weights: Weights) -> None:
    for index, weight in weights:
        sums[index] += weight


class ToneModel:
    """One trained model: categories, biases, thresholds and sparse feature weights."""

    def __init__(
        self,
        categories: Sequence[str],
        bias: Sequence[float],
        thresholds: Sequence[float],
        weights: Mapping[str, Weights],
        *,
        about: Mapping[str, Any] | None = None,
    ) -> None:
        if not len(categories) == len(bias) == len(thresholds):
            raise ValueError("categories, bias and thresholds differ in length")
        self.categories = tuple(categories)
        self.bias = tuple(bias)
        self.thresholds = tuple(thresholds)
        # A model read from its file keeps the file's lazily parsed weights (`lazyweights`).
        self.weights = weights if isinstance(weights, FileWeights) else dict(weights)
        self.about = dict(about or {})
        self._index = {name: index for index, name in enumerate(self.categories)}
        self._word_cache: dict[str, Weights] = {}

    def _word(self, word: str) -> Weights:
        """The summed weights of a word and its pieces (cached: a text repeats its words)."""
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        sums: dict[int, float] = {}
        for feature in word_features(word):
            for index, weight in self.weights.get(feature, ()):
                sums[index] = sums.get(index, 0.0) + weight
        combined = tuple(sorted(sums.items()))
        if len(self._word_cache) >= WORD_CACHE:
            self._word_cache.clear()
        self._word_cache[word] = combined
        return combined

    def _parts(self, sentence: str) -> list[tuple[int, int, Weights]]:
        """(start, end, weights) of every token and neighbouring pair in `sentence`."""
        weights = self.weights
        parts: list[tuple[int, int, Weights]] = []
        previous, previous_start = "^", 0
        first = True
        for match in tokens(sentence):
            token = match.group()
            start, end = match.span()
            word = word_of(token)
            own = self._word(word)
            pair = weights.get(f"b:{previous} {word}")
            shape = token_shape(token, first)
            if shape is not None:
                extra = weights.get(shape)
                if extra:
                    own = own + extra
            if own:
                parts.append((start, end, own))
            if pair:
                parts.append((previous_start if previous != "^" else start, end, pair))
            previous, previous_start, first = word, start, False
        return parts

    def scores(self, sentence: str) -> list[float]:
        """The log-odds of every category for one sentence."""
        sums = list(self.bias)
        for _, _, weights in self._parts(sentence):
            _add(sums, weights)
        return sums

    def judge(self, sentence: str, only: frozenset[str] | None = None) -> list[Judgement]:
        """The categories `sentence` shows (those past their thresholds), most likely first."""
        parts = self._parts(sentence)
        sums = list(self.bias)
        for _, _, weights in parts:
            _add(sums, weights)
        found = []
        for index, (score, threshold) in enumerate(zip(sums, self.thresholds, strict=True)):
            category = self.categories[index]
            if score < threshold or (only is not None and category not in only):
                continue
            found.append(Judgement(category, _sigmoid(score), _weighed(sentence, parts, index)))
        found.sort(key=lambda judgement: -judgement.probability)
        return found

    def with_weights(self, weights: Mapping[str, Weights]) -> ToneModel:
        """This model with other feature weights (its categories, biases and thresholds)."""
        return ToneModel(self.categories, self.bias, self.thresholds, weights, about=self.about)

    def to_dict(self) -> dict[str, Any]:
        """The model file's object (weights rounded as stored)."""
        return {
            "format": FORMAT,
            "about": self.about,
            "categories": list(self.categories),
            "bias": list(self.bias),
            "thresholds": list(self.thresholds),
            "weights": {
                feature: [[index, weight] for index, weight in pairs]
                for feature, pairs in sorted(self.weights.items())
            },
        }


def _sigmoid(score: float) -> float:
    if score < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-score))


def _weighed(sentence: str, parts: list[tuple[int, int, Weights]], index: int) -> tuple[str, ...]:
    """The words (or pairs) of `sentence` that counted most for category `index`."""
    pulls: dict[tuple[int, int], float] = {}
    for start, end, weights in parts:
        for category, weight in weights:
            if category == index:
                pulls[(start, end)] = pulls.get((start, end), 0.0) + weight
    strongest = sorted(
        (span for span, pull in pulls.items() if pull > 0), key=lambda span: -pulls[span]
    )
    chosen: list[tuple[int, int]] = []
    for start, end in strongest:
        if any(start < last and first < end for first, last in chosen):
            continue
        chosen.append((start, end))
        if len(chosen) == WEIGHED:
            break
    return tuple(" ".join(sentence[start:end].split()) for start, end in chosen)


def model_from_dict(document: Mapping[str, Any], label: str) -> ToneModel:
    """A model from its file's object; `PolicyError` naming the key if it is malformed."""
    if document.get("format") != FORMAT:
        raise PolicyError(label, "format", f"must be {FORMAT}")
    try:
        categories = [str(name) for name in document["categories"]]
        bias = [float(value) for value in document["bias"]]
        thresholds = [float(value) for value in document["thresholds"]]
        weights = {
            str(feature): tuple((int(index), float(weight)) for index, weight in pairs)
            for feature, pairs in document["weights"].items()
        }
        return ToneModel(
            categories, bias, thresholds, weights, about=dict(document.get("about", {}))
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise PolicyError(label, "", f"is not a tone model ({error})") from None


def load_model(path: str | Path) -> ToneModel:
    """A model file written by `tools/train_checker.py`."""
    label = str(path)
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PolicyError(label, "", f"cannot read the model ({error})") from None
    return model_from_dict(document, label)


def builtin_model_path() -> Path:
    return Path(__file__).parent / "model" / MODEL_FILE


@lru_cache(maxsize=1)
def builtin_model() -> ToneModel:
    """The shipped model, read once per process: its weights are parsed as sentences need them
    (`lazyweights`; tests/test_checker_speed.py checks this reads the same model)."""
    path = builtin_model_path()
    try:
        split = split_model_file(path.read_bytes())
    except OSError:
        split = None
    if split is None:
        return load_model(path)
    header, weights = split
    return model_from_dict({**header, "weights": {}}, str(path)).with_weights(weights)
