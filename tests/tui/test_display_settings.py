"""Display settings: the high-contrast theme and large spacing are remembered for each person."""

from __future__ import annotations

from tui_driving import conversation, demo_app

from cpi_chat import records
from cpi_chat.tui.themes import DEFAULT_THEME, HIGH_CONTRAST, DisplaySetting


async def open_person_named(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    person = records.find_person(pilot.app.workspace.db, name)
    listing = pilot.app.screen.query_one("#people")
    listing.highlighted = listing.get_option_index(f"person-{person.id}")
    await pilot.press("enter")
    await pilot.pause()
    if pilot.app.screen.id in ("goal-choice", "resume-offer"):
        await pilot.press("1")
        await pilot.pause()


async def test_high_contrast_and_large_spacing_chosen_for_a_person_come_back_next_time(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person_named(pilot, "Dan Mercer")
        conversation(pilot)
        assert app.theme == DEFAULT_THEME
        await pilot.press("f5", "f6")
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST and app.has_class("-spacious")
        await pilot.press("escape")
        await pilot.pause()
        assert app.theme == DEFAULT_THEME and not app.has_class("-spacious"), "the people list goes back to the default"
        await pilot.press("enter")  # Dan again: his session stopped part-way, so he is asked to carry on
        await pilot.pause()
        assert app.screen.id == "resume-offer"
        assert app.theme == HIGH_CONTRAST and app.has_class("-spacious")

    dan = records.find_person(demo_workspace.db, "Dan Mercer")
    assert DisplaySetting.parse(dan.theme) == DisplaySetting(HIGH_CONTRAST, spacious=True)


async def test_a_person_who_needs_high_contrast_gets_it_without_asking(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person_named(pilot, "Joyce Whitlow")
        assert app.theme == HIGH_CONTRAST and app.has_class("-spacious")


def test_the_high_contrast_theme_uses_only_black_white_and_yellow() -> None:
    from cpi_chat.tui.themes import HIGH_CONTRAST_THEME as theme

    colours = {theme.primary, theme.foreground, theme.background, theme.accent, theme.surface, theme.panel}
    assert colours <= {"#FFFF00", "#FFFFFF", "#000000"}
