"""The home screen and first run: welcome, people with goals and last session, search, add, help and the palette."""

from __future__ import annotations

from textual.widgets import OptionList
from tui_driving import add_person, demo_app, type_text

from cpi_chat import records
from cpi_chat.tui.app import DEMO_ENDED, DEMO_TITLE, CpiChatApp
from cpi_chat.tui.screens.help import HelpScreen
from cpi_chat.tui.screens.home import HomeScreen
from cpi_chat.tui.screens.welcome import WelcomeScreen


def listed(app: CpiChatApp) -> list[str]:
    return [str(option.prompt) for option in app.screen.query_one("#people", OptionList).options]


async def test_the_first_run_welcomes_and_can_load_the_demo_directory(empty_workspace) -> None:
    app = CpiChatApp(empty_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert "cpi-chat assets import FILE" in str(app.screen.query_one("#welcome-import").render())
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert not empty_workspace.assets.is_empty()


async def test_the_people_list_shows_goals_and_last_session_and_search_narrows_it(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.title == DEMO_TITLE or app.title == DEMO_TITLE
        dan = next(line for line in listed(app) if line.startswith("Dan Mercer"))
        assert "Goals: Kick-Boxing Fitness Class, run 5 km" in dan and "Last session: 25 Nov 2026" in dan
        await pilot.press("slash")
        await type_text(pilot, "joy")
        assert [line.splitlines()[0] for line in listed(app)] == ["Joyce Whitlow"]


async def test_a_new_person_is_added_with_the_a_key_and_picked(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await add_person(pilot, "Tom Ashby")
        option = app.screen.query_one("#people", OptionList).highlighted_option
        assert option is not None and str(option.prompt).startswith("Tom Ashby")
    assert records.find_person(demo_workspace.db, "Tom Ashby").name == "Tom Ashby"


async def test_f1_lists_the_keys_of_the_screen_in_front(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = {what: key for key, what in app.screen.keys}
        assert keys["Add someone to the list"] == "A"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_command_palette_has_our_commands_and_no_screenshot(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Screenshot" not in titles and "Quit" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "add a person")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PersonFormScreen"


async def test_ctrl_c_quits_and_says_everything_is_saved(demo_workspace, capfd) -> None:
    app = CpiChatApp(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
    assert app.return_code == 0
    assert "Everything is saved. Run cpi-chat again to carry on" in capfd.readouterr().err


async def test_quitting_the_demo_says_its_people_are_deleted_not_to_carry_on(demo_workspace, capfd) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    said = capfd.readouterr().err
    assert DEMO_ENDED in said and "carry on" not in said
