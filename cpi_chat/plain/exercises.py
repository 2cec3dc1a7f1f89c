"""The two team exercises in plain lines: mapping community assets, and overcoming a barrier."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cpi_chat.plain.conversation import PlainIO
from cpi_chat.training import TRAINING_BANNER, TrainingError
from cpi_chat.training.barriers import Barrier, next_question
from cpi_chat.training.mapping import (
    AssetGrid,
    add_area,
    add_asset,
    counted,
    directory_words,
    gap_sentences,
    grid_text,
    import_grid,
    parse_line,
    split_areas,
)

if TYPE_CHECKING:
    from cpi_chat.assets.directory import AssetDirectory, ImportReport

MAP_HELP = (
    "Add an asset on one line: name; domain; area; details (details are optional). "
    "For example: Parkrun; sport; Riverside; Saturdays 9am, free. "
    "Type grid to see the grid, gaps for the gaps, domains or areas for the lists, "
    "area NAME to add an area, undo to remove the last asset, or done to finish."
)


def ask_areas(io: PlainIO) -> list[str] | None:
    """The team's areas, asked for until at least one is given; None at the end of input."""
    while True:
        io.write("Which areas does your team cover? Type them on one line, separated by commas.")
        line = io.read("> ")
        if line is None:
            return None
        areas = split_areas(line)
        if areas:
            return areas
        io.write("Please type at least one area, such as a part of town or a village.")


def show_grid(grid: AssetGrid, io: PlainIO) -> None:
    """The grid with counts, then its gaps in words."""
    io.write("")
    io.write(f"{TRAINING_BANNER}: the asset map ({counted(len(grid.assets), 'asset')}).")
    for line in grid_text(grid).splitlines():
        io.write(line)
    io.write("")
    io.write("Gaps:")
    for sentence in gap_sentences(grid):
        io.write(f"  {sentence}")


def run_mapping(grid: AssetGrid, io: PlainIO) -> AssetGrid:
    """Let the group add assets line by line until they type done (or input ends); returns the grid."""
    io.write(f"{TRAINING_BANNER}: mapping community assets.")
    io.write(MAP_HELP)
    while True:
        line = io.read("add> ")
        if line is None:
            break
        text = line.strip()
        word = text.lower()
        if not text:
            continue
        if word in {"done", "quit", "q", "exit"}:
            break
        if word in {"help", "?"}:
            io.write(MAP_HELP)
        elif word == "grid":
            show_grid(grid, io)
        elif word == "gaps":
            for sentence in gap_sentences(grid):
                io.write(sentence)
        elif word == "domains":
            for number, domain in enumerate(grid.domains, start=1):
                io.write(f"  {number}. {domain.label}: {domain.description}")
        elif word == "areas":
            for number, area in enumerate(grid.areas, start=1):
                io.write(f"  {number}. {area}")
        elif word.startswith("area "):
            for area in split_areas(text[5:]):
                add_area(grid, area)
            io.write(f"Areas: {', '.join(grid.areas)}.")
        elif word == "undo":
            if grid.assets:
                removed = grid.assets.pop()
                io.write(f"Removed {removed.name}.")
            else:
                io.write("There is nothing to undo.")
        else:
            try:
                asset = parse_line(text, grid)
            except TrainingError as problem:
                io.write(str(problem))
                continue
            add_asset(grid, asset)
            label = next(d.label for d in grid.domains if d.slug == asset.domain)
            io.write(f"Added {asset.name}: {label}, {asset.area}. ({len(grid.assets)} so far.)")
    return grid


def finish_mapping(grid: AssetGrid, directory: AssetDirectory, io: PlainIO) -> ImportReport:
    """Show the final grid and gaps, and import the assets into the (training) directory."""
    show_grid(grid, io)
    report = import_grid(grid, directory)
    io.write("")
    io.write(directory_words(report, directory.count()))
    return report


def run_barrier(io: PlainIO) -> Barrier | None:
    """Ask the questions of the barriers exercise one at a time until the chart is complete; None if input ends first."""
    io.write(f"{TRAINING_BANNER}: overcoming barriers.")
    io.write("Take one barrier and split it into parts until each part is one problem. "
             "Then think of a solution for each part as if it were the only obstacle, and say which are still realistic.")
    barrier: Barrier | None = None
    while True:
        question = next_question(barrier)
        if question is None:
            return barrier
        io.write("")
        io.write(question.text)
        if question.hint:
            io.write(question.hint)
        line = io.read("> ")
        if line is None:
            return None
        try:
            barrier = question.answer(barrier, line.strip())
        except TrainingError as problem:
            io.write(str(problem))
