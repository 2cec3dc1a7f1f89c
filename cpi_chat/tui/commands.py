"""The command palette's own commands: each runs an action of the app or of the screen in front."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from cpi_chat.tui.spacious import is_spacious, spaced_help

# (title, help, action); an action not available on the current screen is left out.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Help", "Show what this screen is for and its keys", "app.help"),
    ("High-contrast theme on or off", "Black, white and yellow; kept in the person's needs", "app.toggle_contrast"),
    ("Large spacing on or off", "More room between lines; kept in the person's needs", "app.toggle_spacing"),
    ("Start a joint session", "The worker and the person together", "screen.start_joint"),
    ("Start a self check-in", "The person on their own", "screen.start_self"),
    ("Carry on an interrupted session", "Resume where it stopped", "screen.resume"),
    ("Add a person", "Add someone to the list, with their communication needs", "screen.add_person"),
    ("Name and communication needs", "Easy read, large print, high contrast, plain mode, spacing, preferred name", "screen.edit_person"),
    ("Set a PIN for checking in alone", "The person chooses their own PIN, typed twice; never shown", "screen.set_pin"),
    ("How it's going", "Goals with their charts, 'I went this week', and the person's plan", "screen.goals"),
    ("I went this week", "Mark this week for the chosen goal (counted once)", "screen.went"),
    ("Save my plan", "Save the easy-read plan page, to read or print", "screen.my_plan"),
    ("Log progress", "How far the person got toward the chosen target", "screen.log"),
    ("Worker panel", "Show or hide the worker's tips and private notes", "screen.toggle_worker_panel"),
    ("Find a group", "Search the community directory", "screen.find_asset"),
    ("Community directory", "Browse and edit the directory", "app.directory"),
    ("Go back a question", "Undo the last answer", "screen.back"),
    ("Skip this question", "Leave it unanswered", "screen.skip"),
)


class CpiCommands(Provider):
    """Our commands, offered when the screen in front can run them."""

    def _available(self) -> list[tuple[str, str, Callable[[], None]]]:
        available: list[tuple[str, str, Callable[[], None]]] = []
        for title, help_text, action in COMMANDS:
            namespace, _, name = action.partition(".")
            target: DOMNode = self.app if namespace == "app" else self.screen
            if not hasattr(target, f"action_{name}") or target.check_action(name, ()) is False:
                continue
            available.append((title, help_text, partial(self._run, name, target)))
        return available

    def _run(self, name: str, target: DOMNode) -> None:
        self.app.call_later(self.app.run_action, name, target)

    async def discover(self) -> Hits:
        for title, help_text, run in self._available():
            yield DiscoveryHit(title, run, help=spaced_help(help_text, is_spacious(self.app)))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, run in self._available():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=spaced_help(help_text, is_spacious(self.app)))
