"""Dates typed by people: ISO and UK day/month/year are read; anything else gets a kind message."""

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


@pytest.mark.parametrize("text", ["31/02/2027", "03/31/2027", "next Tuesday", "", "2027-13-01"])
def test_an_unreadable_date_says_how_to_write_one(text: str) -> None:
    with pytest.raises(RecordsError, match="please write it like 2027-03-31 or 31/03/2027"):
        parse_user_date(text)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_any_date_written_either_way_reads_back_the_same(day: date) -> None:
    assert parse_user_date(day.isoformat()) == day
    assert parse_user_date(day.strftime("%d/%m/%Y")) == day
