"""The API's schema (`followup.web.schema`) says what the codec reads and the services write:
the same fields, enums and shapes, and real responses fit it (rich ones too, which fuzzing
rarely reaches)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from followup.domain import codec, shapes
from followup.domain.errors import InputError
from followup.domain.model import AttemptChannel, Outcome
from followup.web import schema
from tests.web_support import example, make_client

ACME = "/api/v1/interviews/acme-analyst"


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    yield from make_client(tmp_path)


def fields(model: type[BaseModel]) -> set[str]:
    return set(model.model_fields)


def test_the_models_have_the_codecs_fields_no_more_no_fewer() -> None:
    assert fields(schema.Interview) == shapes.INTERVIEW_FIELDS
    assert fields(schema.Candidate) == shapes.CANDIDATE_FIELDS
    assert fields(schema.Interviewer) == shapes.INTERVIEWER_FIELDS
    assert fields(schema.Attempt) == shapes.ATTEMPT_FIELDS
    assert fields(schema.AttemptIn) == shapes.ATTEMPT_FIELDS
    assert fields(schema.AttemptChange) == shapes.ATTEMPT_FIELDS
    assert fields(schema.InterviewChanges) == shapes.INTERVIEW_FIELDS - {"id", "attempts"}


def test_the_enums_and_lists_are_the_products_own() -> None:
    from followup.checker import DRAFT_KINDS
    from followup.checker.ruleset import SEVERITIES
    from followup.cli.tracker import STATES

    document = schema.AttemptIn.model_json_schema()
    assert document["$defs"]["AttemptChannel"]["enum"] == [c.value for c in AttemptChannel]
    assert document["$defs"]["Outcome"]["enum"] == [o.value for o in Outcome]
    kinds = schema.CheckIn.model_json_schema()["properties"]["kind"]["enum"]
    assert tuple(kinds) == DRAFT_KINDS
    finding = schema.Finding.model_json_schema()["properties"]["severity"]["enum"]
    assert set(finding) == set(SEVERITIES)
    assert set(schema.LIST_STATES) == set(STATES)


def test_the_year_pattern_is_the_codecs_years() -> None:
    year = re.compile(f"^{schema.YEAR}$")
    for number in range(1000, 10_000):
        assert bool(year.match(str(number))) == (shapes.MIN_YEAR <= number <= shapes.MAX_YEAR)


def _shape_error(error: InputError) -> bool:
    """The codec refused the shape (not a date that does not exist, like February 30)."""
    return "must be" in error.why


@settings(max_examples=300, deadline=None)
@given(st.from_regex(f"^{schema.DAY}$", fullmatch=True))
def test_a_date_of_the_schemas_shape_has_the_codecs(text: str) -> None:
    try:
        codec.parse_date(text, "day")
    except InputError as error:
        assert not _shape_error(error), error


@settings(max_examples=300, deadline=None)
@given(st.from_regex(f"^{schema.LOCAL}{schema.OFFSET}$", fullmatch=True))
def test_a_moment_of_the_schemas_shape_has_the_codecs(text: str) -> None:
    try:
        codec.parse_datetime(text, "at")
    except InputError as error:
        assert not _shape_error(error), error


@settings(max_examples=200, deadline=None)
@given(st.from_regex(schema.Candidate.model_json_schema()["properties"]["name"]["pattern"]))
def test_a_name_of_the_schemas_shape_is_one_the_codec_keeps(text: str) -> None:
    if len(text) <= shapes.MAX_TEXT:
        person = codec.interview_from_dict(example(candidate={"name": text})).candidate
        assert person.name == text.strip()


def test_the_plan_model_is_the_plan_json_contract() -> None:
    contract = (Path(__file__).parents[1] / "docs/spec/plan-json.md").read_text()
    plan = contract.split("## Plan object")[1].split("A step:")[0]
    assert set(re.findall(r'^  "(\w+)":', plan, re.M)) == fields(schema.Plan)
    step_keys = set(re.findall(r'^  "(\w+)":', contract.split("A step:")[1], re.M))
    assert step_keys | {"script"} == fields(schema.Step)
    assert {"rule", "says", "sources", "effect"} == fields(schema.Reason)


def test_the_check_model_is_the_check_json_contract() -> None:
    contract = (Path(__file__).parents[1] / "docs/spec/check-json.md").read_text()
    example_json = contract.split("## JSON output")[1]
    top = set(re.findall(r'^  "(\w+)":', example_json, re.M))
    assert top == fields(schema.CheckResult)
    finding = set(re.findall(r'"(\w+)":', example_json.split('"findings"')[1].split("]")[0]))
    assert finding | {"weighed"} == fields(schema.Finding)


def test_rich_responses_fit_their_models(client: Any) -> None:
    """An interview with attempts, a done step, a rude answer, a text message and findings."""
    interview = example(scheduled_via="text", discussion_points=["the data pipeline"])
    added = client.post("/api/v1/interviews", json=interview)
    assert added.status_code == 201, added.text
    schema.Interview.model_validate(added.json())
    thanks = {"channel": "email", "outcome": "sent", "purpose": "thank_you", "notes": "Thanks"}
    logged = client.post(f"{ACME}/attempts", json=thanks)
    assert logged.status_code == 201, logged.text
    schema.Attempt.model_validate(logged.json())
    plan = schema.Plan.model_validate(client.get(f"{ACME}/plan").json())
    assert any(step.status == "done" and step.done_at for step in plan.steps)
    for kind in ("text", "call", "email"):
        script = client.get(f"{ACME}/script", params={"kind": f"status_{kind}"})
        if script.status_code == 200:
            schema.Script.model_validate(script.json())
    schema.Agenda.model_validate(client.get("/api/v1/agenda").json())
    for row in client.get("/api/v1/interviews").json():
        schema.Listed.model_validate(row)
    for attempt in client.get(f"{ACME}/attempts").json():
        schema.Attempt.model_validate(attempt)
    draft = "hey!!! did i get the job?? other candidates were worse lol. answer by friday"
    checked = client.post("/api/v1/checks", json={"text": draft, "kind": "email",
                                                  "context": interview})  # fmt: skip
    assert checked.status_code == 200, checked.text
    assert schema.CheckResult.model_validate(checked.json()).findings
    wrong = client.post("/api/v1/interviews", json=example(company=""))
    schema.ErrorBody.model_validate(wrong.json())


def test_every_api_body_and_answer_is_described(client: Any) -> None:
    document = client.get("/api/v1/openapi.json").json()
    components = document["components"]["schemas"]
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            if method in ("post", "put", "patch"):
                content = operation["requestBody"]["content"]
                assert all(kind["schema"] for kind in content.values()), where
            for status, answer in operation["responses"].items():
                if status == "204":
                    continue
                for kind in answer["content"].values():
                    body = kind["schema"]
                    assert body and body != {"type": "object"}, f"{where} {status}"
                    ref = body.get("$ref", body.get("items", {}).get("$ref"))
                    if ref:
                        assert ref.rsplit("/", 1)[1] in components, f"{where} {status}"
