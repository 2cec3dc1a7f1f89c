"""Contrast measured, not hoped: every screen and pop-up in each theme, every text cell against its real background.

Each journey drives the app with real keys to screens and pop-ups, and at each stop measures the WCAG contrast of
every character on screen, then again with focus moved (Tab) to each thing on it, so highlighted and focused rows
count: at least 4.5:1 in the default theme and with NO_COLOR, 7:1 in high contrast. High contrast is turned on once
(F5 on the first screen) and must still be on at every stop.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from contrast import low_contrast, without_colour
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from tui_driving import TRANSCRIPTS, add_person, demo_app, play_transcript, type_text

from cpi_chat import records
from cpi_chat.tui.app import CpiChatApp
from cpi_chat.tui.themes import DEFAULT_THEME, HIGH_CONTRAST
from cpi_chat.workspace import Workspace

THEMES = {DEFAULT_THEME: 4.5, HIGH_CONTRAST: 7.0}
FOCUS_STOPS = 12  # at most this many Tabs at each stop (a long form's first dozen things show every kind of widget)
Look = Callable[[str], Awaitable[None]]


@dataclass(frozen=True)
class Journey:
    """A way through the app: the app to start, its size, the keys pressed, and the screens it stops to measure."""

    make_app: Callable[[Workspace], CpiChatApp]
    size: tuple[int, int]
    walk: Callable[[Pilot, Look], Awaitable[None]]
    screens: frozenset[str]
    workspace: str = "demo_workspace"


async def press(pilot: Pilot, *keys: str) -> None:
    """Press keys as a person would, and let the app settle after them."""
    await pilot.press(*keys)
    await pilot.pause()


async def answer(pilot: Pilot, *lines: str) -> None:
    """Type each line and press Enter after it, as a person answers box after box."""
    for line in lines:
        await type_text(pilot, line)
        await press(pilot, "enter")


async def highlight(pilot: Pilot, name: str) -> None:
    """Move the people list's highlight to `name` with the arrow keys, as a worker would."""
    person = records.find_person(pilot.app.workspace.db, name)  # type: ignore[attr-defined]
    listing = pilot.app.screen.query_one("#people")
    wanted = listing.get_option_index(f"person-{person.id}")
    listing.focus()
    while listing.highlighted != wanted:
        await pilot.press("down" if (listing.highlighted or 0) < wanted else "up")
    await pilot.pause()


async def welcome(pilot: Pilot, look: Look) -> None:
    await look("the first run's welcome")
    await press(pilot, "f1")
    await look("help over the welcome")


async def people_list(pilot: Pilot, look: Look) -> None:
    await highlight(pilot, "Joyce Whitlow")
    await look("the people list, Joyce highlighted")
    await highlight(pilot, "Callum Reid")
    await press(pilot, "e")
    await look("Callum's name and needs")
    await press(pilot, "space")  # the focused box ticked, to measure a tick as well as a blank
    await look("a need ticked")
    await press(pilot, "escape", "a")
    await look("adding a person")
    await press(pilot, "escape", "ctrl+p")
    await look("the command palette")
    await press(pilot, "escape", "f6", "f6")  # on and off again, or off and on again (tests/tui/test_spacing.py)
    await look("two notices (large spacing turned over twice)")
    await press(pilot, "slash")
    await type_text(pilot, "Jo")
    await look("searching the people list")


async def session(pilot: Pilot, look: Look) -> None:
    await highlight(pilot, "Dan Mercer")
    await press(pilot, "enter")
    await look("asked whether to carry on Dan's session")
    await press(pilot, "1")
    await look("Dan's session with his plan beside it")
    await press(pilot, "f2")
    await look("the worker panel")
    await press(pilot, "f2", "f1")
    await look("help in the session")
    await press(pilot, "escape", "ctrl+f")
    await type_text(pilot, "football")
    await look("the finder while typing, the top result highlighted")
    await press(pilot, "down")
    await look("the finder's second result")
    await press(pilot, "escape", "ctrl+e")
    await look("asked whether to end the session")
    await press(pilot, "escape")


async def suggestions(pilot: Pilot, look: Look) -> None:
    await add_person(pilot, "Priya Shah")
    await press(pilot, "enter")
    await look("the first question and its quick replies")
    await play_transcript(pilot, TRANSCRIPTS / "joint_kickboxing_and_5k.yaml", stop_after=13)
    await look("suggested groups as cards")


async def small_screen(pilot: Pilot, look: Look) -> None:
    await highlight(pilot, "Dan Mercer")
    await press(pilot, "enter", "1")
    await look("Dan's session at 60x20")
    await press(pilot, "f3")
    await look("his plan unfolded with F3")


