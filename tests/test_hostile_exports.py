"""Exports that are safe to write and to open: `export --output` through `mkstemp`, never
over a FIFO, a device or a directory; CSV cells neutralised against formula injection;
no control character in an .ics text value."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from followup.formats.csv_io import neutralised
from followup.formats.ics import ics_text
from tests.tracker_support import Cli, cli_with_example, example


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return cli_with_example(tmp_path)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_export_output_replaces_a_regular_file_atomically_keeping_its_mode(
    cli: Cli, tmp_path: Path
) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    target.chmod(0o640)
    done = cli("export", "--json", "--output", str(target))
    assert done.status == 0, done.err
    assert json.loads(target.read_text())[0]["id"] == "acme-analyst"
    assert (target.stat().st_mode & 0o777) == 0o640
    assert _leftovers(tmp_path) == []


def test_export_output_never_follows_a_planted_tmp_symlink(cli: Cli, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (tmp_path / "out.csv.tmp").symlink_to(victim)  # the old predictable temporary name
    assert cli("export", "--csv", "--output", str(tmp_path / "out.csv")).status == 0
    assert victim.read_text() == "precious"
    assert (tmp_path / "out.csv").read_text().startswith("id,company")


@pytest.mark.parametrize("kind", ["fifo", "directory", "device", "symlink-to-device"])
def test_export_output_refuses_a_target_that_is_not_a_regular_file(
    cli: Cli, tmp_path: Path, kind: str
) -> None:
    target = tmp_path / "target"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "directory":
        target.mkdir()
    elif kind == "symlink-to-device":
        target.symlink_to("/dev/null")
    else:
        target = Path("/dev/null")
    done = cli("export", "--json", "--output", str(target))
    assert done.status == 2
    assert (
        done.err == f"followup: --output: {target} exists and is not a regular file; not replaced\n"
    )
    assert Path("/dev/null").is_char_device()
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("output", ["", " ", "no/such/folder/out.json"])
def test_export_output_exits_2_on_an_empty_path_or_a_missing_folder(
    cli: Cli, tmp_path: Path, output: str
) -> None:
    os.chdir(tmp_path)
    done = cli("export", "--json", "--output", output)
    assert done.status == 2 and done.err.startswith("followup: --output: ")
    assert "Traceback" not in done.err and done.err.count("\n") == 1
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("cell", "written"),
    [("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"), ("+1 617 555 0142",
     "'+1 617 555 0142"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("Acme", "Acme"), ("", "")],
)  # fmt: skip
def test_csv_cells_that_start_a_formula_are_neutralised(cell: str, written: str) -> None:
    assert neutralised(cell) == written


def test_csv_export_neutralises_and_import_reads_the_same_values(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    hostile = example(company="=cmd|' /C calc'!A0", role="@SUM(1+1)")
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile))
    assert cli("add", "--from", str(path)).status == 0
    out = cli("export", "--csv").out
    row = out.splitlines()[1]
    assert ",'=cmd|' /C calc'!A0," in row and ",'@SUM(1+1)," in row
    assert ",'+1 617 555 0199," in row  # the contact's phone, too
    again = Cli(tmp_path / "again")
    (tmp_path / "export.csv").write_text(out)
    assert again("import", str(tmp_path / "export.csv")).status == 0
    stored = json.loads(again("export", "--json").out)[0]
    assert stored["company"] == hostile["company"] and stored["role"] == hostile["role"]
    assert stored["interviewers"][0]["phone"] == "+1 617 555 0199"


def test_ics_text_strips_every_control_character() -> None:
    every = "".join(map(chr, [*range(0x20), 0x7F, *range(0x80, 0xA0), 0x2028, 0x2029]))
    single = ics_text(f"a{every}b")
    assert single == "a" + " " * 9 + "\t" + " " * (len(every) - 10) + "b"  # tab is text
    multi = ics_text(f"a{every}b", lines=True)
    assert multi.count("\n") == 5 and "\r" not in multi  # LF, CR LF, NEL, U+2028, U+2029
    assert ics_text("plain\ttext, café 😀") == "plain\ttext, café 😀"


def test_ics_text_values_hold_no_control_characters(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    nasty = "A\u0085B\u2028C\u2029D"  # the codec refuses NUL, VT, FF and FS-US itself
    hostile = example(company=f"Acme {nasty}", role=f"Analyst {nasty}")
    hostile["interviewers"] = [{"name": f"Dana {nasty}", "email": "dana@acme.example",
                                "primary": True}]  # fmt: skip
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(hostile))
    assert cli("add", "--from", str(path)).status == 0, cli("add", "--from", str(path)).err
    calendar = cli("export", "--ics").out
    assert "BEGIN:VEVENT" in calendar
    for char in "\u0000\u000b\u000c\u001c\u001d\u001e\u001f\u0085\u2028\u2029\u007f":
        assert char not in calendar, repr(char)
    unfolded = calendar.replace("\r\n ", "")
    assert "SUMMARY:" in unfolded and "Dana A B C D" in unfolded
