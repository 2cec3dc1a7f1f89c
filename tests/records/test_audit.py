"""The audit trail: a row for every change, written with the change, holding no content, never altered."""

from __future__ import annotations

import sqlite3

import pytest

from cpi_chat import records
from cpi_chat.records.store import fetch_all

SECRET_WORDS = ["Okafor", "Kick-boxing", "football", "Seemed low today", "Tunde"]


def test_every_change_is_audited_with_time_user_action_table_and_id_only(db, person, session_id) -> None:
    goal_id = records.save_goal(db, person.id, session_id, "g1", "commitment", "Kick-boxing class")
    records.save_interest(db, person.id, session_id, "i1", "football", "past")
    records.save_note(db, person.id, session_id, "n1", "Seemed low today", private=True)
    records.save_connection(db, person.id, session_id, "c1", "Tunde")
    records.withdraw(db, session_id, "i1")
    rows = fetch_all(db, "SELECT * FROM audit ORDER BY id")
    assert set(rows[0]) == {"id", "at", "os_user", "action", "table_name", "record_id"}
    assert ("create", "goal", goal_id) in [(r["action"], r["table_name"], r["record_id"]) for r in rows]
    assert ("withdraw", "interest") in [(r["action"], r["table_name"]) for r in rows]
    text = repr(rows)
    for word in SECRET_WORDS:
        assert word not in text
    assert all(r["os_user"] and r["at"] for r in rows)


def test_a_replay_that_changes_nothing_adds_no_audit_row(db, person, session_id) -> None:
    records.save_goal(db, person.id, session_id, "g1", "commitment", "Kick-boxing class")
    before = db.execute("SELECT count(*) FROM audit").fetchone()[0]
    records.save_goal(db, person.id, session_id, "g1", "commitment", "Kick-boxing class")
    assert db.execute("SELECT count(*) FROM audit").fetchone()[0] == before


def test_audit_rows_cannot_be_changed_or_removed(db, person) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
        db.execute("UPDATE audit SET action = 'nothing'")
    with pytest.raises(sqlite3.IntegrityError, match="cannot be removed"):
        db.execute("DELETE FROM audit")
    assert db.execute("SELECT count(*) FROM audit").fetchone()[0] >= 1


def test_a_change_that_is_rolled_back_leaves_no_audit_row(db, person, session_id) -> None:
    before = db.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(RuntimeError), records.transaction(db):
        records.save_goal(db, person.id, session_id, "g1", "commitment", "Kick-boxing class")
        raise RuntimeError("the laptop lid closed")
    assert db.execute("SELECT count(*) FROM audit").fetchone()[0] == before
