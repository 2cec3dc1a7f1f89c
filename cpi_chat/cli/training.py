"""`cpi-chat training`: scripted demo sessions and the two team exercises, always in a throwaway folder."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from cpi_chat.cli.common import CpiGroup
from cpi_chat.cli.run import ending_on_signals, run_app

if TYPE_CHECKING:
    from textual.screen import Screen

    from cpi_chat.training.barriers import Barrier
    from cpi_chat.training.mapping import AssetGrid
    from cpi_chat.workspace import Workspace

BANNER = "Training — fictional people"


@click.group(cls=CpiGroup)
def training() -> None:
    """Training mode: play a fictional person's session, map community assets, or work through a barrier.

    Everything happens in a throwaway folder that is deleted afterwards; real records are never opened.
    """


@training.command("people")
def people() -> None:
    """List the fictional people whose sessions can be played."""
    from cpi_chat.training.personas import personas

    click.echo(f"{BANNER}:")
    for persona in personas():
        click.echo(f"  {persona.name.split()[0]}: {persona.name}. {persona.about}")


@training.command("play")
@click.argument("persona_name", metavar="PERSONA")
@click.option("--step", "step_mode", is_flag=True, help="Wait for Enter between turns (type take to carry on by hand).")
@click.option("--speed", type=click.FloatRange(min=0), default=3.0, show_default=True, help="Seconds per turn when playing by itself.")
@click.option("--app", "in_app", is_flag=True, help="Play it in the full-screen app: space = next, p = play/pause, +/- = speed, t = take over.")
@click.option("--keep", is_flag=True, help="Keep the training folder afterwards (it is deleted by default).")
def play(persona_name: str, step_mode: bool, speed: float, in_app: bool, keep: bool) -> None:
    """Play a fictional person's first session (Dan, Joyce or Callum), with the worker's tips."""
    from cpi_chat.plain import stdin_io
    from cpi_chat.plain.training import play_plain
    from cpi_chat.training.personas import find_persona, training_workspace
    from cpi_chat.training.player import Player

    persona = find_persona(persona_name)
    with ending_on_signals(), training_workspace(keep=keep) as workspace:
        player = Player.start(workspace, persona, seconds_per_turn=speed)
        if in_app:
            from cpi_chat.tui.training_apps import TrainingApp

            app = TrainingApp(workspace, player, autoplay=not step_mode)
            run_app(app)
            if not keep:
                click.echo(f"{BANNER}: the training folder has been deleted, so nothing is kept.")
        else:
            play_plain(player, stdin_io(), step_mode=step_mode, sleep=time.sleep)
        if keep:
            click.echo(f"The training folder is kept at {workspace.paths.data_dir}", err=True)


FILE = click.Path(dir_okay=False, writable=True)


@training.command("map")
@click.option("--areas", help="The team's areas, separated by commas (asked for when not given).")
@click.option("--grid", "grid_file", type=click.Path(dir_okay=False), help="A grid saved earlier: carry on from it, and save it back there at the end.")
@click.option("--save", "save_file", type=FILE, help="Save the grid to this CSV file at the end, to carry on another day.")
@click.option("--csv", "csv_file", type=FILE, help="Export the team's directory to this CSV file (the import format).")
@click.option("--oruk", "oruk_file", type=FILE, help="Export the team's directory to this Open Referral UK JSON file.")
@click.option("--keep", is_flag=True, help="Keep the training folder (with its assets.db) afterwards.")
@click.option("--app", "in_app", is_flag=True, help="Run it in the full-screen app: the grid on screen, F2 area, F3 undo, F4 import, F7 export.")
def map_assets(
    areas: str | None, grid_file: str | None, save_file: str | None, csv_file: str | None, oruk_file: str | None,
    keep: bool, in_app: bool,
) -> None:
    """Mapping community assets: a grid of the ten domains by your areas, its gaps, and your team's directory."""
    from cpi_chat.plain import stdin_io
    from cpi_chat.plain.exercises import ask_areas, finish_mapping, run_mapping
    from cpi_chat.training.mapping import (
        counted,
        directory_words,
        import_grid,
        load_grid,
        new_grid,
        not_kept_words,
        save_grid,
        split_areas,
    )
    from cpi_chat.training.personas import training_workspace

    io = stdin_io()
    keeps = bool(save_file or grid_file or csv_file or oruk_file or keep)
    click.echo(f"{BANNER}: mapping community assets. Nothing here touches your real records.")
    with ending_on_signals(), training_workspace(keep=keep, with_town=False) as workspace:
        directory = workspace.assets
        given = split_areas(areas or "")
        grid = None
        if grid_file and Path(grid_file).exists():
            grid = load_grid(Path(grid_file), directory.domains(), given)
            click.echo(f"{BANNER}: carrying on with {counted(len(grid.assets), 'asset')} from {grid_file}.")
        if in_app:
            screen = _map_in_app(workspace, grid, given, export_to=csv_file or oruk_file or "", keeps=keeps)
            grid = getattr(screen, "grid", None)
            if grid is None:
                click.echo("No areas were given, so there is no grid; nothing was saved.")
                return
            if not keeps:
                if grid.assets:  # the folder goes now: say what became of the team's work
                    click.echo(not_kept_words(len(grid.assets), *_exported_during(screen)))
                return
            if grid.assets:
                click.echo(directory_words(import_grid(grid, directory), directory.count()))
        else:
            if grid is None:
                asked = given or ask_areas(io)
                if asked is None:
                    return
                grid = new_grid(directory.domains(), asked)
            grid = run_mapping(grid, io)
            finish_mapping(grid, directory, io)
        for target in {f for f in (save_file, grid_file) if f}:
            written = save_grid(grid, Path(target))
            click.echo(f"Saved the grid ({counted(written, 'asset')}) to {target}.")
        if csv_file:
            click.echo(f"Exported {counted(directory.export_file(csv_file, 'csv'), 'asset')} to {csv_file}.")
        if oruk_file:
            click.echo(f"Exported {counted(directory.export_file(oruk_file, 'oruk'), 'asset')} to {oruk_file} (Open Referral UK).")
        if keep:
            click.echo(f"The training folder is kept at {workspace.paths.data_dir}; its assets.db is the team's directory.", err=True)
        elif not (csv_file or oruk_file):
            click.echo("Add --csv FILE or --oruk FILE to keep the team's directory; the training folder is deleted now.")


