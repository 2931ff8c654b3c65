"""`followup check` in-process: formats, exit codes 0/1/2, stdin or file, --context, --rules."""

import datetime as dt
import io
import json
import re
from pathlib import Path

from followup.cli import main
from followup.context import Env, fixed_clock

EXAMPLE = Path(__file__).parent.parent / "examples" / "interview.json"
GOOD = "Hi Dana, this is Sam Lee. I enjoyed our talk about dbt. Thank you! Is there any update?"
BAD = "Hi Dana, this is Sam Lee.\nI've been waiting two weeks. Did I get the job?"
LINE = re.compile(r"^\d+:\d+  (error|warning|suggestion)  [a-z-]+  \S.*$")


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    env = Env(
        stdin=io.StringIO(stdin),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
        clock=fixed_clock(dt.datetime(2026, 11, 25, 15, 0, tzinfo=dt.UTC)),
        environ={},
    )
    status = main(["check", *argv], env=env)
    return status, env.stdout.getvalue(), env.stderr.getvalue()  # type: ignore[attr-defined]


def test_text_output_is_one_line_per_finding_then_a_summary() -> None:
    status, out, err = run("--kind", "call", stdin=BAD)
    lines = out.splitlines()
    assert status == 1 and err == ""
    assert all(LINE.match(line) for line in lines[:-1])
    assert lines[2].startswith("2:1  error  complains-about-wait  ")
    assert lines[-1].startswith("call, 16 words: 2 errors, 1 warning, 1 suggestion.")


def test_a_clean_draft_exits_zero_and_names_its_strengths() -> None:
    status, out, _ = run("-", "--kind", "text", stdin=GOOD)
    assert status == 0
    assert out.startswith("text, 18 words: no problems found. Strengths: introduces the sender")


def test_warnings_and_suggestions_alone_exit_zero() -> None:
    status, out, _ = run("--kind", "email", stdin="Hi Dana, this is Sam Lee. Any update?")
    assert status == 0 and "no-gratitude" in out


def test_json_output_follows_the_contract(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(BAD, encoding="utf-8")
    status, out, _ = run(str(draft), "--kind", "voicemail", "--format", "json")
    obj = json.loads(out)
    assert status == 1
    assert obj["kind"] == "voicemail" and obj["words"] == 16
    point = next(f for f in obj["findings"] if f["rule"] == "no-discussion-point")
    assert (point["line"], point["column"]) == (1, 1)
    callback = next(f for f in obj["findings"] if f["rule"] == "no-callback-details")
    assert callback["severity"] == "error"  # a voicemail without a number to call back
    complaint = next(f for f in obj["findings"] if f["rule"] == "complains-about-wait")
    assert (complaint["line"], complaint["column"], complaint["end_column"]) == (2, 1, 18)
    assert complaint["excerpt"] == "I've been waiting"


def test_context_makes_the_checker_know_the_interview() -> None:
    draft = (
        "Hi Dana, Sam Lee, about the analyst job. The churn dashboard rebuild excites me. Thanks!"
    )
    status, out, _ = run("--kind", "call", stdin=draft)
    assert "no-discussion-point" in out and "mentions a discussion point" not in out
    status, out, _ = run("--kind", "call", "--context", str(EXAMPLE), stdin=draft)
    assert status == 0
    assert "no-discussion-point" not in out and "mentions a discussion point" in out


def test_usage_and_input_errors_exit_two_with_one_line(tmp_path: Path) -> None:
    bad_context = tmp_path / "interview.json"
    bad_context.write_text(json.dumps({"company": "Acme"}))
    cases = [
        (["--kind", "call"], "  \n", "text: the draft is empty"),
        (["--kind", "fax"], GOOD, "unknown kind 'fax'"),
        ([str(tmp_path / "absent.txt"), "--kind", "email"], "", "no such file"),
        (["--kind", "call", "--context", str(bad_context)], GOOD, f"{bad_context}: role"),
        (["--kind", "call", "--context", str(tmp_path)], GOOD, "--context: cannot read"),
        (["--kind", "call", "--rules", str(tmp_path / "none.toml")], GOOD, "cannot read"),
        ([], GOOD, "--kind"),
    ]
    for argv, stdin, message in cases:
        status, out, err = run(*argv, stdin=stdin)
        assert status == 2, argv
        assert out == "", argv
        assert len(err.splitlines()) == 1 and message in err, (argv, err)


def test_a_rule_file_changes_what_is_reported(tmp_path: Path) -> None:
    rules = tmp_path / "mine.toml"
    rules.write_text('[rules.no-gratitude]\nseverity = "error"\n')
    draft = "Hi Dana, this is Sam Lee. Any update?"
    status, out, _ = run("--kind", "text", "--rules", str(rules), stdin=draft)
    assert status == 1 and "1:1  error  no-gratitude" in out
