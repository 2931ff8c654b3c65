"""Hypothesis over the contract's objects, the API's schemas and the CSV columns: whatever
arrives, the answer is a plan or a refusal naming its field, never a traceback or a 5xx.
Derandomized with modest example counts, so CI runs it in well under a minute."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup.calendar import check_calendar
from followup.domain.codec import interview_from_dict
from followup.domain.errors import InputError
from followup.domain.shapes import INTERVIEW_FIELDS
from followup.formats.csv_io import COLUMNS, CsvDefaults, read_csv
from followup.planner import plan
from followup.policy import load_policy
from tests.tracker_support import example
from tests.web_support import BASE, TestClient, make_env

FUZZ = settings(max_examples=120, deadline=None, derandomize=True,
                suppress_health_check=list(HealthCheck))  # fmt: skip
TODAY = dt.date(2026, 11, 25)
HOSTILE_STRINGS = st.sampled_from([
    "America", "Europe/", "../../etc/passwd", "x" * 300, "\ud800", "\udfff", "²", "٣", "1e999",
    "9999-12-31", "0001-01-01", "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00",
    "=?utf-8?q?=0D=0ABcc=3A_x=40evil?=", "a\r\nBcc: x@evil", "\u0000", "\u2028", "\x85",
    "=HYPERLINK(\"x\")", "+1 617", "-", "@", "XX", "ZZ", "", " ", "café-😀", "a/b",
])  # fmt: skip
VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40),
              HOSTILE_STRINGS),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=8,
)  # fmt: skip
FIELDS = [*sorted(INTERVIEW_FIELDS), "candidate.name", "candidate.email", "interviewers.name",
          "interviewers.email", "interviewers.primary"]  # fmt: skip
POLICY = load_policy("default")


def hostile_object(changes: dict[str, Any]) -> dict[str, Any]:
    obj = example()
    for key, value in sorted(changes.items(), key=lambda item: "." not in item[0]):
        head, _, tail = key.partition(".")
        if not tail:
            obj[head] = value
        elif head == "candidate":
            obj["candidate"] = dict(obj["candidate"], **{tail: value})
        else:
            obj["interviewers"] = [dict(obj["interviewers"][0], **{tail: value})]
    return obj


def named_a_field(error: InputError) -> None:
    assert error.field, error
    root = error.field.split(":")[-1].strip().split(".")[0].split("[")[0]
    assert root in INTERVIEW_FIELDS or root in ("input", "body", "FILE"), error


@FUZZ
@given(st.dictionaries(st.sampled_from(FIELDS), st.one_of(VALUES, HOSTILE_STRINGS), max_size=4))
def test_any_contract_object_is_planned_or_refused_on_its_field(changes: dict[str, Any]) -> None:
    obj = hostile_object(changes)
    try:
        interview = interview_from_dict(obj, check_calendar=check_calendar)
    except InputError as error:
        named_a_field(error)
        return
    result = plan(interview, TODAY, POLICY)  # a stored-able interview can always be planned
    assert result.as_of == TODAY


_ROUTES = st.sampled_from([
    ("POST", "/api/v1/interviews"), ("POST", "/api/v1/plans"), ("POST", "/api/v1/import"),
    ("POST", "/api/v1/checks"), ("PATCH", "/api/v1/interviews/acme-analyst"),
    ("POST", "/api/v1/interviews/acme-analyst/attempts"),
    ("PUT", "/api/v1/interviews/acme-analyst/status"),
])  # fmt: skip
_BODIES = st.one_of(
    st.builds(hostile_object, st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=3)),
    st.dictionaries(st.sampled_from(["channel", "outcome", "purpose", "at", "notes", "status",
                                     "text", "kind", "context"]),
                    st.one_of(VALUES, st.sampled_from(["call", "email", "no_answer", "offer"])),
                    max_size=4),
    VALUES,
)  # fmt: skip


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    from followup.web import create_app

    with tempfile.TemporaryDirectory() as home:
        app = create_app(make_env(Path(home)))
        with TestClient(app, base_url=BASE) as test_client:
            assert test_client.post("/api/v1/interviews", json=example()).status_code == 201
            yield test_client
        app.state.web.tracker.close()


@settings(FUZZ, max_examples=80)
@given(route=_ROUTES, body=_BODIES, raw=st.booleans())
def test_any_api_body_is_answered_below_500_naming_its_field(
    client: TestClient, route: tuple[str, str], body: Any, raw: bool
) -> None:
    method, url = route
    tag = client.get("/api/v1/interviews/acme-analyst").headers.get("etag", "")
    text = json.dumps(body, ensure_ascii=not raw)  # raw: lone surrogates as escapes either way
    headers = {"content-type": "application/json", "If-Match": tag}
    content = text.encode("utf-8", "surrogatepass")
    response = client.request(method, url, content=content, headers=headers)
    assert response.status_code < 500, (method, url, text[:300], response.text[:300])
    if response.status_code == 422:
        assert response.json()["error"]["field"], response.text
    assert client.get("/api/v1/interviews/acme-analyst").status_code == 200


_CELLS = st.one_of(st.text(max_size=30), HOSTILE_STRINGS)


@FUZZ
@given(st.dictionaries(st.sampled_from(COLUMNS), _CELLS, max_size=5))
def test_any_csv_row_is_read_or_refused_on_its_row_and_column(cells: dict[str, str]) -> None:
    row = {"company": "Acme", "role": "Analyst", "interviewed_at": "2026-11-20T14:00:00-05:00",
           "contact_name": "Dana", "candidate_name": "Sam"} | cells  # fmt: skip
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(row))
    writer.writeheader()
    writer.writerow({k: v.encode("utf-8", "replace").decode() for k, v in row.items()})
    try:
        read = read_csv(out.getvalue(), CsvDefaults(timezone="America/New_York", country="US"))
    except InputError as error:
        assert error.field.startswith(("row 2", "header")), error
        return
    assert len(read.interviews) <= 1
