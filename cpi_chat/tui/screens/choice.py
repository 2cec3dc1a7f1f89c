"""A question with a few answers as buttons (numbers pick them); dismisses with the index picked, or None on Escape."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from cpi_chat.tui.as_typed import as_typed


class ChoiceScreen(ModalScreen[int | None]):
    """Asks one question; each answer is a button, and its number key picks it."""

    OPEN_TO_PERSON_ALONE: ClassVar[bool] = True  # a person checking in alone may see it (tui/app.py asks)

    HELP = "Pick one answer with its number key or the arrow keys and Enter. Escape goes back without choosing."
    AUTO_FOCUS = ""  # (not None, which means the app's "*") no answer is chosen until the person moves to one: a stray Enter picks nothing
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Back", id="choice_back"),
        *[Binding(str(n), f"pick({n - 1})", f"Pick {n}", show=False, id=f"choice_pick_{n}") for n in range(1, 10)],
        Binding("down", "app.focus_next", "Next answer", show=False, id="choice_next"),
        Binding("up", "app.focus_previous", "Previous answer", show=False, id="choice_previous"),
    ]

    def __init__(self, question: str, answers: tuple[str, ...], choice_id: str = "choice") -> None:
        super().__init__(id=choice_id)
        self.question = question
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(id="choice-box"):
            yield Static(as_typed(self.question), id="choice-question")  # a name or a goal's words, as typed
            for number, answer in enumerate(self.answers, start=1):
                yield Button(as_typed(f"{number}. {answer}"), id=f"choice-{number - 1}", compact=True, classes="choice-answer")
            yield Static("Escape: back without choosing", classes="hint")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(int(str(event.button.id).removeprefix("choice-")))

    def action_pick(self, index: int) -> None:
        """Pick the answer at `index` (0 is the first)."""
        if 0 <= index < len(self.answers):
            self.dismiss(index)

    def action_dismiss_none(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
