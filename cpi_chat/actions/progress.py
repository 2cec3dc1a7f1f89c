"""How it's going between appointments: each goal with its progress, the ratings beside last time, the circles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cpi_chat.plan.circles import Circles
    from cpi_chat.plan.ratings import RatingChange
    from cpi_chat.records.model import Goal
    from cpi_chat.records.progress import GoalProgress
    from cpi_chat.workspace import Workspace


@dataclass(frozen=True)
class HowItIsGoing:
    """One person's goals (not dropped) with how each is going, their ratings beside last time, and their circles."""

    goals: tuple[tuple[Goal, GoalProgress], ...]
    ratings: tuple[RatingChange, ...]
    circles: Circles


def how_it_is_going(workspace: Workspace, person_id: int, today: date | None = None) -> HowItIsGoing:
    """Everything 'How it's going' shows, from shared records only (never private notes)."""
    from cpi_chat.plan.plan import build_plan
    from cpi_chat.records.history import load_progress

    day = today or date.today()
    goals = load_progress(workspace.db, person_id, day)
    plan = build_plan(workspace.db, person_id, workspace.find_asset, day)  # the ratings and circles, as the plan shows them
    return HowItIsGoing(tuple(goals), plan.ratings, plan.circles)


def since_last_session(workspace: Workspace, person_id: int) -> list[str]:
    """What happened since the last session, in short sentences: check-ins by date, then how each goal is going."""
    from cpi_chat.records.history import summary_since

    return summary_since(workspace.db, person_id).lines()


def barriers_for_the_worker(workspace: Workspace, person_id: int) -> list[str]:
    """Each open goal's barriers for the worker panel: the barrier, its parts, the solutions chosen as steps and whose they are."""
    from cpi_chat import records
    from cpi_chat.plan.barriers import barrier_plans, worker_lines

    person = records.get_person(workspace.db, person_id)
    name = person.needs.preferred_name or person.name.split()[0]
    return worker_lines(barrier_plans(workspace.db, person_id, open_goals_only=True, name=name))
