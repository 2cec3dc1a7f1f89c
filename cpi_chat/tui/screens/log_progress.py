"""Asks how far the person got toward a target goal; dismisses with the words typed, or None on Escape."""

from __future__ import annotations

from typing import ClassVar

from cpi_chat.actions.checkins import progress_example, progress_problem, progress_target
from cpi_chat.amounts import has_number
from cpi_chat.records.model import Goal
from cpi_chat.tui.screens.ask_line import AskLineScreen

NO_WORDS = "Please type how far you got first, or press Escape to go back."


def amount_problem(line: str, goal: Goal) -> str:
    """What is wrong with a value typed toward this goal's target, kindly, or '' when it can be kept (the action's own rule)."""
    return NO_WORDS if not line.strip() else progress_problem(line, progress_target(goal))


class LogProgressScreen(AskLineScreen):
    """Type how far you got (with a number when the target has one), then Enter; Escape goes back without saving."""

    OPEN_TO_PERSON_ALONE: ClassVar[bool] = True  # a person checking in alone may see it (tui/app.py asks)

    HELP = ("Type how far you got. When the target has a number, put one in with what it counts, for example "
            "'2 times', '20 minutes' or '1 km', so it goes on the chart. Enter saves it. Escape goes back without saving.")

    def __init__(self, goal: Goal) -> None:
        measure = goal.measure
        number = " Please put in a number." if has_number(progress_target(goal)) else ""
        question = f"How far did you get?{number}" + (f" (Measured by: {measure})" if measure else "")
        super().__init__(
            f"Log progress: {goal.what}", question, placeholder=progress_example(goal),
            check=lambda line: amount_problem(line, goal),
            ask_id="log-progress", keys_text="Enter: save · Escape: back without saving",
        )
