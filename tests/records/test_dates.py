"""Dates typed outside a conversation are read as every question reads them; anything else gets a kind message."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cpi_chat.errors import RecordsError
from cpi_chat.records.dates import parse_user_date

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run


@pytest.mark.parametrize("text", ["2027-03-31", "31/03/2027", " 31/03/2027 ", "31-03-2027", "31.03.2027"])
def test_iso_and_uk_dates_are_both_read(text: str) -> None:
    assert parse_user_date(text) == date(2027, 3, 31)


@pytest.mark.parametrize("text", ["31/02/2027", "03/31/2027", "2027-13-01"])
def test_a_date_that_does_not_exist_is_refused_kindly(text: str) -> None:
    with pytest.raises(RecordsError, match="doesn't seem to exist"):
        parse_user_date(text)


@pytest.mark.parametrize("text", ["", "soonish", "the 45th"])
def test_an_unreadable_date_says_how_to_write_one_with_an_example_from_today(text: str) -> None:
    with pytest.raises(RecordsError, match="type it like 25/02/2027, 25 February, next Tuesday, or 'in 3 months'"):
        parse_user_date(text, today=date(2026, 11, 25))


def test_the_words_a_conversation_reads_are_read_in_every_box_too() -> None:
    """The issue: "Remind on" refused "in 3 months", which the README lists."""
    from cpi_chat.dialogue.answers import read_date

    today = date(2026, 11, 25)
    for typed in ("in 3 months", "next Tuesday", "14 March", "by June", "in a fortnight", "14/03/2027"):
        assert parse_user_date(typed, today).isoformat() == read_date(typed, today).value


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_any_date_written_either_way_reads_back_the_same(day: date) -> None:
    assert parse_user_date(day.isoformat()) == day
    assert parse_user_date(day.strftime("%d/%m/%Y")) == day