async def goals(pilot: Pilot, look: Look) -> None:
    await highlight(pilot, "Dan Mercer")
    await press(pilot, "g")
    await look("How it's going")
    await press(pilot, "down", "l")
    await look("logging progress")
    await press(pilot, "escape", "n")
    await look("adding a small step")
    await press(pilot, "escape")


async def directory(pilot: Pilot, look: Look) -> None:
    await press(pilot, "ctrl+d")
    await look("the directory")
    await press(pilot, "a")
    await look("adding an asset")
    await press(pilot, "escape", "d")
    await look("asked before deleting an asset")
    await press(pilot, "n")


async def alone(pilot: Pilot, look: Look) -> None:
    await look("a self check-in asking the person's name")
    await answer(pilot, "Dan Mercer")
    await look("the check-in alone, on each goal in turn")
    await press(pilot, "ctrl+e")
    await look("asked before ending the check-in")
    await press(pilot, "escape")


async def own_pin(pilot: Pilot, look: Look) -> None:
    await highlight(pilot, "Callum Reid")
    await press(pilot, "k")
    await look("setting Callum's own PIN")
    await answer(pilot, "green door", "green dor")
    await look("two PINs that are not the same")


async def door(pilot: Pilot, look: Look) -> None:
    await look("a self check-in asking the name and PIN")
    await answer(pilot, "Dan Mercer", "0000")
    await look("a name and PIN that do not match")


async def training(pilot: Pilot, look: Look) -> None:
    await press(pilot, "space", "space", "space")
    await look("a training session playing")
    await press(pilot, "t")
    await look("taking over the session")


async def mapping(pilot: Pilot, look: Look) -> None:
    await look("the mapping exercise asking for areas")
    await answer(pilot, "Riverside, Kelderby", "Parkrun; sport; Riverside")
    await look("the mapping grid")
    grid = pilot.app.screen.query_one("#map-grid")
    grid.focus()
    await press(pilot, "right", "enter")
    await look("adding an asset to a cell")
    await press(pilot, "escape")


async def barriers(pilot: Pilot, look: Look) -> None:
    await answer(pilot, "getting there, with one bus a day", "person", "only one bus a day")
    await look("the barriers chart")


def _training_app(workspace: Workspace) -> CpiChatApp:
    from cpi_chat.training.personas import find_persona
    from cpi_chat.training.player import Player
    from cpi_chat.tui.training_apps import TrainingApp

    return TrainingApp(workspace, Player.start(workspace, find_persona("Dan Mercer"), today=date(2026, 11, 25)))


def _exercise_app(name: str) -> Callable[[Workspace], CpiChatApp]:
    def make(workspace: Workspace) -> CpiChatApp:
        from cpi_chat.tui.screens.asset_mapping import MappingScreen
        from cpi_chat.tui.screens.barriers_exercise import BarriersScreen
        from cpi_chat.tui.training_apps import ExerciseApp

        if name == "mapping":
            return ExerciseApp(workspace, lambda: MappingScreen(workspace.assets.domains()))
        return ExerciseApp(workspace, BarriersScreen)

    return make


JOURNEYS = {
    "welcome": Journey(CpiChatApp, (80, 24), welcome, frozenset({"WelcomeScreen", "HelpScreen"}), "empty_workspace"),
    "people": Journey(demo_app, (80, 24), people_list, frozenset({"HomeScreen", "PersonFormScreen", "CommandPalette"})),
    "session": Journey(demo_app, (100, 30), session,
                       frozenset({"ChoiceScreen", "ConversationScreen", "HelpScreen", "AssetFinderScreen"})),
    "suggestions": Journey(demo_app, (100, 30), suggestions, frozenset({"ConversationScreen"})),
    "small screen": Journey(demo_app, (60, 20), small_screen, frozenset({"ConversationScreen"})),
    "goals": Journey(demo_app, (80, 24), goals, frozenset({"ProgressScreen", "LogProgressScreen", "OwnWordsScreen"})),
    "directory": Journey(demo_app, (100, 30), directory,
                         frozenset({"DirectoryScreen", "AssetFormScreen", "ConfirmDeleteScreen"})),
    "alone": Journey(lambda workspace: demo_app(workspace, mode="self"), (80, 24), alone,
                     frozenset({"YourNameScreen", "ChoiceScreen", "ConversationScreen"})),
    "own pin": Journey(demo_app, (80, 24), own_pin, frozenset({"SetPinScreen"})),
    "door": Journey(lambda workspace: demo_app(workspace, mode="self"), (80, 24), door, frozenset({"NameAndPinScreen"}),
                    "demo_with_pins"),
    "training": Journey(_training_app, (100, 30), training, frozenset({"TrainingScreen", "TakeOverScreen"}), "workspace"),
    "mapping": Journey(_exercise_app("mapping"), (100, 30), mapping,
                       frozenset({"AskLineScreen", "MappingScreen", "AddToCellScreen"}), "bare_workspace"),
    "barriers": Journey(_exercise_app("barriers"), (100, 30), barriers, frozenset({"BarriersScreen"}), "bare_workspace"),
}


