"""Pilot helpers for the app's tests: start the demo app, type like a person, play a flow transcript with real keys."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import OptionList

from cpi_chat.dialogue.transcripts import load_transcript
from cpi_chat.paths import shipped_flows_dir
from cpi_chat.tui.app import CpiChatApp
from cpi_chat.tui.screens.conversation import ConversationScreen
from cpi_chat.tui.screens.progress import ProgressScreen
from cpi_chat.workspace import Workspace

TRANSCRIPTS = shipped_flows_dir() / "transcripts"


def demo_app(workspace: Workspace, **options: object) -> CpiChatApp:
    """The app as `cpi-chat demo` runs it."""
    return CpiChatApp(workspace, demo=True, **options)  # type: ignore[arg-type]


async def type_text(pilot: Pilot, text: str) -> None:
    """Type words key by key, as a fast typist would: the same key events as `pilot.press`, sent in one burst.

    `pilot.press` waits for the machine to go idle after every key (about 60 ms here), which would make a
    whole session take a minute; the app sees exactly the same events either way.
    """
    driver = pilot.app._driver
    assert driver is not None
    for char in text:
        key = "space" if char == " " else (char if char.isalnum() else _character_to_key(char))
        event = events.Key(key, char)
        event.set_sender(pilot.app)
        driver.send_message(event)
    await pilot.pause()


async def add_person(pilot: Pilot, name: str) -> None:
    """Add a person from the home screen with the A key."""
    await pilot.press("a")
    await pilot.pause()
    await type_text(pilot, name)
    await pilot.press("enter")
    await pilot.pause()


def conversation(pilot: Pilot) -> ConversationScreen:
    """The conversation screen in front (fails the test if it is not)."""
    screen = pilot.app.screen
    assert isinstance(screen, ConversationScreen), f"expected the conversation, got {screen!r}"
    return screen


async def play_transcript(pilot: Pilot, path: Path, stop_after: int | None = None) -> None:
    """Answer each turn of a flow transcript with the keys a person would press."""
    script = load_transcript(path)
    for number, turn in enumerate(script.turns):
        if stop_after is not None and number >= stop_after:
            return
        screen = conversation(pilot)
        prompt = screen.prompt
        assert prompt is not None, f"the conversation ended before turn {number + 1}"
        if turn.expect:
            assert turn.expect.lower() in prompt.text.lower(), f"turn {number + 1}: {prompt.text!r}"
        if turn.answer is not None:
            await type_text(pilot, turn.answer)
            await pilot.press("enter")
        elif turn.choose is not None:
            index = turn.choose - 1 if isinstance(turn.choose, int) else prompt.options.index(turn.choose)
            await pilot.press(str(index + 1))
        elif turn.pick_asset is not None:
            ids = [hit.asset.id for hit in screen.hits]
            await pilot.press(str(ids.index(turn.pick_asset["id"]) + 1))
        elif turn.skip:
            await pilot.press("ctrl+s")
        elif turn.back:
            await pilot.press("ctrl+b")
        else:
            raise AssertionError(f"turn {number + 1} does something the app test does not play")
        await pilot.pause()


async def open_progress(pilot: Pilot, name: str) -> ProgressScreen:
    """Highlight `name` on the home screen and press G, as a worker would; returns 'How it's going'."""
    from cpi_chat import records

    await pilot.pause()
    person = records.find_person(pilot.app.workspace.db, name)  # type: ignore[attr-defined]
    listing = pilot.app.screen.query_one("#people", OptionList)
    listing.highlighted = listing.get_option_index(f"person-{person.id}")
    await pilot.press("g")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ProgressScreen), f"expected 'How it's going', got {screen!r}"
    return screen
