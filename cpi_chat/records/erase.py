"""Erasing a person for good: from people.db, its rolling backups and copies set aside by restore."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from cpi_chat.errors import RecordsError
from cpi_chat.records.backup import list_backups, set_aside_copies
from cpi_chat.records.db import (
    DEFAULT_BUSY_SECONDS,
    connect,
    database_errors,
    describe_sqlite_error,
    open_people_db,
    transaction,
    write_audit,
)
from cpi_chat.records.people import get_person

# Children before parents, so foreign keys hold at every step.
ERASE_ORDER = ("gas_score", "gas_review", "goal_levels", "chosen_group", "checkin", "small_step", "solution", "rating", "note", "interest", "connection", "barrier", "goal", "session")


@dataclass(frozen=True)
class EraseReport:
    """What erasing touched: the backups scrubbed or removed, and copies that could not be scrubbed."""

    person_id: int
    backups_scrubbed: list[Path] = field(default_factory=list)
    backups_removed: list[Path] = field(default_factory=list)
    not_scrubbed: list[Path] = field(default_factory=list)


def _person_tables(conn: sqlite3.Connection) -> list[str]:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    known = [name for name in ERASE_ORDER if name in tables]
    # Any table added later with a person_id column is erased too (before `session` and `person`).
    extra = sorted(
        name for name in tables - set(ERASE_ORDER) - {"person", "audit"}
        if any(col[1] == "person_id" for col in conn.execute(f'PRAGMA table_info("{name}")'))
    )
    return extra + known


def _delete_person_rows(conn: sqlite3.Connection, person_id: int) -> None:
    # One DELETE per table: foreign keys are checked at the end of each statement, so a whole
    # barrier tree goes at once.
    for table in _person_tables(conn):
        conn.execute(f'DELETE FROM "{table}" WHERE person_id = ?', [person_id])
    conn.execute("DELETE FROM person WHERE id = ?", [person_id])


def _scrub_copy(path: Path, person_id: int) -> bool:
    """Remove the person from one backup file and VACUUM it; False if the file could not be read."""
    try:
        conn = connect(path, 1)
        try:
            conn.execute("PRAGMA secure_delete=ON")
            conn.execute("PRAGMA foreign_keys=ON")
            if [row[0] for row in conn.execute("PRAGMA quick_check")] != ["ok"]:
                return False
            with conn:
                _delete_person_rows(conn, person_id)
            conn.execute("VACUUM")
        finally:
            conn.close()
    except database_errors() + (RecordsError,):
        return False
    return True


def erase_person(db_path: Path, person_id: int, backups_dir: Path | None = None, busy_seconds: float = DEFAULT_BUSY_SECONDS) -> EraseReport:
    """Delete a person and everything linked in one transaction, VACUUM, then scrub them from backups."""
    backups = backups_dir if backups_dir is not None else db_path.parent / "backups"
    db = open_people_db(db_path, busy_seconds=busy_seconds, backups_dir=backups)
    try:
        get_person(db, person_id)
        _erase_from_open_db(db, person_id)
    finally:
        db.close()
    report = EraseReport(person_id=person_id)
    for backup in list_backups(backups):
        if _scrub_copy(backup, person_id):
            report.backups_scrubbed.append(backup)
        else:  # an unreadable rolling backup is no use for restoring and may still hold the person
            backup.unlink(missing_ok=True)
            report.backups_removed.append(backup)
    for copy in set_aside_copies(db_path):
        # Copies kept aside by `restore` are never deleted automatically: they may be someone's only data.
        (report.backups_scrubbed if _scrub_copy(copy, person_id) else report.not_scrubbed).append(copy)
    return report


def _erase_from_open_db(db: sqlite_utils.Database, person_id: int) -> None:
    try:
        with transaction(db):
            _delete_person_rows(db.conn, person_id)
            write_audit(db, "erase", "person", person_id)
        db.conn.execute("VACUUM")  # rebuilds the file, so no freed page still holds the person's words
    except database_errors() as error:
        raise describe_sqlite_error(error, getattr(db, "path", "people.db"), getattr(db, "busy_seconds", DEFAULT_BUSY_SECONDS)) from None
