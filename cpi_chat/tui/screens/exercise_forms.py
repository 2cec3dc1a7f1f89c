"""The exercises' small forms: an asset's name and details for one cell of the grid, and asking before leaving."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from cpi_chat.tui.screens.ask_line import BOX_CSS


class AddToCellScreen(ModalScreen[tuple[str, str] | None]):
    """A small form for one cell of the grid: the asset's name, then any details; dismisses (name, details)."""

    DEFAULT_CSS = BOX_CSS.replace("{screen}", "AddToCellScreen")
    HELP = ("Add an asset to the cell you picked. Type its name, press Enter, then any details you know "
            "(when, where, cost, who runs it) and Enter again. Escape cancels.")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="add_cell_cancel")]

    def __init__(self, domain_label: str, area: str) -> None:
        super().__init__(id="add-to-cell")
        self.domain_label = domain_label
        self.area = area

    def compose(self) -> ComposeResult:
        with Vertical(id="add-cell-box"):
            yield Static(f"Add to {self.domain_label}, {self.area}", classes="title", markup=False)
            yield Input(placeholder="Name, e.g. Walking football", id="add-cell-name")
            yield Input(placeholder="Details (optional): when, cost, access", id="add-cell-details")
            yield Static("", id="add-cell-problem", classes="problem", markup=False)
            yield Static("Enter: next / add · Escape: cancel", classes="hint")

    def on_mount(self) -> None:
        for line in self.query(Input):
            line.cursor_blink = False
        self.query_one("#add-cell-name", Input).focus()

    @on(Input.Submitted, "#add-cell-name")
    def _name_given(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.query_one("#add-cell-problem", Static).update("Please type the asset's name first.")
            return
        self.query_one("#add-cell-details", Input).focus()

    @on(Input.Submitted, "#add-cell-details")
    def _details_given(self, event: Input.Submitted) -> None:
        event.stop()
        name = " ".join(self.query_one("#add-cell-name", Input).value.split())
        if not name:
            self.query_one("#add-cell-problem", Static).update("Please type the asset's name first.")
            self.query_one("#add-cell-name", Input).focus()
            return
        self.dismiss((name, " ".join(event.value.split())))

    def action_cancel(self) -> None:
        """Close without adding anything."""
        self.dismiss(None)


def ask_before_leaving(screen: Screen, question: str, leave_words: str, keep_words: str, keep: Callable[[], None],
                       result: object, choice_id: str) -> None:
    """Work not kept goes with the training folder, so ask: leave anyway, keep it first, or stay."""
    from cpi_chat.tui.screens.choice import ChoiceScreen

    def chosen(index: int | None) -> None:
        if index == 0:
            screen.dismiss(result)
        elif index == 1:
            keep()

    screen.app.push_screen(ChoiceScreen(question, (leave_words, keep_words, "Stay"), choice_id), chosen)
