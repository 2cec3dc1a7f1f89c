"""Sessions: start one, save the engine's state after every step, find an unfinished one, end it."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from cpi_chat.errors import RecordsError
from cpi_chat.records.db import guarded, now_utc, transaction, write_audit
from cpi_chat.records.model import (
    SessionMode,
    SessionOutcome,
    SessionRecord,
    from_row,
    require_choice,
)
from cpi_chat.records.people import get_person
from cpi_chat.records.store import fetch_all, fetch_one, insert_row, require_row

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase


@guarded
def start_session(db: PeopleDatabase, person_id: int, mode: SessionMode, flow_id: str) -> int:
    """Open a new session for a person and return its id."""
    require_choice(mode, SessionMode, "mode")
    get_person(db, person_id)
    with transaction(db):
        session_id = insert_row(db, "session", {"person_id": person_id, "mode": mode, "flow_id": flow_id, "started": now_utc()})
        write_audit(db, "create", "session", session_id)
    return session_id


@guarded
def save_engine_state(db: PeopleDatabase, session_id: int, state_json: str) -> None:
    """Store the engine's serialised state; call it inside the same transaction as the step's effects."""
    json.loads(state_json)  # refuse anything that could not be resumed from
    with transaction(db):
        cursor = db.execute("UPDATE session SET engine_state = ? WHERE id = ? AND ended IS NULL", [state_json, session_id])
        if cursor.rowcount != 1:
            require_row(db, "session", session_id, "session")
            raise RecordsError(f"Session {session_id} has already ended, so its place cannot be saved.")


@guarded
def get_session(db: PeopleDatabase, session_id: int) -> SessionRecord:
    """The session with this id, or a RecordsError."""
    return from_row(SessionRecord, require_row(db, "session", session_id, "session"))


@guarded
def unfinished_session(db: PeopleDatabase, person_id: int, mode: SessionMode | None = None) -> SessionRecord | None:
    """The person's latest session that stopped without ending (to offer carrying on), if any; only of `mode` when given."""
    only_mode = "" if mode is None else " AND mode = ?"
    row = fetch_one(
        db,
        "SELECT * FROM session WHERE person_id = ? AND ended IS NULL AND engine_state IS NOT NULL"
        f"{only_mode} ORDER BY started DESC, id DESC LIMIT 1",
        [person_id] if mode is None else [person_id, mode],
    )
    return from_row(SessionRecord, row) if row else None


@guarded
def end_session(db: PeopleDatabase, session_id: int, outcome: SessionOutcome = "completed") -> None:
    """Mark a session as over ('completed' or 'stopped'); it will no longer be offered for resuming."""
    require_choice(outcome, SessionOutcome, "outcome")
    require_row(db, "session", session_id, "session")
    with transaction(db):
        db.execute("UPDATE session SET ended = ?, outcome = ? WHERE id = ?", [now_utc(), outcome, session_id])
        write_audit(db, "update", "session", session_id)


@guarded
def list_sessions(db: PeopleDatabase, person_id: int) -> list[SessionRecord]:
    """A person's sessions, oldest first."""
    rows = fetch_all(db, "SELECT * FROM session WHERE person_id = ? ORDER BY started, id", [person_id])
    return [from_row(SessionRecord, row) for row in rows]
