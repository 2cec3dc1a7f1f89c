"""Row-level building blocks: read rows as dicts, save a session effect once, withdraw it, delete with children."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cpi_chat.errors import RecordsError
from cpi_chat.records.db import guarded, now_utc, transaction, write_audit
from cpi_chat.records.model import EFFECT_TABLES
from cpi_chat.records.roster import rows
from cpi_chat.wording import safe

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase

# Rows that hang off another row: removing the parent removes these first.
CHILDREN: dict[str, list[tuple[str, str]]] = {
    "goal": [("small_step", "goal_id"), ("checkin", "goal_id"), ("goal_levels", "goal_id"), ("gas_score", "goal_id"),
             ("barrier", "goal_id")],
    "barrier": [("barrier", "parent_id"), ("solution", "barrier_id")],
    "solution": [("small_step", "solution_id")],
}


def fetch_all(db: PeopleDatabase, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """Run a SELECT and return its rows as dicts."""
    return rows(db.conn, sql, tuple(params))


def fetch_one(db: PeopleDatabase, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
    """Run a SELECT and return its first row as a dict, or None."""
    rows = fetch_all(db, sql, params)
    return rows[0] if rows else None


def require_row(db: PeopleDatabase, table: str, row_id: int, what: str) -> dict[str, Any]:
    """The row with this id, or a RecordsError saying there is none."""
    row = fetch_one(db, f'SELECT * FROM "{table}" WHERE id = ?', [row_id])
    if row is None:
        raise RecordsError(f"There is no {what} with id {row_id}.")
    return row


def insert_row(db: PeopleDatabase, table: str, record: dict[str, Any]) -> int:
    """Insert one row in plain SQL (no sqlite-utils to load) and return its id."""
    names = ", ".join(f'"{name}"' for name in record)
    cursor = db.execute(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(record))})', list(record.values()))
    return int(cursor.lastrowid)  # type: ignore[arg-type]


def update_row(db: PeopleDatabase, table: str, row_id: int, changes: dict[str, Any]) -> None:
    """Change some columns of one row in plain SQL."""
    if changes:
        settings = ", ".join(f'"{name}" = ?' for name in changes)
        db.execute(f'UPDATE "{table}" SET {settings} WHERE id = ?', [*changes.values(), row_id])


def _check_session_belongs(db: PeopleDatabase, session_id: int, person_id: int) -> None:
    row = fetch_one(db, "SELECT person_id FROM session WHERE id = ?", [session_id])
    if row is None:
        raise RecordsError(f"There is no session with id {session_id}.")
    if row["person_id"] != person_id:
        raise RecordsError(f"Session {session_id} belongs to someone else, so nothing was saved.")


def find_effect_row(db: PeopleDatabase, table: str, session_id: int, effect_key: str) -> dict[str, Any] | None:
    """The row saved in `table` by this session's effect, if any."""
    return fetch_one(db, f'SELECT * FROM "{table}" WHERE session_id = ? AND effect_key = ?', [session_id, effect_key])


def save_effect_row(
    db: PeopleDatabase,
    table: str,
    person_id: int,
    session_id: int | None,
    effect_key: str | None,
    fields: dict[str, Any],
    on_insert_only: dict[str, Any] | None = None,
) -> int:
    """Insert a row, or update the one this (session, effect key) saved before; returns its id.

    Every text a person gives (a goal, a step, a note, an answer saved as an interest) comes in here, so this is
    where control and escape characters are dropped: nothing stored can change a terminal it is later shown on.
    """
    fields = {name: safe(value) if isinstance(value, str) else value for name, value in fields.items()}
    with transaction(db):
        if session_id is not None:
            _check_session_belongs(db, session_id, person_id)
            if effect_key:
                existing = find_effect_row(db, table, session_id, effect_key)
                if existing is not None:
                    changed = {k: v for k, v in fields.items() if existing.get(k) != v}
                    if changed:
                        update_row(db, table, existing["id"], changed)
                        write_audit(db, "update", table, existing["id"])
                    return int(existing["id"])
        record = {"person_id": person_id, "session_id": session_id, "effect_key": effect_key or None,
                  "created": now_utc(), **fields, **(on_insert_only or {})}
        row_id = insert_row(db, table, record)
        write_audit(db, "create", table, row_id)
        return row_id


def delete_with_children(db: PeopleDatabase, table: str, row_id: int, action: str) -> None:
    """Delete a row and everything hanging off it (steps and check-ins of a goal, parts and solutions of a barrier)."""
    with transaction(db):
        for child_table, column in CHILDREN.get(table, []):
            for child in fetch_all(db, f'SELECT id FROM "{child_table}" WHERE "{column}" = ?', [row_id]):
                delete_with_children(db, child_table, child["id"], action)
        db.execute(f'DELETE FROM "{table}" WHERE id = ?', [row_id])
        write_audit(db, action, table, row_id)


def save_effect_change(
    db: PeopleDatabase, person_id: int, session_id: int | None, effect_key: str | None, table: str, row_id: int,
    changes: dict[str, Any],
) -> None:
    """Change an existing row; from a session, keep what it held before (once per effect key) so going back can undo it."""
    changes = {name: safe(value) if isinstance(value, str) else value for name, value in changes.items()}
    with transaction(db):
        row = require_row(db, table, row_id, table.replace("_", " "))
        if session_id is not None and effect_key and find_effect_row(db, "effect_change", session_id, effect_key) is None:
            before = {name: row[name] for name in changes}
            insert_row(db, "effect_change", {
                "person_id": person_id, "session_id": session_id, "effect_key": effect_key, "created": now_utc(),
                "table_name": table, "row_id": row_id, "before": json.dumps(before, ensure_ascii=False),
            })
        update_row(db, table, row_id, changes)
        write_audit(db, "update", table, row_id)


def _undo_change(db: PeopleDatabase, change: dict[str, Any]) -> None:
    table, row_id = change["table_name"], change["row_id"]
    if fetch_one(db, f'SELECT id FROM "{table}" WHERE id = ?', [row_id]) is not None:
        update_row(db, table, row_id, json.loads(change["before"]))
        write_audit(db, "withdraw", table, row_id)
    db.execute("DELETE FROM effect_change WHERE id = ?", [change["id"]])


@guarded
def withdraw(db: PeopleDatabase, session_id: int, effect_key: str) -> bool:
    """Remove whatever the effect with this key saved in this session (in any table), or undo what it changed; False if nothing."""
    with transaction(db):
        change = find_effect_row(db, "effect_change", session_id, effect_key)
        if change is not None:
            _undo_change(db, change)
            return True
        for table in EFFECT_TABLES:
            row = find_effect_row(db, table, session_id, effect_key)
            if row is not None:
                delete_with_children(db, table, row["id"], "withdraw")
                return True
    return False


def resolve_parent(db: PeopleDatabase, table: str, person_id: int, session_id: int | None, parent_key: str, parent_id: int | None, what: str) -> int | None:
    """The id of a parent row named by its effect key in this session, or given directly; checks it is this person's."""
    if parent_key:
        if session_id is None:
            raise ValueError(f"a {what} can be named by its effect key only within a session")
        row = find_effect_row(db, table, session_id, parent_key)
        if row is None:
            raise RecordsError(f"The {what} this belongs to was not saved in this session, so nothing was saved.")
        return int(row["id"])
    if parent_id is None:
        return None
    row = require_row(db, table, parent_id, what)
    if row["person_id"] != person_id:
        raise RecordsError(f"{what.capitalize()} {parent_id} belongs to someone else, so nothing was saved.")
    return parent_id
