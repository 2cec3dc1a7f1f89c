"""Everything since the last meeting together, for a review to start from: every check-in, week by week, and more.

Weeks gone, missed (with the reason given), away, and not told about; values logged; small steps
done; goals finished, put on hold or stopped; what got in the way when the person checked in
alone and what will be done about it; ratings beside last time. From shared records only: never
a private note, since the person reads it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from cpi_chat.plan.barriers import BarrierPlan, barrier_plans
from cpi_chat.plan.ratings import RatingChange, rating_changes
from cpi_chat.records.goals import list_goals
from cpi_chat.records.habit import strength_in_words
from cpi_chat.records.history import last_meeting_day
from cpi_chat.records.model import Checkin, Goal
from cpi_chat.records.notes import list_ratings
from cpi_chat.records.progress import (
    CommitmentProgress,
    GoalProgress,
    goal_progress,
    next_period_start,
    period_start,
)
from cpi_chat.records.sessions import list_sessions
from cpi_chat.words import day_and_month, day_of, long_date

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase

PERIOD_WORDS = {"went": "went", "missed": "did not go", "paused": "away or unwell", "not_recorded": "not told"}
STATUS_WORDS = {"achieved": "Marked done", "paused": "Put on hold", "dropped": "Stopped", "active": "Started again"}


@dataclass(frozen=True)
class GoalSince:
    """One goal since the meeting: how it is going, and what was said about it."""

    goal: Goal
    progress: GoalProgress
    checkins: tuple[Checkin, ...]


@dataclass(frozen=True)
class SinceMeeting:
    """What happened between the last meeting together (`since`) and `today`."""

    since: date | None
    today: date
    goals: tuple[GoalSince, ...]
    barriers_alone: tuple[BarrierPlan, ...]
    ratings: tuple[RatingChange, ...]
    barriers_agreed: tuple[BarrierPlan, ...] = ()  # talked through before, for goals still open: what was agreed, done or to do

    def lines(self) -> list[str]:
        """Everything, as short sentences: a heading, then each goal, what got in the way, the ratings."""
        out = [f"Since we last met, on {long_date(self.since)}:" if self.since else "So far:"]
        if not any(g.checkins or _steps_done(g.goal, self.since) or _status_line(g.goal, self.since) for g in self.goals):
            out.append("  No check-ins yet.")
        for goal in self.goals:
            out.extend(self._goal_lines(goal))
        if self.barriers_agreed:
            out.append("What might get in the way, and what we agreed to do about it:")
            for barrier in self.barriers_agreed:
                out.extend(f"  {line}" for line in barrier.lines())
        if self.barriers_alone:
            out.append("Got in the way, said when checking in alone:")
            for barrier in self.barriers_alone:
                out.extend(f"  {line}" for line in barrier.lines())
        if self.ratings:
            out.append("How things are going, beside last time:")
            out.extend(f"  {r.topic}: {r.in_words()}" for r in self.ratings)
        return out

    def _goal_lines(self, since: GoalSince) -> list[str]:
        goal, status = since.goal, since.progress
        lines = [f"{goal.what}:"]
        if isinstance(status, CommitmentProgress):
            lines.extend(f"  {line}" for line in _weeks(since, self.since))
        else:
            lines.extend(f"  {day_and_month(d)}: {c.value}." for c in since.checkins if c.value and (d := day_of(c.date)))
            if status.achieved and status.achieved_on:
                lines.append(f"  Reached on {long_date(status.achieved_on)}.")
        lines.extend(f"  Small step done: {step}" for step in _steps_done(goal, self.since))
        if (changed := _status_line(goal, self.since)):
            lines.append(f"  {changed}")
        lines.append(f"  {status.message}")
        return lines


def _weeks(since: GoalSince, day: date | None) -> list[str]:
    """Each week (fortnight, month) since the meeting: went, did not go and why, away, or not told."""
    status = since.progress
    assert isinstance(status, CommitmentProgress)
    word = status.frequency.period_word
    first = period_start(day, status.frequency.period, status.periods[0].start) if day and status.periods else None
    shown = [m for m in status.periods if first is None or m.start >= first]
    lines = []
    for mark in shown:
        end = next_period_start(mark.start, status.frequency.period)
        said = {c.date: c for c in since.checkins if (d := day_of(c.date)) and mark.start <= d < end}  # the last each day
        extra = "; ".join(x for c in said.values() for x in (c.feeling, c.note) if x)
        heading = f"{word.capitalize()} of {day_and_month(mark.start)}: {PERIOD_WORDS[mark.status]}"
        if mark.status == "missed" and extra:
            lines.append(f"{heading}. The reason given: {extra}.")
        else:
            lines.append(f"{heading} ({extra})." if extra else f"{heading}.")
    if shown:
        went = sum(1 for m in shown if m.status == "went")
        lines.append(f"{word.capitalize()}s went: {went} of {len(shown)}. In a row now: {status.current_run}. "
                     f"Habit strength: {strength_in_words(status.strength)}.")
    return lines


def _steps_done(goal: Goal, day: date | None) -> list[str]:
    return [f"{s.text} ({day_and_month(d)})." for s in goal.steps
            if s.done and (d := day_of(s.done_on)) and (day is None or d >= day)]


def _status_line(goal: Goal, day: date | None) -> str:
    changed = day_of(goal.status_since)
    if goal.status == "active" and changed == day_of(goal.created):
        return ""
    if changed is None or (day is not None and changed < day):
        return ""
    why = goal.pause_reason or goal.stop_reason
    until = f" until {long_date(d)}" if goal.status == "paused" and (d := day_of(goal.paused_until)) else ""
    return f"{STATUS_WORDS.get(goal.status, goal.status)} on {long_date(changed)}{until}{f' ({why})' if why else ''}."


def since_last_meeting(db: PeopleDatabase, person_id: int, today: date | None = None) -> SinceMeeting:
    """Everything since the last finished session together (everything, if there has been none)."""
    day = today or date.today()
    since = last_meeting_day(db, person_id)
    goals = []
    for goal in list_goals(db, person_id):
        changed = day_of(goal.status_since)
        if goal.status != "active" and goal.status != "paused" and (since is None or changed is None or changed < since):
            continue  # done or stopped before the meeting: not part of this time
        checkins = tuple(c for c in goal.checkins if since is None or (day_of(c.date) or date.min) >= since)
        goals.append(GoalSince(goal, goal_progress(goal, day), checkins))
    alone = {s.id for s in list_sessions(db, person_id) if s.mode == "self"
             and (since is None or (day_of(s.started) or date.min) >= since)}
    barriers = tuple(b for b in barrier_plans(db, person_id) if b.session_id in alone)
    agreed = tuple(b for b in barrier_plans(db, person_id, open_goals_only=True) if b.session_id not in alone)
    ratings = tuple(r for r in rating_changes(list_ratings(db, person_id)) if since is None or (day_of(r.date) or date.min) >= since)
    return SinceMeeting(since, day, tuple(goals), barriers, ratings, agreed)

