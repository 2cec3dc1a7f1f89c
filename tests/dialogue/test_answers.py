"""Typed answers are read kindly: numbers, dates, yes or no, one of several. A failure is always a kind sentence."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cpi_chat.dialogue.answers import (
    AnswerProblem,
    read_choice,
    read_date,
    read_number,
    read_text,
    read_yes_no,
)

TODAY = date(2026, 11, 25)
FAST = settings(max_examples=150, deadline=None)
# Text a person might type, including digits, signs, slashes, odd Unicode and very long numbers.
typed_text = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789 -/.,:in monthsweekdaybyjanfebmarchtomorrow²١", max_size=30),
    st.tuples(st.sampled_from("19"), st.integers(300, 5000)).map(lambda pair: pair[0] * pair[1]),
)


pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run


def _only_kind_problems(read, *args):
    try:
        read(*args)
    except AnswerProblem as problem:
        assert str(problem).strip(), "a problem always says what would work"


@FAST
@given(typed_text)
def test_read_date_never_fails_with_anything_but_a_kind_problem(text):
    _only_kind_problems(read_date, text, TODAY)


@FAST
@given(typed_text, st.none() | st.floats(-100, 100), st.none() | st.floats(-100, 100))
def test_read_number_never_fails_with_anything_but_a_kind_problem(text, low, high):
    _only_kind_problems(read_number, text, low, high)


@FAST
@given(typed_text)
def test_read_yes_no_never_fails_with_anything_but_a_kind_problem(text):
    _only_kind_problems(read_yes_no, text)


@FAST
@given(typed_text, st.lists(st.text(min_size=1, max_size=12), max_size=5))
def test_read_choice_never_fails_with_anything_but_a_kind_problem(text, options):
    _only_kind_problems(read_choice, text, options)


@FAST
@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)))
def test_a_date_written_the_iso_or_the_british_way_reads_back_as_the_same_day(day):
    assert read_date(day.isoformat(), TODAY).value == day.isoformat()
    assert read_date(day.strftime("%d/%m/%Y"), TODAY).value == day.isoformat()


@FAST
@given(st.dates(date(1900, 1, 1), date(2200, 12, 31)))
def test_a_date_to_come_is_today_or_later_and_one_gone_by_is_asked_again_kindly(day):
    if day >= TODAY:
        assert read_date(day.strftime("%d/%m/%Y"), TODAY, to_come=True).value == day.isoformat()
    else:
        with pytest.raises(AnswerProblem, match="That date has gone by"):
            read_date(day.strftime("%d/%m/%Y"), TODAY, to_come=True)


@FAST
@given(st.integers(0, 3000))
def test_in_n_days_is_that_many_days_after_today(days):
    assert read_date(f"in {days} days", TODAY).value == (TODAY + timedelta(days=days)).isoformat()


@FAST
@given(st.integers(-10**12, 10**12))
def test_a_whole_number_reads_back_as_itself(number):
    assert read_number(str(number)).value == str(number)


@FAST
@given(st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_a_decimal_number_reads_back_without_an_exponent(number):
    value = read_number(str(number) if "E" not in str(number) else format(number, "f")).value
    assert "e" not in value.lower()
    assert float(value) == pytest.approx(float(number))


@FAST
@given(st.lists(st.text(alphabet="abcdefgh ", min_size=1, max_size=10).map(str.strip).filter(bool),
                min_size=1, max_size=6, unique_by=str.lower))
def test_every_option_can_be_chosen_by_its_number_and_by_its_words(options):
    for position, option in enumerate(options, start=1):
        assert read_choice(str(position), options).value == option
        assert read_choice(option.upper(), options).value == option


def test_a_large_number_is_shown_in_plain_figures():
    assert read_number("1,234,567.5").value == "1234567.5"
    assert read_number("0.0001").value == "0.0001"


def test_an_absurdly_large_number_is_refused_kindly():
    with pytest.raises(AnswerProblem, match="too big"):
        read_number("1" * 400)


def test_a_number_outside_the_limits_says_which_limit():
    with pytest.raises(AnswerProblem, match="at least 1"):
        read_number("0", 1, 5)
    with pytest.raises(AnswerProblem, match="no bigger than 5"):
        read_number("6", 1, 5)


@pytest.mark.parametrize(("typed", "kept"), [
    ("tomorrow", "2026-11-26"), ("next week", "2026-12-02"), ("in a fortnight", "2026-12-09"),
    ("in 3 months", "2027-02-25"), ("by June", "2027-06-30"), ("14 March", "2027-03-14"),
    ("the 1st of December 2026", "2026-12-01"), ("14/3/27", "2027-03-14"), ("2027-01-31", "2027-01-31"),
])
def test_everyday_ways_of_saying_a_date_are_understood(typed, kept):
    assert read_date(typed, TODAY).value == kept


WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
any_day = st.dates(date(2000, 1, 1), date(2100, 12, 31))
any_weekday = st.integers(0, 6)


def _in_any_case(words: str, draw_case: list[bool]) -> str:
    return "".join(c.upper() if upper else c for c, upper in zip(words, draw_case + [False] * len(words), strict=False))


@pytest.mark.parametrize(("typed", "kept"), [  # TODAY is Wednesday 25 November 2026
    ("next tuesday", "2026-12-01"), ("Next Tuesday.", "2026-12-01"), ("tuesday", "2026-12-01"),
    ("on Monday", "2026-11-30"), ("this friday", "2026-11-27"), ("by Friday", "2026-11-27"),
    ("this wednesday", "2026-11-25"), ("wednesday", "2026-12-02"), ("next thursday", "2026-12-03"),
    ("Tues", "2026-12-01"), ("thurs", "2026-11-26"), ("tuesday week", "2026-12-08"),
    ("the tuesday after next", "2026-12-08"), ("thursday next week", "2026-12-03"),
    ("the weekend", "2026-11-28"), ("next weekend", "2026-12-05"),
    ("the day after tomorrow", "2026-11-27"), ("a week today", "2026-12-02"),
    ("in a fortnight's time", "2026-12-09"), ("in two weeks’ time", "2026-12-09"), ("IN A FORTNIGHT", "2026-12-09"),
    ("Tuesday 1 December", "2026-12-01"), ("tue, 1/12/2026", "2026-12-01"),
])
def test_days_of_the_week_and_everyday_words_for_soon_are_understood(typed, kept):
    assert read_date(typed, TODAY).value == kept


@FAST
@given(any_day, any_weekday, st.sampled_from(["", "on ", "by ", "coming ", "this coming "]), st.lists(st.booleans()))
def test_a_day_of_the_week_on_its_own_is_the_coming_one_in_any_capitals(today, weekday, before, capitals):
    typed = _in_any_case(before + WEEKDAY_NAMES[weekday], capitals)
    found = date.fromisoformat(read_date(typed, today).value)
    assert found.weekday() == weekday
    assert 1 <= (found - today).days <= 7


@FAST
@given(any_day, any_weekday)
def test_this_friday_is_within_the_coming_week_and_may_be_today(today, weekday):
    found = date.fromisoformat(read_date(f"this {WEEKDAY_NAMES[weekday]}", today).value)
    assert found.weekday() == weekday
    assert 0 <= (found - today).days <= 6


@FAST
@given(any_day, any_weekday)
def test_next_tuesday_is_that_day_in_next_week_monday_to_sunday(today, weekday):
    found = date.fromisoformat(read_date(f"next {WEEKDAY_NAMES[weekday]}", today).value)
    next_monday = today + timedelta(days=7 - today.weekday())
    assert found == next_monday + timedelta(days=weekday)
    assert read_date(f"{WEEKDAY_NAMES[weekday]} next week", today).value == found.isoformat()


@FAST
@given(any_day, any_weekday)
def test_tuesday_week_is_a_week_after_the_coming_tuesday(today, weekday):
    coming = date.fromisoformat(read_date(WEEKDAY_NAMES[weekday], today).value)
    assert read_date(f"{WEEKDAY_NAMES[weekday]} week", today).value == (coming + timedelta(days=7)).isoformat()


@FAST
@given(any_day)
def test_tomorrow_next_week_and_a_fortnight_count_from_the_today_given(today):
    assert read_date("Tomorrow", today).value == (today + timedelta(days=1)).isoformat()
    assert read_date("next week", today).value == (today + timedelta(days=7)).isoformat()
    assert read_date("in a fortnight", today).value == (today + timedelta(days=14)).isoformat()


@FAST
@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_a_date_written_after_its_day_of_the_week_reads_as_that_date(day):
    assert read_date(f"{day:%A} {day:%d/%m/%Y}", TODAY).value == day.isoformat()


def test_a_day_of_the_week_that_does_not_fit_the_date_is_questioned_kindly():
    with pytest.raises(AnswerProblem, match="1 December 2026 is a Tuesday, not a Friday"):
        read_date("Friday 1 December", TODAY)


@pytest.mark.parametrize("typed", ["next tuesday week", "tuesdays", "next", "this week on", "funday"])
def test_day_words_that_do_not_make_a_date_are_refused_kindly(typed):
    with pytest.raises(AnswerProblem, match="couldn't read that as a date"):
        read_date(typed, TODAY)


@pytest.mark.parametrize("typed", ["31/02/2027", "sometime", "1/1/1800"])
def test_a_date_that_cannot_be_read_or_does_not_exist_is_refused_kindly(typed):
    with pytest.raises(AnswerProblem):
        read_date(typed, TODAY)


@pytest.mark.parametrize(("typed", "kept"), [("Yeah!", "yes"), ("I did", "yes"), ("nah", "no"), ("no thanks", "no")])
def test_yes_and_no_are_understood_in_everyday_words(typed, kept):
    assert read_yes_no(typed).value == kept


def test_choosing_from_no_options_is_a_kind_problem_not_a_crash():
    with pytest.raises(AnswerProblem):
        read_choice("1", [])


def test_unicode_digits_and_huge_numbers_do_not_crash_a_choice():
    with pytest.raises(AnswerProblem):
        read_choice("²", ["a", "b"])
    with pytest.raises(AnswerProblem):
        read_choice("1" * 5000, ["a", "b"])


def test_an_empty_answer_is_refused_with_time_to_think():
    with pytest.raises(AnswerProblem, match="Take your time"):
        read_text("   ")
