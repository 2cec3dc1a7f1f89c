"""Self mode's door: the person alone types their name and their own PIN; one kind sentence for any mismatch."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from cpi_chat.actions.pin import NoMoreTries
from cpi_chat.errors import CpiChatError
from cpi_chat.tui.as_typed import as_typed
from cpi_chat.tui.screens.ask_line import BOX_CSS
from cpi_chat.tui.widgets.key_bar import KeyBar
from cpi_chat.wording import PIN_QUESTION

if TYPE_CHECKING:
    from cpi_chat.records.model import Person

LetIn = Callable[[str, str, int], "Person"]  # (name, PIN, wrong tries so far) -> the person, or Refused


class NameAndPinScreen(ModalScreen["Person | None"]):
    """Type your name, then your PIN, pressing Enter after each; after a few wrong tries, ask your worker."""

    OPEN_TO_PERSON_ALONE: ClassVar[bool] = True  # a person checking in alone may see it (tui/app.py asks)
    DEFAULT_CSS = BOX_CSS.replace("{screen}", "NameAndPinScreen")
    HELP = ("Checking in on your own. Type your name the way your worker wrote it and press Enter, then type your PIN "
            "(the one you chose with your worker) and press Enter. If you have forgotten it, ask your worker. Escape leaves.")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", "Leave", id="door_leave", tooltip="Leave")]

    def __init__(self, let_in: LetIn, name: str = "", hint: str = "") -> None:
        super().__init__(id="name-and-pin")
        self.let_in = let_in
        self.given_name = name
        self.hint = hint
        self.tries = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="door-box"):
            yield Static("Checking in on your own", classes="title", markup=False)
            yield Static("Type your name, then press Enter.", markup=False)
            yield Input(self.given_name, placeholder="Your name", id="door-name")
            yield Static(PIN_QUESTION, markup=False)
            yield Input(placeholder="Your PIN", password=True, id="door-pin")
            yield Static("", id="door-problem", classes="problem", markup=False)
            if self.hint:
                yield Static(self.hint, classes="hint", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = False
        self.query_one("#door-pin" if self.given_name else "#door-name", Input).focus()

    @on(Input.Submitted, "#door-name")
    def _name_typed(self) -> None:
        self.query_one("#door-pin", Input).focus()

    @on(Input.Submitted, "#door-pin")
    def _pin_typed(self) -> None:
        name, typed = self.query_one("#door-name", Input), self.query_one("#door-pin", Input)
        problem = self.query_one("#door-problem", Static)
        try:
            person = self.let_in(name.value, typed.value, self.tries)
        except NoMoreTries as stop:
            problem.update(as_typed(f"{stop} Press Escape to leave."))
            for field in (name, typed):
                field.value = ""
                field.disabled = True
            return
        except CpiChatError as mismatch:  # the same sentence whichever was wrong
            self.tries += 1
            problem.update(as_typed(str(mismatch)))
            typed.value = ""
            (typed if self.given_name else name).focus()
            return
        self.dismiss(person)

    def action_leave(self) -> None:
        """Leave without checking in."""
        self.dismiss(None)
