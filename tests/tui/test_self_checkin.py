"""Self mode: the person alone checks in on their own goal; no people list, no worker panel, no private notes."""

from __future__ import annotations

import pytest
from tui_driving import conversation, demo_app, type_text

from cpi_chat import records
from cpi_chat.tui.app import FINISHED_MESSAGE, CpiChatApp
from cpi_chat.tui.screens.add_person import YourNameScreen
from cpi_chat.tui.screens.choice import ChoiceScreen
from cpi_chat.tui.screens.home import HomeScreen
from cpi_chat.tui.widgets.worker_panel import WorkerPanel

pytestmark = pytest.mark.dates  # what these tests expect depends on the date they run


async def check_in_on_both_goals(pilot) -> None:  # type: ignore[no-untyped-def]
    """Dan's check-in with real keys: he went (and says how it felt), ticks his next step, skips the run, not yet."""
    for keys in (["1"], ["g", "r", "e", "a", "t", "enter"], ["1"], ["ctrl+s"], ["2"]):
        await pilot.press(*keys)
        await pilot.pause()


async def test_a_self_check_in_goes_straight_to_the_person_and_covers_every_goal_in_one_pass(demo_workspace) -> None:
    app = demo_app(demo_workspace, person_name="Dan Mercer", mode="self")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceScreen), "no question about which goal: each goal in turn"
        screen = conversation(pilot)
        assert not any(isinstance(s, HomeScreen) for s in app.screen_stack)
        assert screen.session.state.root == "follow_up"
        assert screen.prompt is not None and screen.prompt.text == "Kick-Boxing Fitness Class: did you go this week?"

        await pilot.press("f2")
        await pilot.pause()
        assert not screen.query_one(WorkerPanel).display
        assert "f2" not in screen.active_bindings or not screen.active_bindings["f2"].enabled

        await pilot.press("1")
        await pilot.pause()
        await type_text(pilot, "great")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.prompt is not None and "fill in the gym induction form. Is it done?" in screen.prompt.text
        await pilot.press("1")
        await pilot.pause()
        assert screen.prompt is not None and screen.prompt.text.startswith("run 5 km:")
        await pilot.press("ctrl+s", "2")
        await pilot.pause()
        assert screen.session.finished
        said = [str(line.render()) for line in screen.query(".chat-line")]
        closing = next(line for line in said if line.startswith("How it is going: Kick-Boxing Fitness Class"))
        assert "Times you went: 1." in closing, "the person sees their progress before the goodbye"

    dan = records.find_person(demo_workspace.db, "Dan Mercer")
    kick_boxing = next(g for g in records.list_goals(demo_workspace.db, dan.id) if g.kind == "commitment")
    assert [(c.attended, c.by, c.feeling) for c in kick_boxing.checkins] == [("yes", "person", "great")]
    assert kick_boxing.steps[0].done, "the step ticked in the check-in"


async def test_self_mode_never_shows_private_notes(demo_workspace) -> None:
    dan = records.find_person(demo_workspace.db, "Dan Mercer")
    records.save_note(demo_workspace.db, dan.id, None, None, "Check the football results first", private=True)
    app = demo_app(demo_workspace, person_name="Dan Mercer", mode="self")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = conversation(pilot)
        shown = " ".join(str(w.render()) for w in screen.query("Static") if w.display)
        assert "football results" not in shown


async def test_self_mode_with_a_name_not_found_stops_without_showing_or_suggesting_anyone(demo_workspace, capfd) -> None:
    app = demo_app(demo_workspace, person_name="Callum", mode="self")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    said = capfd.readouterr().err
    assert "not found" in said and "Callum Reid" not in said and "Dan" not in said


async def test_names_that_look_like_markup_show_as_typed_in_the_carry_on_question(demo_workspace) -> None:
    name = "Bo [@click=app.quit]x[/] Test"
    person = records.add_person(demo_workspace.db, name)
    app = demo_app(demo_workspace, person_name=str(person.id))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and app.screen.id == "resume-offer"
        assert name in str(app.screen.query_one("#choice-question").render())


