"""The key bar at the foot of every screen: every key is written out in full, wraps on a narrow screen, and can be clicked."""

from __future__ import annotations

import pytest
from textual.binding import Binding
from tui_driving import demo_app

from cpi_chat.tui.screens.conversation import ConversationScreen
from cpi_chat.tui.screens.help import HelpScreen
from cpi_chat.tui.widgets.key_bar import KeyBar, key_name, lay_out


def bar_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(KeyBar).render())


@pytest.mark.parametrize(("key", "shown"), [
    ("ctrl+q", "Ctrl+Q"), ("f1", "F1"), ("escape", "Esc"), ("slash", "/"), ("j", "J"),
    ("plus,equals_sign", "+"), ("space", "Space"), ("ctrl+shift+tab", "Ctrl+Shift+Tab"),
])
def test_keys_are_written_as_people_say_them(key: str, shown: str) -> None:
    assert key_name(Binding(key, "a", "A")) == shown


def test_hints_break_only_between_hints_and_each_line_fits() -> None:
    hints = [("Ctrl+D", "Directory", "ctrl+d"), ("F1", "Help", "f1"), ("J", "Together", "j"), ("S", "Self check-in", "s")]
    lines = lay_out(hints, 30)
    assert [[name for name, _, _ in line] for line in lines] == [["Ctrl+D", "F1"], ["J", "S"]]  # 26 and 28 cells
    assert lay_out(hints, 200) == [hints]


@pytest.mark.parametrize("size", [(100, 30), (60, 20)])
async def test_every_key_of_the_home_screen_is_shown_even_on_a_small_screen(demo_workspace, size) -> None:  # type: ignore[no-untyped-def]
    app = demo_app(demo_workspace)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        shown = bar_text(app)
        for hint in ("F1 Help", "J Together", "S Self check-in", "R Carry on", "A Add person", "/ Search",
                     "Ctrl+D Directory", "Ctrl+Q Quit", "F5 Contrast", "F6 Spacing", "Ctrl+P Commands"):
            assert hint in shown
        bar = app.screen.query_one(KeyBar)
        assert bar.region.bottom == size[1]  # at the foot of the screen
        assert all(len(line) <= size[0] - 2 for line in shown.splitlines())


async def test_clicking_a_key_does_what_pressing_it_does(demo_workspace) -> None:  # type: ignore[no-untyped-def]
    app = demo_app(demo_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert bar_text(app).startswith("F1 Help")
        await pilot.click(KeyBar, offset=(2, 0))  # on "F1 Help"
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_keys_that_do_nothing_now_are_left_off(demo_workspace) -> None:  # type: ignore[no-untyped-def]
    app = demo_app(demo_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("j")  # a session together with the first person
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        assert "F2 Worker" in bar_text(app)
        assert "Ctrl+B Back" in bar_text(app)
        assert bar_text(app).startswith("Esc Leave"), "the screen's keys in the order it declares them"


async def test_keys_the_text_boxes_also_use_still_do_what_the_key_bar_says(demo_workspace) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Input

    from cpi_chat.tui.screens.directory import DirectoryScreen

    app = demo_app(demo_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash")  # into the name search, where Ctrl+D would delete a letter
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, DirectoryScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")  # from the search box back to the list
        await pilot.press("j")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ConversationScreen)
        screen.query_one("#answer", Input).focus()  # where Ctrl+E would move to the end of the line
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.screen.id == "stop-confirm", "Ctrl+E asks before ending the session, even from the answer box"
