"""The first-run welcome: what cpi-chat is for, and a way to get a community directory (the demo one, or the team's own)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Header, Static

from cpi_chat.errors import CpiChatError
from cpi_chat.tui.widgets.key_bar import KeyBar

ABOUT = (
    "cpi-chat helps a worker and the person they support talk about what the person enjoys, "
    "find community groups that match, and set small goals together. "
    "Between meetings the person can check in on their own goals."
)
IMPORT_HOW = "To use your team's own directory instead, quit (Ctrl+Q) and run:  cpi-chat assets import FILE"


class WelcomeScreen(Screen[None]):
    """Shown on the very first run, when there are no people and the community directory is empty."""

    HELP = ("Welcome. Press D to load the demo directory of a fictional town, or C to carry on with an empty one. "
            "You can import your team's directory later with: cpi-chat assets import FILE")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "app.help", "Help", id="help", tooltip="What this screen is for and its keys"),
        Binding("d", "load_demo", "Load demo directory", id="load_demo", tooltip="Load the fictional town's directory"),
        Binding("c", "carry_on", "Carry on", id="carry_on", tooltip="Carry on with an empty directory"),
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with Vertical(id="welcome-box"):
            yield Static("Welcome to cpi-chat", classes="title")
            yield Static(ABOUT, id="welcome-about")
            yield Static("The community directory is empty.", id="welcome-empty")
            yield Button("D  Load the demo directory (a fictional town)", id="load-demo", compact=True)
            yield Button("C  Carry on with an empty directory", id="carry-on", compact=True)
            yield Static(IMPORT_HOW, id="welcome-import", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = "Welcome"
        self.query_one("#load-demo", Button).focus()

    @on(Button.Pressed, "#load-demo")
    def action_load_demo(self) -> None:
        """Load the fictional town's directory, then go to the people list."""
        try:
            from cpi_chat.actions.directory import load_demo_directory  # loaded only when asked for

            report = load_demo_directory(self.app.workspace.assets)  # type: ignore[attr-defined]
        except CpiChatError as problem:
            self.notify(str(problem), severity="error", timeout=10, markup=False)
            return
        self.notify(f"Loaded the demo directory: {report.imported} groups and places.", markup=False)
        self.action_carry_on()

    @on(Button.Pressed, "#carry-on")
    def action_carry_on(self) -> None:
        """Go on to the people list."""
        from cpi_chat.tui.screens.home import HomeScreen

        self.app.switch_screen(HomeScreen())
