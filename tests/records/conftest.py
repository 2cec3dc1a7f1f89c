"""Fixtures for people's records: a fresh people.db in a temporary data folder, and a fictional person."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cpi_chat import records


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db_path(data_dir: Path) -> Path:
    return data_dir / "people.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[records.PeopleDatabase]:
    database = records.open_people_db(db_path)
    yield database
    database.close()


@pytest.fixture
def person(db: records.PeopleDatabase) -> records.Person:
    return records.add_person(db, "Dev Okafor")


@pytest.fixture
def session_id(db: records.PeopleDatabase, person: records.Person) -> int:
    return records.start_session(db, person.id, "joint", "setting_goals")


def save_one_of_each_kind(db: records.PeopleDatabase, person_id: int, session_id: int) -> None:
    """Save one row of every kind a session can save, as a session's effects would."""
    records.save_interest(db, person_id, session_id, "i1", "Football", "past")
    records.save_connection(db, person_id, session_id, "c1", "My brother Tunde", "person")
    records.save_goal(db, person_id, session_id, "g1", "commitment", "Kick-boxing class", how_often="every week")
    records.save_small_step(db, person_id, session_id, "s1", "Fill in the gym induction form", goal_key="g1")
    records.save_barrier(db, person_id, session_id, "b1", "Getting there on Sundays")
    records.save_barrier(db, person_id, session_id, "b2", "No bus on Sundays", parent_key="b1")
    records.save_solution(db, person_id, session_id, "so1", "Ask Tunde for a lift", barrier_key="b2", chosen=True)
    records.save_note(db, person_id, session_id, "n1", "Check the football results before we meet", private=True)
    records.save_rating(db, person_id, session_id, "r1", "seeing people", 2, "not much lately")
    records.save_wellbeing(db, person_id, session_id, "w1", "life_satisfaction", 6)
    records.save_chosen_group(db, person_id, session_id, "cg1", "Kick-Boxing Class", "kick-boxing", "With my worker")
    records.save_goal_levels(db, person_id, session_id, "gl1", goal_key="g1", baseline=-2, expected="Going most weeks")
    goal_id = db.execute("SELECT id FROM goal WHERE effect_key = 'g1'").fetchone()[0]
    records.save_gas_score(db, person_id, session_id, "gs1", goal_id, 1)
    step_id = db.execute("SELECT id FROM small_step WHERE effect_key = 's1'").fetchone()[0]
    records.set_step_done(db, step_id, session_id=session_id, effect_key="sd1")


@pytest.fixture
def save_one_of_each() -> Callable[[records.PeopleDatabase, int, int], None]:
    return save_one_of_each_kind
