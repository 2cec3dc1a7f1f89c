"""Opening people.db: private file modes, pragmas on every connection, nested transactions, waiting for others."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from cpi_chat import records
from cpi_chat.errors import RecordsError


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_is_private_to_its_owner(db_path: Path) -> None:
    records.open_people_db(db_path).close()
    assert mode_of(db_path) == 0o600
    assert mode_of(db_path.parent) == 0o700


def test_an_existing_database_with_loose_permissions_is_made_private_again(db_path: Path) -> None:
    records.open_people_db(db_path).close()
    db_path.chmod(0o644)
    records.open_people_db(db_path).close()
    assert mode_of(db_path) == 0o600


def test_the_rollback_journal_is_as_private_as_the_database(db, person) -> None:
    journal = db.path.with_name(db.path.name + "-journal")
    with records.transaction(db):
        records.rename_person(db, person.id, "D O")
        assert journal.exists()
        assert mode_of(journal) == 0o600


def test_every_connection_enforces_foreign_keys_and_uses_no_wal(db) -> None:
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO goal (person_id, created, kind, what) VALUES (999, 'x', 'target', 'y')")


def test_a_database_left_in_wal_mode_is_switched_back_to_a_rollback_journal(db_path: Path) -> None:
    records.open_people_db(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    db = records.open_people_db(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    db.close()


def test_nothing_is_committed_until_the_outer_transaction_ends(db, person, session_id) -> None:
    other = sqlite3.connect(db.path)
    with records.transaction(db):
        records.save_goal(db, person.id, session_id, "goal-1", "commitment", "Kick-boxing class")
        records.save_engine_state(db, session_id, '{"at": "small_steps"}')
        assert other.execute("SELECT count(*) FROM goal").fetchone()[0] == 0
    assert other.execute("SELECT count(*) FROM goal").fetchone()[0] == 1
    other.close()


def test_a_failure_inside_the_outer_transaction_undoes_the_goal_and_the_engine_state(db, person, session_id) -> None:
    with pytest.raises(RuntimeError), records.transaction(db):
        records.save_goal(db, person.id, session_id, "goal-1", "commitment", "Kick-boxing class")
        records.save_engine_state(db, session_id, '{"at": "small_steps"}')
        raise RuntimeError("power cut")
    assert records.list_goals(db, person.id) == []
    assert records.get_session(db, session_id).engine_state is None


def test_a_failed_inner_block_is_undone_while_the_outer_one_keeps_its_work(db, person, session_id) -> None:
    with records.transaction(db):
        records.save_goal(db, person.id, session_id, "goal-1", "commitment", "Kick-boxing class")
        with pytest.raises(RecordsError), records.transaction(db):
            records.save_interest(db, person.id, session_id, "interest-1", "football", "past")
            records.save_small_step(db, person.id, session_id, "step-1", "Ask", goal_key="no-such-goal")
    assert [g.what for g in records.list_goals(db, person.id)] == ["Kick-boxing class"]
    assert records.list_interests(db, person.id) == []


@pytest.fixture
def person_on_disk(db_path: Path) -> None:
    db = records.open_people_db(db_path)
    records.add_person(db, "Dev Okafor")
    db.close()


def test_a_save_that_waits_too_long_for_another_cpi_chat_gives_one_sentence(db_path: Path, person_on_disk: None) -> None:
    holder = sqlite3.connect(db_path)
    holder.execute("BEGIN IMMEDIATE")  # the other program is in the middle of saving
    db = records.open_people_db(db_path, busy_seconds=0.1)
    try:
        with pytest.raises(RecordsError, match=r"busy for more than 0.1 seconds .* close the other cpi-chat"):
            records.add_person(db, "Ann Lee")
    finally:
        db.close()
        holder.rollback()
        holder.close()


def test_opening_a_database_locked_for_too_long_gives_one_sentence(db_path: Path, person_on_disk: None) -> None:
    holder = sqlite3.connect(db_path)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(RecordsError, match="busy"):
            records.open_people_db(db_path, busy_seconds=0.1)
    finally:
        holder.rollback()
        holder.close()
