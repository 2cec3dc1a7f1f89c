"""Before a conversation: the session that stopped part-way, to carry on or to set aside for a new one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cpi_chat import records

if TYPE_CHECKING:
    from cpi_chat.records.model import SessionRecord
    from cpi_chat.workspace import Workspace


def session_to_carry_on(workspace: Workspace, person_id: int, alone: bool = False) -> SessionRecord | None:
    """The session that stopped part-way, to carry on exactly where it stopped; a person `alone` gets only their own check-in."""
    # Never a session held with the worker: it has the worker's panel (tips, private notes) and is the worker's to end.
    record = records.unfinished_session(workspace.db, person_id, "self" if alone else None)
    return record if record is not None and record.engine_state else None


def start_afresh(workspace: Workspace, session_id: int) -> None:
    """The person chose a new session instead of carrying on: the one that stopped part-way ends as 'stopped'."""
    db = workspace.db
    with records.transaction(db):
        records.end_session(db, session_id, "stopped")
