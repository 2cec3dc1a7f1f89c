"""Why a group came up is said in everyday words from structured reasons, never parsed back from text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cpi_chat.assets.why import MatchReason, reasons_in_short, why_in_words


@pytest.mark.parametrize(("reasons", "said"), [
    ([MatchReason("name", "football", "footy")], "Its name says football (you typed 'footy')"),
    ([MatchReason("tags", "fishing")], "It is about fishing"),
    ([MatchReason("schedule", "Tuesdays"), MatchReason("tags", "free")], "It is on Tuesdays; it is about free"),
    ([MatchReason("description", "tuesday"), MatchReason("cost", "free")], "It mentions tuesday; it is free"),
    ([MatchReason("accessibility", "wheelchair")], "Access: wheelchair"),
    ([MatchReason("domain", "Sport")], "It is a kind of sport"),
    ([], "Matches the filters"),
])
def test_each_reason_is_said_in_words(reasons: list[MatchReason], said: str) -> None:
    assert why_in_words(reasons) == said


def test_words_with_a_colon_or_brackets_are_said_as_they_are() -> None:
    """A group whose name holds ': ' or "(from 'x')" is never mistaken for a reason's parts."""
    reason = MatchReason("name", "Art: drop-in (from 'town')", "arts")
    assert why_in_words([reason]) == "Its name says Art: drop-in (from 'town') (you typed 'arts')"
    assert reasons_in_short([reason]) == "name: Art: drop-in (from 'town') (from 'arts')"


@given(st.lists(st.builds(MatchReason, st.sampled_from(["name", "tags", "odd"]), st.text(), st.text())))
def test_any_reasons_come_back_as_text_without_raising(reasons: list[MatchReason]) -> None:
    assert isinstance(why_in_words(reasons), str)
