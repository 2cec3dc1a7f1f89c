"""Templates fill in the person's name and earlier answers, and never treat an answer as a template."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cpi_chat.dialogue.events import Answer
from cpi_chat.dialogue.templates import NEUTRAL_PROGRESS_EXAMPLE, names_in, progress_example, render


def test_names_and_answers_are_filled_in():
    assert render("Hello {name}, you like {hobby}.", {"name": "Ada", "hobby": "chess"}) == "Hello Ada, you like chess."


def test_an_answer_that_was_never_given_becomes_empty_rather_than_showing_braces():
    assert render("You chose {chosen_asset}.", {}) == "You chose ."


def test_doubled_braces_show_a_single_brace():
    assert render("Type {{name}} to see {name}", {"name": "Ada"}) == "Type {name} to see Ada"


def test_names_in_lists_the_answers_a_template_uses_in_order():
    assert names_in("{a} and {b_2} but not {{c}} or {Capital}") == ["a", "b_2"]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_braces_inside_an_answer_are_shown_as_typed_and_never_filled_in(typed):
    assert render("You said: {said}.", {"said": typed, "name": "Ada"}) == f"You said: {typed}."


def test_an_answer_that_looks_like_a_template_reaches_the_screen_unchanged(engine_for):
    engine = engine_for("""
        id: t
        title: T
        start: q
        steps:
          - {id: q, ask: "What do you enjoy?"}
          - {id: echo, say: "You enjoy {q}."}
          - {id: keep, record: {kind: note, text: "Enjoys {q}"}}
          - {id: done, end: null}
    """)
    state, _ = engine.start("t", {"name": "Ada"})
    state, reply = engine.handle(state, Answer("{name} and {{today}}"))
    assert reply.messages == ("You enjoy {name} and {{today}}.",)
    assert reply.effects[0].text == "Enjoys {name} and {{today}}"


def test_a_persons_name_with_braces_is_not_filled_in_either(engine_for):
    engine = engine_for("""
        id: t
        title: T
        start: hi
        steps:
          - {id: hi, end: "Hello {name}."}
    """)
    _, reply = engine.start("t", {"name": "{today}"})
    assert reply.messages == ("Hello {today}.",)


def test_dates_are_written_in_words_for_people_but_kept_as_iso_in_records() -> None:
    from cpi_chat.dialogue.templates import render

    values = {"target_by": "2027-02-25"}
    assert render("by {target_by}", values, dates_in_words=True) == "by 25 February 2027"
    assert render("{target_by}", values) == "2027-02-25"
    assert render("{target_by}", {"target_by": "2027-02-30"}, dates_in_words=True) == "2027-02-30"


@pytest.mark.parametrize(("own_words", "example"), [
    (("I can run about 1 km", "finish a 5 km run"), "For example: 1 km"),
    (("", "run 5k without stopping"), "For example: 5k"),
    (("read 20 pages a night",), "For example: 20 pages"),
    (("once a week, for the post office van", "out of the house twice a week"), NEUTRAL_PROGRESS_EXAMPLE),
    (("by the 1st of June", "14/03/2027", "2 a week"), NEUTRAL_PROGRESS_EXAMPLE),
    (("go 2 a week, then 3 times a week",), "For example: 3 times"),
    ((), NEUTRAL_PROGRESS_EXAMPLE),
])
def test_a_progress_example_uses_the_goals_own_unit_or_one_that_fits_anybody(own_words, example):
    assert progress_example(*own_words) == example


def test_the_neutral_progress_example_names_no_sport_or_distance():
    assert "km" not in NEUTRAL_PROGRESS_EXAMPLE and "run" not in NEUTRAL_PROGRESS_EXAMPLE


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=3))
def test_a_progress_example_is_always_one_short_line_starting_for_example(own_words):
    example = progress_example(*own_words)
    assert example.startswith("For example: ") and "\n" not in example.removeprefix("For example: ").strip("\n")
