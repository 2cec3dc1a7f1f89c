"""The mapping community assets exercise in the app: areas first, assets typed or added to a cell, gaps, undo, import, export."""

from __future__ import annotations

import csv
from pathlib import Path

from textual.widgets import DataTable

from cpi_chat.assets.directory import AssetDirectory
from cpi_chat.training.personas import find_persona
from cpi_chat.training.player import Player
from cpi_chat.tui.screens.ask_line import AskLineScreen
from cpi_chat.tui.screens.asset_mapping import MappingScreen
from cpi_chat.tui.screens.exercise_forms import AddToCellScreen
from cpi_chat.tui.screens.help import HelpScreen
from cpi_chat.tui.training_apps import TrainingApp
from cpi_chat.workspace import Workspace
from tests.training.exercise_driving import mapping_app, shown, type_line

AREAS = ["Riverside", "Kelderby"]


def cell(pilot, domain_row: int, area_column: int) -> str:  # type: ignore[no-untyped-def]
    table = pilot.app.screen.query_one("#map-grid", DataTable)
    return str(table.get_cell_at((domain_row, area_column + 1)))  # column 0 holds the domains


def screen_of(pilot) -> MappingScreen:  # type: ignore[no-untyped-def]
    assert isinstance(pilot.app.screen, MappingScreen), pilot.app.screen
    return pilot.app.screen


async def test_the_areas_are_asked_first_and_make_the_columns_of_the_grid(bare_workspace: Workspace) -> None:
    app = mapping_app(bare_workspace)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, AskLineScreen)
        await type_line(pilot, "")
        assert "at least one area" in shown(pilot, "#ask-line-problem")
        await type_line(pilot, "Riverside, Kelderby,  riverside")
        table = screen_of(pilot).query_one("#map-grid", DataTable)
        assert [str(c.label) for c in table.columns.values()] == ["Domain", "Riverside", "Kelderby"]
        assert table.row_count == 10
        assert app.screen.title == "Training — fictional people"
        assert cell(pilot, 3, 0) == "— gap"


async def test_typed_assets_fill_the_grid_and_a_bad_line_gets_a_kind_message(bare_workspace: Workspace) -> None:
    app = mapping_app(bare_workspace, areas=AREAS)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "Parkrun; sport; Riverside; Saturdays 9am, free")
        await type_line(pilot, "Farming Friends; 7; kel")
        assert "Added Farming Friends: Neighbourhood Activities, Associations and Events, Kelderby" in shown(pilot, "#map-message")
        await type_line(pilot, "Swim club; swimming; Riverside")
        message = shown(pilot, "#map-message")
        assert "'swimming' is not one of the ten domains" in message
        assert "type its number (1 to 10)" in message
        assert screen_of(pilot).query_one("#map-line").value == "Swim club; swimming; Riverside", "kept to correct"
        await type_line(pilot, "Swim club; 4; Upper Moor")
        assert shown(pilot, "#map-message").endswith("is not one of the team's areas: Riverside, Kelderby. F2 adds an area.")
        await type_line(pilot, "Parkrun only")
        assert "separated by semicolons" in shown(pilot, "#map-message")
        assert cell(pilot, 3, 0) == "1" and cell(pilot, 6, 1) == "1" and cell(pilot, 3, 1) == "— gap"
        assert len(screen_of(pilot).grid.assets) == 2  # type: ignore[union-attr]
        assert "2 assets · 18 gaps in 20 cells" in shown(pilot, "#map-status")


async def test_the_gaps_are_said_in_words_and_change_as_assets_are_added(bare_workspace: Workspace) -> None:
    app = mapping_app(bare_workspace, areas=AREAS)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "Nothing yet: all ten domains are gaps in Riverside and Kelderby." in shown(pilot, "#map-gaps")
        await type_line(pilot, "Parkrun; sport; Riverside")
        gaps = shown(pilot, "#map-gaps")
        assert "Kelderby also has nothing for Sport." in gaps
        assert "Riverside also has nothing" not in gaps
        await type_line(pilot, "Village walk; sport; Kelderby")
        assert "Sport" not in shown(pilot, "#map-gaps")


