"""The look on screen: each person's communication needs (high contrast, larger spacing), set with F5 and F6 or the person box."""

from __future__ import annotations

from tui_driving import conversation, demo_app, type_text

from cpi_chat import records
from cpi_chat.tui.themes import DEFAULT_THEME, HIGH_CONTRAST


async def open_person_named(pilot, name: str, key: str = "enter") -> None:  # type: ignore[no-untyped-def]
    person = records.find_person(pilot.app.workspace.db, name)
    listing = pilot.app.screen.query_one("#people")
    listing.highlighted = listing.get_option_index(f"person-{person.id}")
    await pilot.press(key)
    await pilot.pause()
    if pilot.app.screen.id in ("goal-choice", "resume-offer") and key == "enter":
        await pilot.press("1")
        await pilot.pause()


async def test_high_contrast_and_large_spacing_chosen_for_a_person_become_their_needs(demo_workspace) -> None:
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
        assert app.theme == DEFAULT_THEME and not app.has_class("-spacious"), "the people list goes back to its own look"
        await pilot.press("enter")  # Dan again: his session stopped part-way, so he is asked to carry on
        await pilot.pause()
        assert app.screen.id == "resume-offer"
        assert app.theme == HIGH_CONTRAST and app.has_class("-spacious"), "the pop-up has his look too"

    dan = records.find_person(demo_workspace.db, "Dan Mercer")
    assert dan.needs.high_contrast and dan.needs.larger_spacing


async def test_high_contrast_chosen_on_the_people_list_stays_on_when_her_session_opens(demo_workspace) -> None:
    """The issue: F5 on the people list was dropped when the session of the person with poor sight opened."""
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST
        await open_person_named(pilot, "Dan Mercer")
        conversation(pilot)
        assert app.theme == HIGH_CONTRAST
        await pilot.press("escape")
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST, "the list keeps the worker's own choice"
    assert not records.find_person(demo_workspace.db, "Dan Mercer").needs.high_contrast, "a choice on the list is nobody's need"


async def test_a_person_who_needs_high_contrast_gets_it_without_asking(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person_named(pilot, "Joyce Whitlow")
        assert app.theme == HIGH_CONTRAST and app.has_class("-spacious")


async def test_needs_set_in_the_person_box_change_the_next_screen_the_next_flow_and_the_next_plan(demo_workspace) -> None:
    from cpi_chat.actions import plan
    from cpi_chat.plan.html import LARGE_PRINT_POINTS

    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 30)) as pilot:
        await open_person_named(pilot, "Callum Reid", key="e")
        assert app.screen.id == "person-form"
        await pilot.click("#need-large_print")
        await pilot.click("#need-high_contrast")
        await pilot.click("#person-preferred")
        await type_text(pilot, "Cal")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HomeScreen"
        await open_person_named(pilot, "Callum Reid")
        screen = conversation(pilot)
        assert app.theme == HIGH_CONTRAST
        said = " ".join(str(line.render()) for line in screen.query(".chat-line"))
        assert "For the worker: Communication needs: easy read, large print, high contrast." in said
        assert "They like to be called Cal." in said
    callum = records.find_person(demo_workspace.db, "Callum Reid")
    assert callum.needs.large_print and callum.needs.easy_read and callum.needs.preferred_name == "Cal"
    assert f"font-size: {LARGE_PRINT_POINTS}pt" in plan.plan_text(demo_workspace, callum.id, "html")


async def test_a_person_whose_needs_say_plain_mode_is_offered_it_and_the_app_hands_over(demo_workspace) -> None:
    from cpi_chat.actions import people
    from cpi_chat.tui.starting import SwitchToPlain

    dan = records.find_person(demo_workspace.db, "Dan Mercer")
    people.update_needs(demo_workspace, dan.id, plain_mode=True)
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_person_named(pilot, "Dan Mercer", key="j")
        assert app.screen.id == "plain-offer"
        await pilot.press("1")
        await pilot.pause()
    assert app.return_value == SwitchToPlain(dan.id, "joint")


def test_the_high_contrast_theme_uses_only_black_white_and_yellow() -> None:
    from cpi_chat.tui.themes import HIGH_CONTRAST_THEME as theme

    colours = {theme.primary, theme.foreground, theme.background, theme.accent, theme.surface, theme.panel}
    assert colours <= {"#FFFF00", "#FFFFFF", "#000000"}


async def test_easy_read_and_large_spacing_ticked_for_dan_change_his_next_questions_and_screen(demo_workspace) -> None:
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 30)) as pilot:
        await open_person_named(pilot, "Dan Mercer", key="e")
        # As the hints say: Tab to a box, Space ticks it, Enter saves (a checkbox's own Enter once unticked it instead)
        await pilot.press("tab", "tab", "space", "tab", "tab", "tab", "tab", "space", "enter")
        await pilot.pause()
        assert not app.has_class("-spacious"), "the people list keeps its own look"
        await open_person_named(pilot, "Dan Mercer")
        screen = conversation(pilot)
        said = [str(line.render()) for line in screen.query(".chat-line")]
        assert app.has_class("-spacious") and said[-1] == "cpi-chat: What went well? You can skip this.", said[-1]


async def test_the_app_opens_in_its_own_theme_with_its_styles_read_once(demo_workspace, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Setting the theme after the app was made had Textual read every style a second time before the first frame."""
    from textual.css.stylesheet import Stylesheet

    from cpi_chat.tui.themes import DEFAULT_THEME_LOOK

    reparsed: list[int] = []
    real_reparse = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda self: (reparsed.append(1), real_reparse(self))[1])
    app = demo_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert reparsed == []
        assert app.theme == DEFAULT_THEME and app.has_class(f"-theme-{DEFAULT_THEME}")
        listing = app.screen.query_one("#people")
        cursor = listing.get_component_rich_style("option-list--option-highlighted")
        assert cursor.bgcolor.triplet.hex.lower() == DEFAULT_THEME_LOOK.variables["block-cursor-background"].lower()
        await pilot.press("f5")
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST and app.has_class(f"-theme-{HIGH_CONTRAST}")
        assert not app.has_class(f"-theme-{DEFAULT_THEME}")


async def test_every_need_in_the_person_box_is_read_whole_on_a_narrow_screen_and_still_ticks(demo_workspace) -> None:
    from cpi_chat.tui.screens.person_form import NeedBox

    app = demo_app(demo_workspace)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_person_named(pilot, "Dan Mercer", key="e")
        boxes = list(app.screen.query(NeedBox))
        assert len(boxes) == 6
        for box in boxes:  # a label too long for the line wraps beside its box instead of ending in "…"
            shown = " ".join(box.render().plain.split())
            assert str(box.label) in shown and "…" not in shown
        reader = app.screen.query_one("#need-reads_with_someone", NeedBox)
        assert reader.size.height == 2 and not reader.value
        reader.focus()
        await pilot.press("space")
        assert reader.value and reader.render().plain.startswith("▐X▌")
