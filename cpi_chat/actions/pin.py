"""The person's own key to checking in alone: a PIN or passphrase set in a session together, reset only by the worker.

Self mode asks for it after the name. A wrong name and a wrong PIN get the same sentence, so no one at the keyboard
learns whether a name is known; after a few wrong tries (counted in people.db, so a restart gives no more) the
person is asked, kindly, to see their worker, who sets a new one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cpi_chat import records
from cpi_chat.errors import Refused

if TYPE_CHECKING:
    from cpi_chat.records.model import Person
    from cpi_chat.workspace import Workspace

MAX_TRIES = 5
SHORTEST, LONGEST = 4, 64
NOT_MATCHED = "That name and PIN do not match. Please check them, then try again."
ASK_YOUR_WORKER = ("That did not work a few times, so please ask your worker to help you check in. "
                   "Nothing about you has been changed.")


class NoMoreTries(Refused):
    """Too many wrong tries: the front end stops asking and says the sentence."""


def pin_needed(workspace: Workspace) -> bool:
    """Whether a person checking in alone types their own PIN after their name (the team's setting; on unless turned off)."""
    from cpi_chat.records.settings import read_settings

    return read_settings(workspace.db).self_check_in_pin


def has_pin(workspace: Workspace, person_id: int) -> bool:
    """Whether the person has a PIN set (the PIN itself is never shown, even to the worker)."""
    from cpi_chat.records.own_keys import key_of

    return key_of(workspace.db, person_id) is not None


def pin_problem(person: Person, pin: str, again: str) -> str:
    """What is wrong with a new PIN as typed twice, in one kind sentence ('' when it can be used)."""
    words = pin.strip()
    if words != again.strip():
        return "The two PINs typed are not the same. Please type it twice again."
    if len(words) < SHORTEST:
        return f"A PIN needs at least {SHORTEST} characters: numbers, letters or a few words."
    if len(words) > LONGEST:
        return f"A PIN can be at most {LONGEST} characters."
    if records.same_name(words) in {records.same_name(person.name), records.same_name(person.needs.preferred_name)}:
        return "Your PIN should not be your name, because other people know it."
    return ""


def set_pin(workspace: Workspace, person_id: int, pin: str, again: str) -> None:
    """Set (or replace) the person's PIN, typed twice, in a session together; only a salted hash is kept. Audited."""
    from cpi_chat.records.own_keys import set_key

    db = workspace.db
    with records.transaction(db):
        problem = pin_problem(records.get_person(db, person_id), pin, again)
        if problem:
            raise Refused(problem)
        set_key(db, person_id, pin)


def reset_pin(workspace: Workspace, person_id: int) -> bool:
    """The worker removes the person's PIN (forgotten, or too many wrong tries); False when there was none. Audited."""
    from cpi_chat.records.own_keys import remove_key

    return remove_key(workspace.db, person_id)


def let_in(workspace: Workspace, name: str, pin: str | None, tries_before: int = 0) -> Person:
    """The person alone, by their name and (when the team asks for one) their PIN; one sentence for any mismatch.

    `tries_before` counts the wrong tries already made at this keyboard this time. NoMoreTries says to ask the worker.
    """
    if not pin_needed(workspace):
        return records.find_person_alone(workspace.db, name)
    from cpi_chat.records.own_keys import count_try, key_of, pin_matches

    if tries_before >= MAX_TRIES:
        raise NoMoreTries(ASK_YOUR_WORKER)
    db = workspace.db
    same = [person for person in records.list_people(db) if records.same_name(person.name) == records.same_name(name)]
    keys = [(person.id, key_of(db, person.id)) for person in same] or [(0, None)]  # no one: as slow as a wrong PIN
    for person_id, key in keys:
        locked = key is not None and key["failed_tries"] >= MAX_TRIES
        if pin_matches(pin or "", key["pin_hash"] if key else None) and not locked:
            count_try(db, person_id, right=True)
            return records.get_person(db, person_id)
    for person_id, key in keys:
        if key is not None:
            count_try(db, person_id, right=False)
    if tries_before + 1 >= MAX_TRIES:
        raise NoMoreTries(ASK_YOUR_WORKER)
    raise Refused(NOT_MATCHED)
