"""Pilot helpers for the exercise screens: open them in the training app and type lines with real key events."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from cpi_chat.tui.screens.asset_mapping import MappingScreen
from cpi_chat.tui.screens.barriers_exercise import BarriersScreen
from cpi_chat.tui.training_apps import ExerciseApp
from cpi_chat.workspace import Workspace
from tests.tui.tui_driving import type_text


def mapping_app(workspace: Workspace, **options: object) -> ExerciseApp:
    """The app as `cpi-chat training map --app` runs it."""
    return ExerciseApp(workspace, lambda: MappingScreen(workspace.assets.domains(), **options))  # type: ignore[arg-type]


def barriers_app(workspace: Workspace, **options: object) -> ExerciseApp:
    """The app as `cpi-chat training barriers --app` runs it."""
    return ExerciseApp(workspace, lambda: BarriersScreen(**options))  # type: ignore[arg-type]


async def type_line(pilot: Pilot, text: str, enter: bool = True) -> None:
    """Type a line key by key (the same key events as `pilot.press`, in one burst), then Enter."""
    await type_text(pilot, text)
    if enter:
        await pilot.press("enter")
        await pilot.pause()


def shown(pilot: Pilot, selector: str) -> str:
    """The text of a Static on the screen in front."""
    return str(pilot.app.screen.query_one(selector, Static).render())
