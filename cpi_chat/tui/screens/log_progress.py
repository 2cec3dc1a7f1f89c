"""Asks how far the person got toward a target goal; dismisses with the words typed, or None on Escape."""

from __future__ import annotations

from cpi_chat.dialogue.templates import progress_example
from cpi_chat.records import Goal
from cpi_chat.records.progress import parse_amount
from cpi_chat.tui.screens.ask_line import AskLineScreen

NO_WORDS = "Please type how far you got first, or press Escape to go back."
NO_NUMBER = "I could not find a number in that. Try a number and what it counts, like 2 times, 20 minutes or 1 km."
TOO_LONG = "Please keep it short: a number and a few words."
MAX_LENGTH = 120


def readable_amount(text: str) -> bool:
    """True when the words hold a distance, a count or a time that progress can show."""
    amount, _unit, minutes = parse_amount(text)
    return amount is not None or minutes is not None


def amount_problem(line: str) -> str:
    """What is wrong with a value typed toward a target, kindly, or '' when it can be kept."""
    words = line.strip()
    if not words:
        return NO_WORDS
    if len(words) > MAX_LENGTH:
        return TOO_LONG
    return "" if readable_amount(words) else NO_NUMBER


class LogProgressScreen(AskLineScreen):
    """Type how far you got, with a number, then Enter; Escape goes back without saving."""

    HELP = ("Type how far you got, with a number and what it counts, for example '2 times', '20 minutes' or "
            "'1 km'. Enter saves it. Escape goes back without saving.")

    def __init__(self, goal: Goal) -> None:
        measure = goal.measure
        question = "How far did you get? Please put in a number." + (f" (Measured by: {measure})" if measure else "")
        example = progress_example(goal.starting_point, goal.expected, measure)  # in the goal's own unit, if it has one
        super().__init__(
            f"Log progress: {goal.what}", question, placeholder=example, check=amount_problem, ask_id="log-progress",
            keys_text="Enter: save · Escape: back without saving",
        )