async def test_the_highlighted_cell_lists_its_assets_and_enter_adds_one_there(bare_workspace: Workspace) -> None:
    app = mapping_app(bare_workspace, areas=AREAS)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "Parkrun; sport; Riverside; Saturdays 9am")
        assert shown(pilot, "#map-cell") == "In Sport, Riverside:\n• Parkrun (Saturdays 9am)"
        await pilot.press("tab", "down", "right")  # from the typing line to the grid: Alternative Therapies, Kelderby
        assert "In Alternative Therapies, Kelderby: nothing yet, a gap" in shown(pilot, "#map-cell")
        await pilot.press("enter")
        assert isinstance(app.screen, AddToCellScreen)
        await type_line(pilot, "Tai chi in the park")
        await type_line(pilot, "Sundays, free")
        assert cell(pilot, 4, 1) == "1"
        assert shown(pilot, "#map-cell") == "In Alternative Therapies, Kelderby:\n• Tai chi in the park (Sundays, free)"
        await pilot.press("left", "left")  # onto the domain's name, which stays put when areas scroll
        assert shown(pilot, "#map-cell").startswith("Alternative Therapies: Gentle practices for body and mind")
        await pilot.press("enter")
        assert shown(pilot, "#map-message") == "Move right to an area's cell, then press Enter to add an asset there."


async def test_f3_undoes_the_last_asset_and_f2_adds_an_area(bare_workspace: Workspace) -> None:
    app = mapping_app(bare_workspace, areas=AREAS)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "Parkrun; sport; Riverside")
        await type_line(pilot, "Mosque open day; relig; Kelderby")
        await pilot.press("f3")
        assert shown(pilot, "#map-message") == "Removed Mosque open day (Kelderby). (1 left.)"
        assert cell(pilot, 0, 1) == "— gap" and cell(pilot, 3, 0) == "1"
        await pilot.press("f3", "f3")
        assert shown(pilot, "#map-message") == "There is nothing to undo."
        await pilot.press("f2")
        await type_line(pilot, "Little Fenton")
        table = screen_of(pilot).query_one("#map-grid", DataTable)
        assert [str(c.label) for c in table.columns.values()] == ["Domain", "Riverside", "Kelderby", "Little Fenton"]
        await type_line(pilot, "Allotments; 8; little")
        assert cell(pilot, 7, 2) == "1"


async def test_f4_imports_the_grid_into_the_training_directory_once(bare_workspace: Workspace) -> None:
    app = mapping_app(bare_workspace, areas=AREAS)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "Parkrun; sport; Riverside; Saturdays 9am")
        await type_line(pilot, "Farming Friends; 7; kel; monthly lunch")
        await pilot.press("f4")
        assert "2 added, 0 updated (2 in all)" in shown(pilot, "#map-message")
        await pilot.press("f4")
        assert "0 added, 2 updated (2 in all)" in shown(pilot, "#map-message")
    reopened = AssetDirectory.open(bare_workspace.paths.assets_db)
    try:
        found = {(a.name, a.domain, a.area, a.description) for a in reopened.all()}
    finally:
        reopened.close()
    assert found == {("Parkrun", "sport", "Riverside", "Saturdays 9am"),
                     ("Farming Friends", "neighbourhood", "Kelderby", "monthly lunch")}


async def test_f7_exports_the_teams_directory_as_csv_and_says_where(bare_workspace: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "team.csv"
    app = mapping_app(bare_workspace, areas=AREAS, export_to=str(target))
    async with app.run_test(size=(100, 30)) as pilot:
        await type_line(pilot, "Parkrun; sport; Riverside")
        await pilot.press("f7")
        assert isinstance(app.screen, AskLineScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert f"Exported 1 asset to {target} (CSV, the import format)." == shown(pilot, "#map-message")
        await pilot.press("escape")  # exported, so it leaves without asking
        await pilot.pause()
        assert app.return_code == 0 and not app.is_running
    with target.open(encoding="utf-8") as handle:
        assert [row["name"] for row in csv.DictReader(handle)] == ["Parkrun"]


async def test_escape_asks_before_leaving_a_grid_that_was_not_exported(bare_workspace: Workspace) -> None:
    app = mapping_app(bare_workspace, areas=AREAS)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_line(pilot, "Parkrun; sport; Riverside")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "confirm-leave-map"
        await pilot.press("3")  # stay
        await pilot.pause()
        assert isinstance(app.screen, MappingScreen)
        await pilot.press("escape", "1")
        await pilot.pause()
        assert not app.is_running


async def test_f1_explains_the_exercise_and_lists_its_keys(bare_workspace: Workspace) -> None:
    app = mapping_app(bare_workspace, areas=AREAS)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "— gap" in shown(pilot, "#help-purpose")
        keys = shown(pilot, "#help-keys")
        for what in ("Add an area", "Remove the last asset added", "Put the grid into the training directory", "Export"):
            assert what in keys


async def test_m_in_a_played_session_opens_the_exercise_and_keeps_the_grid(workspace: Workspace) -> None:
    player = Player.start(workspace, find_persona("joyce"))
    app = TrainingApp(workspace, player)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await type_line(pilot, "Kelderby")
        await type_line(pilot, "Farming Friends; 7; Kelderby")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "training" and player.paused
        await pilot.press("m")
        await pilot.pause()
        assert cell(pilot, 6, 0) == "1", "the grid is still there"
