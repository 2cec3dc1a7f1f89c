"""The help screen: what the screen in front is for and every key it answers to, generated from its bindings."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from cpi_chat.tui.spacious import is_spacious, redraw_when_spacing_changes
from cpi_chat.tui.widgets.key_bar import key_name

# Textual's own keys, said in our words; keys a terminal cannot send (the Super/Cmd key) are left out.
PLAIN_WORDS = {"focus_next": "Move to the next part of the screen", "focus_previous": "Move to the part before"}

GENERAL = (
    "Everything you type is saved as you go: you can quit at any time and carry on later. "
    "Ctrl+P opens the command palette. Tab moves between parts of the screen. "
    "To make text bigger, zoom in your terminal (often Ctrl and +)."
)


class HelpScreen(ModalScreen[None]):
    """Lists what a screen is for and its keys; Escape or F1 closes it."""

    OPEN_TO_PERSON_ALONE: ClassVar[bool] = True  # a person checking in alone may see it (tui/app.py asks)

    HELP = "This is the help. Escape or F1 closes it."
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Close help", id="close_help")]

    def __init__(self, purpose: str, keys: list[tuple[str, str]], extra: str = "") -> None:
        super().__init__(id="help-screen")
        self.purpose = purpose
        self.keys = keys
        self.extra = extra

    @classmethod
    def for_screen(cls, screen: Screen, extra: str = "") -> HelpScreen:
        """Help for `screen`, listing the keys active there now."""
        app = screen.app
        seen: set[tuple[str, str]] = set()
        keys: list[tuple[str, str]] = []
        for key, active in screen.active_bindings.items():
            if active.node not in (screen, app):
                continue  # scrolling and editing keys of the focused widget are the same everywhere
            binding = active.binding
            description = PLAIN_WORDS.get(binding.action.rpartition(".")[2]) or binding.tooltip or binding.description
            if not description or not active.enabled or key.startswith("super+") or (binding.description, key) in seen:
                continue
            seen.add((binding.description, key))
            keys.append((key_name(binding), description))
        purpose = getattr(screen, "HELP", None) or (type(screen).__doc__ or "").strip()
        return cls(purpose, keys, extra)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("Help (Escape or F1 closes it)", classes="title")
            if self.extra:
                yield Static(self.extra, id="help-question", markup=False)
            yield Static(self.purpose, id="help-purpose", markup=False)
            yield Static("Keys", classes="title")
            yield Static(self._keys_text(), id="help-keys", markup=False)
            yield Static(GENERAL, id="help-general")
            yield Static("Escape or F1: close this help", classes="hint")

    def on_mount(self) -> None:
        redraw_when_spacing_changes(self, lambda: self.query_one("#help-keys", Static).update(self._keys_text()))

    def _keys_text(self) -> str:
        """One key a line, with a blank line between them when spacing is large."""
        lines = [f"{key:>10}  {what}" for key, what in self.keys]
        return ("\n\n" if is_spacious(self.app) else "\n").join(lines)
