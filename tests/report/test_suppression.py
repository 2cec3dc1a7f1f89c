"""Small numbers are hidden the same way everywhere: 1 to 4 as 'fewer than 5', and never worked out by subtraction."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from cpi_chat.report.figures import Change, Figures
from cpi_chat.report.sections import build_view
from cpi_chat.report.view import (
    ALSO_HIDDEN,
    HIDDEN,
    count_words,
    mean_words,
    parts_words,
    share_words,
)


def test_counts_from_one_to_four_are_hidden_and_none_and_five_are_shown() -> None:
    assert [count_words(n) for n in (0, 1, 4, 5, 1234)] == ["none", HIDDEN, HIDDEN, "5", "1,234"]


def test_an_average_over_fewer_than_five_people_is_not_shown() -> None:
    assert mean_words(12, 4) == "not shown (fewer than 5 people)"
    assert mean_words(12, 5) == "2.4"


def test_a_share_is_not_shown_when_either_number_is_hidden() -> None:
    assert share_words(3, 40) == "not shown"
    assert share_words(10, 40) == "25%"


def test_when_one_part_alone_would_be_hidden_the_smallest_other_part_is_hidden_too() -> None:
    assert parts_words(20, [3, 7, 10]) == [HIDDEN, ALSO_HIDDEN, "10"]
    assert parts_words(20, [3, 0, 17]) == [HIDDEN, "none", ALSO_HIDDEN]
    assert parts_words(20, [5, 5, 10]) == ["5", "5", "10"]
    assert parts_words(9, [2, 3, 4]) == [HIDDEN, HIDDEN, HIDDEN]


@given(st.lists(st.integers(min_value=0, max_value=60), min_size=2, max_size=5))
def test_no_hidden_part_can_be_worked_out_from_the_total_and_the_parts_shown(parts: list[int]) -> None:
    total = sum(parts)
    words = parts_words(total, parts)
    unknown = [w for w in words if w in (HIDDEN, ALSO_HIDDEN)]
    assert len(unknown) != 1 or count_words(total) == HIDDEN
    for part, word in zip(parts, words, strict=True):
        assert word in (HIDDEN, ALSO_HIDDEN) or word == count_words(part)
        if 0 < part < 5:
            assert word == HIDDEN


@given(st.integers(0, 30), st.integers(0, 30), st.integers(0, 30))
def test_no_number_from_one_to_four_is_ever_shown_as_a_count(better: int, same: int, worse: int) -> None:
    change = Change(people=better + same + worse, first_sum=10.0, latest_sum=12.0, better=better, same=same, worse=worse)
    figures = Figures.model_validate({"period_from": "2027-01-01", "period_to": "2027-03-31", "people_supported": better,
                                      "goals_set": same, "goals_achieved": worse, "ratings": {"Seeing people": change}})
    for section in build_view(figures).sections:
        values = [row.value for row in section.rows] + [c for _, cells in (section.table.rows if section.table else ()) for c in cells]
        for value in values:
            assert not re.fullmatch(r"[1-4]", value), (section.heading, value)
