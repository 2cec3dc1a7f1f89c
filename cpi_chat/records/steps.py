"""Small steps of a goal: added (from a session, a barrier's solution, or directly), ticked done, said in new words."""

from __future__ import annotations

from datetime import date as Date
from typing import TYPE_CHECKING

from cpi_chat.errors import RecordsError
from cpi_chat.records.db import guarded, transaction
from cpi_chat.records.model import SmallStep, StepOwner, from_row, require_choice
from cpi_chat.records.store import (
    fetch_one,
    require_row,
    resolve_parent,
    save_effect_change,
    save_effect_row,
)

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase

MAX_STEP_LENGTH = 300


def _next_position(db: PeopleDatabase, goal_id: int) -> int:
    row = fetch_one(db, "SELECT coalesce(max(position), 0) + 1 AS next FROM small_step WHERE goal_id = ?", [goal_id])
    return int(row["next"]) if row else 1


def step_words(text: str) -> str:
    """A step's words, cleaned; a RecordsError when there are none or far too many."""
    cleaned = " ".join(text.split())
    if not cleaned:
        raise RecordsError("A small step needs a few words saying what to do.")
    if len(cleaned) > MAX_STEP_LENGTH:
        raise RecordsError("Please keep a small step short: one thing to do, in a sentence.")
    return cleaned


@guarded
def save_small_step(
    db: PeopleDatabase, person_id: int, session_id: int | None, effect_key: str | None, text: str,
    owner: StepOwner = "person", goal_key: str = "", goal_id: int | None = None, owner_name: str = "",
    solution_key: str = "", solution_id: int | None = None,
) -> int:
    """Save one small step of a goal (named by its effect key in this session or by id), added last in order.

    `owner_name` says who 'someone else' is; `solution_key`/`solution_id` name the barrier's solution it carries out.
    """
    require_choice(owner, StepOwner, "owner")
    words = step_words(text)
    with transaction(db):
        parent = resolve_parent(db, "goal", person_id, session_id, goal_key, goal_id, "goal")
        if parent is None:
            raise ValueError("a small step needs goal_key or goal_id")
        solution = resolve_parent(db, "solution", person_id, session_id, solution_key, solution_id, "solution")
        return save_effect_row(db, "small_step", person_id, session_id, effect_key,
                               {"goal_id": parent, "text": words, "owner": owner, "solution_id": solution,
                                "owner_name": owner_name.strip() if owner == "someone_else" else ""},
                               on_insert_only={"position": _next_position(db, parent)})


def get_step(db: PeopleDatabase, step_id: int) -> SmallStep:
    """One small step, or a RecordsError."""
    return from_row(SmallStep, require_row(db, "small_step", step_id, "small step"))


@guarded
def set_step_done(
    db: PeopleDatabase, step_id: int, done: bool = True, on: Date | None = None, session_id: int | None = None,
    effect_key: str | None = None,
) -> SmallStep:
    """Tick a small step off on `on` (today), or untick it."""
    step = get_step(db, step_id)
    with transaction(db):
        save_effect_change(db, _person_of(db, step), session_id, effect_key, "small_step", step_id,
                           {"done": int(done), "done_on": (on or Date.today()).isoformat() if done else ""})
    return get_step(db, step_id)


@guarded
def change_step_words(
    db: PeopleDatabase, step_id: int, text: str, session_id: int | None = None, effect_key: str | None = None,
) -> SmallStep:
    """Say a small step in new words."""
    step = get_step(db, step_id)
    with transaction(db):
        save_effect_change(db, _person_of(db, step), session_id, effect_key, "small_step", step_id, {"text": step_words(text)})
    return get_step(db, step_id)


def _person_of(db: PeopleDatabase, step: SmallStep) -> int:
    return int(require_row(db, "small_step", step.id, "small step")["person_id"])
