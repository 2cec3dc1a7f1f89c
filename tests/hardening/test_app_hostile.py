"""The full-screen app with hostile names (markup-like) and in self mode (a person alone must not see other names)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from cpi_chat import records
from cpi_chat.paths import resolve_paths
from cpi_chat.workspace import Workspace

MARKUP_NAMES = ["Ann [/bold] Test", "Bo [@click=app.quit]x[/] Test"]


@pytest.fixture
def workspace(tmp_path: Path, demo_assets_file: Path):
    space = Workspace(resolve_paths(data_dir=tmp_path / "data", assets_db=demo_assets_file, environ={}))
    yield space
    space.close()


async def _resume_offer_for(workspace: Workspace, name: str) -> bool:
    from cpi_chat.tui.app import CpiChatApp

    person = records.add_person(workspace.db, name)
    app = CpiChatApp(workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#people", OptionList)
        listing.highlighted = listing.get_option_index(f"person-{person.id}")
        await pilot.press("r")  # no session stopped part-way: a notice names the person
        await pilot.pause()
        return app.is_running


@pytest.mark.parametrize("name", MARKUP_NAMES)
async def test_a_name_that_looks_like_markup_does_not_crash_the_home_screen(workspace: Workspace, name: str) -> None:
    assert await _resume_offer_for(workspace, name)


async def test_a_person_alone_in_self_mode_never_sees_anyone_elses_name_in_the_app(workspace: Workspace) -> None:
    from cpi_chat.tui.app import CpiChatApp

    records.add_person(workspace.db, "Uma Other")
    records.add_person(workspace.db, "Sam Test")
    app = CpiChatApp(workspace, person_name="Sam Tset", mode="self")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = [str(option.prompt) for option in app.screen.query(OptionList).first().options] if app.screen.query(OptionList) else []
        assert not any("Uma" in line for line in shown)
