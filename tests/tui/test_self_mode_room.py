"""Self mode is a small closed room: the person alone reaches only their own check-in, goals, plan and how it's going.

Never the worker's conversation or panel, private notes, other people, the directory editor or training.
"""

from __future__ import annotations

import pytest
from screen_reading import screen_text
from tui_driving import demo_app, type_text

from cpi_chat import records
from cpi_chat.actions import settings
from cpi_chat.demo import DEMO_PIN
from cpi_chat.session import Session
from cpi_chat.tui.screens.conversation import ConversationScreen

pytestmark = pytest.mark.dates  # the demo people's check-ins depend on the day

CANARY = "CANARY7731"  # one word, so a wrapped line cannot hide it


async def test_a_person_alone_is_never_offered_the_session_they_left_with_their_worker(demo_workspace) -> None:
    callum = records.find_person(demo_workspace.db, "Callum Reid")
    records.save_note(demo_workspace.db, callum.id, None, None, f"{CANARY} worried about the rent", private=True)
    together, _ = Session.start(demo_workspace.db, demo_workspace.engine, demo_workspace.assets, callum, "joint")
    app = demo_app(demo_workspace, mode="self")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, "Callum Reid")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.id != "resume-offer", "the session together is the worker's to carry on"
        screen = app.screen
        assert isinstance(screen, ConversationScreen) and screen.mode == "self"
        assert screen.session.session_id != together.session_id
        await pilot.press("f2")
        await pilot.pause()
        assert CANARY not in screen_text(app)
    still_open = records.unfinished_session(demo_workspace.db, callum.id, "joint")
    assert still_open is not None and still_open.id == together.session_id, "the worker's session is left as it was"


async def test_a_person_alone_carries_on_their_own_check_in_that_stopped(demo_workspace) -> None:
    callum = records.find_person(demo_workspace.db, "Callum Reid")
    own, _ = Session.start(demo_workspace.db, demo_workspace.engine, demo_workspace.assets, callum, "self")
    app = demo_app(demo_workspace, mode="self")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_text(pilot, "Callum Reid")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.id == "resume-offer"
        await pilot.press("1")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ConversationScreen) and screen.session.session_id == own.session_id


ROOMS = {  # every screen a person alone may see; a new one is added here on purpose, never by accident
    "NameAndPinScreen", "YourNameScreen", "ChoiceScreen", "ConversationScreen", "ProgressScreen", "LogProgressScreen", "HelpScreen",
    "AssetFinderScreen", "CommandPalette", "OwnWordsScreen",
}


async def test_every_key_and_command_in_self_mode_stays_in_the_persons_own_rooms(demo_workspace) -> None:
    from room_walker import walk_rooms

    settings.change_setting(demo_workspace, "self-check-in-pin", "on")  # the door is one of the rooms walked
    dan = records.find_person(demo_workspace.db, "Dan Mercer")
    records.save_note(demo_workspace.db, dan.id, None, None, f"{CANARY} money worries", private=True)
    others = [p.name.split()[0] for p in records.list_people(demo_workspace.db) if p.id != dan.id]
    assert others

    async def start():  # type: ignore[no-untyped-def]
        # Each path is played in a fresh app from its start: the check-in the last app left part-way is closed first,
        # so the same keys reach the same screen (the offer to carry on has a test of its own above).
        unfinished = records.unfinished_session(demo_workspace.db, dan.id)
        if unfinished is not None:
            records.end_session(demo_workspace.db, unfinished.id, "stopped")
        app = demo_app(demo_workspace, mode="self")
        runner = app.run_test(size=(100, 30))
        pilot = await runner.__aenter__()
        await pilot.pause()
        return app, pilot, runner

    def check(app, done: str) -> list[str]:  # type: ignore[no-untyped-def]
        text = screen_text(app)
        return [f"{done} showed {word!r}" for word in (CANARY, *others) if word in text]

    let_in = [("type", "Dan Mercer"), ("key", "enter"), ("type", DEMO_PIN), ("key", "enter")]
    walk = await walk_rooms(start, check, ROOMS, seeds=[[], let_in])
    assert not walk.problems, "\n".join(walk.problems)
    assert {"NameAndPinScreen", "ChoiceScreen", "ConversationScreen", "ProgressScreen", "HelpScreen"} <= set(walk.paths)
    assert ("key", "p") in walk.tried["ProgressScreen"], "My plan was saved on the way"
    assert all("Community directory" not in offered for offered in walk.commands.values())
    records_themselves = {demo_workspace.paths.people_db, *demo_workspace.paths.backups_dir.glob("*")}
    written = [f for f in demo_workspace.paths.data_dir.rglob("*") if f.is_file() and f not in records_themselves]
    assert any(f.parent.name == "plans" for f in written)
    assert not [f for f in written if CANARY.encode() in f.read_bytes()], "no file a person alone can make holds a private note"


async def test_a_screen_not_open_to_a_person_alone_is_refused_whoever_asks_for_it(demo_workspace) -> None:
    from cpi_chat.tui.screens.home import HomeScreen

    app = demo_app(demo_workspace, mode="self")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.run_action("app.directory")  # refused by the app's own check, before any screen
        app.push_screen(HomeScreen())  # a screen added later that forgot to ask: refused by default
        await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack][1:] == ["YourNameScreen"]
