"""Dates in words: one module writes every date people read, the same way everywhere."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cpi_chat import words

PACKAGE = Path(words.__file__).parent
TUESDAY = date(2026, 12, 1)


@pytest.mark.parametrize(("write", "expected"), [
    (words.long_date, "1 December 2026"),
    (words.date_with_weekday, "Tuesday 1 December 2026"),
    (words.short_date, "1 Dec 2026"),
    (words.day_and_month, "1 December"),
    (words.chart_date, "01 Dec"),
])
def test_each_way_of_writing_a_date(write, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert write(TUESDAY) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_an_iso_date_reads_back_in_words_and_a_chart_date_is_always_six_characters(day: date) -> None:
    assert words.iso_in_words(day.isoformat()) == words.long_date(day)
    assert words.day_of(f"{day.isoformat()}T10:00:00") == day
    assert len(words.chart_date(day)) == 6


@pytest.mark.parametrize("text", ["", "soon", "2026-13-01", "2026-02-30", "next Tuesday"])
def test_words_that_are_not_an_iso_date_are_kept_as_they_are(text: str) -> None:
    assert words.iso_in_words(text) == text
    assert words.day_of(text) is None


def test_no_other_module_formats_a_date_for_people() -> None:
    """strftime and %B/%b outside words.py would start a fifth way of writing dates (a file's time stamp is not for people)."""
    month_format = re.compile(r"%[bB]|strftime")
    allowed = {"words.py"}
    found = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py") if path.relative_to(PACKAGE).as_posix() not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if month_format.search(line) and "%Y%m%dT%H%M%S%fZ" not in line
    ]
    assert found == []
