"""The box that adds a person or changes their name and communication needs (Accessible Information Standard)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Static

from cpi_chat.records.model import NEED_WORDS, CommunicationNeeds
from cpi_chat.tui.widgets.tick_box import TickBox

# What each need does, said beside its box so the worker knows what ticking it changes.
NEED_EFFECTS = {
    "easy_read": "short, simple words in every conversation",
    "large_print": "at least 20pt on every printed page",
    "high_contrast": "black, white and yellow on every screen",
    "larger_spacing": "a blank line under each thing on every screen",
    "plain_mode": "offered when their session opens, for a screen reader",
    "reads_with_someone": "the worker is told at the start of each session",
}


@dataclass(frozen=True)
class PersonDetails:
    """What the box was given: the name and the communication needs."""

    name: str
    needs: CommunicationNeeds


class NeedBox(TickBox, inherit_bindings=False):
    """A need's tick box: Space ticks it; Enter is left to the box, which saves (a checkbox's Enter would untick it)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "toggle_button", "Tick or untick", show=False)]


class PersonFormScreen(ModalScreen[PersonDetails | None]):
    """Add a person, or change their name and needs; `save` returns a sentence saying what is wrong ('' once saved)."""

    HELP = ("The person's name (or initials) and their communication needs. Tick a need with Space; Tab moves on. "
            "Enter or Save keeps it, Escape goes back without changing anything. Every screen, every conversation and "
            "the printed plan follow the needs at once.")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="person_form_cancel"),
        Binding("enter", "save", "Save", show=False, id="person_form_save"),  # Enter on a tick box saves, as the box says
    ]

    def __init__(self, save: Callable[[PersonDetails], str], details: PersonDetails | None = None) -> None:
        super().__init__(id="person-form")
        self.save = save
        self.details = details or PersonDetails("", CommunicationNeeds())
        self.adding = details is None

    def compose(self) -> ComposeResult:
        needs = self.details.needs
        with VerticalScroll(id="person-box"):
            yield Static("Add a person" if self.adding else f"{self.details.name}: name and needs", classes="title", markup=False)
            yield Static("Name, or initials if they prefer. Keep it short: no other details.", markup=False)
            yield Input(self.details.name, placeholder="Name or initials", id="person-name", select_on_focus=False)
            yield Static("The name they like to be called in conversation (optional).", markup=False)
            yield Input(needs.preferred_name, placeholder="For example: Peggy", id="person-preferred", select_on_focus=False)
            yield Static("Communication needs (Space ticks a box):", classes="subtitle", markup=False)
            for field in fields(CommunicationNeeds):
                if field.name in NEED_EFFECTS:
                    label = f"{NEED_WORDS[field.name].capitalize()}: {NEED_EFFECTS[field.name]}"
                    yield NeedBox(label, bool(getattr(needs, field.name)), id=f"need-{field.name}", classes="need")
            yield Static("", id="person-problem", classes="problem", markup=False)
            with Horizontal(id="person-buttons"):
                yield Button("Save (Enter)", id="person-save", compact=True)
                yield Button("Cancel (Esc)", id="person-cancel", compact=True)

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self.query_one("#person-problem").display = False
        self.query_one("#person-name", Input).focus()

    def chosen(self) -> PersonDetails:
        """The name and needs as they stand in the box."""
        ticked = {box.id.removeprefix("need-"): box.value for box in self.query(Checkbox) if box.id}
        preferred = self.query_one("#person-preferred", Input).value.strip()
        return PersonDetails(self.query_one("#person-name", Input).value.strip(),
                             CommunicationNeeds(**ticked, preferred_name=preferred))

    @on(Input.Submitted)
    @on(Button.Pressed, "#person-save")
    def _save(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Keep the name and needs as they stand, or say in words what is missing."""
        details = self.chosen()
        problem = "Please type a name or initials first." if not details.name else self.save(details)
        if problem:
            line = self.query_one("#person-problem", Static)
            line.update(problem)
            line.display = True
            return
        self.dismiss(details)

    @on(Button.Pressed, "#person-cancel")
    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)
