"""Asks how far the person got toward a target goal; dismisses with the words typed, or None on Escape."""

from __future__ import annotations

from typing import ClassVar

from cpi_chat.actions.checkins import progress_example, progress_problem
from cpi_chat.records.model import Goal
from cpi_chat.tui.screens.ask_line import AskLineScreen

NO_WORDS = "Please type how far you got first, or press Escape to go back."


def amount_problem(line: str) -> str:
    """What is wrong with a value typed toward a target, kindly, or '' when it can be kept (the action's own rule)."""
    return NO_WORDS if not line.strip() else progress_problem(line)


class LogProgressScreen(AskLineScreen):
    """Type how far you got, with a number, then Enter; Escape goes back without saving."""

    OPEN_TO_PERSON_ALONE: ClassVar[bool] = True  # a person checking in alone may see it (tui/app.py asks)

    HELP = ("Type how far you got, with a number and what it counts, for example '2 times', '20 minutes' or "
            "'1 km'. Enter saves it. Escape goes back without saving.")

    def __init__(self, goal: Goal) -> None:
        measure = goal.measure
        question = "How far did you get? Please put in a number." + (f" (Measured by: {measure})" if measure else "")
        super().__init__(
            f"Log progress: {goal.what}", question, placeholder=progress_example(goal), check=amount_problem,
            ask_id="log-progress", keys_text="Enter: save · Escape: back without saving",
        )
