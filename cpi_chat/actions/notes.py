"""Notes outside a session: the worker's private notes, each with an optional reminder date, marked dealt with when done."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cpi_chat import records
from cpi_chat.errors import Refused
from cpi_chat.words import day_of, long_date

if TYPE_CHECKING:
    from cpi_chat.records.model import Note
    from cpi_chat.workspace import Workspace

NO_REMINDER = "That note has no reminder date, so there is nothing to mark dealt with."
ALREADY_DEALT_WITH = "That reminder was already marked dealt with on {day}."
NOT_THEIR_NOTE = "Note {note_id} is not one of {name}'s private notes; `cpi-chat note list` shows them."
NOTHING_DUE = "No reminder is due for {name} now."


def private_notes(workspace: Workspace, person_id: int) -> list[Note]:
    """The worker's private notes about the person, oldest first (never shown in self mode or on the plan)."""
    return [note for note in records.list_notes(workspace.db, person_id, include_private=True) if note.private]


def is_due(note: Note, today: date) -> bool:
    """Whether a note's reminder day has come and it is not yet marked dealt with."""
    day = day_of(note.remind_on)
    return day is not None and day <= today and not note.dealt_with


def due_reminders(workspace: Workspace, person_id: int, today: date | None = None) -> list[Note]:
    """The private notes whose reminder has come and is not dealt with, the longest waiting first."""
    today = today or date.today()
    return sorted((n for n in private_notes(workspace, person_id) if is_due(n, today)), key=lambda n: (n.remind_on, n.id))


def reminders_in_words(count: int) -> str:
    """'1 private reminder' or '3 private reminders'."""
    return f"{count} private reminder{'' if count == 1 else 's'}"


def reminder_in_words(note: Note, today: date) -> str:
    """A private note with its reminder in words: due since when, on which day, or dealt with when."""
    day, dealt = day_of(note.remind_on), day_of(note.dealt_with)
    if day is None:
        return note.text
    if dealt is not None:
        return f"{note.text} (reminder for {long_date(day)}, dealt with on {long_date(dealt)})"
    if day <= today:
        return f"{note.text} (due {'today' if day == today else 'since ' + long_date(day)})"
    return f"{note.text} (reminder on {long_date(day)})"


def add_private_note(workspace: Workspace, person_id: int, text: str, remind_on: str = "") -> Note:
    """Keep a note for the worker only, with a reminder date as typed (2026-12-02 or 02/12/2026), or none."""
    db = workspace.db
    day = records.parse_user_date(remind_on).isoformat() if remind_on.strip() else ""
    with records.transaction(db):
        note_id = records.save_note(db, person_id, None, None, text, private=True, remind_on=day)
    return next(note for note in private_notes(workspace, person_id) if note.id == note_id)


def refuse_dealing_with(note: Note) -> None:
    """The rule: only a note with a reminder is dealt with, and only once (a later reminder is a new note)."""
    if not note.remind_on:
        raise Refused(NO_REMINDER)
    if note.dealt_with:
        raise Refused(ALREADY_DEALT_WITH.format(day=long_date(day_of(note.dealt_with) or date.today())))


def mark_reminder_dealt_with(workspace: Workspace, person_id: int, note_id: int, on: date | None = None) -> Note:
    """Mark a private note's reminder dealt with today: it leaves 'Reminders due' and the worker panel's 'Due now'."""
    db = workspace.db
    with records.transaction(db):
        owner, note = records.get_note(db, note_id)
        if owner != person_id or not note.private:
            raise Refused(NOT_THEIR_NOTE.format(note_id=note_id, name=records.get_person(db, person_id).name))
        refuse_dealing_with(note)
        return records.set_reminder_dealt_with(db, note_id, on or date.today())


def deal_with_first_due(workspace: Workspace, person_id: int, today: date | None = None) -> Note:
    """Mark the longest-waiting due reminder dealt with (the worker panel's key and plain mode); refused when none is due."""
    due = due_reminders(workspace, person_id, today)
    if not due:
        raise Refused(NOTHING_DUE.format(name=records.get_person(workspace.db, person_id).name))
    return mark_reminder_dealt_with(workspace, person_id, due[0].id, on=today)
