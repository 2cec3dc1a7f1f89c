"""Saving what a session's effects ask for: once per effect key, replays update, withdraw undoes exactly one."""

from __future__ import annotations

import pytest

from cpi_chat import records
from cpi_chat.errors import RecordsError
from cpi_chat.records.store import fetch_all


def count(db, table: str) -> int:
    return db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


TABLES = ["interest", "connection", "goal", "small_step", "barrier", "solution", "note", "rating"]


def test_replaying_every_effect_after_a_crash_saves_nothing_twice(save_one_of_each, db, person, session_id) -> None:
    save_one_of_each(db, person.id, session_id)
    before = {table: count(db, table) for table in TABLES}
    save_one_of_each(db, person.id, session_id)
    assert {table: count(db, table) for table in TABLES} == before
    assert before["barrier"] == 2 and before["goal"] == 1


def test_a_replayed_effect_with_new_words_updates_the_row_it_saved(db, person, session_id) -> None:
    first = records.save_goal(db, person.id, session_id, "g1", "commitment", "Kick-boxing")
    again = records.save_goal(db, person.id, session_id, "g1", "commitment", "Kick-boxing class", how_often="every week")
    assert first == again
    [goal] = records.list_goals(db, person.id)
    assert (goal.what, goal.how_often) == ("Kick-boxing class", "every week")


def test_a_replayed_step_keeps_its_place_in_the_list(db, person, session_id) -> None:
    records.save_goal(db, person.id, session_id, "g1", "target", "Run 5 km", by_when="2027-03-01")
    for key, text in [("s1", "Ask about beginners' nights"), ("s2", "Buy running shoes"), ("s3", "Run 1 km")]:
        records.save_small_step(db, person.id, session_id, key, text, goal_key="g1")
    records.save_small_step(db, person.id, session_id, "s1", "Ask about beginners' nights", goal_key="g1")
    [goal] = records.list_goals(db, person.id)
    assert [(s.position, s.text) for s in goal.steps] == [
        (1, "Ask about beginners' nights"), (2, "Buy running shoes"), (3, "Run 1 km")]


def test_the_same_key_in_another_session_is_a_new_row(db, person, session_id) -> None:
    later = records.start_session(db, person.id, "self", "check_in")
    records.save_interest(db, person.id, session_id, "i1", "Football", "past")
    records.save_interest(db, person.id, later, "i1", "Reading", "present")
    assert [i.text for i in records.list_interests(db, person.id)] == ["Football", "Reading"]


def test_withdraw_removes_exactly_what_that_effect_saved(save_one_of_each, db, person, session_id) -> None:
    save_one_of_each(db, person.id, session_id)
    assert records.withdraw(db, session_id, "n1") is True
    assert records.list_notes(db, person.id, include_private=True) == []
    assert count(db, "interest") == 1 and count(db, "goal") == 1


def test_withdrawing_a_goal_removes_its_steps_too(save_one_of_each, db, person, session_id) -> None:
    save_one_of_each(db, person.id, session_id)
    records.withdraw(db, session_id, "g1")
    assert count(db, "goal") == 0 and count(db, "small_step") == 0


def test_withdrawing_a_barrier_removes_its_parts_and_their_solutions(save_one_of_each, db, person, session_id) -> None:
    save_one_of_each(db, person.id, session_id)
    records.withdraw(db, session_id, "b1")
    assert count(db, "barrier") == 0 and count(db, "solution") == 0


def test_withdrawing_an_unknown_key_changes_nothing(save_one_of_each, db, person, session_id) -> None:
    save_one_of_each(db, person.id, session_id)
    assert records.withdraw(db, session_id, "nothing-by-this-key") is False
    assert count(db, "goal") == 1


def test_a_withdrawn_effect_replayed_is_saved_again(db, person, session_id) -> None:
    records.save_interest(db, person.id, session_id, "i1", "Football", "past")
    records.withdraw(db, session_id, "i1")
    records.save_interest(db, person.id, session_id, "i1", "Football", "past")
    assert [i.text for i in records.list_interests(db, person.id)] == ["Football"]


def test_a_step_can_name_a_goal_from_an_earlier_session_by_id(db, person, session_id) -> None:
    goal_id = records.save_goal(db, person.id, session_id, "g1", "commitment", "Kick-boxing class")
    later = records.start_session(db, person.id, "joint", "breaking_into_steps")
    records.save_small_step(db, person.id, later, "s1", "Buy gloves", owner="someone_else", goal_id=goal_id)
    [goal] = records.list_goals(db, person.id)
    assert [(s.text, s.owner) for s in goal.steps] == [("Buy gloves", "someone_else")]


def test_a_step_for_a_goal_not_saved_in_this_session_is_refused(db, person, session_id) -> None:
    with pytest.raises(RecordsError, match="not saved in this session"):
        records.save_small_step(db, person.id, session_id, "s1", "Buy gloves", goal_key="g-missing")
    assert count(db, "small_step") == 0


def test_saving_into_someone_elses_session_or_goal_is_refused(db, person, session_id) -> None:
    other = records.add_person(db, "Ann Lee")
    with pytest.raises(RecordsError, match="belongs to someone else"):
        records.save_interest(db, other.id, session_id, "i1", "Knitting", "present")
    goal_id = records.save_goal(db, person.id, session_id, "g1", "commitment", "Kick-boxing class")
    other_session = records.start_session(db, other.id, "joint", "setting_goals")
    with pytest.raises(RecordsError, match="belongs to someone else"):
        records.save_small_step(db, other.id, other_session, "s1", "Buy gloves", goal_id=goal_id)
    with pytest.raises(RecordsError, match="belongs to someone else"):
        records.save_checkin(db, other.id, other_session, "k1", goal_id, attended=True)


def test_a_checkin_from_a_self_session_is_saved_once(db, person, session_id) -> None:
    goal_id = records.save_goal(db, person.id, session_id, "g1", "commitment", "Kick-boxing class")
    self_session = records.start_session(db, person.id, "self", "check_in")
    for _ in range(2):
        records.save_checkin(db, person.id, self_session, "k1", goal_id, attended=True, feeling="tired but glad")
    [goal] = records.list_goals(db, person.id)
    assert [(c.attended, c.feeling, c.by) for c in goal.checkins] == [("yes", "tired but glad", "person")]


def test_rows_saved_from_a_session_carry_its_id_and_the_effect_key(save_one_of_each, db, person, session_id) -> None:
    save_one_of_each(db, person.id, session_id)
    for table in TABLES:
        rows = fetch_all(db, f'SELECT session_id, effect_key FROM "{table}"')
        assert rows and all(r["session_id"] == session_id and r["effect_key"] for r in rows), table


@pytest.mark.parametrize("call", [
    lambda db, p, s: records.save_rating(db, p, s, "r1", "friends", 6),
    lambda db, p, s: records.save_note(db, p, s, "n1", "   "),
    lambda db, p, s: records.save_goal(db, p, s, "g1", "commitment", ""),
])
def test_empty_or_out_of_range_answers_are_refused_with_a_sentence(db, person, session_id, call) -> None:
    with pytest.raises(RecordsError):
        call(db, person.id, session_id)
