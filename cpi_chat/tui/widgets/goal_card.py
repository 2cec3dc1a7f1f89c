"""A goal as a card: what, how often or by when, where, and its small steps marked 'to do' or 'done' in words."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.widgets import Static

from cpi_chat.records import progress
from cpi_chat.records.model import Goal
from cpi_chat.tui.as_typed import as_typed
from cpi_chat.words import iso_in_words

if TYPE_CHECKING:
    from cpi_chat.plan.plan import ActivityPlace

OWNERS = {"person": "you", "worker": "your worker", "someone_else": "someone else"}


def goal_lines(goal: Goal, place: ActivityPlace | None = None) -> list[str]:
    """The goal as short lines of text, the same in every theme (no meaning in colour).

    `place` is the goal's group from the directory, as the printed plan finds it: when given, the card says
    where and when as the plan does, so the screen and the paper send the person to the same door.
    """
    if goal.kind == "commitment":
        lines = [f"Goal: {goal.what}" + (f", {goal.how_often}" if goal.how_often else "")]
        if place is not None:
            lines.append(f"Where: {place.name}" + (f", {place.address}" if place.address else ""))
            if place.when:
                lines.append(f"When: {place.when}")
        elif goal.where:
            lines.append(f"Where: {goal.where}")
    else:
        lines = [f"Target: {goal.what}" + (f" by {iso_in_words(goal.by_when)}" if goal.by_when else "")]
        if goal.measure:
            lines.append(f"Measured by: {goal.measure}")
        if goal.starting_point:
            lines.append(f"Now: {goal.starting_point}")
    if goal.steps:
        lines.append("Small steps:")
        for step in goal.steps:
            mark = "done" if step.done else "to do"
            lines.append(f" {step.position}. {step.text} ({step.owner_name or OWNERS.get(step.owner, step.owner)}; {mark})")
    lines.extend(progress_lines(goal))
    return lines


def progress_lines(goal: Goal, today: date | None = None) -> list[str]:
    """How the goal is going, in words: the kind message, and for a commitment the weeks in words and marks."""
    status = progress.goal_progress(goal, today or date.today())
    lines = [f"How it is going: {status.message}"]
    if isinstance(status, progress.CommitmentProgress) and status.periods:
        lines.append(f"{progress.period_chart(status)}  ({progress.chart_in_words(status)})")
    return lines


class GoalCard(Static):
    """One goal and its small steps."""

    def __init__(self, goal: Goal, place: ActivityPlace | None = None) -> None:
        super().__init__(as_typed("\n".join(goal_lines(goal, place))), classes="goal-card")
        self.goal = goal