async def measure_everywhere(journey: Journey, app: CpiChatApp, theme: str, least: float,
                             focus_without_colour: bool = False) -> list[str]:
    """Walk the journey; at each stop measure the screen as it is, then with focus on each thing in turn.

    With `focus_without_colour`, each Tab must also change what a terminal without any colour shows.
    """
    found: dict[str, str] = {}  # problem: where it was first seen
    seen: set[str] = set()
    async with app.run_test(size=journey.size, notifications=True) as pilot:
        await pilot.pause()
        if theme == HIGH_CONTRAST:
            await press(pilot, "f5")

        def note(where: str) -> None:
            for problem in low_contrast(app, least):
                if problem not in found:  # each problem once, where it was first seen
                    found[problem] = where

        async def look(where: str) -> None:
            screen = app.screen
            seen.add(type(screen).__name__)
            if app.theme != theme:
                found[f"the theme is {app.theme}, not {theme}"] = where
            note(where)
            before = app.focused
            shape = without_colour(app)
            for stop in range(min(len(screen.focus_chain), FOCUS_STOPS)):
                was = app.focused
                await press(pilot, "tab")
                place = f"{where}, Tab {stop + 1} ({type(app.focused).__name__})"
                note(place)
                shape, before_tab = without_colour(app), shape
                if focus_without_colour and app.focused is not was and shape == before_tab:
                    found[f"focus on {app.focused!r} cannot be seen without colour"] = place
            if before is not None and app.screen is screen:
                app.set_focus(before)
                await pilot.pause()

        await journey.walk(pilot, look)
    missing = journey.screens - seen
    problems = [f"{where}: {problem}" for problem, where in found.items()]
    return problems + ([f"the journey never stopped on {sorted(missing)}"] if missing else [])


def _journey_app(request: pytest.FixtureRequest, name: str) -> tuple[Journey, CpiChatApp]:
    journey = JOURNEYS[name]
    workspace: Any = request.getfixturevalue(journey.workspace)
    return journey, journey.make_app(workspace)


@pytest.fixture
def workspace(tmp_path) -> Any:  # type: ignore[no-untyped-def]
    """A training workspace with the demo town, as `cpi-chat training play` makes."""
    from cpi_chat.training.personas import training_workspace

    with training_workspace(base=tmp_path) as opened:
        yield opened


@pytest.fixture
def demo_with_pins(demo_workspace) -> Any:  # type: ignore[no-untyped-def]
    """The demo with the team's default: a person alone types their own PIN after their name."""
    from cpi_chat.actions import settings

    settings.change_setting(demo_workspace, "self-check-in-pin", "on")
    return demo_workspace


@pytest.fixture
def bare_workspace(tmp_path) -> Any:  # type: ignore[no-untyped-def]
    """A training workspace with an empty directory, as the two team exercises use."""
    from cpi_chat.training.personas import training_workspace

    with training_workspace(base=tmp_path, with_town=False) as opened:
        yield opened


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("name", list(JOURNEYS))
async def test_every_text_cell_is_readable_against_its_background(request, name: str, theme: str) -> None:  # type: ignore[no-untyped-def]
    journey, app = _journey_app(request, name)
    problems = await measure_everywhere(journey, app, theme, THEMES[theme])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", list(JOURNEYS))
async def test_with_no_color_text_is_readable_in_grey_and_focus_shows_without_any_colour(request, monkeypatch, name: str) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NO_COLOR", "1")
    journey, app = _journey_app(request, name)
    assert app.no_color
    problems = await measure_everywhere(journey, app, DEFAULT_THEME, THEMES[DEFAULT_THEME], focus_without_colour=True)
    assert not problems, "\n".join(problems)


def test_the_journeys_stop_on_every_screen_and_pop_up_the_app_has() -> None:
    import importlib
    import pkgutil

    import cpi_chat.tui.screens as screens_package

    for module in pkgutil.iter_modules(screens_package.__path__):
        importlib.import_module(f"{screens_package.__name__}.{module.name}")
    every: set[str] = set()
    waiting: list[type[Screen[Any]]] = [Screen]
    while waiting:
        for subclass in waiting.pop().__subclasses__():
            waiting.append(subclass)
            if subclass.__module__.startswith("cpi_chat."):
                every.add(subclass.__name__)
    measured = set().union(*(journey.screens for journey in JOURNEYS.values()))
    assert every | {CommandPalette.__name__} <= measured, sorted(every - measured)
