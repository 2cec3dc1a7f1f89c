"""The app opened straight on training: a persona's scripted session, or one of the two team exercises."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events
from textual.screen import Screen

from cpi_chat.training import TRAINING_BANNER
from cpi_chat.tui.app import CpiChatApp
from cpi_chat.tui.screens.training import TrainingScreen

if TYPE_CHECKING:
    from cpi_chat.training.player import Player
    from cpi_chat.workspace import Workspace


class TrainingApp(CpiChatApp):
    """The app opened straight on a training session (`cpi-chat training play PERSONA --app`)."""

    CSS_PATH = str(Path(__file__).resolve().parent / "app.tcss")

    def __init__(self, workspace: Workspace, player: Player, autoplay: bool = False) -> None:
        super().__init__(workspace, demo=True)
        self.player = player
        self.autoplay = autoplay
        self.title = TRAINING_BANNER

    def on_mount(self, event: events.Mount) -> None:  # type: ignore[override]
        event.prevent_default()  # not the home screen: straight to the training session
        self.push_screen(TrainingScreen(self.player, self.autoplay))

    async def action_quit(self) -> None:
        """Leave training; the command line says what happens to the training folder."""
        self.exit()


class ExerciseApp(CpiChatApp):
    """The app opened straight on a team exercise (`cpi-chat training map --app`, `training barriers --app`)."""

    CSS_PATH = str(Path(__file__).resolve().parent / "app.tcss")

    def __init__(self, workspace: Workspace, make_screen: Callable[[], Screen[Any]]) -> None:
        super().__init__(workspace, demo=True)
        self.make_screen = make_screen
        self.exercise: Screen[Any] | None = None  # kept so the command line can read the grid or chart afterwards
        self.title = TRAINING_BANNER

    def on_mount(self, event: events.Mount) -> None:  # type: ignore[override]
        event.prevent_default()  # not the home screen: straight to the exercise
        self.exercise = self.make_screen()
        self.push_screen(self.exercise, lambda _result: self.exit())
