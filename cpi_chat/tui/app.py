"""The Textual app: holds the workspace, registers the theme and pushes screens; no conversation logic lives here."""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.reactive import Reactive, reactive
from textual.screen import Screen
from textual.theme import Theme
from textual.widget import AwaitMount

from cpi_chat.actions import crashes, people
from cpi_chat.errors import CpiChatError
from cpi_chat.tui import starting
from cpi_chat.tui.commands import CpiCommands
from cpi_chat.tui.spacious import spaced_help
from cpi_chat.tui.themes import (
    DEFAULT_THEME,
    DEFAULT_THEME_LOOK,
    HIGH_CONTRAST,
    HIGH_CONTRAST_THEME,
    Look,
)
from cpi_chat.wording import DEMO_ENDED, FINISHED_MESSAGE, crashed_in_words, safe

if TYPE_CHECKING:
    from cpi_chat.records.model import Person
    from cpi_chat.workspace import Workspace

DEMO_TITLE = "Demo — fictional people"
SAVED_MESSAGE = "Everything is saved. Run cpi-chat again to carry on where you stopped."
NOT_OPEN_ALONE = "That is for your worker, so it is not open in a check-in on your own."
# The app's own actions a person alone may use; any other (the directory, and whatever is added later) is refused.
ACTIONS_OPEN_ALONE = frozenset({"help", "toggle_contrast", "toggle_spacing", "quit"})


def open_to_person_alone(screen: Screen) -> bool:
    """Whether a person alone may see this screen: its own class says so (`OPEN_TO_PERSON_ALONE`), or it is the palette."""
    return isinstance(screen, CommandPalette) or bool(vars(type(screen)).get("OPEN_TO_PERSON_ALONE", False))


