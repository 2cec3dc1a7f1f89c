"""Interests, connections (circles of support), notes (shared or private to the worker) and ratings."""

from __future__ import annotations

from datetime import date as Date
from typing import TYPE_CHECKING

from cpi_chat.errors import RecordsError
from cpi_chat.records.db import guarded
from cpi_chat.records.model import (
    Connection,
    ConnectionKind,
    Interest,
    InterestWhen,
    Note,
    Rating,
    from_row,
    require_choice,
)
from cpi_chat.records.store import fetch_all, require_row, save_effect_change, save_effect_row

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase


def _words(text: str, what: str) -> str:
    cleaned = text.strip()
    if not cleaned:
        raise RecordsError(f"{what} needs a few words, so nothing was saved.")
    return cleaned


@guarded
def save_interest(db: PeopleDatabase, person_id: int, session_id: int | None, effect_key: str | None, text: str, when: InterestWhen) -> int:
    """Save something the person enjoyed in the past, enjoys now, or wishes to try."""
    require_choice(when, InterestWhen, "when")
    return save_effect_row(db, "interest", person_id, session_id, effect_key, {"text": _words(text, "An interest"), "when": when})


@guarded
def save_connection(db: PeopleDatabase, person_id: int, session_id: int | None, effect_key: str | None, text: str, kind: ConnectionKind = "person") -> int:
    """Save someone, a group or a place in the person's life now (for the circles of support)."""
    require_choice(kind, ConnectionKind, "kind")
    return save_effect_row(db, "connection", person_id, session_id, effect_key, {"text": _words(text, "A connection"), "kind": kind})


@guarded
def save_note(db: PeopleDatabase, person_id: int, session_id: int | None, effect_key: str | None, text: str, private: bool = False, remind_on: str = "") -> int:
    """Save a note: shared with the person, or private to the worker, with an optional reminder date (ISO)."""
    if remind_on:
        Date.fromisoformat(remind_on)  # the session validates dates; a bad one here is a bug
    return save_effect_row(db, "note", person_id, session_id, effect_key,
                           {"text": _words(text, "A note"), "private": int(private), "remind_on": remind_on})


def get_note(db: PeopleDatabase, note_id: int) -> tuple[int, Note]:
    """One note and whose it is (the person's id), or a RecordsError."""
    row = require_row(db, "note", note_id, "note")
    return int(row["person_id"]), from_row(Note, row)


@guarded
def set_reminder_dealt_with(db: PeopleDatabase, note_id: int, on: Date) -> Note:
    """Mark a note's reminder dealt with on `on`, so it leaves the people list and the worker panel's 'due now'."""
    person_id, _note = get_note(db, note_id)
    save_effect_change(db, person_id, None, None, "note", note_id, {"dealt_with": on.isoformat()})
    return get_note(db, note_id)[1]


@guarded
def save_rating(db: PeopleDatabase, person_id: int, session_id: int | None, effect_key: str | None, topic: str, score: int, words: str = "", on: Date | None = None) -> int:
    """Save how things are going on one topic, from 1 (not well) to 5 (very well), with the person's words."""
    if not 1 <= int(score) <= 5:
        raise RecordsError(f"A rating is from 1 to 5, not {score}.")
    return save_effect_row(db, "rating", person_id, session_id, effect_key,
                           {"topic": _words(topic, "A rating topic"), "score": int(score), "words": words.strip(),
                            "date": (on or Date.today()).isoformat()})


@guarded
def list_notes(db: PeopleDatabase, person_id: int, include_private: bool) -> list[Note]:
    """A person's notes, oldest first; private worker notes only when `include_private` (never in self mode)."""
    where = "" if include_private else " AND private = 0"
    rows = fetch_all(db, f"SELECT * FROM note WHERE person_id = ?{where} ORDER BY created, id", [person_id])
    return [from_row(Note, row) for row in rows]


@guarded
def list_interests(db: PeopleDatabase, person_id: int) -> list[Interest]:
    """A person's interests, oldest first."""
    rows = fetch_all(db, "SELECT * FROM interest WHERE person_id = ? ORDER BY created, id", [person_id])
    return [from_row(Interest, row) for row in rows]


@guarded
def list_connections(db: PeopleDatabase, person_id: int) -> list[Connection]:
    """The people, groups and places in a person's life, oldest first."""
    rows = fetch_all(db, "SELECT * FROM connection WHERE person_id = ? ORDER BY created, id", [person_id])
    return [from_row(Connection, row) for row in rows]


@guarded
def list_ratings(db: PeopleDatabase, person_id: int) -> list[Rating]:
    """A person's ratings, oldest first."""
    rows = fetch_all(db, "SELECT * FROM rating WHERE person_id = ? ORDER BY date, id", [person_id])
    return [from_row(Rating, row) for row in rows]
