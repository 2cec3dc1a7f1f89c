"""Leaving `cpi-chat training map --app`: the terminal says what became of the team's grid, with the right plurals."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.pilot import Pilot

from cpi_chat.cli.training import training
from cpi_chat.training.mapping import counted, not_kept_words
from cpi_chat.tui.training_apps import ExerciseApp
from tests.training.exercise_driving import mapping_app, type_line


def drive(monkeypatch: pytest.MonkeyPatch, keys: Callable[[Pilot], Awaitable[None]]) -> None:
    """Make ExerciseApp.run play `keys` headless, as a trainer would press them (quitting with Ctrl+Q if still open)."""

    def run(app: ExerciseApp) -> None:
        async def play() -> None:
            async with app.run_test(size=(100, 30)) as pilot:
                await keys(pilot)
                if app.is_running:
                    await pilot.press("ctrl+q")

        asyncio.run(play())

    monkeypatch.setattr(ExerciseApp, "run", run)


def leave_without_exporting(*lines: str) -> Callable[[Pilot], Awaitable[None]]:
    async def keys(pilot: Pilot) -> None:
        for line in lines:
            await type_line(pilot, line)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("1")  # 1. Leave without exporting
        await pilot.pause()

    return keys


def test_leaving_without_exporting_says_the_asset_was_not_kept_instead_of_claiming_an_import(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    drive(monkeypatch, leave_without_exporting("Parkrun; sport; Riverside"))
    result = CliRunner().invoke(training, ["map", "--app", "--areas", "Riverside"])
    assert result.exit_code == 0, result.output
    assert "Imported" not in result.output
    assert "1 asset was not kept: the training folder has been deleted." in result.output


def test_two_assets_left_behind_are_counted_in_the_plural(monkeypatch: pytest.MonkeyPatch) -> None:
    drive(monkeypatch, leave_without_exporting("Parkrun; sport; Riverside", "Farming Friends; 7; Kelderby"))
    result = CliRunner().invoke(training, ["map", "--app", "--areas", "Riverside, Kelderby"])
    assert result.exit_code == 0, result.output
    assert "2 assets were not kept: the training folder has been deleted." in result.output


def test_a_grid_exported_with_f7_during_the_exercise_is_said_to_be_in_that_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    target = tmp_path / "team.csv"

    async def export_then_leave(pilot: Pilot) -> None:
        await type_line(pilot, "Parkrun; sport; Riverside")
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("ctrl+a", "ctrl+k")
        await type_line(pilot, str(target))
        await pilot.press("escape")
        await pilot.pause()

    drive(monkeypatch, export_then_leave)
    result = CliRunner().invoke(training, ["map", "--app", "--areas", "Riverside"])
    assert result.exit_code == 0, result.output
    assert target.exists()
    assert f"The grid's 1 asset was exported to {target}; the training folder has been deleted." in result.output


def test_a_grid_kept_with_csv_reports_the_directory_with_the_right_plurals(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    async def one_asset(pilot: Pilot) -> None:
        await type_line(pilot, "Parkrun; sport; Riverside")

    drive(monkeypatch, one_asset)
    target = tmp_path / "team.csv"
    result = CliRunner().invoke(training, ["map", "--app", "--areas", "Riverside", "--csv", str(target)])
    assert result.exit_code == 0, result.output
    assert "The team's directory: 1 asset added, 0 updated (1 in all)." in result.output
    assert f"Exported 1 asset to {target}." in result.output


def test_counted_words_are_singular_for_one_and_plural_otherwise() -> None:
    assert [counted(n, "asset") for n in (0, 1, 2)] == ["0 assets", "1 asset", "2 assets"]
    assert not_kept_words(2).startswith("2 assets were not kept")
    assert "later changes were not kept" in not_kept_words(3, "team.csv", changed_since=True)


async def test_importing_into_the_training_folder_does_not_count_as_kept_so_escape_still_asks(bare_workspace) -> None:
    app = mapping_app(bare_workspace, areas=["Riverside"])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_line(pilot, "Parkrun; sport; Riverside")
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "confirm-leave-map", "the folder, and the import with it, is deleted when training ends"
