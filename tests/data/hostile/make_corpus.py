"""Writes the hostile-input corpus next to this file (run it again after changing a case).

Each file is one hostile input; its name says which field the refusal must name and what
is wrong: `FIELD--case.json` (an interview object, or raw text that is not one) or
`FIELD--case.csv` (a CSV import). tests/test_hostile_corpus.py feeds every file to every
path that reads it (CLI plan/add/import, the API, the forms' import) and asserts a clear
refusal naming FIELD: exit 2 or a 4xx, never a traceback or a 5xx, nothing stored.

    python tests/data/hostile/make_corpus.py
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
EXAMPLE: dict[str, Any] = json.loads(
    (HERE.parent.parent.parent / "examples" / "interview.json").read_text()
)


def example(**changes: Any) -> str:
    obj = dict(EXAMPLE) | changes
    return json.dumps({k: v for k, v in obj.items() if v is not None}, ensure_ascii=False)


def attempt(at: str) -> list[dict[str, str]]:
    return [{"at": at, "channel": "call", "purpose": "thank_you", "outcome": "no_answer"}]


def raw_field(name: str, literal: str) -> str:
    """The example with `name` set to a JSON literal written as is (no round trip)."""
    return example()[:-1] + f', "{name}": {literal}}}'


CSV_HEADER = "company,role,interviewed_at,contact_name,candidate_name,timezone,country"
CSV_ROW = "Acme,Analyst,2026-11-20T14:00:00-05:00,Dana Ruiz,Sam Lee,America/New_York,US"

CASES: dict[str, str] = {
    "timezone--tzdata-folder.json": example(timezone="America"),
    "timezone--tzdata-folder-trailing-slash.json": example(timezone="Europe/"),
    "timezone--too-long.json": example(timezone="America/" + "x" * 300),
    "timezone--path.json": example(timezone="../../../../etc/passwd"),
    "timezone--nul.json": example(timezone="America/New_York\u0000"),
    "country--unknown.json": example(country="XX"),
    "country--not-a-code.json": example(country="USA"),
    "subdivision--unknown.json": example(subdivision="ZZ"),
    "interviewed_at--year-1.json": example(interviewed_at="0001-01-01T00:00:00+05:00"),
    "interviewed_at--year-9999.json": example(interviewed_at="9999-12-31T23:59:00-05:00"),
    "interviewed_at--utc-year-10000.json": example(interviewed_at="9999-12-31T23:00:00-05:00"),
    "feedback_expected_by--year-9999.json": example(feedback_expected_by="9999-12-31"),
    "feedback_expected_by--year-1.json": example(feedback_expected_by="0001-01-01"),
    "competing_offer_deadline--year-9999.json": example(competing_offer_deadline="9999-12-31"),
    "attempts[0].at--year-9999.json": example(attempts=attempt("9999-12-31T23:59:00-05:00")),
    "attempts[0].at--year-1.json": example(attempts=attempt("0001-01-01T00:00:00+05:00")),
    "attempts[0].at--number.json": raw_field(
        "attempts",
        '[{"at": 1764000000, "channel": "call", "purpose": "thank_you", "outcome": "no_answer"}]',
    ),
    "input--nested-brackets.json": "[" * 100_000 + "]" * 100_000,
    "a--nested-objects.json": '{"a":' * 100_000 + "1" + "}" * 100_000,
    "company--nested-brackets.json": raw_field("company", "[" * 100_000 + "]" * 100_000).replace(
        '"company": "Acme Analytics", ', ""
    ),
    "feedback_expected_within_days--5000-digits.json": raw_field(
        "feedback_expected_within_days", "9" * 5000
    ),
    "feedback_expected_within_days--superscript-two.json": example(
        feedback_expected_within_days="²"
    ),
    "feedback_expected_within_days--float-overflow.json": raw_field(
        "feedback_expected_within_days", "1e99999"
    ),
    "company--lone-surrogate.json": raw_field("company", '"\\ud800"').replace(
        '"company": "Acme Analytics", ', ""
    ),
    "interviewers[0].name--lone-low-surrogate.json": example().replace(
        '"Dana Ruiz"', '"Dana \\udc00 Ruiz"'
    ),
    "id--control-character.json": example(id="acme\u0007analyst"),
    "id--slash.json": example(id="acme/analyst"),
    "company--too-long.json": example(company="A" * 5000),
    "interviewed_at--superscript-digits.json": example(
        interviewed_at="２０２６-11-20T14:00:00-05:00"
    ),
    "contact_name--csv-field-over-limit.csv": "\n".join(
        [CSV_HEADER, CSV_ROW.replace("Dana Ruiz", "D" * 140_000)]
    )
    + "\n",
    "feedback_expected_within_days--csv-superscript-two.csv": "\n".join(
        [CSV_HEADER + ",feedback_expected_within_days", CSV_ROW + ",²"]
    )
    + "\n",
    "timezone--csv-tzdata-folder.csv": "\n".join(
        [CSV_HEADER, CSV_ROW.replace("America/New_York", "America")]
    )
    + "\n",
    "country--csv-unknown.csv": "\n".join([CSV_HEADER, CSV_ROW.replace(",US", ",XX")]) + "\n",
    "interviewed_at--csv-year-9999.csv": "\n".join(
        [CSV_HEADER, CSV_ROW.replace("2026-11-20", "9999-12-31")]
    )
    + "\n",
    "company--csv-nul.csv": "\n".join([CSV_HEADER, CSV_ROW.replace("Acme", "Ac\u0000me")]) + "\n",
}


def main() -> None:
    for old in HERE.glob("*--*"):
        old.unlink()
    for name, text in CASES.items():
        (HERE / name).write_text(text, encoding="utf-8", newline="")


if __name__ == "__main__":
    main()
