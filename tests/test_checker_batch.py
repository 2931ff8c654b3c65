"""`followup check` on many drafts in one process (files, directories, JSON Lines), its limits
and bad input, and the click-free fast path that answers plain calls."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from followup.check_report import MAX_DRAFT_BYTES
from followup.checker import check
from followup.checker.language import reads_as_english
from followup.cli import main
from followup.context import Env, fixed_clock
from followup.entry import check_arguments

GOOD = "Hi Dana, this is Sam Lee. I enjoyed our talk about dbt. Thank you! Is there any update?"
BAD = "Hi Dana, this is Sam Lee.\nI've been waiting two weeks. Did I get the job?"
GERMAN = (
    "Sehr geehrte Frau Schmidt, vielen Dank für das freundliche Gespräch gestern. Ich habe mich "
    "sehr gefreut, mehr über die Stelle zu erfahren, und freue mich auf Ihre Rückmeldung. "
    "Mit freundlichen Grüßen, Jonas Weber"
)
CHINESE = (
    "您好，王经理：感谢您昨天抽出时间与我面谈。我对这个职位非常感兴趣，期待您的回复。此致敬礼，李明"
)
DATA = Path(__file__).parent / "data"


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


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    """A directory of drafts: two good, one bad, nested, and files that are not drafts."""
    (tmp_path / "b-sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-sub" / "c.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden" / "d.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / ".e.txt").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_one_file_gives_exactly_the_contract_output(tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(BAD, encoding="utf-8")
    status, out, err = run(str(path), "--kind", "call")
    assert (status, out, err) == (1, check(BAD, "call").to_text(), "")
    status, out, _ = run(str(path), "--kind", "call", "--format", "json")
    assert out == json.dumps(check(BAD, "call").to_dict(), indent=2, ensure_ascii=False) + "\n"


def test_a_directory_is_every_draft_below_it_in_sorted_order(drafts: Path) -> None:
    status, out, err = run(str(drafts), "--kind", "text", "--format", "json")
    results = [json.loads(line) for line in out.splitlines()]
    names = [Path(result["file"]).relative_to(drafts).as_posix() for result in results]
    assert names == ["a.txt", "b-sub/c.md", "b.txt"]  # .hidden, .e.txt and notes.json skipped
    assert status == 1 and err == ""  # c.md has errors
    assert results[1]["findings"] == check(BAD, "text").to_dict()["findings"]
    assert {"kind", "words", "findings", "strengths"} <= set(results[0])


def test_batch_text_prefixes_each_line_with_the_file(drafts: Path) -> None:
    bad = drafts / "b-sub" / "c.md"
    status, out, _ = run(str(drafts / "a.txt"), str(bad), "--kind", "call")
    lines = out.splitlines()
    assert status == 1
    assert lines[0].startswith(f"{drafts / 'a.txt'}: call, 18 words: ")
    expected = check(BAD, "call")
    for line, finding in zip(lines[1:], expected.findings, strict=False):
        assert line == (
            f"{bad}:{finding.line}:{finding.column}  {finding.severity}  {finding.rule}  "
            f"{finding.message}"
        )
    assert lines[-2] == f"{bad}: {expected.summary()}"
    assert lines[-1] == "2 drafts checked, 1 with errors."


def test_all_good_drafts_exit_zero(drafts: Path) -> None:
    status, out, _ = run(str(drafts / "a.txt"), str(drafts / "b.txt"), "--kind", "text")
    assert status == 0 and out.endswith("2 drafts checked, 0 with errors.\n")


def test_an_unreadable_draft_is_reported_and_the_batch_goes_on(drafts: Path) -> None:
    (drafts / "empty.txt").write_text("  \n", encoding="utf-8")
    (drafts / "binary.txt").write_bytes(b"GIF89a\0\0\1")
    (drafts / "latin1.txt").write_bytes("Danke schön".encode("latin-1"))
    status, out, err = run(str(drafts), "--kind", "text", "--format", "json")
    results = {Path(r["file"]).name: r for r in map(json.loads, out.splitlines())}
    assert status == 2
    assert results["empty.txt"]["error"] == "the draft is empty"
    assert "NUL bytes" in results["binary.txt"]["error"]
    assert "not UTF-8" in results["latin1.txt"]["error"]
    assert "findings" in results["a.txt"] and "findings" in results["c.md"]
    assert len(err.splitlines()) == 3 and all(
        line.startswith("followup: ") for line in err.splitlines()
    )
    assert f"{drafts / 'empty.txt'}: the draft is empty" in err


def test_jsonl_gives_one_result_a_line_in_order_with_ids() -> None:
    lines = [
        {"id": "first", "text": GOOD, "kind": "text"},
        {"text": BAD, "kind": "call"},
        {"id": 7, "text": BAD},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n"
    status, out, err = run(
        "--input-format", "jsonl", "--kind", "email", "--format", "json", stdin=stdin
    )
    results = [json.loads(line) for line in out.splitlines()]
    assert status == 1 and err == ""
    assert [(r.get("id"), r["line"], r["kind"]) for r in results] == [
        ("first", 1, "text"),
        (None, 2, "call"),
        (7, 3, "email"),  # the line's kind, else --kind
    ]
    assert results[2]["findings"] == check(BAD, "email").to_dict()["findings"]


def test_jsonl_context_is_an_interview_object() -> None:
    interview = json.loads(
        (Path(__file__).parent.parent / "examples" / "interview.json").read_text()
    )
    draft = "Hi, it's me again. Did I get the job?"
    stdin = json.dumps({"text": draft, "kind": "call", "context": interview}) + "\n"
    _, out, _ = run("--input-format", "jsonl", "--format", "json", stdin=stdin)
    assert "findings" in json.loads(out)
    bad = json.dumps({"text": draft, "kind": "call", "context": {"role": 3}}) + "\n"
    status, out, err = run("--input-format", "jsonl", stdin=bad)
    assert status == 2 and err.startswith("followup: line 1: context: ")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "line 1: is not valid JSON"),
        ("[1, 2]", "line 1: must be a JSON object"),
        ('{"kind": "text"}', "line 1: text: required"),
        ('{"text": 3, "kind": "text"}', "line 1: text: required"),
        ('{"text": "  ", "kind": "text"}', "line 1: text: the draft is empty"),
        ('{"text": "Hi", "kind": "fax"}', "line 1: kind: unknown kind 'fax'"),
        ('{"text": "Hi"}', "line 1: kind: required"),
        ('{"text": "Hi", "kind": "text", "txt": 1}', "line 1: txt: unknown key"),
        ('{"text": "Hi", "kind": "text", "id": [1]}', "line 1: id: must be a string"),
        ('{"text": "a\\u0000b", "kind": "text"}', "line 1: text: is not text"),
    ],
)
def test_a_bad_jsonl_line_names_its_line_and_field_and_the_rest_is_checked(
    line: str, message: str
) -> None:
    good = json.dumps({"text": GOOD, "kind": "text"})
    status, out, err = run(
        "--input-format", "jsonl", "--format", "json", stdin=f"{line}\n\n{good}\n"
    )
    results = [json.loads(each) for each in out.splitlines()]
    assert status == 2
    assert err.splitlines() == [f"followup: {message}" + err.splitlines()[0][len(message) + 10 :]]
    assert results[0]["line"] == 1 and "error" in results[0]
    assert results[1]["line"] == 3 and results[1]["findings"] == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "--kind: required"),
        (["a.txt", "--kind", "fax"], "unknown kind 'fax'"),
        (["a.txt", "-", "--kind", "text"], "cannot be one of several drafts"),
        (["a.txt", "--input-format", "jsonl"], "reads standard input only"),
        (["--kind", "text", "--format", "xml"], "'xml' is not one of"),
    ],
)
def test_usage_errors_exit_two_with_one_line(argv: list[str], message: str) -> None:
    status, out, err = run(*argv, stdin=GOOD)
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and message in err and "Traceback" not in err


def test_a_draft_over_the_limit_is_refused_naming_the_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Thank you for the interview. " * (1_000_000 // 29), encoding="utf-8")
    status, out, err = run(str(big), "--kind", "email")
    assert (status, out) == (2, "")
    assert err.startswith(f"followup: FILE {big}: is 99") or f"FILE {big}: is 1," in err
    assert "at most 100,000 bytes" in err
    status, _, err = run("--kind", "email", stdin="word " * MAX_DRAFT_BYTES)
    assert status == 2 and "text: is over 100,000 bytes" in err
    line = json.dumps({"text": "word " * MAX_DRAFT_BYTES, "kind": "email"})
    status, _, err = run("--input-format", "jsonl", stdin=line + "\n")
    assert status == 2 and "line 1: text: is over 100,000 bytes" in err


def test_a_draft_just_under_the_limit_is_checked(tmp_path: Path) -> None:
    long = tmp_path / "long.txt"
    sentence = "Hi Dana, this is Sam Lee and thank you for the interview about the role. "
    long.write_text(sentence * (MAX_DRAFT_BYTES // len(sentence)), encoding="utf-8")
    status, out, _ = run(str(long), "--kind", "email")
    assert status == 0 and "too-long" in out


def test_binary_and_empty_single_drafts_exit_two_naming_the_file(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    for path, why in ((binary, "is not text"), (empty, "the draft is empty")):
        status, out, err = run(str(path), "--kind", "email")
        assert (status, out) == (2, "") and err == f"followup: FILE {path}: {why}" + err[
            len(f"followup: FILE {path}: {why}") :
        ]
        assert len(err.splitlines()) == 1
    status, _, err = run("--kind", "email", stdin="a\0b")
    assert status == 2 and err.startswith("followup: text: is not text")


@pytest.mark.parametrize("draft", [GERMAN, CHINESE])
def test_a_draft_in_another_language_is_checked_with_a_note(draft: str, tmp_path: Path) -> None:
    path = tmp_path / "draft.txt"
    path.write_text(draft, encoding="utf-8")
    status, out, err = run(str(path), "--kind", "email", "--format", "json")
    assert status in (0, 1) and json.loads(out)["kind"] == "email"
    assert err == (
        f"followup: note: {path} does not read as English; the checker reads English only, "
        "so its findings may not hold\n"
    )


def test_every_corpus_draft_reads_as_english() -> None:
    for name in ("drafts.jsonl", "heldout.jsonl", "heldout2.jsonl", "heldout3.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            assert reads_as_english(text), text[:80]


@pytest.mark.parametrize(
    "text",
    [
        GERMAN,
        CHINESE,
        "Bonjour Madame Dupont, je vous remercie pour l'entretien d'hier. J'ai beaucoup "
        "apprécié notre échange sur le poste et je reste à votre disposition. Cordialement",
        "Hola Sr. García, muchas gracias por la entrevista de ayer. Me encantó conocer más "
        "sobre el puesto y el equipo. Quedo atento a sus noticias. Saludos cordiales, Lucía",
        "Здравствуйте! Спасибо за интервью, мне очень понравилось.",
    ],
)
def test_other_languages_do_not_read_as_english(text: str) -> None:
    assert not reads_as_english(text)


@pytest.mark.parametrize(
    ("argv", "parsed"),
    [
        (["check", "a.txt", "--kind", "email"], {"sources": ["a.txt"], "kind": "email"}),
        (["check", "--kind=call", "-"], {"sources": ["-"], "kind": "call"}),
        (
            ["check", "d", "e", "--format", "json", "--kind", "text"],
            {"sources": ["d", "e"], "output": "json", "kind": "text"},
        ),
        (["check", "--input-format", "jsonl"], {"sources": [], "input_format": "jsonl"}),
        (["check", "--kind", "email", "--context", "x.json"], None),
        (["check", "--kind", "email", "--rules", "r.toml"], None),
        (["check", "--kind", "email", "--format", "xml"], None),
        (["check", "--kind"], None),
        (["check", "--kind", "email", "--kind", "call"], None),
        (["check", "--help"], None),
        (["today"], None),
    ],
)
def test_only_plain_check_calls_take_the_fast_path(argv: list[str], parsed: object) -> None:
    assert check_arguments(argv) == parsed


def script(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """The console script in a fresh process; the last line of stderr says whether click was
    imported."""
    probe = (
        "import sys\n"
        f"sys.argv = ['followup', *{list(args)!r}]\n"
        "import followup.entry\n"
        "followup.entry.FAST_EXIT = False\n"
        "from followup.entry import run\n"
        "try:\n    run()\nexcept SystemExit as done:\n    code = done.code\n"
        "print('click' in sys.modules, code, file=sys.stderr)\n"
    )
    return subprocess.run([sys.executable, "-c", probe], input=stdin, capture_output=True,
                          text=True, timeout=60, check=False)  # fmt: skip


def test_the_fast_path_answers_like_the_click_command(drafts: Path) -> None:
    cases = [
        ([str(drafts / "a.txt"), "--kind", "email"], ""),
        (["--kind", "call", "--format", "json"], BAD),
        ([str(drafts), "--kind", "text"], ""),
        ([str(drafts), "--kind", "text", "--format", "json"], ""),
        (
            ["--input-format", "jsonl", "--format", "json"],
            "{}\n" + json.dumps({"text": BAD, "kind": "text"}),
        ),
        ([str(drafts / "absent.txt"), "--kind", "email"], ""),
        (["--kind", "fax"], GOOD),
    ]
    for argv, stdin in cases:
        fast = script("check", *argv, stdin=stdin)
        *messages, probe = fast.stderr.splitlines()
        imported, code = probe.split()
        assert imported == "False", argv  # answered without click
        status, out, err = run(*argv, stdin=stdin)
        assert (int(code), fast.stdout, "\n".join(messages)) == (status, out, err.rstrip("\n"))


def test_the_fast_path_exits_with_everything_written(drafts: Path) -> None:
    probe = (
        "import sys\n"
        f"sys.argv = ['followup', 'check', {str(drafts)!r}, '--kind', 'call']\n"
        "from followup.entry import run\n"
        "run()\n"
        "print('not reached')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=60, check=False)  # fmt: skip
    status, out, err = run(str(drafts), "--kind", "call")
    assert (done.returncode, done.stdout, done.stderr) == (status, out, err) == (1, out, "")
    assert out.endswith("3 drafts checked, 1 with errors.\n")
