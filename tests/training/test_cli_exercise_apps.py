"""`cpi-chat training map --app` and `training barriers --app`: the full-screen exercises, then the files the options ask for."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.pilot import Pilot

from cpi_chat.cli.training import training
from cpi_chat.tui.screens.asset_mapping import MappingScreen
from cpi_chat.tui.screens.barriers_exercise import BarriersScreen
from cpi_chat.tui.training_apps import ExerciseApp
from tests.training.exercise_driving import type_line


def drive_instead_of_running(monkeypatch: pytest.MonkeyPatch, keys: Callable[[Pilot], Awaitable[None]]) -> list[object]:
    """Make ExerciseApp.run play `keys` headless (as a trainer would type them), then quit with Ctrl+Q."""
    screens: list[object] = []

    def run(app: ExerciseApp) -> None:
        async def play() -> None:
            async with app.run_test(size=(100, 30)) as pilot:
                screens.append(app.screen)
                await keys(pilot)
                await pilot.press("ctrl+q")

        asyncio.run(play())

    monkeypatch.setattr(ExerciseApp, "run", run)
    return screens


def test_map_app_asks_nothing_on_the_command_line_and_exports_what_the_team_typed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    async def two_assets(pilot: Pilot) -> None:
        await type_line(pilot, "Parkrun; sport; Riverside")
        await type_line(pilot, "Farming Friends; 7; Kelderby")

    screens = drive_instead_of_running(monkeypatch, two_assets)
    target = tmp_path / "team.csv"
    result = CliRunner().invoke(training, ["map", "--app", "--areas", "Riverside, Kelderby", "--csv", str(target)])
    assert result.exit_code == 0, result.output
    assert isinstance(screens[0], MappingScreen)
    assert "The team's directory: 2 assets added, 0 updated (2 in all)." in result.output
    with target.open(encoding="utf-8") as handle:
        assert sorted(row["name"] for row in csv.DictReader(handle)) == ["Farming Friends", "Parkrun"]


def test_barriers_app_saves_the_page_and_mermaid_chart_the_options_ask_for(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    async def a_barrier(pilot: Pilot) -> None:
        for answer in ["no bus on Sundays", "person", "one", "ask a neighbour for a lift"]:
            await type_line(pilot, answer)

    screens = drive_instead_of_running(monkeypatch, a_barrier)
    page, chart = tmp_path / "chart.html", tmp_path / "chart.mmd"
    result = CliRunner().invoke(training, ["barriers", "--app", "--html", str(page), "--mermaid", str(chart)])
    assert result.exit_code == 0, result.output
    assert isinstance(screens[0], BarriersScreen)
    assert "ask a neighbour for a lift (not decided yet)." in result.output
    assert "ask a neighbour for a lift" in page.read_text(encoding="utf-8")
    assert chart.read_text(encoding="utf-8").startswith("flowchart LR")


def test_barriers_app_left_before_any_barrier_saves_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    async def nothing(pilot: Pilot) -> None:
        await pilot.pause()

    drive_instead_of_running(monkeypatch, nothing)
    result = CliRunner().invoke(training, ["barriers", "--app", "--html", str(tmp_path / "chart.html")])
    assert result.exit_code == 0, result.output
    assert "No barrier was typed; nothing was saved." in result.output
    assert not (tmp_path / "chart.html").exists()
