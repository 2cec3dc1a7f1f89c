"""Reading days, cost and access from an asset's own words, for the filters."""

from __future__ import annotations

import pytest

from cpi_chat.assets.facts import day_filter_mask, is_accessible, is_free, schedule_days
from cpi_chat.errors import CpiChatError

MON, TUE, WED, THU, FRI, SAT, SUN = (1 << i for i in range(7))


@pytest.mark.parametrize(
    ("schedule", "days"),
    [
        ("Tuesdays 10:00-12:00", TUE),
        ("Mon-Fri 9am-5pm", MON | TUE | WED | THU | FRI),
        ("Monday to Thursday", MON | TUE | WED | THU),
        ("First Monday of the month 14:00", MON),
        ("Saturdays & Sundays", SAT | SUN),
        ("Fri\u2013Sun", FRI | SAT | SUN),
        ("Daily 8am-8pm", 0b1111111),
        ("Weekends", SAT | SUN),
        ("Tuesdays and Thursdays", TUE | THU),
        ("Term time, ring for dates", 0),
        ("Weekly call at a time that suits you", 0b1111111),
    ],
)
def test_schedule_text_tells_which_days_something_runs(schedule: str, days: int) -> None:
    assert schedule_days(schedule) == days


@pytest.mark.parametrize("asked", ["tue", "Tuesday", "tuesdays", "TUES"])
def test_a_day_filter_accepts_the_usual_ways_of_writing_a_day(asked: str) -> None:
    assert day_filter_mask(asked) == TUE


def test_an_unknown_day_is_one_clear_sentence() -> None:
    with pytest.raises(CpiChatError, match="not a day of the week"):
        day_filter_mask("someday")


@pytest.mark.parametrize(
    ("cost", "free"),
    [
        ("Free", True), ("Free, donations welcome", True), ("No charge", True), ("free (buy a drink)", True),
        ("\u00a33 per session", False), ("\u00a32 (first session free)", False), ("Donation", False),
        ("Pay as you feel", False), ("", False),
    ],
)
def test_free_means_the_cost_says_it_is_free(cost: str, free: bool) -> None:
    assert is_free(cost) is free


@pytest.mark.parametrize(
    ("notes", "accessible"),
    [
        ("Wheelchair accessible", True), ("Step-free access, hearing loop", True), ("Ground floor", True),
        ("Upstairs, no lift", False), ("Not wheelchair accessible", False), ("Steps at the entrance", False),
        ("Narrow spiral staircase, so not step-free", False),
        ("", False),
    ],
)
def test_accessible_means_step_free_or_wheelchair_access_is_noted(notes: str, accessible: bool) -> None:
    assert is_accessible(notes) is accessible
