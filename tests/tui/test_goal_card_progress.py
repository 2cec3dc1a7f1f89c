"""Goal cards say how each goal is going, in words as well as marks."""

from __future__ import annotations

from datetime import date

import pytest

from cpi_chat import records
from cpi_chat.tui.widgets.goal_card import goal_lines, progress_lines

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run


def test_a_goal_card_shows_weeks_attended_in_marks_and_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = records.open_people_db(tmp_path / "people.db")
    person = records.add_person(db, "Kit Example")
    goal = records.add_goal(db, person.id, "commitment", "choir", how_often="every week")
    records.add_checkin(db, person.id, goal.id, attended=True, on=date(2026, 11, 24))
    lines = progress_lines(records.get_goal(db, goal.id), today=date(2026, 11, 25))
    assert lines[0].startswith("How it is going:")
    assert "■" in lines[1] and "went 1" in lines[1]


def test_a_target_card_writes_its_date_in_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = records.open_people_db(tmp_path / "people.db")
    person = records.add_person(db, "Kit Example")
    goal = records.add_goal(db, person.id, "target", "run 5 km", measure="distance", by_when="2027-02-25")
    assert goal_lines(goal)[0] == "Target: run 5 km by 25 February 2027"


def test_a_step_for_someone_else_names_them_on_the_card(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = records.open_people_db(tmp_path / "people.db")
    person = records.add_person(db, "Kit Example")
    goal = records.add_goal(db, person.id, "commitment", "choir", how_often="every week")
    records.save_small_step(db, person.id, None, None, "drive me there", "someone_else", goal_id=goal.id, owner_name="Bea")
    records.save_small_step(db, person.id, None, None, "phone the choir", "worker", goal_id=goal.id)
    lines = goal_lines(records.get_goal(db, goal.id))
    assert " 1. drive me there (Bea; to do)" in lines and " 2. phone the choir (your worker; to do)" in lines
