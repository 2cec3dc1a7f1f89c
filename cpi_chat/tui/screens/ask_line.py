"""A box that asks one question answered on one line: a person's name, the team's areas, a file name."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from cpi_chat.tui.as_typed import as_typed

BOX_CSS = """
{screen} { align: center middle; }
{screen} > Vertical {
    width: 70; max-width: 100%; height: auto; max-height: 100%;
    border: round $primary; padding: 0 1; background: $surface;
}
{screen} > Vertical > Static { margin-bottom: 1; }
"""



class AskLineScreen(ModalScreen[str | None]):
    """One question answered on one line (a name, areas, a file name); `check` returns a problem to show, or '' when fine."""

    DEFAULT_CSS = BOX_CSS.replace("{screen}", "AskLineScreen")
    HELP = "Type the answer and press Enter. Escape goes back without changing anything."
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="ask_line_cancel")]

    def __init__(self, title: str, question: str, value: str = "", placeholder: str = "",
                 check: Callable[[str], str] | None = None, ask_id: str = "ask-line",
                 keys_text: str = "Enter: done · Escape: cancel") -> None:
        super().__init__(id=ask_id)
        self.keys_text = keys_text
        self.title_text = title
        self.question = question
        self.value = value
        self.placeholder = placeholder
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="ask-line-box"):
            yield Static(self.title_text, classes="title", markup=False)
            yield Static(self.question, markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="ask-line-input")
            yield Static("", id="ask-line-problem", classes="problem", markup=False)
            yield Static(self.keys_text, classes="hint", markup=False)

    def on_mount(self) -> None:
        line = self.query_one("#ask-line-input", Input)
        line.cursor_blink = False
        line.focus()

    @on(Input.Submitted, "#ask-line-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.check(event.value) if self.check else ("" if event.value.strip() else "Please type something first.")
        if problem:
            self.query_one("#ask-line-problem", Static).update(as_typed(problem))
            return
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)
