"""The directory screen: browse and filter, add, edit, mark checked today and delete after asking."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from cpi_chat.actions.directory import new_asset_id
from cpi_chat.assets.directory import AssetDirectory, load_demo_directory
from cpi_chat.assets.filtering import area_key
from cpi_chat.tui.screens.asset_form import AssetFormScreen
from cpi_chat.tui.screens.directory import ConfirmDeleteScreen, DirectoryScreen
from cpi_chat.tui.widgets.asset_card import AssetCard


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fictional demo town imported once into an assets.db file."""
    path = tmp_path_factory.mktemp("demo") / "assets.db"
    directory = AssetDirectory.open(path)
    load_demo_directory(directory)
    directory.close()
    return path


@pytest.fixture
def demo_town(demo_db: Path, tmp_path: Path) -> Iterator[AssetDirectory]:
    """A fresh copy of the demo town for one test, since these tests change it."""
    copy = tmp_path / "assets.db"
    shutil.copy(demo_db, copy)
    directory = AssetDirectory.open(copy)
    yield directory
    directory.close()


class DirectoryHost(App[None]):
    """A bare app that opens the directory screen."""

    def __init__(self, assets: AssetDirectory, query: str = "") -> None:
        super().__init__()
        self.assets = assets
        self.query_text = query
        self.closed = False

    def on_mount(self) -> None:
        self.push_screen(DirectoryScreen(self.assets, query=self.query_text), lambda _: setattr(self, "closed", True))


