"""Goals outside a session: the person's goals, adding one, finishing, pausing, stopping or reopening one, where each meets."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cpi_chat import records
from cpi_chat.errors import Refused

if TYPE_CHECKING:
    from cpi_chat.plan.plan import ActivityPlace
    from cpi_chat.records.model import Goal, GoalStatus
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
    return records.parse_user_date(by, date.today(), to_come=True).isoformat()


def goal_places(workspace: Workspace, goals: list[Goal]) -> dict[int, ActivityPlace]:
    """Where and when each goal's group meets, by goal id, worded as the printed plan words it (goals with no group left out)."""
    from cpi_chat.plan.plan import activity_place

    found = {goal.id: activity_place(workspace.find_asset(goal.asset_id)) for goal in goals if goal.asset_id}
    return {goal_id: place for goal_id, place in found.items() if place is not None}


ACHIEVED_ALREADY = "This goal is already done: it is kept in 'What I've done'. Well done!"
STOPPED_FIRST = "This goal was stopped. Reopen it first, then mark it done."
PAUSED_ALREADY = "This goal is already on hold."
ONLY_ACTIVE_PAUSED = "Only a goal being worked on can be put on hold. Reopen it first."
STOPPED_ALREADY = "This goal is already stopped."
ACTIVE_ALREADY = "This goal is already being worked on, so there is nothing to reopen."
PAUSE_IN_THE_PAST = "A pause lasts until a day still to come; the date given has passed."
STATUS_PROBLEMS = {
    ("achieved", "achieved"): ACHIEVED_ALREADY, ("dropped", "achieved"): STOPPED_FIRST, ("achieved", "dropped"): ACHIEVED_ALREADY,
    ("paused", "paused"): PAUSED_ALREADY, ("achieved", "paused"): ONLY_ACTIVE_PAUSED,
    ("dropped", "paused"): ONLY_ACTIVE_PAUSED, ("dropped", "dropped"): STOPPED_ALREADY,
    ("active", "active"): ACTIVE_ALREADY,
}


def refuse_a_status_change(goal: Goal, status: str) -> None:
    """The rule: achieved from active or paused, on hold only from active, stopped from any other, reopened when not active."""
    problem = STATUS_PROBLEMS.get((goal.status, status))
    if problem:
        raise Refused(problem)


def _change_status(workspace: Workspace, person_id: int, goal_id: int, status: GoalStatus, pause_reason: str = "",
                   until: str = "", stop_reason: str = "") -> Goal:
    from cpi_chat.actions.checkins import their_goal

    db = workspace.db
    with records.transaction(db):
        refuse_a_status_change(their_goal(workspace, person_id, goal_id), status)
        return records.set_goal_status(db, goal_id, status, pause_reason, until=until, stop_reason=stop_reason)


def achieve_goal(workspace: Workspace, person_id: int, goal_id: int) -> Goal:
    """Mark a goal done: it moves to 'What I've done' and is kept there, never deleted."""
    return _change_status(workspace, person_id, goal_id, "achieved")


def pause_goal(workspace: Workspace, person_id: int, goal_id: int, why: str = "", until: str = "") -> Goal:
    """Put a goal on hold (life happens): why, and until when (a date as typed, or none)."""
    day = records.parse_user_date(until) if until.strip() else None
    if day is not None and day <= date.today():
        raise Refused(PAUSE_IN_THE_PAST)
    return _change_status(workspace, person_id, goal_id, "paused", pause_reason=why,
                          until=day.isoformat() if day else "")


def stop_goal(workspace: Workspace, person_id: int, goal_id: int, why: str = "") -> Goal:
    """Stop a goal that is not for the person (no blame): why, in their words; it can be reopened."""
    return _change_status(workspace, person_id, goal_id, "dropped", stop_reason=why)


def reopen_goal(workspace: Workspace, person_id: int, goal_id: int) -> Goal:
    """Work on a goal again after it was done, on hold or stopped."""
    return _change_status(workspace, person_id, goal_id, "active")
