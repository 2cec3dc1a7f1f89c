"""The box that asks the person for their own name when they start alone in self mode."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.binding import Binding, BindingType

from cpi_chat.tui.screens.ask_line import AskLineScreen


def needs_words(problem: str, then: Callable[[str], str] | None = None) -> Callable[[str], str]:
    """A check that says `problem` for an empty line, then asks `then` (if any) about the rest."""
    return lambda line: problem if not line.strip() else (then(line.strip()) if then else "")


class YourNameScreen(AskLineScreen):
    """The person on their own types their name to start their check-in; no one else's name is ever shown."""

    OPEN_TO_PERSON_ALONE: ClassVar[bool] = True  # a person checking in alone may see it (tui/app.py asks)

    HELP = "Type your name, the way your worker wrote it, then press Enter to start your check-in. Escape leaves."
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Leave", id="ask_line_cancel")]

    def __init__(self, check: Callable[[str], str]) -> None:
        """`check` returns a sentence saying what is wrong with a name ('' when it is found)."""
        super().__init__(
            "Hello", "Type your name, then press Enter. Then we can see how your goals are going.",
            placeholder="Your name", check=needs_words("Please type your name first.", check),
            ask_id="your-name", keys_text="Enter: start · Escape: leave",
        )
