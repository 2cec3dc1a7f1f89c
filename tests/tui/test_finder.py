"""The asset finder: search as you type, filters, picking with Enter or Add to plan, and Escape."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from cpi_chat.assets.directory import AssetDirectory, load_demo_directory
from cpi_chat.assets.facts import day_filter_mask, is_free, schedule_days
from cpi_chat.assets.filtering import area_key
from cpi_chat.assets.model import Asset
from cpi_chat.tui.screens.finder import AssetFinderScreen
from cpi_chat.tui.widgets.asset_card import AssetCard


@pytest.fixture(scope="module")
def demo_town(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AssetDirectory]:
    """The fictional demo town in an assets.db file, shared by these tests because the finder only reads it."""
    directory = AssetDirectory.open(tmp_path_factory.mktemp("demo") / "assets.db")
    load_demo_directory(directory)
    yield directory
    directory.close()


class FinderHost(App[None]):
    """A bare app that opens the finder and keeps what it was dismissed with."""

    def __init__(self, assets: AssetDirectory, query: str = "") -> None:
        super().__init__()
        self.assets = assets
        self.query_text = query
        self.picked: list[Asset | None] = []

    def on_mount(self) -> None:
        self.push_screen(AssetFinderScreen(self.assets, query=self.query_text), self.picked.append)


async def settle(pilot: Pilot[None]) -> None:
    """Let the search worker finish and the screen show its results."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def finder(pilot: Pilot[None]) -> AssetFinderScreen:
    screen = pilot.app.screen
    assert isinstance(screen, AssetFinderScreen)
    return screen


async def type_query(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)
    await settle(pilot)


async def test_typing_kikboxing_finds_the_kick_boxing_class_first(demo_town: AssetDirectory) -> None:
    app = FinderHost(demo_town)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_query(pilot, "kikboxing")
        screen = finder(pilot)
        assert screen.hits[0].asset.name == "Kick-Boxing Fitness Class"
        card = screen.query_one("#finder-card", AssetCard)
        assert card.asset.id == "kick-boxing-class"
        assert card.reasons and card.reasons[0].words.lower() == "kick-boxing" and card.reasons[0].typed == "kikboxing"


async def test_enter_picks_the_first_result_and_closes_the_finder(demo_town: AssetDirectory) -> None:
    app = FinderHost(demo_town, query="kikboxing")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert [a.id if a else None for a in app.picked] == ["kick-boxing-class"]
        assert not isinstance(app.screen, AssetFinderScreen)


async def test_down_then_enter_picks_the_second_result(demo_town: AssetDirectory) -> None:
    app = FinderHost(demo_town, query="football")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        second = finder(pilot).hits[1].asset
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.picked == [second]


async def test_add_to_plan_on_the_card_picks_that_asset(demo_town: AssetDirectory) -> None:
    app = FinderHost(demo_town, query="kikboxing")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        finder(pilot).query_one("#card-add").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert [a.id if a else None for a in app.picked] == ["kick-boxing-class"]


async def test_escape_closes_the_finder_without_picking(demo_town: AssetDirectory) -> None:
    app = FinderHost(demo_town)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.picked == [None]


async def test_closing_while_a_search_runs_is_safe(demo_town: AssetDirectory) -> None:
    app = FinderHost(demo_town)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f", "o", "escape")
        await settle(pilot)
        assert app.picked == [None]


async def test_not_for_me_takes_the_asset_out_of_the_results(demo_town: AssetDirectory) -> None:
    app = FinderHost(demo_town, query="football")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first = finder(pilot).hits[0].asset
        finder(pilot).query_one("#card-not").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert first.id not in [hit.asset.id for hit in finder(pilot).hits]
        assert finder(pilot).hits, "the other football groups are still offered"


async def choose_in_select(pilot: Pilot[None], select_id: str, typed: str) -> None:
    """Open a filter's menu from the keyboard, type to find a choice, and take it."""
    finder(pilot).query_one(f"#{select_id}").focus()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*typed, "enter")
    await settle(pilot)


async def test_the_area_filter_keeps_only_assets_in_that_area(demo_town: AssetDirectory) -> None:
    app = FinderHost(demo_town)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await choose_in_select(pilot, "filter-area", "Northgate")
        hits = finder(pilot).hits
        assert hits
        assert {area_key(hit.asset.area) for hit in hits} == {"northgate"}


async def test_free_only_and_the_day_filter_narrow_the_results(demo_town: AssetDirectory) -> None:
    app = FinderHost(demo_town, query="walking")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        all_walking = {hit.asset.id for hit in finder(pilot).hits}
        finder(pilot).query_one("#filter-free").focus()
        await pilot.press("space")
        await settle(pilot)
        free_walking = finder(pilot).hits
        assert any(not is_free(demo_town.get(i).cost) for i in all_walking), "some walking groups cost money"
        assert free_walking and all(is_free(hit.asset.cost) for hit in free_walking)
        await choose_in_select(pilot, "filter-day", "Sa")
        saturday = finder(pilot).hits
        assert 0 < len(saturday) < len(free_walking)
        assert all(is_free(hit.asset.cost) for hit in saturday)
        assert all(schedule_days(hit.asset.schedule) & day_filter_mask("saturday") for hit in saturday)


