"""A person's progress over time, read from people.db: each goal's progress, what happened since the last session, circles then and now."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from cpi_chat.records.db import guarded
from cpi_chat.records.goals import list_goals
from cpi_chat.records.model import Connection, Goal
from cpi_chat.records.notes import list_connections
from cpi_chat.records.progress import GoalProgress, SinceSummary, goal_progress
from cpi_chat.records.sessions import list_sessions
from cpi_chat.records.store import fetch_all
from cpi_chat.words import day_of

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase


@guarded
def load_progress(db: PeopleDatabase, person_id: int, today: date | None = None) -> list[tuple[Goal, GoalProgress]]:
    """Each of a person's goals that is not dropped, with how it is going."""
    day = today or date.today()
    return [(goal, goal_progress(goal, day)) for goal in list_goals(db, person_id) if goal.status != "dropped"]


@guarded
def last_session_day(db: PeopleDatabase, person_id: int) -> date | None:
    """The day the person's last finished session ended (or started), or None if there has been none."""
    finished = [s for s in list_sessions(db, person_id) if s.ended]
    return day_of(max(finished, key=lambda s: s.ended or "").ended or "") if finished else None


@guarded
def last_meeting_day(db: PeopleDatabase, person_id: int) -> date | None:
    """The day the person's last finished session together (with the worker) ended, or None if there has been none."""
    finished = [s for s in list_sessions(db, person_id) if s.ended and s.mode == "joint"]
    return day_of(max(finished, key=lambda s: s.ended or "").ended or "") if finished else None


@guarded
def summary_since(db: PeopleDatabase, person_id: int, since: date | str | None = None, today: date | None = None) -> SinceSummary:
    """Check-ins and goal progress since `since` (default: the last finished session; else everything)."""
    day = (day_of(since) if isinstance(since, str) else since) or last_session_day(db, person_id)
    progress = load_progress(db, person_id, today)
    checkins = tuple(sorted(((g, c) for g, _ in progress for c in g.checkins if day is None or (day_of(c.date) or date.min) >= day),
                            key=lambda pair: (pair[1].date, pair[1].id)))
    return SinceSummary(since=day, checkins=checkins, progress=tuple(progress))


@guarded
def connections_then_and_now(db: PeopleDatabase, person_id: int) -> tuple[list[Connection], list[Connection]]:
    """The connections recorded by the end of the person's first session, and all of them now."""
    now = list_connections(db, person_id)
    sessions = list_sessions(db, person_id)
    if not sessions:
        return [], now
    first = min(sessions, key=lambda s: (s.started, s.id))
    cutoff = first.ended or first.started
    rows = fetch_all(db, "SELECT id FROM connection WHERE person_id = ? AND (session_id = ? OR (session_id IS NULL AND created <= ?))",
                     [person_id, first.id, cutoff])
    wanted = {row["id"] for row in rows}
    return [c for c in now if c.id in wanted], now