async def settle(pilot: Pilot[None]) -> None:
    """Let the listing worker finish and the screen show its results."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def directory(pilot: Pilot[None]) -> DirectoryScreen:
    screen = pilot.app.screen
    assert isinstance(screen, DirectoryScreen)
    return screen


async def find(pilot: Pilot[None], text: str) -> None:
    """Search the directory for `text` and go back to the list."""
    await pilot.press("ctrl+f", *text, "enter")
    await settle(pilot)


async def test_the_directory_lists_every_asset_and_shows_the_chosen_one(demo_town: AssetDirectory) -> None:
    app = DirectoryHost(demo_town)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = directory(pilot)
        assert screen.query_one("#directory-table", DataTable).row_count == demo_town.count()
        await pilot.press("down")
        await pilot.pause()
        assert screen.query_one("#directory-card", AssetCard).asset == screen.hits[1].asset


async def test_searching_and_the_area_filter_narrow_the_list(demo_town: AssetDirectory) -> None:
    app = DirectoryHost(demo_town)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await find(pilot, "footy")
        football = directory(pilot).hits
        assert football and football[0].asset.domain == "sport"
        directory(pilot).query_one("#filter-area").focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"North", "enter")
        await settle(pilot)
        northgate = directory(pilot).hits
        assert 0 < len(northgate) < len(football)
        assert {area_key(hit.asset.area) for hit in northgate} == {"northgate"}


async def test_a_asks_for_a_new_asset_and_saves_it(demo_town: AssetDirectory) -> None:
    app = DirectoryHost(demo_town)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AssetFormScreen)
        await pilot.press(*"Tea Dance", "enter")  # Enter moves on to the domain
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Neigh", "enter")
        await pilot.press("tab", "enter", *"a;b", "enter", *"Northgate", "enter", "enter", *"Tue", "enter", *"Free")
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = demo_town.get("tea-dance")
        assert saved is not None
        assert (saved.domain, saved.area, saved.schedule, saved.cost) == ("neighbourhood", "Northgate", "Tue", "Free")
        assert saved.tags == ["a", "b"] and saved.kind == "mainstream"
        assert directory(pilot).chosen == saved, "the new asset is chosen in the list"


async def test_the_form_says_in_words_what_is_missing(demo_town: AssetDirectory) -> None:
    app = DirectoryHost(demo_town)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        count = demo_town.count()
        await pilot.press("a", "ctrl+s")
        await pilot.pause()
        assert "Please give the asset a name." in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press(*"Knit", "ctrl+s")
        await pilot.pause()
        assert "ten domains" in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, DirectoryScreen) and demo_town.count() == count


async def test_e_changes_the_chosen_assets_name(demo_town: AssetDirectory) -> None:
    app = DirectoryHost(demo_town, query="kikbox")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert directory(pilot).chosen.id == "kick-boxing-class"
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#form-name", Input).value == "Kick-Boxing Fitness Class"
        await pilot.press("end", "ctrl+u", *"Kick It", "ctrl+s")
        await settle(pilot)
        changed = demo_town.get("kick-boxing-class")
        assert changed is not None and changed.name == "Kick It"
        assert changed.schedule == "Thursdays 19:00-20:00", "the other details are kept"


@pytest.mark.dates
async def test_v_marks_the_chosen_asset_checked_today_and_shows_the_date(demo_town: AssetDirectory) -> None:
    app = DirectoryHost(demo_town, query="kikbox")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await pilot.pause()
        checked = demo_town.get("kick-boxing-class")
        assert checked is not None and checked.last_verified == date.today()
        screen = directory(pilot)
        assert screen.query_one("#directory-card", AssetCard).asset.last_verified == date.today()
        table = screen.query_one("#directory-table", DataTable)
        today = date.today()
        assert str(table.get_cell("kick-boxing-class", "checked")) == f"{today.day} {today:%B %Y}"


async def test_d_deletes_the_chosen_asset_only_after_asking(demo_town: AssetDirectory) -> None:
    app = DirectoryHost(demo_town, query="kikbox")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDeleteScreen)
        await pilot.press("n")
        await settle(pilot)
        assert demo_town.get("kick-boxing-class") is not None
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert demo_town.get("kick-boxing-class") is None
        assert "kick-boxing-class" not in [hit.asset.id for hit in directory(pilot).hits]


async def test_escape_goes_back(demo_town: AssetDirectory) -> None:
    app = DirectoryHost(demo_town)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.closed and not isinstance(app.screen, DirectoryScreen)


async def test_every_action_has_a_key_shown_in_the_footer(demo_town: AssetDirectory) -> None:
    app = DirectoryHost(demo_town)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shown = {binding.description for _, binding, *_ in app.active_bindings.values() if binding.show}
        assert {"Add", "Edit", "Checked", "Delete", "Back"} <= shown


async def test_an_empty_directory_says_how_to_import_or_add_one(tmp_path: Path) -> None:
    empty = AssetDirectory.open(tmp_path / "assets.db")
    app = DirectoryHost(empty)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        status = str(directory(pilot).query_one("#directory-status", Static).render())
        assert "cpi-chat assets import" in status and "press A" in status
    empty.close()


def test_new_ids_are_made_from_the_name_and_never_reuse_one() -> None:
    taken = {"walking-football", "walking-football-2"}
    assert new_asset_id("Walking Football!", taken.__contains__) == "walking-football-3"
    assert new_asset_id("Café Chat", taken.__contains__) == "cafe-chat"


async def test_editing_an_asset_from_a_feed_keeps_its_feed_its_guesses_and_takes_the_teams_notes(demo_town: AssetDirectory) -> None:
    """A worker's edit never turns a feed's asset into a local one; a guess left as it was stays a guess."""
    from dataclasses import replace

    kick = demo_town.get("kick-boxing-class")
    assert kick is not None
    demo_town.upsert(replace(kick, origin="https://example.org/api/services", guessed=["domain", "kind"]))
    app = DirectoryHost(demo_town, query="kikbox")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#form-notes", Input).value = "Ask for Sam at the door"
        await pilot.press("ctrl+s")
        await settle(pilot)
    changed = demo_town.get("kick-boxing-class")
    assert changed is not None
    assert (changed.origin, changed.guessed, changed.notes) == ("https://example.org/api/services", ["domain", "kind"], "Ask for Sam at the door")
