"""Self mode is a small closed room: the person alone reaches only their own check-in, goals, plan and how it's going.

Never the worker's conversation or panel, private notes, other people, the directory editor or training.
"""

from __future__ import annotations

import pytest
from screen_reading import screen_text
from tui_driving import demo_app, type_text

from cpi_chat import records
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
