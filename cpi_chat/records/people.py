"""People: add, find by name or id, list with their active goals, rename, and set needs and theme."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict
from typing import TYPE_CHECKING

from cpi_chat.errors import RecordsError
from cpi_chat.records.db import guarded, now_utc, transaction, write_audit
from cpi_chat.records.model import CommunicationNeeds, Person, PersonSummary
from cpi_chat.records.roster import person_from_row, read_roster
from cpi_chat.records.store import fetch_all, fetch_one, insert_row, update_row
from cpi_chat.wording import safe

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase

MAX_NAME_LENGTH = 80
# Characters no one can see, which would make "Sa\u200bm" a different name from "Sam" that looks the same.
INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
JOINERS = re.compile(r"[\u200c\u200d]")  # kept in a name (some scripts and emoji need them), ignored when comparing


def same_name(name: str) -> str:
    """A name as compared: composed accents, no invisible characters or joiners, single spaces, any case."""
    if name.isascii():  # nothing to compose or make visible, so only spaces and case (a search reads every name)
        return " ".join(name.split()).casefold()
    return JOINERS.sub("", " ".join(INVISIBLE.sub("", unicodedata.normalize("NFC", name)).split())).casefold()


def _clean_name(name: str) -> str:
    name = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in name)  # stray bytes from a terminal
    # Accents composed (NFC), so a name typed with a combining accent is the same name as one typed with a single letter.
    cleaned = " ".join(INVISIBLE.sub("", unicodedata.normalize("NFC", safe(name))).split())
    if not cleaned:
        raise RecordsError("A name (or initials) is needed.")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise RecordsError(f"That name is longer than {MAX_NAME_LENGTH} characters; a display name or initials is enough.")
    if cleaned.isdecimal():
        raise RecordsError("A name cannot be only digits, because digits are read as a person's id.")
    return cleaned


def _needs_columns(needs: CommunicationNeeds) -> dict[str, object]:
    """The needs as the person table keeps them: each yes or no as 1 or 0, the preferred name cleaned like a name."""
    columns: dict[str, object] = {k: int(v) for k, v in asdict(needs).items() if isinstance(v, bool)}
    columns["preferred_name"] = _clean_name(needs.preferred_name) if needs.preferred_name.strip() else ""
    return columns


@guarded
def get_person(db: PeopleDatabase, person_id: int) -> Person:
    """The person with this id, or a RecordsError."""
    row = fetch_one(db, "SELECT * FROM person WHERE id = ?", [person_id])
    if row is None:
        raise RecordsError(f"There is no person with id {person_id}; `cpi-chat person list` shows everyone.")
    return person_from_row(row)


@guarded
def add_person(db: PeopleDatabase, name: str, needs: CommunicationNeeds | None = None) -> Person:
    """Record a new person by display name or initials, with their communication needs."""
    needs = needs or CommunicationNeeds()
    record = {"name": _clean_name(name), "created": now_utc(), **_needs_columns(needs)}
    with transaction(db):
        person_id = insert_row(db, "person", record)
        write_audit(db, "create", "person", person_id)
    return get_person(db, person_id)


@guarded
def find_person_alone(db: PeopleDatabase, name: str) -> Person:
    """The person typing their own name (self mode): by name only, never an id, never suggesting anyone else."""
    from cpi_chat.wording import NOT_FOUND_ALONE, SAME_NAME_ALONE, TYPE_NAME_IN_LETTERS

    wanted = same_name(name)
    if not wanted or wanted.replace(" ", "").isdecimal():
        raise RecordsError(TYPE_NAME_IN_LETTERS)
    same = [row["id"] for row in fetch_all(db, "SELECT id, name FROM person ORDER BY id") if same_name(row["name"]) == wanted]
    if len(same) > 1:
        raise RecordsError(SAME_NAME_ALONE)
    if not same:
        raise RecordsError(NOT_FOUND_ALONE)
    return get_person(db, same[0])


@guarded
def people_called(db: PeopleDatabase, name: str, except_id: int | None = None) -> list[str]:
    """The names of everyone (but `except_id`) whose name is the same as `name` once cleaned and compared (same_name)."""
    wanted = same_name(_clean_name(name))
    return [row["name"] for row in fetch_all(db, "SELECT id, name FROM person ORDER BY id")
            if row["id"] != except_id and same_name(row["name"]) == wanted]


@guarded
def find_person(db: PeopleDatabase, name_or_id: str | int) -> Person:
    """The one person with this id or name (any case); RecordsError listing candidates otherwise."""
    text = str(name_or_id).strip()
    if text.isdecimal():
        return get_person(db, int(text))
    wanted = same_name(text)
    # Plain rows, not a dict each: every command naming a person reads every name.
    everyone: list[tuple[int, str]] = db.conn.execute("SELECT id, name FROM person ORDER BY id").fetchall()
    exact = [(person_id, name) for person_id, name in everyone if same_name(name) == wanted]
    if len(exact) == 1:
        return get_person(db, exact[0][0])
    if exact:
        listed = ", ".join(f"{name} (id {person_id})" for person_id, name in exact)
        raise RecordsError(f"More than one person is called {text!r}: {listed}; use the id instead.")
    from rapidfuzz import (  # only when no one is called that: found people need no fuzzy search
        fuzz,
        process,
        utils,
    )

    names = dict(everyone)
    close = process.extract(text, names, scorer=fuzz.WRatio, processor=utils.default_process, limit=5, score_cutoff=60)
    if close:
        listed = ", ".join(f"{name} (id {person_id})" for name, _score, person_id in close)
        raise RecordsError(f"No one is called {text!r}; did you mean {listed}? Use the full name or the id.")
    raise RecordsError(f"No one is called {text!r}; `cpi-chat person list` shows everyone.")


@guarded
def list_people(db: PeopleDatabase) -> list[PersonSummary]:
    """Everyone, by name, with the goals they are working on and the date of their last session."""
    return list(read_roster(db.conn).people)


def _update_person(db: PeopleDatabase, person_id: int, changes: dict) -> Person:
    get_person(db, person_id)
    with transaction(db):
        update_row(db, "person", person_id, changes)
        write_audit(db, "update", "person", person_id)
    return get_person(db, person_id)


@guarded
def rename_person(db: PeopleDatabase, person_id: int, new_name: str) -> Person:
    """Change the display name (or initials) a person is known by."""
    return _update_person(db, person_id, {"name": _clean_name(new_name)})


@guarded
def set_needs(db: PeopleDatabase, person_id: int, needs: CommunicationNeeds) -> Person:
    """Replace a person's communication needs (easy read, large print, high contrast, plain mode, spacing, ...)."""
    return _update_person(db, person_id, _needs_columns(needs))


@guarded
def set_theme(db: PeopleDatabase, person_id: int, theme: str) -> Person:
    """Remember the screen theme a person chose ('' for the default)."""
    return _update_person(db, person_id, {"theme": theme.strip()})
