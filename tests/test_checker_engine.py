"""The checker as a library: positions, masking, missing elements, strengths, context, errors."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.checker import DRAFT_KINDS, check
from followup.domain.codec import interview_from_dict
from followup.domain.errors import InputError

EXAMPLE = Path(__file__).parent.parent / "examples" / "interview.json"
POLITE = (
    "Hi Dana, this is Sam Lee. I interviewed with you on 20 November for the Senior Data Analyst "
    "role. I enjoyed our conversation about the churn dashboard rebuild. Thank you again for your "
    "time. I wanted to ask politely whether there is any update on the position, and whether I can "
    "answer any further questions about my application."
)
SIGNED_EMAIL = (
    "Dear Dana,\n\nThank you again for the interview for the Senior Data Analyst role. "
    "I enjoyed our conversation about the churn dashboard rebuild. "
    "Is there any update on the position?\n\n"
    "Best regards,\nSam Lee\n+1 617 555 0142"
)


def interview():  # type: ignore[no-untyped-def]
    return interview_from_dict(json.loads(EXAMPLE.read_text()))


def rules_of(text: str, kind: str = "call", **kwargs) -> set[str]:  # type: ignore[no-untyped-def]
    return set(check(text, kind, **kwargs).rule_ids)


@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_polite_ordinary_prose_has_no_findings(kind: str) -> None:
    # A voicemail is useless without a number to call back (S2-5e).
    text = POLITE + (" You can reach me on 617 555 0142." if kind == "voicemail" else "")
    result = check(text, kind)
    assert result.findings == ()
    assert "thanks the interviewer" in result.strengths
    assert "names the role" in result.strengths


def test_an_email_signature_introduces_the_writer() -> None:
    result = check(SIGNED_EMAIL, "email")
    assert result.findings == ()
    assert "introduces the writer" in result.strengths
    unsigned = SIGNED_EMAIL.split("Best regards")[0] + "Best regards"
    (finding,) = check(unsigned, "email").findings
    assert (finding.rule, finding.severity) == ("no-self-introduction", "warning")
    assert check(unsigned.replace("Dear Dana,", "Hi Dana,"), "text").has_errors


def test_positions_are_one_based_characters_and_excerpts_are_the_words() -> None:
    text = "Hi Dana, this is Sam Lee.\nThank you for your time.\nSadly I’ve been\nwaiting for ages."
    (finding,) = [f for f in check(text, "call").findings if f.rule == "complains-about-wait"]
    assert (finding.line, finding.column) == (3, 7)
    assert (finding.end_line, finding.end_column) == (4, 8)
    assert finding.excerpt == "I’ve been waiting"
    assert finding.sources == ("S2-5a",)


def test_missing_elements_point_at_the_start() -> None:
    (finding,) = check("Hi Dana, this is Sam Lee. Any update on the role?", "text").findings
    assert finding.rule == "no-gratitude"
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, 1, 1, 1)


def test_placeholders_are_never_content() -> None:
    template = (
        "Hi [Name], this is [Your Name]. I enjoyed our chat about {topic}. Thank you. "
        "Is there any update on [other candidates]?"
    )
    assert rules_of(template) == set()


def test_quoted_words_inside_a_sentence_are_not_the_writers() -> None:
    text = POLITE + ' You said "it has been such a long wait for everyone", which made me smile.'
    assert rules_of(text) == set()
    assert "complains-about-wait" in rules_of(POLITE + " It has been such a long wait.")


def test_quoted_earlier_email_is_not_checked() -> None:
    reply = SIGNED_EMAIL + "\n\nOn 21 Nov, Dana wrote:\n> We are meeting other candidates."
    assert rules_of(reply, "email") == set()


def test_negation_turns_a_phrase_around() -> None:
    assert "pressures-for-decision" not in rules_of(POLITE + " I don't want to rush your decision.")
    assert "pressures-for-decision" in rules_of(POLITE + " Please rush your decision.")


def test_a_call_script_counts_only_the_words_said() -> None:
    script = (
        "# Status call\n\nOpening\n" + POLITE + "\n\n(Pause for their answer.)\n\n"
        "Them: We are still interviewing other candidates.\nYou: Thank you, that helps.\n"
    )
    result = check(script, "call")
    assert result.findings == ()
    assert result.words == check(POLITE + " Thank you, that helps.", "call").words


def test_too_long_points_at_the_first_word_past_the_limit() -> None:
    text = "Hi Dana, this is Sam Lee. Thank you. " + "More detail here. " * 40
    (finding,) = [f for f in check(text, "voicemail").findings if f.rule == "too-long"]
    assert finding.severity == "warning"
    assert finding.line == 1 and finding.column > 1


def test_context_knows_the_name_role_and_points() -> None:
    text = (
        "Hi Dana, Sam Lee, calling about the analyst job. Moving our reporting to dbt still "
        "excites me. Thank you again. Is there any update?"
    )
    # "Sam Lee, calling about..." introduces the writer; the point is only known from context.
    assert rules_of(text) == {"no-discussion-point"}
    assert "no-self-introduction" in rules_of(text.replace("Sam Lee, ", ""))
    result = check(text, "call", context=interview())
    assert result.findings == ()
    assert "mentions a discussion point" in result.strengths


def test_a_topic_the_interview_covered_is_not_sensitive() -> None:
    text = POLITE + " Thank you also for explaining the salary range."
    assert "sensitive-topic" in rules_of(text)
    covered = interview_from_dict(
        {**json.loads(EXAMPLE.read_text()), "discussion_points": ["the salary range"]}
    )
    assert "sensitive-topic" not in rules_of(text, context=covered)


def test_thanks_only_call_is_a_suggestion_for_calls_only() -> None:
    text = (
        "Hi Dana, this is Sam Lee. I enjoyed our conversation about dbt. Thank you for your time."
    )
    result = check(text, "call")
    assert [(f.rule, f.severity) for f in result.findings] == [("thanks-only-call", "suggestion")]
    assert not result.has_errors
    assert check(text, "email").findings == ()


def test_bad_input_raises_input_errors() -> None:
    with pytest.raises(InputError) as empty:
        check("  \n ", "email")
    assert (empty.value.field, empty.value.why) == ("text", "the draft is empty")
    with pytest.raises(InputError) as kind:
        check(POLITE, "fax")
    assert kind.value.field == "kind"


def test_to_dict_is_the_contract_object() -> None:
    obj = check("Hi Dana, this is Sam Lee. Did I get the job?", "call").to_dict()
    assert set(obj) == {"kind", "words", "findings", "strengths"}
    assert obj["kind"] == "call" and obj["words"] == 11
    finding = next(f for f in obj["findings"] if f["rule"] == "pressures-for-decision")
    assert set(finding) == {
        "rule", "severity", "message", "line", "column", "end_line", "end_column", "excerpt",
        "sources",
    }  # fmt: skip
    assert finding["excerpt"] == "Did I get the job" and finding["sources"] == ["S2-5c"]


#: Pieces that exercise the masks and rules: quotes, brackets, headings, names, sign-offs.
PIECES = st.sampled_from(
    [
        *"ab XY\n\n>[](){}\"#:.!?'’-_😀",
        *(
            "Thanks",
            "this is ",
            "Sam Lee",
            "I've been waiting",
            "Best,",
            "Them: ",
            "other candidates",
        ),
    ]
)
ANY_TEXT = st.one_of(
    st.text(min_size=1, max_size=300), st.lists(PIECES, min_size=1, max_size=60).map("".join)
).filter(str.strip)


@settings(max_examples=300)  # no deadline: speed is bench/bench_checker.py's, not a test's
@given(text=ANY_TEXT, kind=st.sampled_from(DRAFT_KINDS))
def test_any_text_checks_and_every_position_is_inside_it(text: str, kind: str) -> None:
    result = check(text, kind)
    lines = text.split("\n")
    for finding in result.findings:
        assert 1 <= finding.line <= finding.end_line <= len(lines)
        assert 1 <= finding.column <= len(lines[finding.line - 1]) + 1
        assert finding.severity in ("error", "warning", "suggestion")
        if finding.line == finding.end_line and finding.excerpt:
            start = finding.column - 1
            said = lines[finding.line - 1][start : finding.end_column - 1]
            assert finding.excerpt == " ".join(said.split()) or finding.excerpt.endswith("…")


def test_the_role_s_own_name_is_no_sensitive_topic() -> None:
    for draft in (
        POLITE.replace("Senior Data Analyst role", "Litigation Associate role"),
        "Hi Dana, this is Sam Lee. Thank you for the Compensation Analyst interview. Any update?",
    ):
        assert "sensitive-topic" not in rules_of(draft, "text"), draft
    assert "sensitive-topic" in rules_of(POLITE + " Is the litigation against the firm over?")


def test_a_call_that_complains_is_not_a_thanks_only_call() -> None:
    text = "Hi Dana, this is Sam Lee. Thank you. It's been radio silence since our interview."
    assert rules_of(text) == {"complains-about-wait", "no-discussion-point"}


@pytest.mark.parametrize("kind", DRAFT_KINDS)
@pytest.mark.parametrize("draft", ["> only a quote", "[Name]", "(pause)", "Them: hello", "# Plan"])
def test_a_draft_with_nothing_of_the_writer_s_own_still_checks(kind: str, draft: str) -> None:
    result = check(draft, kind)
    assert "no-gratitude" in result.rule_ids


def test_windows_line_ends_read_like_unix_ones() -> None:
    script = "# Status call\r\n\r\nOpening\r\n" + POLITE + "\r\n\r\n(Pause.)\r\n"
    assert check(script, "call").findings == ()
    email = SIGNED_EMAIL.replace("\n", "\r\n")
    assert check(email, "email").findings == ()


@pytest.mark.parametrize(
    "name", ["Tomás Tanaka", "Zoë Smith", "Łukasz Nowak", "Émile Durand", "Björn Berg",
             "Siobhán Kelly", "Ирина Петрова"],
)  # fmt: skip
def test_names_beyond_ascii_introduce_the_caller(name: str) -> None:
    draft = (f"Hello Dana, this is {name}. I interviewed for the analyst role last week. "
             "Thank you again for your time. Is there any update on the position?")  # fmt: skip
    assert "no-self-introduction" not in check(draft, "call").rule_ids