class CpiChatApp(App[starting.SwitchToPlain | None]):
    """cpi-chat: a friendly conversation that finds community groups and sets small goals."""

    CSS_PATH = "app.tcss"
    TITLE = "cpi-chat"
    COMMANDS = App.COMMANDS | {CpiCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="help", tooltip="What this screen is for and its keys"),
        # Priority: they work in every pop-up too (a pop-up hides the app's other keys), such as the box asking a
        # person alone for their name, before anything else is on screen.
        Binding("f5", "toggle_contrast", "Contrast", id="contrast", priority=True, tooltip="High-contrast theme on or off"),
        Binding("f6", "toggle_spacing", "Spacing", id="spacing", priority=True, tooltip="Large spacing on or off"),
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True, tooltip="Save and leave cpi-chat"),
        Binding("ctrl+c", "quit", "Quit", id="quit_ctrl_c", show=False, priority=True),
    ]

    # The app starts in its own theme as the reactive's default: setting `self.theme` in __init__ instead makes Textual
    # parse all the CSS a second time (with the theme's colours) before the first frame.
    theme: Reactive[str] = Reactive(DEFAULT_THEME)

    # Large spacing is on: every screen and pop-up shows it, by the "-spacious" class for CSS margins, and by
    # watching this for rows a widget draws itself (a list's options, a table's rows: see tui/spacious.py).
    spacious: reactive[bool] = reactive(False, init=False)

    def __init__(self, workspace: Workspace, person_name: str | None = None, mode: str = "joint", demo: bool = False):
        super().__init__()
        self.workspace = workspace
        self.start_person_name = person_name
        self.mode = mode
        self.demo = demo
        self.person: Person | None = None  # whose display setting is in use
        self.locked_to_person = mode == "self"  # the person alone: never the people list, nor anyone else's name
        self.list_look = Look()  # what the worker chose on the people list, where no one's needs apply
        if demo:
            self.title = DEMO_TITLE
        self.set_class(True, f"-theme-{DEFAULT_THEME}", update=False)  # as setting the theme would

    @property
    def available_themes(self) -> dict[str, Theme]:
        """Textual's themes and cpi-chat's two, known before __init__ could register them (its first colours are read there)."""
        return {**super().available_themes, DEFAULT_THEME: DEFAULT_THEME_LOOK, HIGH_CONTRAST: HIGH_CONTRAST_THEME}

    def get_default_screen(self) -> Screen:
        """The people list itself when it is the first screen: pushing it over an empty one costs a second layout."""
        if self._opens_on_people_list():
            from cpi_chat.tui.screens.home import HomeScreen

            return HomeScreen()
        return super().get_default_screen()

    def _opens_on_people_list(self) -> bool:
        if self.start_person_name or self.locked_to_person:
            return False
        try:
            return self.workspace.has_people() or not self.workspace.assets.is_empty()  # the list itself is read once, by the list
        except CpiChatError:
            return False  # on_mount says what is wrong

    def on_mount(self) -> None:
        from cpi_chat.tui.screens.home import HomeScreen

        if isinstance(self.screen, HomeScreen):
            return  # already the first screen (see get_default_screen)
        if self.locked_to_person:  # the person alone: their name (and their own PIN), never the people list
            starting.let_person_alone_in(self, self.start_person_name)
        elif self.start_person_name:
            try:
                person = people.find_person(self.workspace, self.start_person_name)
            except CpiChatError as problem:
                self.push_screen(HomeScreen())
                self.notify(str(problem), severity="error", timeout=10, markup=False)
                return
            self.push_screen(HomeScreen())
            self.open_person(person, self.mode)
        else:  # the first run: nobody yet and no directory (or people.db could not be read: the error says so)
            try:
                first_run = not self.workspace.has_people() and self.workspace.assets.is_empty()
            except CpiChatError as problem:
                self.exit(return_code=1, message=str(problem))
                return
            from cpi_chat.tui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen() if first_run else HomeScreen())

    def ask_for_own_name(self) -> None:
        """Self mode: ask the person alone for their name (and their own PIN), and start their check-in once they are in."""
        starting.let_person_alone_in(self, None)

    def _handle_exception(self, error: Exception) -> None:
        """Anything unexpected: one kind sentence, a private note without local variables, and a non-zero exit.

        Textual's own handler prints the traceback with every local variable (goals, notes, circles) to the
        terminal. This replaces it (Textual is pinned: `_handle_exception` is its one door for such errors).
        """
        # A demo's or training's folder is deleted on leaving; the note (which holds no one's words) outlives it in the temp folder.
        folder = Path(tempfile.gettempdir()) if self.workspace.training else self.workspace.paths.data_dir
        note = crashes.write_crash_note(folder, error, "In the full-screen app.")
        self._return_code = 1
        if self._exception is None:  # a test's Pilot raises it again, so tests still see the real error
            self._exception = error
            self._exception_event.set()
        self._exit_renderables.append(Text(crashed_in_words(note)))
        self._close_messages_no_wait()

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Show a notification with its words as typed: never markup (names, notes and groups are in them), never escape codes."""
        super().notify(safe(message), title=safe(title), severity=severity, timeout=timeout, markup=False)

    # -- the person alone: a small closed room -----------------------------

    def push_screen(self, screen: Screen[Any] | str, callback: Any = None, wait_for_dismiss: bool = False, *,  # type: ignore[override]
                    mode: str | None = None) -> Any:
        """Show a screen; a person alone gets only the screens that say they are open to them (deny by default)."""
        if self.locked_to_person and isinstance(screen, Screen) and not open_to_person_alone(screen):
            self.notify(NOT_OPEN_ALONE, severity="warning", markup=False)
            if wait_for_dismiss:
                refused: asyncio.Future[object] = asyncio.get_running_loop().create_future()
                refused.set_result(None)
                return refused
            return AwaitMount(self.screen, [])
        return super().push_screen(screen, callback, wait_for_dismiss, mode=mode)  # type: ignore[call-overload]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A person alone may use only the app's actions named open to them; Textual's own are left alone."""
        if self.locked_to_person and f"action_{action}" in vars(CpiChatApp) and action not in ACTIONS_OPEN_ALONE:
            return False
        return super().check_action(action, parameters)

    def open_person(self, person: Person, mode: str) -> None:
        """Start or carry on a conversation with the person, asking first when one stopped part-way (screens call this)."""
        starting.open_person(self, person, mode)

    # -- the look: each person's communication needs, or the worker's own choice on the people list --

    def use_person_display(self, person: Person | None) -> None:
        """Show the person's needs (high contrast, larger spacing) on every screen and pop-up; None: the people list's own look.

        A need only ever switches something on: high contrast chosen on the people list (the person may already be
        sitting there) stays on when their session opens, and goes back to the list's own choice afterwards.
        """
        if person is not None:  # the needs as recorded now: F5 or F6 may have changed them since this screen was made
            try:
                person = people.person(self.workspace, person.id)
            except CpiChatError:
                pass  # the screen's own copy is the best there is
        self.person = person
        needs = person.needs if person is not None else None
        self._show_look(self.list_look.high_contrast or bool(needs and needs.high_contrast),
                        self.list_look.spacious or bool(needs and needs.larger_spacing))

    def _show_look(self, high_contrast: bool, spacious: bool) -> None:
        self.theme = HIGH_CONTRAST if high_contrast else DEFAULT_THEME
        self.spacious = spacious
        self.set_class(spacious, "-spacious")

    def _change_look(self, **need: bool) -> None:
        """F5 or F6: with a person open it becomes their need (recorded, so every screen and the next session follow)."""
        if self.person is None:
            self.list_look = replace(self.list_look, **need)
            self.use_person_display(None)
            return
        try:
            self.person = people.update_needs(self.workspace, self.person.id, **need)
        except CpiChatError as problem:
            self.notify(str(problem), severity="error", markup=False)
            return
        if not any(need.values()):  # turned off for the person means off, even if it was chosen on the people list
            self.list_look = replace(self.list_look, **{"high_contrast" if "high_contrast" in need else "spacious": False})
        self.use_person_display(self.person)

    def action_toggle_contrast(self) -> None:
        """High-contrast theme on or off (for the person whose screen this is: remembered in their needs)."""
        self._change_look(high_contrast=self.theme != HIGH_CONTRAST)
        self.notify("High contrast on." if self.theme == HIGH_CONTRAST else "High contrast off.", markup=False)

    def action_toggle_spacing(self) -> None:
        """Large spacing on or off (for the person whose screen this is: remembered in their needs)."""
        want = not self.spacious
        self._change_look(**({"larger_spacing": want} if self.person is not None else {"spacious": want}))
        self.notify("Large spacing on." if self.spacious else "Large spacing off.", markup=False)

    # -- help, directory, quitting -----------------------------------------

    def action_help(self) -> None:
        """Show what the screen in front is for and its keys."""
        from cpi_chat.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen.for_screen(self.screen))

    def action_directory(self) -> None:
        """Open the community directory, when that screen is installed."""
        try:
            from cpi_chat.tui.screens.directory import DirectoryScreen
        except ImportError:
            self.notify("The directory screen is not available in this version.", severity="warning", markup=False)
            return
        self.push_screen(DirectoryScreen(self.workspace.assets))

    async def action_quit(self) -> None:
        """Leave; every answer is already saved, so say so (and that there is nothing to carry on, when so)."""
        self.exit(message=self.leaving_words())

    def leaving_words(self) -> str | None:
        """What to say on leaving: the demo is deleted; a finished session has nothing to carry on."""
        if self.demo:
            return DEMO_ENDED
        if self.person is None:
            return None
        session = getattr(self.screen, "session", None)
        return FINISHED_MESSAGE if session is not None and session.finished else SAVED_MESSAGE

    def format_title(self, title: str, sub_title: str) -> Content:
        """'Title — sub-title' at full strength: Textual dims the sub-title, which loses contrast."""
        return Content(f"{title} — {sub_title}" if sub_title else title)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Of Textual's own commands only Quit: Screenshot would write personal data to disk, Theme would
        bypass the remembered high-contrast setting, and Keys and Maximize repeat F1 or confuse."""
        for command in super().get_system_commands(screen):
            if command.title == "Quit":
                yield command._replace(help=spaced_help(command.help, self.spacious))
