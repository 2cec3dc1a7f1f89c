"""Quitting part-way loses nothing: a new app on the same data offers to carry on, and does."""

from __future__ import annotations

from tui_driving import TRANSCRIPTS, add_person, conversation, demo_app, play_transcript, type_text

from cpi_chat import records
from cpi_chat.tui.app import SAVED_MESSAGE, CpiChatApp
from cpi_chat.tui.screens.choice import ChoiceScreen
from cpi_chat.tui.widgets.transcript import Transcript

SCRIPT = TRANSCRIPTS / "joint_kickboxing_and_5k.yaml"


async def test_quitting_mid_session_then_starting_again_offers_to_carry_on_where_it_stopped(workspace_at, demo_workspace, capfd) -> None:
    app = CpiChatApp(demo_workspace)  # the real app: the demo deletes its folder, so it says so instead
    async with app.run_test(size=(80, 24)) as pilot:
        await add_person(pilot, "Priya Shah")
        await pilot.press("enter")
        await pilot.pause()
        await play_transcript(pilot, SCRIPT, stop_after=5)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert SAVED_MESSAGE in capfd.readouterr().err
    demo_workspace.close()

    again = workspace_at(demo_workspace.paths.data_dir)
    priya = records.find_person(again.db, "Priya Shah")
    assert records.unfinished_session(again.db, priya.id) is not None
    app = demo_app(again)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#people")
        listing.highlighted = listing.get_option_index(f"person-{priya.id}")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen) and "stopped part-way" in app.screen.question
        await pilot.press("1")
        await pilot.pause()
        screen = conversation(pilot)
        assert screen.prompt is not None and "Who do you see" in screen.prompt.text
        assert "Who do you see" in " ".join(str(s.render()) for s in screen.query_one(Transcript).children)
        await type_text(pilot, "my sister")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.prompt is not None and "places you go" in screen.prompt.text

    interests = records.list_interests(again.db, priya.id)
    assert {i.when for i in interests} == {"present", "past", "wish"}
    assert [c.text for c in records.list_connections(again.db, priya.id)] == ["my sister"]


async def test_escape_leaves_the_conversation_saved_and_the_home_screen_marks_it_to_carry_on(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_person(pilot, "Priya Shah")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        listing = app.screen.query_one("#people")
        assert "R carries it on" in str(listing.highlighted_option.prompt)


async def test_ctrl_e_ends_the_session_after_asking_and_nothing_is_left_to_carry_on(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_person(pilot, "Priya Shah")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.screen.id == "stop-confirm"
        await pilot.press("1")
        await pilot.pause()
        assert conversation(pilot).session.finished
    priya = records.find_person(demo_workspace.db, "Priya Shah")
    assert records.unfinished_session(demo_workspace.db, priya.id) is None
