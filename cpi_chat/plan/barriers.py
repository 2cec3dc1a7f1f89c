"""Barriers and what will be done about them: each barrier with its parts, the goal it is in the way of, and the steps agreed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cpi_chat.records.barriers import list_barriers
from cpi_chat.records.goals import list_goals
from cpi_chat.records.model import Barrier, SmallStep

if TYPE_CHECKING:
    from cpi_chat.records.people_database import PeopleDatabase

OWNER_WORDS = {"person": "me", "worker": "my worker", "someone_else": "someone else"}


@dataclass(frozen=True)
class ActionPlan:
    """One solution chosen for a part of a barrier, and the small step that carries it out (if one was agreed)."""

    solution: str
    who: str
    done: bool
    for_the_worker: str = ""  # whose step it is, as the worker reads it: the person's name, "worker", or the someone else's name


@dataclass(frozen=True)
class PartPlan:
    """One part of a barrier (or the barrier itself, when it was not split) and what will be done about it."""

    text: str
    actions: tuple[ActionPlan, ...]


@dataclass(frozen=True)
class BarrierPlan:
    """A barrier named by the person (or the service's), the goal it is in the way of, and each part with its actions."""

    id: int
    text: str
    service: bool
    goal: str
    parts: tuple[PartPlan, ...]
    session_id: int | None
    created: str

    def lines(self) -> list[str]:
        """The barrier and its actions in short first-person sentences (the plan's easy-read words)."""
        whose = " (for the group or service to sort out)" if self.service else ""
        goal = f", for {self.goal}" if self.goal else ""
        out = [f"{self.text}{goal}{whose}:"]
        for part in self.parts:
            prefix = f"  {part.text}: " if part.text != self.text else "  "
            if not part.actions:
                out.append(f"{prefix}no plan yet.")
            for action in part.actions:
                state = "done" if action.done else "to do"
                out.append(f"{prefix}{action.solution}. Who: {action.who}. {state.capitalize()}.")
        return out


def worker_lines(plans: list[BarrierPlan]) -> list[str]:
    """Barriers by goal, as the worker reads them: each barrier, its parts, and each solution chosen as a step with whose it is."""
    by_goal: dict[str, list[BarrierPlan]] = {}
    for plan in plans:
        by_goal.setdefault(plan.goal or "Not tied to a goal", []).append(plan)
    lines: list[str] = []
    for goal, barriers in by_goal.items():
        lines.append(f"{goal}:")
        for barrier in barriers:
            lines.append(f"  Barrier: {barrier.text}" + (" (for the group or service)" if barrier.service else ""))
            for part in barrier.parts:
                indent = "    "
                if part.text != barrier.text:
                    lines.append(f"    Part: {part.text}")
                    indent = "      "
                if not part.actions:
                    lines.append(f"{indent}No solution chosen yet.")
                for action in part.actions:
                    lines.append(f"{indent}Step: {action.solution} ({action.for_the_worker}, {'done' if action.done else 'to do'})")
    return lines


def _for_the_worker(step: SmallStep | None, name: str) -> str:
    if step is None:
        return "no step agreed yet"
    if step.owner == "someone_else":
        return step.owner_name or "someone else"
    return "worker" if step.owner == "worker" else name


def _who(step: SmallStep | None) -> str:
    if step is None:
        return "not decided yet"
    if step.owner == "someone_else" and step.owner_name:
        return step.owner_name
    return OWNER_WORDS.get(step.owner, "me")


def barrier_plans(db: PeopleDatabase, person_id: int, open_goals_only: bool = False, name: str = "the person") -> list[BarrierPlan]:
    """Each barrier the person named, oldest first, with its parts and the realistic solutions chosen for each.

    `name` is what the worker calls the person, for a step that is theirs (`ActionPlan.for_the_worker`).
    """
    goals = list_goals(db, person_id)
    names = {g.id: g.what for g in goals}
    closed = {g.id for g in goals if g.status in ("achieved", "dropped")}
    steps = {s.solution_id: s for g in goals for s in g.steps if s.solution_id is not None}
    everything = list_barriers(db, person_id)
    children: dict[int, list[Barrier]] = {}
    for barrier in everything:
        if barrier.parent_id is not None:
            children.setdefault(barrier.parent_id, []).append(barrier)

    def part(barrier: Barrier) -> PartPlan:
        chosen = [s for s in barrier.solutions if s.realistic and s.chosen]
        return PartPlan(barrier.text, tuple(ActionPlan(s.text, _who(steps.get(s.id)), bool(steps.get(s.id) and steps[s.id].done),
                                                       _for_the_worker(steps.get(s.id), name))
                                            for s in chosen))

    plans = []
    for top in (b for b in everything if b.parent_id is None):
        if open_goals_only and top.goal_id in closed:
            continue
        parts = [part(child) for child in _walk(top, children)] or [part(top)]
        plans.append(BarrierPlan(top.id, top.text, top.owner == "service", names.get(top.goal_id or 0, ""),
                                 tuple(parts), top.session_id, top.created))
    return plans


def _walk(top: Barrier, children: dict[int, list[Barrier]]) -> list[Barrier]:
    """Every part under a barrier, depth first (a part split again shows its own parts)."""
    found: list[Barrier] = []
    for child in children.get(top.id, []):
        found.append(child)
        found.extend(_walk(child, children))
    return found
