"""Asks for the name (or initials) of a new person; dismisses with the name, or None on Escape."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class AddPersonScreen(ModalScreen[str | None]):
    """Type a display name or initials, then Enter; Escape cancels."""

    HELP = "Type the name or initials the person wants to be known by, then press Enter. Escape cancels."
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="cancel_add")]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-person-box"):
            yield Static("Add a person", classes="title")
            yield Static("Their name, or initials if they prefer. Keep it short: no other details.")
            yield Input(placeholder="Name or initials", id="new-name")
            yield Static("", id="add-problem", classes="problem")
            yield Static("Enter: add · Escape: cancel", classes="hint")

    def on_mount(self) -> None:
        name = self.query_one("#new-name", Input)
        name.cursor_blink = False
        name.focus()

    @on(Input.Submitted, "#new-name")
    def _submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.query_one("#add-problem", Static).update("Please type a name or initials first.")
            return
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        """Close without adding anyone."""
        self.dismiss(None)
