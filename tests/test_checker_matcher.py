"""The fast matcher: trigger words read from a pattern, word boundaries, overlapping matches."""

from followup.checker.matcher import Matcher, alternative, alternatives, top_level_branches


def spans(matcher_sources: list[str], text: str) -> list[str]:
    matcher = Matcher(tuple(alternative(s, whole_word=True) for s in matcher_sources))
    return [text[a:b] for a, b in matcher.spans(text, text.lower())]


def test_top_level_branches_respect_groups_classes_and_escapes() -> None:
    assert top_level_branches(r"hey|he(?:y|a)|[|]x|\|y") == ["hey", "he(?:y|a)", "[|]x", r"\|y"]


def test_trigger_words_come_from_the_parsed_pattern() -> None:
    assert alternative(r"(?:i have|i've)\s+been\s+waiting", whole_word=True).needs == ("waiting",)
    took = alternative(r"(?:taking|taken|took)\s+so\s+long", whole_word=True).needs
    assert took is not None and set(took) == {"taking", "taken", "took"}
    assert alternative(r"[\U0001F300-\U0001FAFF]", whole_word=False).needs is None


def test_whole_words_only_and_a_match_may_start_just_after_a_false_one() -> None:
    assert spans(["hey"], "they said hey") == ["hey"]
    assert spans([r"(?:you )?(?:'re making|making)\s+a\s+mistake"], "You're making a mistake") == [
        "making a mistake"
    ]


def test_overlapping_matches_keep_the_leftmost_longest() -> None:
    found = spans(
        [r"still\s+waiting", r"waiting\s+for\s+ages", r"still\s+waiting\s+for"],
        "I'm still waiting for ages",
    )
    assert found == ["still waiting for"]


def test_branches_without_triggers_are_searched_together() -> None:
    compiled = alternatives("yo|b4|thanks", whole_word=True)
    assert [a.needs for a in compiled] == [("thanks",), None]
