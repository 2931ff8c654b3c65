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


#: A feature's weights, one per category (0.0 where it has none).
Dense = tuple[float, ...]


def _sums(bias: Sequence[float], parts: list[tuple[int, int, Dense]]) -> list[float]:
    """The bias plus every part's weights, category by category, in the parts' order (on
    Python 3.11 `sum` adds floats one by one, as a loop would; 3.12 compensates rounding)."""
    return list(map(sum, zip(bias, *[weights for _, _, weights in parts], strict=True)))


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
        self._word_cache: dict[str, Dense | None] = {}
        self._feature_cache: dict[str, Dense | None] = {}
        self._token_cache: dict[str, tuple[str, Dense | None, Dense | None, Dense | None]] = {}

    def _word(self, word: str) -> Dense | None:
        """The summed weights of a word and its pieces, one per category (None if it has no
        feature in the model); cached: a text repeats its words."""
        try:
            return self._word_cache[word]
        except KeyError:
            pass
        sums = [0.0] * len(self.categories)
        found = False
        for feature in word_features(word):
            for index, weight in self.weights.get(feature, ()):
                sums[index] += weight
                found = True
        combined = tuple(sums) if found else None
        if len(self._word_cache) >= WORD_CACHE:
            self._word_cache.clear()
        self._word_cache[word] = combined
        return combined

    def _feature(self, feature: str) -> Dense | None:
        """One feature's weights, one per category (None if the model lacks it); cached."""
        try:
            return self._feature_cache[feature]
        except KeyError:
            pass
        pairs = self.weights.get(feature)
        dense = None
        if pairs:
            sums = [0.0] * len(self.categories)
            for index, weight in pairs:
                sums[index] += weight
            dense = tuple(sums)
        if len(self._feature_cache) >= WORD_CACHE:
            self._feature_cache.clear()
        self._feature_cache[feature] = dense
        return dense

    def _parts(self, sentence: str) -> list[tuple[int, int, Dense]]:
        """(start, end, weights per category) of every token, its shape and every neighbouring
        pair in `sentence`, in the order their weights add up.

        Dense vectors, summed column by column in C (`_sums`), in the order the sparse weights
        were once added one by one: the same sums, several times faster."""
        feature = self._feature
        reading = self._token
        parts: list[tuple[int, int, Dense]] = []
        append = parts.append
        previous, previous_start = "^", 0
        first = True
        for match in tokens(sentence):
            start, end = match.span()
            word, own, extra_first, extra_later = reading(match.group())
            if own is not None:
                append((start, end, own))
            extra = extra_first if first else extra_later
            if extra is not None:
                append((start, end, extra))
            pair = feature(f"b:{previous} {word}")
            if pair is not None:
                append((previous_start if previous != "^" else start, end, pair))
            previous, previous_start, first = word, start, False
        return parts

    def _token(self, token: str) -> tuple[str, Dense | None, Dense | None, Dense | None]:
        """A token's word, its weights, and its shape's weights when it starts a sentence and
        when it does not (cached: a text repeats its tokens)."""
        try:
            return self._token_cache[token]
        except KeyError:
            pass
        shape_first, shape_later = token_shape(token, True), token_shape(token, False)
        word = word_of(token)
        read = (
            word,
            self._word(word),
            None if shape_first is None else self._feature(shape_first),
            None if shape_later is None else self._feature(shape_later),
        )
        if len(self._token_cache) >= WORD_CACHE:
            self._token_cache.clear()
        self._token_cache[token] = read
        return read

    def scores(self, sentence: str) -> list[float]:
        """The log-odds of every category for one sentence."""
        return _sums(self.bias, self._parts(sentence))

    def judge(self, sentence: str, only: frozenset[str] | None = None) -> list[Judgement]:
        """The categories `sentence` shows (those past their thresholds), most likely first."""
        parts = self._parts(sentence)
        sums = _sums(self.bias, parts)
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


def _weighed(sentence: str, parts: list[tuple[int, int, Dense]], index: int) -> tuple[str, ...]:
    """The words (or pairs) of `sentence` that counted most for category `index`."""
    pulls: dict[tuple[int, int], float] = {}
    for start, end, weights in parts:
        weight = weights[index]
        if weight:
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
        for feature, pairs in weights.items():
            if any(not 0 <= index < len(categories) for index, _ in pairs):
                raise ValueError(f"feature {feature!r} weighs a category the model lacks")
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
