"""Words and a progress bar while the directory's search index is rebuilt (after a change made elsewhere)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import ProgressBar, Static

READY_WORDS = "Getting the directory ready for searching..."


class DirectoryReadyBar(Vertical):
    """What is happening in words, and how far it has got; gone once everything is done."""

    DEFAULT_CSS = """
    DirectoryReadyBar {
        height: auto;
    }
    DirectoryReadyBar.-done {
        display: none;
    }
    """

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total

    def compose(self) -> ComposeResult:
        yield Static(READY_WORDS, markup=False)
        yield ProgressBar(total=max(self.total, 1), show_eta=False)

    def on_mount(self) -> None:
        """Show how far it had got by the time it is on screen."""
        self.show_progress(self.done, self.total)

    def show_progress(self, done: int, total: int) -> None:
        """Move the bar to `done` of `total`; it goes away once everything is done."""
        self.done, self.total = done, total
        for bar in self.query(ProgressBar):
            bar.update(total=max(total, 1), progress=min(done, total))
        self.set_class(done >= total, "-done")


def show_ready_progress(below: Widget, done: int, total: int) -> None:
    """Show the bar just below `below` (added the first time a rebuild is under way), or move it on."""
    found = below.screen.query(DirectoryReadyBar)
    if found:
        found.first().show_progress(done, total)
    elif done < total and isinstance(below.parent, Widget):
        below.parent.mount(DirectoryReadyBar(done, total), after=below)
