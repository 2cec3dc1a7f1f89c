"""The conversation as a chat: the app's lines labelled "cpi-chat:", the person's labelled "You:" and set to the right."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Static

from cpi_chat.tui.as_typed import as_typed


class Transcript(VerticalScroll, can_focus=True):
    """Chat lines, newest at the bottom; labels (not colour) say who said what."""

    def say(self, text: str) -> None:
        """Add a line from the app."""
        self._add(f"cpi-chat: {text}", "from-app")

    def heard(self, text: str) -> None:
        """Add what the person answered."""
        self._add(f"You: {text}", "from-person")

    def block(self, lines: list[str]) -> None:
        """Add several lines from the app as one block (what happened since last time)."""
        self._add("\n".join(lines), "from-app since")

    def note(self, text: str) -> None:
        """Add a small notice (went back, saved, a search note)."""
        self._add(f"({text})", "notice")

    def keep_end_in_view(self) -> None:
        """Scroll to the newest line once the screen is laid out again (the answer area may have grown)."""
        self.call_after_refresh(self.scroll_end, animate=False)

    def _add(self, text: str, kind: str) -> None:
        self.mount(Static(as_typed(text), classes=f"chat-line {kind}"))
        self.keep_end_in_view()