async def test_a_query_that_matches_nothing_says_so_in_words(demo_town: AssetDirectory) -> None:
    app = FinderHost(demo_town)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_query(pilot, "zqx")
        status = str(finder(pilot).query_one("#finder-status", Static).render())
        assert "Nothing matches 'zqx'" in status


async def test_more_like_this_searches_for_what_the_asset_is_about(demo_town: AssetDirectory) -> None:
    app = FinderHost(demo_town, query="kikboxing")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        finder(pilot).query_one("#card-more").focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "martial arts" in finder(pilot).query_one("#finder-query", Input).value
        assert len(finder(pilot).hits) > 1, "other martial arts and fitness classes are offered too"


async def test_an_empty_directory_says_so_and_how_to_import_one(tmp_path: Path) -> None:
    empty = AssetDirectory.open(tmp_path / "assets.db")
    app = FinderHost(empty)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        status = str(finder(pilot).query_one("#finder-status", Static).render())
        assert "empty" in status and "cpi-chat assets import" in status
    empty.close()


async def test_the_finder_opens_with_the_query_it_was_given(demo_town: AssetDirectory) -> None:
    app = FinderHost(demo_town, query="knit")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert finder(pilot).query_one("#finder-query", Input).value == "knit"
        assert "knit" in finder(pilot).hits[0].asset.name.lower() or "knit" in finder(pilot).hits[0].why.lower()


def _no_blink(pilot: Pilot[None]) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False



@pytest.mark.parametrize("size", [(100, 30), (60, 20)], ids=["100x30", "60x20"])
def test_snapshot_of_the_finder_with_results(
    snap_compare, demo_town: AssetDirectory, size: tuple[int, int]) -> None:
    """The finder opened on 'kikboxing': the search box, the filters, one result, and its card in words."""

    async def run_before(pilot: Pilot[None]) -> None:
        _no_blink(pilot)
        await settle(pilot)

    assert snap_compare(FinderHost(demo_town, query="kikboxing"), terminal_size=size, run_before=run_before)


async def test_opening_the_finder_searches_once_and_shows_the_filters_after_the_first_results(
    demo_town: AssetDirectory, monkeypatch: pytest.MonkeyPatch,
) -> None:
    searches: list[str] = []
    search = demo_town.search
    monkeypatch.setattr(demo_town, "search", lambda query, *args, **kwargs: searches.append(query) or search(query, *args, **kwargs))
    app = FinderHost(demo_town, query="walking")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert searches == ["walking"]  # the box's first value is not a second search
        assert finder(pilot).hits
        area = finder(pilot).query_one("#filter-area", Select)
        assert ("Northgate", "Northgate") in area._options
        await choose_in_select(pilot, "filter-area", "Northgate")
        assert searches == ["walking", "walking"]
        assert {area_key(hit.asset.area) for hit in finder(pilot).hits} == {"northgate"}


async def test_a_stale_index_is_rebuilt_under_words_and_a_progress_bar_that_go_once_it_is_ready(tmp_path: Path) -> None:
    import threading

    from textual.widgets import ProgressBar

    from cpi_chat.tui.widgets.ready_bar import READY_WORDS, DirectoryReadyBar

    directory = AssetDirectory.open(tmp_path / "assets.db")
    load_demo_directory(directory)
    with directory.store.db.atomic():
        directory.index_store.forget()  # as after an edit made with another tool
    looked = threading.Event()
    rebuild = directory.index_store.rebuild

    def slow_rebuild(*args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs["progress"] = progress = kwargs.get("progress") or args[3]
        progress(0, args[1])
        looked.wait(10)  # a big directory: the person sees the bar while it is rebuilt
        return rebuild(*args[:3], **kwargs)

    directory.index_store.rebuild = slow_rebuild  # type: ignore[method-assign]
    app = FinderHost(directory, query="walking")
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if finder(pilot).query(DirectoryReadyBar):
                break
        bar = finder(pilot).query_one(DirectoryReadyBar)
        await pilot.pause()
        assert bar.display and str(bar.query_one(Static).render()) == READY_WORDS
        assert bar.query_one(ProgressBar).percentage == 0.0
        assert not finder(pilot).hits
        looked.set()
        await settle(pilot)
        await settle(pilot)
        assert not bar.display, "gone once the directory is ready"
        assert finder(pilot).hits and directory.index_is_current()
    directory.close()
