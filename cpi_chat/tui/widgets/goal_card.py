"""A goal as a card: what, how often or by when, where, and its small steps marked 'to do' or 'done' in words."""

from __future__ import annotations

from datetime import date

from textual.widgets import Static

from cpi_chat.dialogue.templates import date_in_words
from cpi_chat.records import Goal, progress

OWNERS = {"person": "you", "worker": "your worker", "someone_else": "someone else"}


def goal_lines(goal: Goal) -> list[str]:
    """The goal as short lines of text, the same in every theme (no meaning in colour)."""
    if goal.kind == "commitment":
        lines = [f"Goal: {goal.what}" + (f", {goal.how_often}" if goal.how_often else "")]
        if goal.where:
            lines.append(f"Where: {goal.where}")
    else:
        lines = [f"Target: {goal.what}" + (f" by {date_in_words(goal.by_when)}" if goal.by_when else "")]
        if goal.measure:
            lines.append(f"Measured by: {goal.measure}")
        if goal.starting_point:
            lines.append(f"Now: {goal.starting_point}")
    if goal.steps:
        lines.append("Small steps:")
        for step in goal.steps:
            mark = "done" if step.done else "to do"
            lines.append(f" {step.position}. {step.text} ({OWNERS.get(step.owner, step.owner)}; {mark})")
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

    def __init__(self, goal: Goal) -> None:
        super().__init__("\n".join(goal_lines(goal)), classes="goal-card", markup=False)
        self.goal = goal
