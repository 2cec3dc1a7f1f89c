"""Notes outside a session: the worker's private notes, each with an optional reminder date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cpi_chat import records

if TYPE_CHECKING:
    from cpi_chat.records.model import Note
    from cpi_chat.workspace import Workspace


def private_notes(workspace: Workspace, person_id: int) -> list[Note]:
    """The worker's private notes about the person, oldest first (never shown in self mode or on the plan)."""
    return [note for note in records.list_notes(workspace.db, person_id, include_private=True) if note.private]


def add_private_note(workspace: Workspace, person_id: int, text: str, remind_on: str = "") -> Note:
    """Keep a note for the worker only, with a reminder date as typed (2026-12-02 or 02/12/2026), or none."""
    db = workspace.db
    day = records.parse_user_date(remind_on).isoformat() if remind_on.strip() else ""
    with records.transaction(db):
        note_id = records.save_note(db, person_id, None, None, text, private=True, remind_on=day)
    return next(note for note in private_notes(workspace, person_id) if note.id == note_id)
