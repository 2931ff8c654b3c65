"""The Check page and the API show why a learned finding fired: the words that weighed most,
picked out inside its marked sentence, without JavaScript."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from followup.checker import check
from followup.web.highlight import pieces, weighed_parts
from tests.web_support import make_client, post_form

#: A draft the learned layer flags (giving the employer a deadline), with no phrase rule on it.
DRAFT = (
    "Hi Dana, this is Sam Lee. Thank you for the interview. "
    "If I don't hear back by Friday I will take another offer."
)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Any]:
    yield from make_client(tmp_path)


def learned_finding(kind: str = "email") -> dict[str, Any]:
    found = [f.to_dict() for f in check(DRAFT, kind).findings if f.weighed]
    assert found, "the draft no longer raises a learned finding: pick another"
    return found[0]


def test_the_api_returns_the_words_that_weighed_most(client: Any) -> None:
    result = client.post("/api/v1/checks", json={"text": DRAFT, "kind": "email"}).json()
    weighed = [f for f in result["findings"] if "weighed" in f]
    assert weighed and weighed[0]["weighed"] == learned_finding()["weighed"]
    assert all(f.get("weighed") != [] for f in result["findings"])  # only when non-empty


def test_the_page_says_why_and_marks_the_sentence_and_its_words(client: Any) -> None:
    page = post_form(client, "/check", "/check", {"text": DRAFT, "kind": "email"}).text
    finding = learned_finding()
    words = finding["weighed"]
    why = re.search(r'<span class="why">Why: the words that weighed most: (.*?)\.</span>', page)
    assert why is not None
    assert re.findall(r'<q class="weighed">(.*?)</q>', why.group(1)) == [
        html.escape(word, quote=True) for word in words
    ]
    severity = finding["severity"]
    mark = re.search(rf'<mark class="sev-{severity}"[^>]*>(.*?)<sup>', page, re.S)
    assert mark is not None
    inside = mark.group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", inside)) == finding["excerpt"]
    strong = re.findall(r'<strong class="weighed">(.*?)</strong>', inside)
    assert sorted(map(html.unescape, strong)) == sorted(words)


def test_weighed_words_are_cut_out_of_the_marked_text() -> None:
    text = "If I don't hear back by  Friday I will take another offer."
    parts = weighed_parts(text, ["will", "by Friday", "offer", "absent"])
    assert "".join(words for words, _ in parts) == text
    assert [words for words, heavy in parts if heavy] == ["by  Friday", "will", "offer"]
    assert weighed_parts("willing to", ["will"]) == (("willing to", False),)


def test_a_finding_without_weighed_words_is_marked_whole() -> None:
    marked = pieces("Did I get the job?", [{"line": 1, "column": 1, "end_line": 1,
                     "end_column": 18, "severity": "error", "rule": "r"}])  # fmt: skip
    assert marked[0].parts == (("Did I get the job", False),)
