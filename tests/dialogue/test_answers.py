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
