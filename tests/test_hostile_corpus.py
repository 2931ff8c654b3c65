"""Every hostile input of tests/data/hostile/ is refused, naming its field, on every path
that reads it: `followup plan`, `add --from` and `import` (exit 2, one line per problem, no
traceback), the API and the pages' import (a 4xx naming the field, never a 5xx), and
nothing is stored. The file name says the field: `FIELD--case.json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.tracker_support import Cli

CORPUS = Path(__file__).parent / "data" / "hostile"
CASES = sorted(p for p in CORPUS.iterdir() if "--" in p.name)
JSON_CASES = [p for p in CASES if p.suffix == ".json"]
CSV_CASES = [p for p in CASES if p.suffix == ".csv"]
#: A problem with the whole document is named by the place it was read from.
WHOLE = ("input", "--input", "FILE", "--from", "body", "file")


def field_of(path: Path) -> str:
    return path.name.split("--")[0]


def names_field(message: str, path: Path) -> bool:
    field = field_of(path)
    if field.startswith("csv"):
        field = field[3:]
    names = WHOLE if field == "input" else (field,)
    return any(f"{name}:" in message or f"{name} " in message for name in names)


def test_the_corpus_has_every_kind_of_case() -> None:
    assert len(JSON_CASES) >= 25 and len(CSV_CASES) >= 5
    kinds = " ".join(p.name for p in CASES)
    for needed in ("tzdata-folder", "too-long", "year-1", "year-9999", "nested-brackets",
                   "5000-digits", "lone-surrogate", "superscript-two", "csv-field-over-limit",
                   "country--unknown", "subdivision--unknown"):  # fmt: skip
        assert needed in kinds, needed


def _refused(cli: Cli, path: Path, *args: str) -> str:
    done = cli(*args)
    assert done.status == 2, (path.name, args, done.out[:200], done.err[:300])
    assert done.err.startswith("followup: ") and "Traceback" not in done.err
    assert names_field(done.err, path), (path.name, args, done.err[:300])
    return done.err


@pytest.mark.parametrize("path", JSON_CASES, ids=lambda p: p.name)
def test_cli_refuses_each_json_case_naming_its_field(tmp_path: Path, path: Path) -> None:
    cli = Cli(tmp_path)
    if field_of(path) != "id":  # `plan` echoes any id; only a stored id must fit a URL
        _refused(cli, path, "plan", "--input", str(path), "--today", "2026-11-25")
    _refused(cli, path, "import", str(path))
    _refused(cli, path, "add", "--from", str(path))
    listed = cli("list", "--json")
    assert listed.status == 0 and json.loads(listed.out) == []  # nothing was stored


@pytest.mark.parametrize("path", CSV_CASES, ids=lambda p: p.name)
def test_cli_refuses_each_csv_case_naming_its_field(tmp_path: Path, path: Path) -> None:
    cli = Cli(tmp_path)
    err = _refused(cli, path, "import", str(path))
    assert "row 2" in err
    assert json.loads(cli("list", "--json").out) == []
