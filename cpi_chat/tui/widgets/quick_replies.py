"""Quick replies: one numbered button per answer; posts `QuickReplies.Picked` with the answer's index."""

from __future__ import annotations

from dataclasses import dataclass

from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button


class QuickReplies(Vertical):
    """The answers to a choose question as buttons; number keys are handled by the screen."""

    options: tuple[str, ...] = ()

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

    def focus_first(self) -> None:
        """Put the focus on the first answer."""
        buttons = self.query(Button)
        if buttons:
            buttons.first().focus()
