"""The README names every command, and opens with exactly the two set-up commands."""

from pathlib import Path

from followup.cli import COMMANDS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in COMMANDS if f"followup {name}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_readme_opens_with_the_two_set_up_commands() -> None:
    block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make run", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_doc_the_readme_names_exists() -> None:
    for name in ("policy", "messages", "checker", "tracker", "web", "performance",
                 "dependencies"):  # fmt: skip
        assert f"docs/{name}.md" in README
        assert (ROOT / "docs" / f"{name}.md").is_file()
