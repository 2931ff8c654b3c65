"""A model file's weights read on demand: the CLI checks one draft, which needs a few hundred
of the model's features, not all of them.

Parsing the whole of `model/tone.json` (some 17,000 features, 126,000 weights) into tuples took
most of the CLI's start-up (70 ms of its 170 ms of CPU). The file is written with sorted keys
and no spaces (`tools/train_checker.py`), so a feature's weights can be found by bisecting
the file's bytes, and parsed the first time a sentence asks for them, then kept. The file
format is the model's (`learned.model_from_dict`), unchanged; `split_model_file` returns None
for a file not laid out so, and the caller then parses the whole file as before.
tests/test_checker_speed.py checks that the shipped file reads the same both ways.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

Weights = tuple[tuple[int, float], ...]

#: The top-level "weights" key, opening its object, in the compact layout.
_WEIGHTS = b'"weights":{"'
#: Between two features: the end of one's weights, the quote opening the next one's name
#: (nothing inside a name or a value can look like this: a quote in a name is escaped).
_NEXT = b'],"'
#: Below this many bytes, the features are read one after another.
_SCAN = 512
#: How many features absent from the model are remembered as absent.
_MISSES = 200_000
#: After this many bisections (a long draft, a batch), index every feature in one pass.
_BISECTIONS = 150
_ABSENT: Weights = ()


class FileWeights(Mapping[str, Weights]):
    """`{feature: ((category index, weight), ...)}` over the model file's bytes."""

    __slots__ = (
        "_bisections",
        "_chunks",
        "_data",
        "_end",
        "_found",
        "_index",
        "_missing",
        "_start",
    )

    def __init__(self, data: bytes, start: int, end: int) -> None:
        self._data = data
        self._start = start  # the quote opening the first feature's name
        self._end = end  # just past the last feature's weights
        self._found: dict[str, Weights] = {}
        self._missing: set[str] = set()
        self._index: dict[str, Weights] | None = None
        self._chunks: dict[bytes, bytes] | None = None
        self._bisections = 0

    def get(self, feature: str, default: Any = None) -> Any:  # the hot path: no exceptions
        found = self._found.get(feature)
        if found is not None:
            return found
        if feature in self._missing:
            return default
        value = self._lookup(feature.encode("utf-8"))
        if value is None:
            if len(self._missing) >= _MISSES:
                self._missing.clear()
            self._missing.add(feature)
            return default
        self._found[feature] = value
        return value

    def _key_at(self, start: int) -> tuple[bytes, int]:
        """The name of the feature whose quote opens at `start`, and where its weights start."""
        close = self._data.index(b'":', start + 1)
        return self._data[start + 1 : close], close + 2

    def _next(self, start: int, end: int) -> int:
        """Where the next feature after offset `start` opens (or -1 before `end`)."""
        found = self._data.find(_NEXT, start, end)
        return -1 if found == -1 else found + 2

    def _lookup(self, name: bytes) -> Weights | None:
        if self._chunks is not None:
            chunk = self._chunks.get(name)
            return None if chunk is None else _pairs(chunk[chunk.index(b'":') + 2 :])
        self._bisections += 1
        if self._bisections > _BISECTIONS:
            self._chunks = self._index_chunks()
            return self._lookup(name)
        low, high = self._start, self._end
        while high - low > _SCAN:
            opening = self._next((low + high) // 2, high)
            if opening == -1:
                high = (low + high) // 2 + len(_NEXT)
                continue
            key, value = self._key_at(opening)
            if key == name:
                return self._value(value)
            if key < name:
                low = opening
            else:
                high = opening
        opening = low
        while opening != -1 and opening < high:
            key, value = self._key_at(opening)
            if key == name:
                return self._value(value)
            if key > name:
                return None
            opening = self._next(value, self._end)
        return None

    def _index_chunks(self) -> dict[bytes, bytes]:
        """Every feature's name and its bytes (`name":[[i,w],[i,w]`), split in one pass."""
        chunks = self._data[self._start + 1 : self._end].split(_NEXT)
        return {chunk[: chunk.index(b'":')]: chunk for chunk in chunks}

    def _value(self, start: int) -> Weights:
        data = self._data
        if data[start + 1] != 91:  # "[]": no weights
            return _ABSENT
        return _pairs(data[start : data.index(b"]]", start)])

    def _all(self) -> dict[str, Weights]:
        if self._index is None:
            section = b"{" + self._data[self._start : self._end] + b"}"
            parsed = json.loads(section)
            self._index = {
                key: tuple((int(i), float(w)) for i, w in pairs) for key, pairs in parsed.items()
            }
        return self._index

    def __getitem__(self, feature: str) -> Weights:
        found = self.get(feature)
        if found is None:
            raise KeyError(feature)
        return found  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _pairs(raw: bytes) -> Weights:
    """`[[2,-0.0134],[15,0.1145]` (brackets at the ends optional) as ((2, -0.0134), (15,
    0.1145)): the numbers as `json` reads them, some four times faster."""
    inner = raw.strip(b"[] \t\n")
    if not inner:
        return _ABSENT
    numbers = inner.replace(b"],[", b",").split(b",")
    return tuple(zip(map(int, numbers[0::2]), map(float, numbers[1::2]), strict=True))


_TAIL = re.compile(rb"\]\s*\}\s*\}\s*\Z")


def split_model_file(data: bytes) -> tuple[dict[str, Any], FileWeights] | None:
    """The model file's object without its weights, and its weights read on demand; None if
    the file is not laid out so (compact, "weights" its last key, sorted)."""
    opening = data.rfind(_WEIGHTS)  # the last: "weights" sorts last among the file's keys
    if opening == -1:
        return None
    tail = _TAIL.search(data, max(opening, len(data) - 64))
    if tail is None:
        return None
    try:
        header = json.loads(data[:opening] + b'"weights":{}}')
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(header, dict) or header.get("weights") != {}:
        return None
    start = opening + len(_WEIGHTS) - 1
    return header, FileWeights(data, start, tail.start() + 1)
