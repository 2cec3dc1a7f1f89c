"""Check-ins between appointments: 'I went' (counted once a period), did not go, away, progress logged, taken back."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal

from cpi_chat import records
from cpi_chat.errors import Refused

if TYPE_CHECKING:
    from cpi_chat.records.model import Checkin, CheckinBy, Goal
    from cpi_chat.workspace import Workspace

Result = Literal["went", "missed", "paused"]
WENT_ALREADY = "This {period} is already marked: you went. It counts once, so there is nothing more to do. Well done!"
NOT_THEIR_GOAL = "Goal {goal_id} is not one of {name}'s goals; `cpi-chat goals list` shows them."
NO_NUMBER = "I could not find a number in that. Try a number and what it counts, like 2 times, 20 minutes or 1 km."
TOO_LONG = "Please keep it short: a number and a few words."
MAX_PROGRESS_LENGTH = 120


def refuse_a_second_went(goal: Goal, day: date) -> None:
    """The rule: a goal gone to regularly counts 'I went' once a period (a second day for 'twice a week', never the same day twice)."""
    if goal.kind != "commitment":
        return
    from cpi_chat.records import progress

    if progress.went_already(goal, day):
        period = progress.parse_how_often(goal.how_often).period_word
        raise Refused(WENT_ALREADY.format(period=period))


def their_goal(workspace: Workspace, person_id: int, goal_id: int) -> Goal:
    """The goal with this id, refused kindly when it is someone else's."""
    goal = records.get_goal(workspace.db, goal_id)
    if goal.person_id != person_id:
        name = records.get_person(workspace.db, person_id).name
        raise Refused(NOT_THEIR_GOAL.format(goal_id=goal_id, name=name))
    return goal


def check_in(
    workspace: Workspace, person_id: int, goal_id: int, result: Result | None = None, *, value: str = "",
    feeling: str = "", note: str = "", by: CheckinBy = "worker", on: date | str | None = None,
) -> Checkin:
    """Record how a goal went on a day (today, or a date as typed): went, missed, paused (away or unwell) or a value."""
    if value:
        problem = progress_problem(value)
        if problem:
            raise Refused(problem)
        value = value.strip()
    db = workspace.db
    day = records.parse_user_date(on) if isinstance(on, str) else on or date.today()
    with records.transaction(db):  # read and written under one lock, so two windows cannot both add 'I went'
        goal = their_goal(workspace, person_id, goal_id)
        if result == "went":
            refuse_a_second_went(goal, day)
        attended = {"went": True, "missed": False}.get(result or "")
        return records.add_checkin(db, person_id, goal.id, attended=attended, value=value, feeling=feeling, note=note,
                                   by=by, on=day, paused=result == "paused")


def mark_went(workspace: Workspace, person_id: int, goal_id: int, by: CheckinBy, on: date | None = None) -> Checkin:
    """'I went this week' for a goal gone to regularly; refused kindly when this week (fortnight, month) is already marked."""
    return check_in(workspace, person_id, goal_id, "went", by=by, on=on)


def progress_problem(words: str) -> str:
    """What is wrong with progress typed toward a target, kindly ('' when it can be kept): it needs a number to chart."""
    from cpi_chat.records.progress import parse_amount

    words = words.strip()
    if len(words) > MAX_PROGRESS_LENGTH:
        return TOO_LONG
    amount, _unit, minutes = parse_amount(words)
    return "" if amount is not None or minutes is not None else NO_NUMBER


def progress_example(goal: Goal) -> str:
    """An example of progress in the goal's own unit ('For example: 1 km'), or one that fits any goal."""
    from cpi_chat.dialogue.templates import progress_example as example_from

    return example_from(goal.starting_point, goal.expected, goal.measure)  # the most telling words first


def log_progress(workspace: Workspace, person_id: int, goal_id: int, words: str, by: CheckinBy) -> Checkin:
    """Keep how far the person got toward a target, as they put it ('3 km in 25 minutes'); it needs a number to chart."""
    if not words.strip():
        raise Refused(NO_NUMBER)
    return check_in(workspace, person_id, goal_id, value=words, by=by)


def take_back(workspace: Workspace, person_id: int, checkin_id: int) -> None:
    """Remove a check-in saved by mistake (only this person's; the audit keeps that it was removed)."""
    db = workspace.db
    with records.transaction(db):
        records.remove_checkin(db, person_id, checkin_id)
