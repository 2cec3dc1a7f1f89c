"""Why a group came up is said in everyday words, never as a field name and a colon."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cpi_chat.assets.why import why_in_words


@pytest.mark.parametrize(("why", "said"), [
    ("name: football (from 'footy')", "Its name says football (you typed 'footy')"),
    ("tags: fishing", "It is about fishing"),
    ("schedule: tuesdays; tags: free", "It is on tuesdays; it is about free"),
    ("description: tuesday; cost: free", "It mentions tuesday; it is free"),
    ("accessibility: wheelchair", "Access: wheelchair"),
    ("domain: Sport", "It is a kind of sport"),
    ("matches the filters", "Matches the filters"),
    ("", ""),
])
def test_each_reason_is_said_in_words(why: str, said: str) -> None:
    assert why_in_words(why) == said


@given(st.text())
def test_any_text_comes_back_as_text_without_raising(why: str) -> None:
    assert isinstance(why_in_words(why), str)