def words_on_screen(app) -> str:  # type: ignore[no-untyped-def]
    return " ".join(str(widget.render()) for screen in app.screen_stack for widget in screen.query("Static"))


async def test_alone_with_no_name_given_the_person_types_theirs_and_no_one_else_is_ever_shown(demo_workspace) -> None:
    app = demo_app(demo_workspace, mode="self")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert not any(isinstance(s, HomeScreen) for s in app.screen_stack)
        assert "Type your name" in words_on_screen(app)
        await type_text(pilot, "Callum")  # part of a name: no "did you mean"
        await pilot.press("enter")
        await pilot.pause()
        shown = words_on_screen(app)
        assert "not found" in shown and "Callum Reid" not in shown and "Dan" not in shown and "Joyce" not in shown
        await pilot.press(*["backspace"] * 6)
        await type_text(pilot, "callum reid")
        await pilot.press("enter")
        await pilot.pause()
        screen = conversation(pilot)
        assert screen.session.person.name == "Callum Reid" and screen.mode == "self"
        assert not any(isinstance(s, HomeScreen) for s in app.screen_stack)


async def test_alone_escape_from_the_check_in_leaves_saved(demo_workspace, capfd) -> None:
    app = demo_app(demo_workspace, mode="self")
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "Dan Mercer")
        await pilot.press("enter")
        await pilot.pause()
        assert conversation(pilot).session.state.root == "follow_up"
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 0


async def test_quitting_after_a_finished_check_in_says_thank_you_not_carry_on(demo_workspace, capfd) -> None:
    app = CpiChatApp(demo_workspace, person_name="Dan Mercer", mode="self")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await check_in_on_both_goals(pilot)
        assert conversation(pilot).session.finished
        await pilot.press("ctrl+q")
        await pilot.pause()
    said = capfd.readouterr().err
    assert FINISHED_MESSAGE in said and "carry on" not in said


async def test_alone_a_number_is_never_read_as_someone_elses_id(demo_workspace) -> None:
    app = demo_app(demo_workspace, mode="self")
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "2")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, YourNameScreen)
        assert "Please type your name in letters" in words_on_screen(app)


async def test_a_self_check_in_after_this_week_is_marked_says_so_kindly_and_saves_no_second_went(demo_workspace) -> None:
    from cpi_chat.actions import checkins
    from cpi_chat.actions.checkins import WENT_ALREADY

    dan = records.find_person(demo_workspace.db, "Dan Mercer")
    kick_boxing = next(g for g in records.list_goals(demo_workspace.db, dan.id) if g.kind == "commitment")
    checkins.mark_went(demo_workspace, dan.id, kick_boxing.id, by="worker")  # W earlier this week, or the command line
    app = demo_app(demo_workspace, person_name="Dan Mercer", mode="self")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = conversation(pilot)
        await check_in_on_both_goals(pilot)
        assert screen.session.finished
        said = [str(line.render()) for line in screen.query(".chat-line")]
        assert any(WENT_ALREADY.format(period="week") in line for line in said)
    assert [c.attended for c in records.get_goal(demo_workspace.db, kick_boxing.id).checkins] == ["yes"]


async def test_a_stray_enter_while_the_check_in_loads_records_nothing_until_the_person_moves_to_a_reply(demo_workspace) -> None:
    """The issue: a stray Enter as the screen loaded recorded "Yes, I went". The first goal's question never picks by itself."""
    app = demo_app(demo_workspace, person_name="Dan Mercer", mode="self")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceScreen), "each goal in turn: no goal to choose first"
        screen = conversation(pilot)
        asked = screen.prompt
        assert asked is not None and asked.kind == "choose"
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert screen.prompt == asked, "no reply was given"
        assert not [line for line in screen.query(".from-person")], "nothing was said for the person"
        assert "move to it with the arrow keys" in str(screen.query_one("#problem").render())
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.prompt != asked, "moving to the first reply, then Enter, gives it"
