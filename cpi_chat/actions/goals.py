"""Goals outside a session: the person's goals, adding one, and where and when each goal's group meets."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cpi_chat import records
from cpi_chat.errors import Refused

if TYPE_CHECKING:
    from cpi_chat.plan.plan import ActivityPlace
    from cpi_chat.records.model import Goal
    from cpi_chat.workspace import Workspace


def goals_of(workspace: Workspace, person_id: int) -> list[Goal]:
    """Every goal of the person, oldest first, with its small steps and check-ins."""
    return records.list_goals(workspace.db, person_id)


def active_goals(workspace: Workspace, person_id: int) -> list[Goal]:
    """The goals the person is working on now (not achieved, paused or dropped)."""
    return records.list_goals(workspace.db, person_id, status="active")


def goal(workspace: Workspace, goal_id: int) -> Goal:
    """One goal, as it is now, with its small steps and check-ins."""
    return records.get_goal(workspace.db, goal_id)


def add_commitment_goal(workspace: Workspace, person_id: int, what: str, how_often: str, asset_id: str = "",
                        where: str = "") -> Goal:
    """Add something to go to regularly ('Kick-boxing class', 'every week'), perhaps a group from the directory."""
    db = workspace.db
    with records.transaction(db):
        return records.add_goal(db, person_id, "commitment", what, how_often=how_often, asset_id=asset_id, where=where)


def add_target_goal(workspace: Workspace, person_id: int, what: str, measure: str, by: str, where: str = "") -> Goal:
    """Add something to reach by a date ('Run 5 km', measured by..., by 31/03/2027 as typed)."""
    db = workspace.db
    by_when = _target_date(by)
    with records.transaction(db):
        return records.add_goal(db, person_id, "target", what, measure=measure, by_when=by_when, where=where)


def _target_date(by: str) -> str:
    """A target's date as typed ('31/03/2027', 'in 3 months'), read as the conversation reads it; never one gone by."""
    today = date.today()
    day = records.parse_user_date(by, today)
    if day < today:
        raise Refused("That date has gone by: a goal's date is one still to come. Could you check it?")
    return day.isoformat()


def goal_places(workspace: Workspace, goals: list[Goal]) -> dict[int, ActivityPlace]:
    """Where and when each goal's group meets, by goal id, worded as the printed plan words it (goals with no group left out)."""
    from cpi_chat.plan.plan import activity_place

    found = {goal.id: activity_place(workspace.find_asset(goal.asset_id)) for goal in goals if goal.asset_id}
    return {goal_id: place for goal_id, place in found.items() if place is not None}
