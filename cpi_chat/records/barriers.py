"""Barriers as a tree (a barrier split into smaller parts) and the solutions thought of for each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cpi_chat.errors import RecordsError
from cpi_chat.records.db import guarded, transaction
from cpi_chat.records.model import Barrier, BarrierOwner, Solution, from_row, require_choice
from cpi_chat.records.store import fetch_all, require_row, resolve_parent, save_effect_row

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase


@guarded
def save_barrier(
    db: PeopleDatabase, person_id: int, session_id: int | None, effect_key: str | None, text: str,
    owner: BarrierOwner = "person", parent_key: str = "", parent_id: int | None = None, goal_key: str = "",
    goal_id: int | None = None,
) -> int:
    """Save a barrier (the person's or the service's) in the way of a goal, or a part of one named by its parent's key or id.

    A part is in the way of the same goal as the barrier it was split from.
    """
    require_choice(owner, BarrierOwner, "owner")
    if not text.strip():
        raise RecordsError("A barrier needs a few words, so nothing was saved.")
    with transaction(db):
        parent = resolve_parent(db, "barrier", person_id, session_id, parent_key, parent_id, "barrier")
        goal = resolve_parent(db, "goal", person_id, session_id, goal_key, goal_id, "goal")
        if parent is not None:
            goal = require_row(db, "barrier", parent, "barrier")["goal_id"]
        return save_effect_row(db, "barrier", person_id, session_id, effect_key,
                               {"text": text.strip(), "owner": owner, "parent_id": parent, "goal_id": goal})


@guarded
def save_solution(
    db: PeopleDatabase, person_id: int, session_id: int | None, effect_key: str | None, text: str,
    realistic: bool = True, chosen: bool = False, barrier_key: str = "", barrier_id: int | None = None,
) -> int:
    """Save a solution to one barrier (named by its effect key in this session, or by id)."""
    if not text.strip():
        raise RecordsError("A solution needs a few words, so nothing was saved.")
    with transaction(db):
        parent = resolve_parent(db, "barrier", person_id, session_id, barrier_key, barrier_id, "barrier")
        if parent is None:
            raise ValueError("a solution needs barrier_key or barrier_id")
        return save_effect_row(db, "solution", person_id, session_id, effect_key,
                               {"barrier_id": parent, "text": text.strip(), "realistic": int(realistic), "chosen": int(chosen)})


@guarded
def list_barriers(db: PeopleDatabase, person_id: int) -> list[Barrier]:
    """A person's barriers and their parts, oldest first, each with its solutions (walk `parent_id` for the tree)."""
    solutions: dict[int, list[Solution]] = {}
    for row in fetch_all(db, "SELECT * FROM solution WHERE person_id = ? ORDER BY id", [person_id]):
        solutions.setdefault(row["barrier_id"], []).append(from_row(Solution, row))
    rows = fetch_all(db, "SELECT * FROM barrier WHERE person_id = ? ORDER BY id", [person_id])
    return [from_row(Barrier, row, solutions=tuple(solutions.get(row["id"], []))) for row in rows]
