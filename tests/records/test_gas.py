"""Goal Attainment Scaling: the T-score by Kiresuk and Sherman's formula, and each review kept with its goals' levels."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cpi_chat import records
from cpi_chat.errors import RecordsError
from cpi_chat.records.gas import gas_t_score, goal_levels


def test_goals_met_as_expected_give_fifty() -> None:
    assert gas_t_score([0, 0, 0]) == 50


def test_two_goals_worked_out_by_hand() -> None:
    # 50 + 10 * (1 + 0) / sqrt(0.7 * 2 + 0.3 * 2**2) = 50 + 10 / sqrt(2.6)
    assert gas_t_score([1, 0]) == pytest.approx(56.2017, abs=1e-4)
    # one goal: 50 + 10 * x / sqrt(0.7 + 0.3) = 50 + 10x
    assert gas_t_score([-2]) == pytest.approx(30)
    assert gas_t_score([2, 2, -1]) == pytest.approx(50 + 30 / math.sqrt(0.7 * 3 + 0.3 * 9))


def test_weights_count_as_kiresuk_and_sherman_wrote_them() -> None:
    # 50 + 10 * (2*1 + 1*-1) / sqrt(0.7 * (4 + 1) + 0.3 * 3**2)
    assert gas_t_score([1, -1], [2, 1]) == pytest.approx(50 + 10 / math.sqrt(6.2))


@pytest.mark.parametrize("levels", [[], [3], [0, -3]])
def test_a_score_off_the_scale_or_no_goal_is_refused(levels: list[int]) -> None:
    with pytest.raises(ValueError):
        gas_t_score(levels)


@given(st.lists(st.sampled_from([-2, -1, 0, 1, 2]), min_size=1, max_size=12))
def test_the_t_score_mirrors_and_stays_within_the_scale(levels: list[int]) -> None:
    t = gas_t_score(levels)
    assert gas_t_score([-x for x in levels]) == pytest.approx(100 - t)
    assert 50 - 10 * 2 * math.sqrt(len(levels)) / math.sqrt(0.7 + 0.3 * len(levels)) - 1e-9 <= t
    assert t <= 50 + 10 * 2 * math.sqrt(len(levels)) / math.sqrt(0.7 + 0.3 * len(levels)) + 1e-9


def test_a_review_keeps_each_goals_level_and_its_t_score(db: records.PeopleDatabase, person: records.Person) -> None:
    kick = records.add_goal(db, person.id, "commitment", "Kick-boxing class", how_often="every week")
    run = records.add_goal(db, person.id, "target", "Run 5 km", measure="5 km", by_when="2027-06-01")
    session_id = records.start_session(db, person.id, "joint", "review")
    records.save_gas_score(db, person.id, session_id, "e1", kick.id, 0, on=date(2027, 4, 12))
    records.save_gas_score(db, person.id, session_id, "e2", run.id, 2, on=date(2027, 4, 12))
    records.save_gas_score(db, person.id, session_id, "e2", run.id, 2, on=date(2027, 4, 12))  # replayed after a crash
    [review] = records.list_gas_reviews(db, person.id)
    assert review.date == "2027-04-12" and review.goals == 2
    assert review.t_score == pytest.approx(50 + 20 / math.sqrt(2.6), abs=0.01)
    assert sorted((s.goal_id, s.level) for s in review.scores) == [(kick.id, 0), (run.id, 2)]


def test_going_back_past_a_score_brings_the_t_score_back(db: records.PeopleDatabase, person: records.Person) -> None:
    kick = records.add_goal(db, person.id, "commitment", "Kick-boxing class", how_often="every week")
    run = records.add_goal(db, person.id, "target", "Run 5 km", measure="5 km", by_when="2027-06-01")
    session_id = records.start_session(db, person.id, "joint", "review")
    records.save_gas_score(db, person.id, session_id, "e1", kick.id, -1)
    records.save_gas_score(db, person.id, session_id, "e2", run.id, 2)
    records.withdraw(db, session_id, "e2")
    records.refresh_session_review(db, session_id)
    assert records.list_gas_reviews(db, person.id)[0].t_score == 40
    records.withdraw(db, session_id, "e1")
    records.refresh_session_review(db, session_id)
    assert records.list_gas_reviews(db, person.id) == []


def test_a_review_outside_a_conversation_scores_several_goals_at_once(db: records.PeopleDatabase, person: records.Person) -> None:
    kick = records.add_goal(db, person.id, "commitment", "Kick-boxing class", how_often="every week")
    review = records.add_gas_review(db, person.id, {kick.id: 1}, on=date(2027, 5, 3))
    assert (review.date, review.t_score, review.goals) == ("2027-05-03", 60, 1)
    with pytest.raises(RecordsError, match="-2, -1, 0"):
        records.add_gas_review(db, person.id, {kick.id: 5})


def test_a_goal_of_someone_else_cannot_be_scored(db: records.PeopleDatabase, person: records.Person) -> None:
    other = records.add_person(db, "Ama Boateng")
    theirs = records.add_goal(db, other.id, "commitment", "Choir", how_often="every week")
    with pytest.raises(RecordsError, match="someone else"):
        records.add_gas_review(db, person.id, {theirs.id: 0})


def test_levels_never_agreed_are_written_in_plain_words(db: records.PeopleDatabase, person: records.Person) -> None:
    run = records.add_goal(db, person.id, "target", "Run 5 km", measure="5 km", starting_point="1 km",
                           expected="5 km in the park run", by_when="2027-06-01")
    words = {level.level: level.words for level in goal_levels(run)}
    assert words[-1] == "1 km" and words[0] == "5 km in the park run"
    assert [level.baseline for level in goal_levels(run)] == [False, True, False, False, False]
    assert goal_levels(run, easy_read=True)[2].name == "What we hoped for"


def test_the_levels_agreed_last_are_the_ones_that_count(db: records.PeopleDatabase, person: records.Person) -> None:
    kick = records.add_goal(db, person.id, "commitment", "Kick-boxing class", how_often="every week")
    records.save_goal_levels(db, person.id, None, None, goal_id=kick.id, baseline=-2, expected="Most weeks")
    records.save_goal_levels(db, person.id, None, None, goal_id=kick.id, baseline=-2, expected="Three weeks in four")
    levels = goal_levels(records.get_goal(db, kick.id))
    assert levels[2].words == "Three weeks in four"
    assert levels[0].baseline and levels[0].words == "Not going at all"
