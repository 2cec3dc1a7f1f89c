"""What a conversation is given about the person: name, needs, interests, groups chosen, goals in view, last ratings."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import TYPE_CHECKING

from cpi_chat import records
from cpi_chat.actions.checkins import progress_target
from cpi_chat.records import progress
from cpi_chat.records.gas import goal_levels, level_name, level_with_sign
from cpi_chat.records.model import Goal, Person

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase

# Which of the person's goals each flow goes through, by status: a check-in the ones being worked on, a review also those on hold.
GOALS_IN_VIEW = {"follow_up": ("active",), "review": ("active", "paused")}
LEVEL_KEYS = {-2: "m2", -1: "m1", 0: "0", 1: "p1", 2: "p2"}


def needs_context(person: Person) -> dict[str, str]:
    """The name to call the person and whether to use easy-read words, from their needs as recorded now."""
    first = person.name.split()[0] if person.name.split() else person.name  # 'Hello Dan', as a person would say it
    return {"name": person.needs.preferred_name or first, "easy_read": "yes" if person.needs.easy_read else ""}


def context_for(db: PeopleDatabase, person: Person, mode: str, flow: str, goal: Goal | None, today: date) -> dict[str, str]:
    """What the flows may say about the person: name, needs, interests, groups kept, goals in view, ratings last time."""
    context = {"today": today.isoformat(), "mode": mode, **needs_context(person)}
    latest: dict[str, str] = {}
    for interest in records.list_interests(db, person.id):
        latest[interest.when] = interest.text
    context.update(interests_now=latest.get("present", ""), interests_past=latest.get("past", ""),
                   wish_to_try=latest.get("wish", ""))
    if mode != "self":  # asked at the first session and at reviews, with last time's answers beside each question
        from cpi_chat.plan.wellbeing import last_time_context

        context.update(last_time_context(records.list_wellbeing(db, person.id), today))
    groups = [{"chosen_asset": g.name, "chosen_asset_id": g.asset_id, "first_visit": g.first_visit}
              for g in records.list_chosen_groups(db, person.id, not_yet_goals=True)]
    in_view = [goal] if goal is not None else [
        g for g in records.list_goals(db, person.id) if g.status in GOALS_IN_VIEW.get(flow, ())]
    goals = [goal_item(g, today, person.needs.easy_read) for g in in_view]
    context.update(_groups=json.dumps(groups, ensure_ascii=False), _goals=json.dumps(goals, ensure_ascii=False))
    context.update(last_ratings(db, person.id))
    return context


def goal_item(goal: Goal, today: date, easy_read: bool = False) -> dict[str, str]:
    """One goal's answers while a flow goes through it: what it is, its next step, its levels, how it has gone."""
    status = progress.goal_progress(goal, today)
    steps_to_do = [s for s in sorted(goal.steps, key=lambda s: (s.position, s.id)) if not s.done]
    item = {
        "goal_id": str(goal.id), "goal_what": goal.what, "goal_kind": goal.kind, "goal_how_often": goal.how_often,
        "goal_asset_id": goal.asset_id, "goal_measure": goal.measure, "goal_target": progress_target(goal),
        "goal_status": goal.status, "goal_pause_reason": goal.pause_reason, "goal_paused_until": goal.paused_until,
        "goal_next_step": steps_to_do[0].text if steps_to_do else "",
        "goal_next_step_id": str(steps_to_do[0].id) if steps_to_do else "",
        "goal_more_steps": "yes" if len(steps_to_do) > 1 else "",
        "goal_how_it_went": status.message,
        "goal_reached": "yes" if isinstance(status, progress.TargetProgress) and status.achieved else "",
        "goal_suggested": suggested_level(status),
    }
    for level in goal_levels(goal, easy_read):
        item[f"goal_level_{LEVEL_KEYS[level.level]}"] = level.words
    return item


def suggested_level(status: progress.GoalProgress) -> str:
    """A level the check-ins point to, in words for the worker ('' when they say nothing); the person decides."""
    if isinstance(status, progress.TargetProgress):
        return f"The target was reached: that is at least {level_with_sign(1)}." if status.achieved else ""
    told = status.attended + status.missed
    if not told:
        return ""
    share = status.attended / told
    level = 1 if share >= 1 else 0 if share >= 0.5 else -1 if share > 0 else -2
    return (f"Went {status.attended} of the {told} {status.frequency.period_word}s told about: that looks like "
            f"{level_with_sign(level)} ({level_name(level).lower()}).")


def rating_key(topic: str) -> str:
    """The answer name a rating's last score is given under: 'Feeling connected' -> last_feeling_connected."""
    return "last_" + re.sub(r"[^a-z0-9]+", "_", topic.casefold()).strip("_")


def last_ratings(db: PeopleDatabase, person_id: int) -> dict[str, str]:
    """Each topic's score last time, in words for the question ('Last time: 2 out of 5.')."""
    latest: dict[str, str] = {}
    for rating in sorted(records.list_ratings(db, person_id), key=lambda r: (r.date, r.id)):
        latest[rating_key(rating.topic)] = f"Last time: {rating.score} out of 5."
    return latest
