"""Quick replies: one numbered button per answer; posts `QuickReplies.Picked` with the answer's index."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button


def numbers_in_words(count: int) -> str:
    """'1', '1 or 2', '1, 2 or 3': the numbers of `count` replies as a sentence says them."""
    numbers = [str(n) for n in range(1, count + 1)]
    return numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} or {numbers[-1]}"


def reply_typed(text: str, options: tuple[str, ...]) -> int | None:
    """The index of the reply `text` names: its number, its words, or the start of one reply's words alone (any case)."""
    typed = " ".join(text.split()).casefold().rstrip(".!")
    if typed.isdecimal() and 1 <= int(typed) <= len(options):
        return int(typed) - 1
    labels = [" ".join(option.split()).casefold() for option in options]
    if typed in labels:
        return labels.index(typed)
    starting = [n for n, label in enumerate(labels) if typed and label.startswith(typed)]
    return starting[0] if len(starting) == 1 else None


class QuickReplies(Vertical, can_focus=True):
    """The answers to a choose question as buttons; number keys are handled by the screen.

    The list itself takes the focus when a question appears, never its first answer: a bare Enter (a stray
    key while the screen loads) gives no reply until the person has moved to one with the arrow keys or Tab.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Next answer", show=False, id="reply_next"),
        Binding("up", "move(-1)", "Previous answer", show=False, id="reply_previous"),
        Binding("enter", "nothing_chosen", "Nothing chosen", show=False, id="reply_none"),
    ]
    options: tuple[str, ...] = ()

    class NothingChosen(Message):
        """Enter was pressed before any answer was moved to."""

    @dataclass
    class Picked(Message):
        """The person picked the answer at `index` (0 is the first)."""

        index: int
        label: str

    def show_options(self, options: tuple[str, ...]) -> None:
        """Replace the buttons with one per option, numbered from 1."""
        self.remove_children()
        self.mount_all(
            Button(Content(f"{n}. {label}"), name=str(n - 1), compact=True, classes="quick-reply")
            for n, label in enumerate(options, start=1)
        )
        self.options = options

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        index = int(event.button.name or 0)
        self.post_message(self.Picked(index, self.options[index]))

    def focus_start(self) -> None:
        """Put the focus on the list of answers, with none of them chosen."""
        self.focus(scroll_visible=False)

    def action_move(self, step: int) -> None:
        """Move to the next (1) or previous (-1) answer; from the list itself, Down goes to the first."""
        buttons = list(self.query(Button))
        if not buttons:
            return
        here = buttons.index(self.screen.focused) if self.screen.focused in buttons else (-1 if step > 0 else len(buttons))
        buttons[max(0, min(len(buttons) - 1, here + step))].focus()

    def action_nothing_chosen(self) -> None:
        """Enter on the list with no answer moved to: say how to answer, and choose nothing."""
        self.post_message(self.NothingChosen())
