"""Check-ins between appointments: 'I went' (counted once a period), did not go, away, progress logged, taken back."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Literal

from cpi_chat import records
from cpi_chat.amounts import progress_problem, target_words
from cpi_chat.errors import Refused

if TYPE_CHECKING:
    from cpi_chat.records.model import Checkin, CheckinBy, Goal
    from cpi_chat.workspace import Workspace

Result = Literal["went", "missed", "paused"]
WENT_ALREADY = "This {period} is already marked: you went. It counts once, so there is nothing more to do. Well done!"
NOTHING_TYPED = "Please type how far you got, in a few words."
NOT_THEIR_GOAL = "Goal {goal_id} is not one of {name}'s goals; `cpi-chat goals list` shows them."


def period_word(goal: Goal) -> str:
    """The period a goal gone to regularly counts 'I went' in: 'week', 'fortnight' or 'month'."""
    from cpi_chat.records import progress

    return progress.parse_how_often(goal.how_often).period_word


def went_already(goal: Goal, day: date) -> bool:
    """The rule: a goal gone to regularly counts 'I went' once a period (a second day for 'twice a week', never the same day twice)."""
    if goal.kind != "commitment":
        return False
    from cpi_chat.records import progress

    return progress.went_already(goal, day)


def refuse_a_second_went(goal: Goal, day: date) -> None:
    """Refuse, kindly, an 'I went' that `went_already` says would add nothing."""
    if went_already(goal, day):
        raise Refused(WENT_ALREADY.format(period=period_word(goal)))


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
    db = workspace.db
    day = records.parse_user_date(on) if isinstance(on, str) else on or date.today()
    with records.transaction(db):  # read and written under one lock, so two windows cannot both add 'I went'
        goal = their_goal(workspace, person_id, goal_id)
        if value:
            problem = progress_problem(value, progress_target(goal))
            if problem:
                raise Refused(problem)
            value = value.strip()
        if result == "went":
            refuse_a_second_went(goal, day)
        attended = {"went": True, "missed": False}.get(result or "")
        return records.add_checkin(db, person_id, goal.id, attended=attended, value=value, feeling=feeling, note=note,
                                   by=by, on=day, paused=result == "paused")


def mark_went(workspace: Workspace, person_id: int, goal_id: int, by: CheckinBy, on: date | None = None) -> Checkin:
    """'I went this week' for a goal gone to regularly; refused kindly when this week (fortnight, month) is already marked."""
    return check_in(workspace, person_id, goal_id, "went", by=by, on=on)


def progress_target(goal: Goal) -> str:
    """The words progress is measured against: a number there means progress needs one too (amounts.progress_problem)."""
    return target_words(goal.measure, goal.what)


def progress_example(goal: Goal) -> str:
    """An example of progress in the goal's own unit ('For example: 1 km'), or one that fits any goal."""
    from cpi_chat.dialogue.templates import progress_example as example_from

    return example_from(goal.starting_point, goal.expected, goal.measure)  # the most telling words first


def log_progress(workspace: Workspace, person_id: int, goal_id: int, words: str, by: CheckinBy) -> Checkin:
    """Keep how far the person got toward a target, as they put it ('3 km in 25 minutes'; a number when the target has one)."""
    if not words.strip():
        raise Refused(NOTHING_TYPED)
    return check_in(workspace, person_id, goal_id, value=words, by=by)


def take_back(workspace: Workspace, person_id: int, checkin_id: int) -> None:
    """Remove a check-in saved by mistake (only this person's; the audit keeps that it was removed)."""
    db = workspace.db
    with records.transaction(db):
        records.remove_checkin(db, person_id, checkin_id)