def _map_in_app(workspace: Workspace, grid: AssetGrid | None, areas: list[str], export_to: str, keeps: bool) -> Screen[Any] | None:
    """Run the mapping screen full-screen; returns the screen as the team left it (its grid is None if no areas were given)."""
    from cpi_chat.tui.screens.asset_mapping import MappingScreen
    from cpi_chat.tui.training_apps import ExerciseApp

    domains = workspace.assets.domains()
    app = ExerciseApp(workspace, lambda: MappingScreen(domains, grid=grid, areas=areas, export_to=export_to,
                                                        warn_on_leave=not keeps))
    run_app(app)
    return app.exercise


def _exported_during(screen: Screen[Any] | None) -> tuple[str, bool]:
    """The file the team exported to with F7 during the exercise ('' if none), and whether the grid changed since."""
    exported_to = str(getattr(screen, "exported_to", ""))
    if not exported_to:
        return "", False
    return exported_to, getattr(screen, "kept_version", 0) != getattr(screen, "version", 0)


@training.command("barriers")
@click.option("--html", "html_file", type=FILE, help="Save the chart as a printable large-print page.")
@click.option("--mermaid", "mermaid_file", type=FILE, help="Save the chart as a Mermaid flowchart (for slides and wikis).")
@click.option("--app", "in_app", is_flag=True, help="Run it in the full-screen app, with the chart growing beside the questions.")
def barriers(html_file: str | None, mermaid_file: str | None, in_app: bool) -> None:
    """Overcoming barriers: split a barrier into single problems, find a solution for each, keep the realistic ones."""
    from cpi_chat.plain import stdin_io
    from cpi_chat.plain.exercises import run_barrier
    from cpi_chat.training.barriers import (
        chart_in_sentences,
        html_page,
        mermaid,
        realistic_solutions,
    )

    if in_app:
        barrier = _barriers_in_app(html_file or "", keeps=bool(html_file or mermaid_file))
        if barrier is None:
            click.echo("No barrier was typed; nothing was saved.")
            return
    else:
        barrier = run_barrier(stdin_io())
        if barrier is None:
            click.echo("Input ended before the chart was finished; nothing was saved.")
            return
    click.echo("")
    click.echo(f"{BANNER}: the chart.")
    click.echo(chart_in_sentences(barrier))
    kept = realistic_solutions(barrier)
    click.echo("")
    click.echo(f"Realistic solutions to try: {len(kept)}.")
    for problem, solution in kept:
        click.echo(f"  {problem.text}: {solution.text}")
    if html_file:
        Path(html_file).write_text(html_page(barrier), encoding="utf-8")
        click.echo(f"Saved the printable chart to {html_file}.")
    if mermaid_file:
        Path(mermaid_file).write_text(mermaid(barrier) + "\n", encoding="utf-8")
        click.echo(f"Saved the Mermaid chart to {mermaid_file}.")


def _barriers_in_app(page_to: str, keeps: bool) -> Barrier | None:
    """Run the barriers screen full-screen (in a throwaway training folder); returns the chart as it was left."""
    from cpi_chat.training.personas import training_workspace
    from cpi_chat.tui.screens.barriers_exercise import BarriersScreen
    from cpi_chat.tui.training_apps import ExerciseApp

    with ending_on_signals(), training_workspace(with_town=False) as workspace:
        app = ExerciseApp(workspace, lambda: BarriersScreen(page_to=page_to, warn_on_leave=not keeps))
        run_app(app)
        return getattr(app.exercise, "barrier", None)


COMMANDS: list[click.Command] = [training]
