"""Taking people out of a records file: every row linked to them, audited, their ids never given out again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cpi_chat.records.db import (
    apply_pragmas,
    connect,
    database_errors,
    describe_sqlite_error,
    write_audit,
)
from cpi_chat.records.lasting_ids import count_past

# Children before parents, so foreign keys hold at every step.
ERASE_ORDER = ("effect_change", "gas_score", "gas_review", "goal_levels", "chosen_group", "checkin", "small_step", "solution", "rating", "note", "interest", "connection", "barrier", "goal", "session")


def _person_tables(conn: sqlite3.Connection) -> list[str]:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    known = [name for name in ERASE_ORDER if name in tables]
    # Any table added later with a person_id column is erased too (before `session` and `person`).
    extra = sorted(
        name for name in tables - set(ERASE_ORDER) - {"person", "audit"}
        if any(col[1] == "person_id" for col in conn.execute(f'PRAGMA table_info("{name}")'))
    )
    return extra + known


def delete_person_rows(conn: sqlite3.Connection, person_id: int) -> None:
    """Delete one person's row and every row linked to them (the caller holds the transaction)."""
    # One DELETE per table: foreign keys are checked at the end of each statement, so a whole
    # barrier tree goes at once.
    for table in _person_tables(conn):
        conn.execute(f'DELETE FROM "{table}" WHERE person_id = ?', [person_id])
    conn.execute("DELETE FROM person WHERE id = ?", [person_id])


def remove_people_from_file(db_path: Path, people: list[int], busy_seconds: float) -> None:
    """Delete the people and everything linked in one transaction, audited, with their ids never given out again."""
    conn = connect(db_path, busy_seconds)
    try:
        apply_pragmas(conn, busy_seconds)
        conn.execute("BEGIN IMMEDIATE")
        try:
            for person in people:
                if conn.execute("SELECT 1 FROM person WHERE id = ?", [person]).fetchone():
                    delete_person_rows(conn, person)
                    write_audit(conn, "erase", "person", person)
                count_past(conn, "person", person)
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
    except database_errors() as error:
        raise describe_sqlite_error(error, db_path, busy_seconds) from None
    finally:
        conn.close()


def rebuild_file(db_path: Path, busy_seconds: float) -> None:
    """VACUUM the file, so no freed page still holds a removed person's words."""
    conn = connect(db_path, busy_seconds)
    try:
        conn.execute("VACUUM")
    finally:
        conn.close()
