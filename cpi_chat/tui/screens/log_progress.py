"""Asks how far or how long toward a target goal; dismisses with the words typed, or None on Escape."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from cpi_chat.records.progress import parse_amount

EXAMPLE = "For example: 3 km in 25 minutes, or out 2 days"
NO_NUMBER = "I could not find a number in that. Try something like 3 km, or 25 minutes, or out 2 days."
MAX_LENGTH = 120


def readable_amount(text: str) -> bool:
    """True when the words hold a distance, a count or a time that progress can show."""
    amount, _unit, minutes = parse_amount(text)
    return amount is not None or minutes is not None


class LogProgressScreen(ModalScreen[str | None]):
    """Type how far you got, with a number (for example 3 km in 25 minutes), then Enter; Escape goes back without saving."""

    HELP = ("Type how far you got, with a number, for example '3 km in 25 minutes', '20 minutes' or 'out 2 days'. "
            "Enter saves it. Escape goes back without saving.")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Back", id="cancel_log")]
    DEFAULT_CSS = """
    LogProgressScreen { align: center middle; }
    #log-box { width: 70; max-width: 100%; height: auto; max-height: 100%; border: round $primary; padding: 0 1;
               background: $surface; }
    #log-box > Static { margin-bottom: 1; }
    #log-problem { text-style: bold; }
    """

    def __init__(self, goal_words: str, measure: str = "") -> None:
        super().__init__(id="log-progress")
        self.goal_words = goal_words
        self.measure = measure

    def compose(self) -> ComposeResult:
        with Vertical(id="log-box"):
            yield Static(f"Log progress: {self.goal_words}", classes="title", markup=False)
            question = "How far did you get? Please put in a number."
            yield Static(question + (f" (Measured by: {self.measure})" if self.measure else ""), markup=False)
            yield Input(placeholder=EXAMPLE, id="log-value", max_length=MAX_LENGTH)
            yield Static("", id="log-problem", markup=False)
            yield Static("Enter: save · Escape: back without saving", classes="hint")

    def on_mount(self) -> None:
        field = self.query_one("#log-value", Input)
        field.cursor_blink = False
        field.focus()
        self.query_one("#log-problem").display = False

    @on(Input.Submitted, "#log-value")
    def _submitted(self, event: Input.Submitted) -> None:
        words = " ".join(event.value.split())
        problem = self.query_one("#log-problem", Static)
        if not words:
            problem.update("Please type how far you got first, or press Escape to go back.")
        elif not readable_amount(words):
            problem.update(NO_NUMBER)
        else:
            self.dismiss(words)
            return
        problem.display = True

    def action_cancel(self) -> None:
        """Close without saving anything."""
        self.dismiss(None)
