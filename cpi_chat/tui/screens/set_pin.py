"""The person's own PIN for checking in alone, set in a session together: typed twice, never shown, removable by the worker."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from cpi_chat.actions import pin
from cpi_chat.errors import CpiChatError
from cpi_chat.tui.as_typed import as_typed
from cpi_chat.tui.screens.ask_line import BOX_CSS
from cpi_chat.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from cpi_chat.records.model import Person
    from cpi_chat.workspace import Workspace


class SetPinScreen(ModalScreen[bool]):
    """The person types a PIN of their own twice; it is kept only as a one-way hash. Ctrl+R removes one already set."""

    DEFAULT_CSS = BOX_CSS.replace("{screen}", "SetPinScreen")
    HELP = ("A PIN for checking in on their own. Ask the person to choose a PIN or a few words only they know, and to "
            "type it twice, with Enter after each. Nobody can read it back, not even you: if it is forgotten, set a new "
            "one here, or remove it with Ctrl+R. Escape leaves without changing anything.")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="set_pin_cancel", tooltip="Leave without changing the PIN"),
        Binding("ctrl+r", "remove", "Remove PIN", id="set_pin_remove", tooltip="Remove the PIN (set a new one to check in alone)"),
    ]

    def __init__(self, workspace: Workspace, person: Person) -> None:
        super().__init__(id="set-pin")
        self.workspace = workspace
        self.person = person
        self.had_pin = pin.has_pin(workspace, person.id)

    def compose(self) -> ComposeResult:
        with Vertical(id="set-pin-box"):
            yield Static(as_typed(f"A PIN for {self.person.name} to check in on their own"), classes="title")
            yield Static(("A PIN is set already: a new one replaces it. " if self.had_pin else "") +
                         "Ask them to choose a PIN or a few words only they know, and type it twice. "
                         "It is never shown, and nobody can read it back.", markup=False)
            yield Input(placeholder="Their PIN", password=True, id="pin")
            yield Input(placeholder="The same again", password=True, id="pin-again")
            yield Static("", id="set-pin-problem", classes="problem", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self.query_one("#pin", Input).focus()

    @on(Input.Submitted, "#pin")
    def _first_typed(self) -> None:
        self.query_one("#pin-again", Input).focus()

    @on(Input.Submitted, "#pin-again")
    def _second_typed(self) -> None:
        first, again = self.query_one("#pin", Input), self.query_one("#pin-again", Input)
        try:
            pin.set_pin(self.workspace, self.person.id, first.value, again.value)
        except CpiChatError as problem:
            self.query_one("#set-pin-problem", Static).update(as_typed(str(problem)))
            first.value = again.value = ""
            first.focus()
            return
        self.notify(f"The PIN for {self.person.name} is saved. They type it after their name to check in on their own.")
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Leave without changing the PIN."""
        self.dismiss(False)

    def action_remove(self) -> None:
        """Remove the PIN set before (forgotten, or too many wrong tries)."""
        pin.reset_pin(self.workspace, self.person.id)
        self.notify(f"The PIN for {self.person.name} is removed: set a new one with them before they check in on their own.")
        self.dismiss(True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Ctrl+R only when there is a PIN to remove."""
        return self.had_pin if action == "remove" else True
