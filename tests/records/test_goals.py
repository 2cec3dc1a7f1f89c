"""Goals added outside a session, their status, steps ticked off, and check-ins."""

from __future__ import annotations

import pytest

from cpi_chat import records
from cpi_chat.errors import RecordsError

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run


def test_a_commitment_and_a_target_goal_are_listed_with_their_details(db, person) -> None:
    records.add_goal(db, person.id, "commitment", "Kick-boxing class", how_often="every week", asset_id="kb-1")
    records.add_goal(db, person.id, "target", "Run 5 km", measure="finish a 5 km run", by_when="2027-02-28",
                     expected="finish it", better_than_expected="under 35 minutes", starting_point="walk 1 km")
    commitment, target = records.list_goals(db, person.id)
    assert (commitment.kind, commitment.how_often, commitment.asset_id, commitment.status) == ("commitment", "every week", "kb-1", "active")
    assert (target.measure, target.by_when, target.better_than_expected) == ("finish a 5 km run", "2027-02-28", "under 35 minutes")


def test_a_paused_goal_keeps_its_reason_and_can_be_listed_by_status(db, person) -> None:
    goal = records.add_goal(db, person.id, "commitment", "Kick-boxing class")
    records.set_goal_status(db, goal.id, "paused", pause_reason="holiday")
    assert records.list_goals(db, person.id, status="active") == []
    [paused] = records.list_goals(db, person.id, status="paused")
    assert paused.pause_reason == "holiday"
    records.set_goal_status(db, goal.id, "active")
    assert records.get_goal(db, goal.id).pause_reason == ""


def test_a_step_can_be_ticked_off_and_unticked(db, person) -> None:
    goal = records.add_goal(db, person.id, "commitment", "Kick-boxing class")
    step_id = records.save_small_step(db, person.id, None, None, "Buy gloves", goal_id=goal.id)
    assert records.set_step_done(db, step_id).done is True
    assert records.set_step_done(db, step_id, done=False).done is False


def test_check_ins_are_kept_in_date_order_with_how_it_felt(db, person) -> None:
    goal = records.add_goal(db, person.id, "target", "Run 5 km")
    records.add_checkin(db, person.id, goal.id, value="3 km", on="2026-12-10", feeling="proud")
    records.add_checkin(db, person.id, goal.id, attended=False, on="2026-12-03", note="had a cold")
    records.add_checkin(db, person.id, goal.id, attended="paused", on="2026-12-17")
    checkins = records.get_goal(db, goal.id).checkins
    assert [(c.date, c.attended, c.value) for c in checkins] == [
        ("2026-12-03", "no", ""), ("2026-12-10", None, "3 km"), ("2026-12-17", "paused", "")]
    assert checkins[1].feeling == "proud" and checkins[0].by == "worker"


def test_a_check_in_that_says_nothing_or_is_for_someone_elses_goal_is_refused(db, person) -> None:
    goal = records.add_goal(db, person.id, "commitment", "Kick-boxing class")
    with pytest.raises(RecordsError, match="whether you went"):
        records.add_checkin(db, person.id, goal.id)
    other = records.add_person(db, "Ann Lee")
    with pytest.raises(RecordsError, match="belongs to someone else"):
        records.add_checkin(db, other.id, goal.id, attended=True)
    with pytest.raises(RecordsError, match="no goal with id 99"):
        records.add_checkin(db, person.id, 99, attended=True)


def test_notes_private_to_the_worker_are_left_out_unless_asked_for(db, person, session_id) -> None:
    records.save_note(db, person.id, session_id, "n1", "Bring the leaflet", remind_on="2027-01-10")
    records.save_note(db, person.id, session_id, "n2", "Seemed low today", private=True)
    assert [n.text for n in records.list_notes(db, person.id, include_private=False)] == ["Bring the leaflet"]
    assert [n.private for n in records.list_notes(db, person.id, include_private=True)] == [False, True]


def test_a_check_in_added_by_mistake_can_be_taken_back_by_its_own_person_only(db, person) -> None:
    goal = records.add_goal(db, person.id, "commitment", "choir")
    checkin = records.add_checkin(db, person.id, goal.id, attended=True)
    other = records.add_person(db, "Sam Example")
    with pytest.raises(RecordsError):
        records.remove_checkin(db, other.id, checkin.id)
    records.remove_checkin(db, person.id, checkin.id)
    assert records.get_goal(db, goal.id).checkins == ()
    assert db.execute("SELECT action FROM audit WHERE table_name = 'checkin' ORDER BY id DESC LIMIT 1").fetchone()[0] == "delete"
