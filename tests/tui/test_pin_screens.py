"""The person's own PIN in the app: set with K on the people list (typed twice, never shown), asked after the name in
self mode, one kind sentence for any mismatch, and after a few tries only Escape."""

from __future__ import annotations

import pytest
from screen_reading import screen_text
from textual.widgets import Input, OptionList
from tui_driving import demo_app, type_text

from cpi_chat import records
from cpi_chat.actions import pin, settings
from cpi_chat.demo import DEMO_PIN
from cpi_chat.tui.screens.conversation import ConversationScreen
from cpi_chat.tui.screens.name_and_pin import NameAndPinScreen
from cpi_chat.tui.screens.set_pin import SetPinScreen

pytestmark = pytest.mark.dates  # the demo people's check-ins depend on the day


@pytest.fixture
def with_pins(demo_workspace):  # type: ignore[no-untyped-def]
    settings.change_setting(demo_workspace, "self-check-in-pin", "on")
    return demo_workspace


async def test_k_on_the_people_list_sets_the_persons_own_pin_typed_twice_and_never_shown(with_pins) -> None:  # type: ignore[no-untyped-def]
    callum = records.find_person(with_pins.db, "Callum Reid")
    app = demo_app(with_pins)
    async with app.run_test(size=(100, 30)) as pilot:
        listing = app.screen.query_one("#people", OptionList)
        listing.highlighted = listing.get_option_index(f"person-{callum.id}")
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, SetPinScreen)
        await type_text(pilot, "green door")
        await pilot.press("enter")
        await type_text(pilot, "green dor")
        await pilot.press("enter")
        await pilot.pause()
        assert "not the same" in screen_text(app)
        await type_text(pilot, "green door")
        await pilot.press("enter")
        await type_text(pilot, "green door")
        assert "green door" not in screen_text(app), "typed, never shown"
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SetPinScreen)
    assert pin.let_in(with_pins, "Callum Reid", "green door").id == callum.id


async def test_a_person_alone_types_their_name_then_their_pin_and_any_mismatch_gets_one_sentence(with_pins) -> None:  # type: ignore[no-untyped-def]
    app = demo_app(with_pins, mode="self")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NameAndPinScreen)
        said = []
        for name, typed in (("Callum Reid", "0000"), ("Nobody Known", DEMO_PIN)):
            app.screen.query_one("#door-name", Input).value = ""
            app.screen.query_one("#door-name", Input).focus()
            await type_text(pilot, name)
            await pilot.press("enter")
            await type_text(pilot, typed)
            await pilot.press("enter")
            await pilot.pause()
            said.append(str(app.screen.query_one("#door-problem").render()))
        assert said[0] == said[1] == pin.NOT_MATCHED
        app.screen.query_one("#door-name", Input).value = "Callum Reid"
        app.screen.query_one("#door-pin", Input).focus()
        await type_text(pilot, DEMO_PIN)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen) and app.screen.session.person.name == "Callum Reid"


async def test_after_a_few_wrong_tries_the_person_is_asked_kindly_to_see_their_worker(with_pins) -> None:  # type: ignore[no-untyped-def]
    app = demo_app(with_pins, mode="self", person_name="Callum Reid")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#door-name", Input).value == "Callum Reid", "the name given is filled in"
        for _ in range(pin.MAX_TRIES):
            await type_text(pilot, "9999")
            await pilot.press("enter")
            await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "ask your worker" in text and all(field.disabled for field in app.screen.query(Input))
        await pilot.press("escape")
        await pilot.pause()
    assert not app.is_running
