"""What a conversation shows before and after: everything since the last meeting (a review), and how it all stands at the end."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cpi_chat import records
from cpi_chat.dialogue.lists import GOALS, read_list
from cpi_chat.dialogue.state import EngineState
from cpi_chat.records import progress
from cpi_chat.records.habit import strength_in_words

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase


def since_last_time(db: PeopleDatabase, person_id: int, state: EngineState, today: date | None = None) -> list[str]:
    """Before a review: everything since the last meeting together, so the worker and person start from it ([] otherwise)."""
    from cpi_chat.plan.since_meeting import since_last_meeting

    if state.root != "review":
        return []
    lines = since_last_meeting(db, person_id, today).lines()
    return [lines[0], *(f"  {line}" for line in lines[1:])]


def closing_blocks(db: PeopleDatabase, person_id: int, session_id: int, state: EngineState,
                   today: date | None = None) -> list[list[str]]:
    """When the conversation has ended: each goal checked in on, today's ratings and wellbeing, and the review's T-score."""
    from cpi_chat.plan.wellbeing import today_beside_last_time

    day = today or date.today()
    blocks = [_goal_progress(db, state, day), _ratings_beside_last_time(db, person_id, day),
              today_beside_last_time(records.list_wellbeing(db, person_id), day), _attainment(db, person_id, session_id)]
    return [block for block in blocks if block]


def _goal_progress(db: PeopleDatabase, state: EngineState, today: date) -> list[str]:
    if state.root != "follow_up":
        return []
    lines: list[str] = []
    for item in read_list(state.context, GOALS):
        goal = records.get_goal(db, int(item["goal_id"]))
        status = progress.goal_progress(goal, today)
        lines.extend([f"How it is going: {goal.what}", f"  {status.message}"])
        if isinstance(status, progress.CommitmentProgress):
            period = status.frequency.period_word.capitalize()
            lines.append(f"  {progress.chart_in_words(status)}")
            lines.append(f"  {period}s in a row: {status.current_run}. Times you went: {status.times_went}. "
                         f"Habit strength: {strength_in_words(status.strength)}.")
        else:
            lines.extend(f"  {line}" for line in progress.target_chart(status))
    return lines


def _ratings_beside_last_time(db: PeopleDatabase, person_id: int, today: date) -> list[str]:
    from cpi_chat.plan.ratings import rating_changes

    ratings = records.list_ratings(db, person_id)
    if not any(r.date[:10] == today.isoformat() for r in ratings):
        return []  # nothing rated today: the questions were not asked, or the person said "not today"
    return ["How things are going:", *(f"  {c.topic}: {c.in_words()}" for c in rating_changes(ratings))]


def _attainment(db: PeopleDatabase, person_id: int, session_id: int) -> list[str]:
    """After a review that scored goals: today's goal score beside the ones before (50 means as expected)."""
    reviews = records.list_gas_reviews(db, person_id)
    today = next((r for r in reviews if r.session_id == session_id), None)
    if today is None:
        return []
    before = [r for r in reviews if r.id != today.id and (r.date, r.id) < (today.date, today.id)]
    lines = ["Goal score (50 means the goals went as expected):", f"  Today: {today.t_score:.0f}."]
    if before:
        lines.append(f"  Last time: {before[-1].t_score:.0f}.")
    return lines
