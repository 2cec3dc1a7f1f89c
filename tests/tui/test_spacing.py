"""Large spacing (a communication need) on every screen and pop-up: nothing a person reads or picks touches the next.

The journeys are the contrast test's, which stop on every screen and pop-up class the app has (a new one fails
`test_the_journeys_stop_on_every_screen_and_pop_up_the_app_has` until a journey stops there, and is then measured
here too). Large spacing is turned on once (F6 on the first screen) and must still be on at every stop.
"""

from __future__ import annotations

import pytest
from spacing import touching
from test_contrast import (
    JOURNEYS,
    Journey,
    _journey_app,
    bare_workspace,
    demo_with_pins,
    highlight,
    press,
    workspace,
)
from textual.pilot import Pilot

from cpi_chat.tui.app import CpiChatApp

__all__ = ["bare_workspace", "demo_with_pins", "workspace"]  # the journeys' fixtures, found by name


async def touching_everywhere(journey: Journey, app: CpiChatApp) -> list[str]:
    """Walk the journey with large spacing on; at each stop, what touches what (and any stop without the spacing)."""
    found: list[str] = []
    seen: set[str] = set()
    async with app.run_test(size=journey.size, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "f6")

        async def look(where: str) -> None:
            seen.add(type(app.screen).__name__)
            if not app.spacious or not app.has_class("-spacious"):
                found.append(f"{where}: large spacing is off")
            found.extend(f"{where}: {problem}" for problem in touching(app))

        await journey.walk(pilot, look)
    missing = journey.screens - seen
    return found + ([f"the journey never stopped on {sorted(missing)}"] if missing else [])


@pytest.mark.parametrize("name", list(JOURNEYS))
async def test_with_large_spacing_nothing_touches_the_thing_above_or_below_it(request, name: str) -> None:  # type: ignore[no-untyped-def]
    journey, app = _journey_app(request, name)
    problems = await touching_everywhere(journey, app)
    assert not problems, "\n".join(problems)


async def _people_rows(pilot: Pilot) -> list[str]:
    await highlight(pilot, "Dan Mercer")
    return [problem for problem in touching(pilot.app) if "Last session" in problem]


async def test_f6_spaces_the_people_list_at_once_and_again_compacts_it(demo_workspace) -> None:  # type: ignore[no-untyped-def]
    journey, app = JOURNEYS["people"], JOURNEYS["people"].make_app(demo_workspace)
    async with app.run_test(size=journey.size) as pilot:
        await pilot.pause()
        assert await _people_rows(pilot), "without large spacing, each person's last line touches the next name"
        await press(pilot, "f6")
        assert not await _people_rows(pilot)
        assert app.screen.query_one("#people").highlighted_option.id.startswith("person-"), "the highlight stays"
        await press(pilot, "f6")
        assert await _people_rows(pilot)


async def test_help_lists_its_keys_a_blank_line_apart_with_large_spacing_and_follows_f6(demo_workspace) -> None:  # type: ignore[no-untyped-def]
    app = JOURNEYS["people"].make_app(demo_workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await press(pilot, "f6", "f1")
        lines = str(app.screen.query_one("#help-keys").render()).split("\n")
        assert len(lines) > 6 and all(lines[0::2]) and not any(line.strip() for line in lines[1::2])
        await press(pilot, "f6")
        assert all(line.strip() for line in str(app.screen.query_one("#help-keys").render()).split("\n"))
