"""People: add, find, rename, and what they need (their communication needs, which set the screen and the plan)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cpi_chat import records
from cpi_chat.errors import Refused

# "Sam", "sam" and "Sa\u200bm" look the same: a person typing their own name could never be told which is theirs.
NAME_TAKEN = ("Someone called {name} is already here. Add something to tell them apart, such as an initial "
              "(for example \"{name} K.\").")

if TYPE_CHECKING:
    from cpi_chat.records.model import CommunicationNeeds, Person, PersonSummary
    from cpi_chat.workspace import Workspace


def everyone(workspace: Workspace) -> list[PersonSummary]:
    """Everyone, by name, with their active goals and last session."""
    return records.list_people(workspace.db)


def person(workspace: Workspace, person_id: int) -> Person:
    """The person with this id (a RecordsError sentence when there is none)."""
    return records.get_person(workspace.db, person_id)


def find_person(workspace: Workspace, name_or_id: str | int) -> Person:
    """The one person with this name or id, for a worker: a near miss is answered with the names it might be."""
    return records.find_person(workspace.db, name_or_id)


def find_person_alone(workspace: Workspace, name: str) -> Person:
    """The person on their own, by the name they type: never an id, and never suggesting anyone else."""
    return records.find_person_alone(workspace.db, name)


def add_person(workspace: Workspace, name: str, needs: CommunicationNeeds | None = None) -> Person:
    """Add someone by display name or initials (only letters can be a name: digits are read as an id)."""
    db = workspace.db
    with records.transaction(db):
        refuse_a_name_taken(workspace, name)
        return records.add_person(db, name, needs)


def rename_person(workspace: Workspace, person_id: int, new_name: str) -> Person:
    """Change the name (or initials) a person is known by."""
    db = workspace.db
    with records.transaction(db):
        refuse_a_name_taken(workspace, new_name, person_id)
        return records.rename_person(db, person_id, new_name)


def refuse_a_name_taken(workspace: Workspace, name: str, person_id: int | None = None) -> None:
    """Refuse a name someone else already has in any case, accent or invisible character: a person alone finds theirs."""
    taken = records.people_called(workspace.db, name, except_id=person_id)
    if taken:
        raise Refused(NAME_TAKEN.format(name=taken[0]))


def change_needs(workspace: Workspace, person_id: int, needs: CommunicationNeeds) -> Person:
    """Replace a person's communication needs (easy read, large print, high contrast, plain mode, spacing, ...)."""
    db = workspace.db
    with records.transaction(db):
        return records.set_needs(db, person_id, needs)


def change_person(workspace: Workspace, person_id: int, name: str, needs: CommunicationNeeds) -> Person:
    """Change a person's name and communication needs together, as the app's person box does (one transaction)."""
    db = workspace.db
    with records.transaction(db):
        if records.get_person(db, person_id).name != name:
            refuse_a_name_taken(workspace, name, person_id)
            records.rename_person(db, person_id, name)
        return records.set_needs(db, person_id, needs)


def update_needs(workspace: Workspace, person_id: int, **changes: bool | str) -> Person:
    """Change only the needs named (`high_contrast=True`), keeping the rest as recorded; F5, F6 and the CLI use this."""
    from dataclasses import fields, replace

    known = {f.name for f in fields(records.CommunicationNeeds)}
    if unknown := sorted(set(changes) - known):
        raise Refused(f"There is no communication need called {unknown[0].replace('_', ' ')!r}.")
    db = workspace.db
    with records.transaction(db):  # read and write in one transaction, so two windows cannot undo each other
        current = records.get_person(db, person_id).needs
        return records.set_needs(db, person_id, replace(current, **changes))  # type: ignore[arg-type]
