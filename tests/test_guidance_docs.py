"""Issue 12, point 9: the docs stand alone, and every cited guidance id is explained."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from followup.policy import load_policy
from tests.web_support import example, make_client

ROOT = Path(__file__).parent.parent
GUIDANCE = ROOT / "docs" / "guidance.md"


def _cited() -> set[str]:
    ids = {source for rule in load_policy().rules.values() for source in rule.sources}
    toml = (ROOT / "src/followup/checker/rules/default.toml").read_text(encoding="utf-8")
    for block in re.findall(r"sources\s*=\s*\[([^\]]*)\]", toml):
        ids.update(re.findall(r'"([^"]+)"', block))
    return ids


def test_no_doc_sends_anyone_to_a_shared_directory() -> None:
    for path in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        assert "../shared" not in text and "shared/spec" not in text, path


def test_every_cited_guidance_id_is_explained_with_its_source() -> None:
    text = GUIDANCE.read_text(encoding="utf-8")
    explained = dict(re.findall(r"^### (\S+)\n\n(.*?)(?=\n### |\n## |\Z)", text, re.M | re.S))
    missing = sorted(_cited() - set(explained))
    assert not missing, missing
    for gid, words in explained.items():
        if gid.startswith("S"):
            assert f"From S{gid[1]}." in words, gid


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    yield from make_client(tmp_path)


def test_the_guidance_page_has_an_anchor_per_id_and_each_why_links_to_it(client: Any) -> None:
    page = client.get("/guidance")
    assert page.status_code == 200
    for gid in _cited():
        assert f'id="{gid}"' in page.text, gid
    client.post("/api/v1/interviews", json=example())
    plan_page = client.get("/interviews/acme-analyst").text
    assert 'href="/guidance#S0-6"' in plan_page
