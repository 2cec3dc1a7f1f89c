"""Boxes that ask for a name: a new person's (home screen), or the person's own when they start alone in self mode."""

from __future__ import annotations

from collections.abc import Callable
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
    TITLE_TEXT = "Add a person"
    EXPLANATION = "Their name, or initials if they prefer. Keep it short: no other details."
    PLACEHOLDER = "Name or initials"
    KEYS_TEXT = "Enter: add · Escape: cancel"

    def __init__(self, check: Callable[[str], str] | None = None) -> None:
        """`check` returns a sentence saying what is wrong with a name ('' when it is fine)."""
        super().__init__()
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="add-person-box"):
            yield Static(self.TITLE_TEXT, classes="title")
            yield Static(self.EXPLANATION)
            yield Input(placeholder=self.PLACEHOLDER, id="new-name")
            yield Static("", id="add-problem", classes="problem", markup=False)
            yield Static(self.KEYS_TEXT, classes="hint")

    def on_mount(self) -> None:
        name = self.query_one("#new-name", Input)
        name.cursor_blink = False
        name.focus()

    @on(Input.Submitted, "#new-name")
    def _submitted(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        problem = "Please type a name or initials first." if not name else (self.check(name) if self.check else "")
        if problem:
            self.query_one("#add-problem", Static).update(problem)
            return
        self.dismiss(name)

    def action_cancel(self) -> None:
        """Close without a name."""
        self.dismiss(None)


class YourNameScreen(AddPersonScreen):
    """The person on their own types their name to start their check-in; no one else's name is ever shown."""

    HELP = "Type your name, the way your worker wrote it, then press Enter to start your check-in. Escape leaves."
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Leave", id="cancel_add")]
    TITLE_TEXT = "Hello"
    EXPLANATION = "Type your name, then press Enter. Then we can see how your goals are going."
    PLACEHOLDER = "Your name"
    KEYS_TEXT = "Enter: start · Escape: leave"
