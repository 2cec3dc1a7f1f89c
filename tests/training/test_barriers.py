"""The overcoming barriers exercise: splitting into single problems, solutions, realistic marks and the chart."""

from __future__ import annotations

import pytest

from cpi_chat.training import TrainingError
from cpi_chat.training.barriers import (
    Barrier,
    add_solution,
    chart_in_sentences,
    html_page,
    is_complete,
    mark_realistic,
    mermaid,
    new_barrier,
    next_question,
    problems,
    realistic_solutions,
    set_owner,
    split,
    stage,
)


def joyces_barrier() -> Barrier:
    barrier = new_barrier("getting there, with one bus a day and my eyes", "person")
    bus, eyes = split(barrier, ["only one bus a day", "I can't read the timetable"])
    mark_realistic(add_solution(bus, "my worker drives me the first time"), True)
    mark_realistic(add_solution(bus, "a taxi every week"), False)
    mark_realistic(add_solution(eyes, "ask for the timetable in large print"), True)
    return barrier


def answer_all(lines: list[str]) -> Barrier:
    barrier = None
    for line in lines:
        question = next_question(barrier)
        assert question is not None, f"no question left for {line!r}"
        barrier = question.answer(barrier, line)
    assert barrier is not None
    return barrier


def test_splitting_makes_parts_that_are_the_single_problems() -> None:
    barrier = joyces_barrier()
    assert [p.text for p in problems(barrier)] == ["only one bus a day", "I can't read the timetable"]
    assert all(p.owner == "person" for p in problems(barrier))


def test_a_part_can_be_split_again_until_each_is_one_problem() -> None:
    barrier = new_barrier("the group leader is unsure about welcoming Callum", "service")
    _, first_night = split(barrier, ["the leader has not met Callum", "nobody knows him on the first night"])
    split(first_night, ["he does not know the way", "he will not know anyone"])
    assert [p.text for p in problems(barrier)] == ["the leader has not met Callum", "he does not know the way", "he will not know anyone"]


def test_a_barrier_needs_two_parts_to_split_and_solutions_go_on_single_problems() -> None:
    barrier = new_barrier("money")
    with pytest.raises(TrainingError, match="at least two parts"):
        split(barrier, ["costs £5", " "])
    split(barrier, ["costs £5", "bus fare"])
    with pytest.raises(TrainingError, match="single problems"):
        add_solution(barrier, "win the lottery")
    with pytest.raises(TrainingError):
        new_barrier("   ")


def test_only_the_solutions_marked_realistic_are_kept() -> None:
    kept = realistic_solutions(joyces_barrier())
    assert [(p.text, s.text) for p, s in kept] == [
        ("only one bus a day", "my worker drives me the first time"),
        ("I can't read the timetable", "ask for the timetable in large print"),
    ]


def test_the_questions_split_everything_then_brainstorm_then_mark_realistic() -> None:
    barrier = None
    asked = []
    answers = [
        "walking in to the class", "person", "nervous on my own; costs £5", "one", "one",
        "meet the coach first", "ask for a free first month; borrow the money", "yes", "yes", "no",
    ]
    for line in answers:
        question = next_question(barrier)
        assert question is not None
        asked.append(question.text)
        barrier = question.answer(barrier, line)
    assert asked[1].startswith("Whose barrier")
    assert asked[2] == "Is 'walking in to the class' one problem, or a few things together?"
    assert asked[5] == "If 'nervous on my own' were the only obstacle, what could help?"
    assert asked[7].startswith("Is 'meet the coach first' (for 'nervous on my own') still realistic?")
    assert barrier is not None and is_complete(barrier)
    assert [s.text for _, s in realistic_solutions(barrier)] == ["meet the coach first", "ask for a free first month"]


def test_an_answer_that_does_not_fit_the_question_is_refused_with_a_sentence() -> None:
    barrier = answer_all(["no bus on Sundays"])
    question = next_question(barrier)
    assert question is not None
    with pytest.raises(TrainingError, match="person"):
        question.answer(barrier, "dunno")
    set_owner(barrier, "person")
    question = next_question(barrier)
    assert question is not None
    with pytest.raises(TrainingError, match="semicolons"):
        question.answer(barrier, "two things")


def test_the_chart_in_sentences_runs_from_the_barrier_to_each_solution_without_drawing_characters() -> None:
    assert chart_in_sentences(joyces_barrier()).splitlines() == [
        "Barrier (the person's): getting there, with one bus a day and my eyes.",
        "Part 1: only one bus a day.",
        "Part 1, solution 1: my worker drives me the first time (realistic).",
        "Part 1, solution 2: a taxi every week (not realistic).",
        "Part 2: I can't read the timetable.",
        "Part 2, solution 1: ask for the timetable in large print (realistic).",
    ]


def test_the_mermaid_chart_links_every_part_and_solution_and_escapes_quotes() -> None:
    barrier = joyces_barrier()
    barrier.parts[0].text = 'the "one" bus'
    chart = mermaid(barrier)
    assert chart.startswith("flowchart LR")
    assert 'b0 --> b1["the #quot;one#quot; bus"]' in chart
    assert chart.count("-->") == 5
    assert ":::realistic" in chart and ":::unrealistic" in chart


def test_the_printable_page_is_large_print_escaped_and_says_it_is_training() -> None:
    barrier = joyces_barrier()
    barrier.parts[1].text = "<script>alert(1)</script>"
    page = html_page(barrier)
    assert "Training — fictional people" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "font-size: 18pt" in page
    assert "What we will try" in page and "my worker drives me the first time" in page


def test_the_stage_follows_the_questions_and_names_what_is_asked_about() -> None:
    assert (stage(None).number, stage(None).name) == (1, "the barrier")
    barrier = new_barrier("walking in on my own")
    assert (stage(barrier).number, stage(barrier).about) == (2, barrier)
    barrier = next_question(barrier).answer(barrier, "person")  # type: ignore[union-attr]
    barrier = next_question(barrier).answer(barrier, "nervous; costs £5")  # type: ignore[union-attr]
    assert stage(barrier).number == 3 and stage(barrier).about is barrier.parts[0]
    for answer in ["one", "one", "meet the coach", "free month"]:
        barrier = next_question(barrier).answer(barrier, answer)  # type: ignore[union-attr]
    assert stage(barrier).number == 5 and stage(barrier).about is barrier.parts[0].solutions[0]
    for answer in ["yes", "no"]:
        barrier = next_question(barrier).answer(barrier, answer)  # type: ignore[union-attr]
    assert (stage(barrier).number, stage(barrier).name) == (0, "complete")
