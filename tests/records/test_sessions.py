"""Sessions: the engine's place is saved each step, an unfinished session is offered again, an ended one is not."""

from __future__ import annotations

import pytest

from cpi_chat import records
from cpi_chat.errors import RecordsError

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run


def test_an_unfinished_session_is_offered_with_its_saved_place(db, person, session_id) -> None:
    records.save_engine_state(db, session_id, '{"step": "small_steps"}')
    unfinished = records.unfinished_session(db, person.id)
    assert unfinished is not None
    assert (unfinished.id, unfinished.engine_state, unfinished.mode) == (session_id, '{"step": "small_steps"}', "joint")


def test_an_ended_session_is_not_offered_again(db, person, session_id) -> None:
    records.save_engine_state(db, session_id, '{"step": "end"}')
    records.end_session(db, session_id, "completed")
    assert records.unfinished_session(db, person.id) is None
    ended = records.get_session(db, session_id)
    assert ended.outcome == "completed" and ended.ended is not None


def test_the_latest_unfinished_session_is_the_one_offered(db, person, session_id) -> None:
    records.save_engine_state(db, session_id, '{"step": 1}')
    later = records.start_session(db, person.id, "self", "check_in")
    records.save_engine_state(db, later, '{"step": 2}')
    assert records.unfinished_session(db, person.id).id == later


def test_someone_elses_unfinished_session_is_never_offered(db, person, session_id) -> None:
    records.save_engine_state(db, session_id, '{"step": 1}')
    other = records.add_person(db, "Ann Lee")
    assert records.unfinished_session(db, other.id) is None


def test_a_place_cannot_be_saved_in_an_ended_session_or_as_broken_json(db, person, session_id) -> None:
    with pytest.raises(ValueError):
        records.save_engine_state(db, session_id, "{not json")
    records.end_session(db, session_id, "stopped")
    with pytest.raises(RecordsError, match="already ended"):
        records.save_engine_state(db, session_id, "{}")


def test_a_session_for_someone_unknown_or_in_an_unknown_mode_is_refused(db, person) -> None:
    with pytest.raises(RecordsError):
        records.start_session(db, 999, "joint", "setting_goals")
    with pytest.raises(ValueError, match="mode must be one of joint, self, training"):
        records.start_session(db, person.id, "group", "setting_goals")  # type: ignore[arg-type]


def test_sessions_are_listed_oldest_first(db, person, session_id) -> None:
    later = records.start_session(db, person.id, "training", "demo")
    assert [s.id for s in records.list_sessions(db, person.id)] == [session_id, later]
