"""The mapping community assets exercise in the app: the ten domains by the team's areas, the gaps in words, import and export."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from cpi_chat.assets.model import Domain
from cpi_chat.errors import CpiChatError
from cpi_chat.training import TRAINING_BANNER, TrainingError
from cpi_chat.training.mapping import (
    AssetGrid,
    MappedAsset,
    add_area,
    add_asset,
    counted,
    counts,
    gap_sentences,
    gaps,
    import_grid,
    new_grid,
    parse_line,
    split_areas,
)
from cpi_chat.tui.as_typed import cell
from cpi_chat.tui.screens.ask_line import AskLineScreen
from cpi_chat.tui.screens.exercise_forms import AddToCellScreen, ask_before_leaving
from cpi_chat.tui.spacious import add_table_row, is_spacious, redraw_when_spacing_changes
from cpi_chat.tui.widgets.key_bar import KeyBar

GAP = "— gap"
NARROW_BELOW = 90  # columns: below this the cell list and gaps go under the grid instead of beside it
SHORT_LABELS = {
    "religious-cultural": "Religious, Cultural",
    "alternative-therapies": "Alt. Therapies",
    "non-commissioned": "Non-Commissioned",
    "neighbourhood": "Neighbourhood",
}
DEFAULT_EXPORT = "team-directory.csv"

MAPPING_CSS = """
MappingScreen #map-status { height: auto; padding: 0 1; text-style: bold; background: $boost; }
MappingScreen #map-body { height: 1fr; layout: horizontal; }
MappingScreen.-narrow #map-body { layout: vertical; }
MappingScreen #map-grid { width: 1fr; height: 1fr; min-height: 5; }
MappingScreen #map-side { width: 40%; height: 1fr; padding: 0 1; border-left: vkey $primary; }
MappingScreen.-narrow #map-grid { height: auto; max-height: 12; }
MappingScreen.-narrow #map-side { width: 100%; height: 1fr; min-height: 3; border-left: none; border-top: hkey $primary; }
MappingScreen #map-side > Static { margin-bottom: 1; }
MappingScreen #map-row { height: 1; padding: 0 1; }
MappingScreen #map-label { width: auto; text-style: bold; padding-right: 1; }
MappingScreen #map-line { width: 1fr; background: $boost; }
App.-theme-cpi-high-contrast MappingScreen #map-line { background: #000000; }
MappingScreen #map-message { height: auto; padding: 0 1; }
"""


def short_label(number: int, domain: Domain) -> str:
    """A domain's number and a name short enough for the grid's row labels ('7 Neighbourhood')."""
    return f"{number} {SHORT_LABELS.get(domain.slug, domain.label)}"


def cell_text(count: int) -> Text:
    """What a cell shows: the number of assets, or '— gap' in words when there are none."""
    return Text(str(count), style="bold") if count else Text(GAP, style="italic")


def _areas_problem(text: str) -> str:
    return "" if split_areas(text) else "Please type at least one area, such as a part of town or a village."


class MappingScreen(Screen[AssetGrid | None]):
    """The group adds the assets they know to a grid of the ten domains by their areas, and sees the gaps."""

    DEFAULT_CSS = MAPPING_CSS
    HELP = ("Mapping community assets, with fictional data. The grid has a row for each of the ten domains and a "
            "column for each of your areas; a cell says how many assets the group found there, or '— gap'. "
            "Type an asset on the line at the bottom: name; domain; area; details (details are optional), "
            "e.g. 'Parkrun; sport; Riverside; Saturdays 9am'. The domain can be its number or the start of its name. "
            "Or press Tab to reach the grid, pick a cell with the arrow keys and press Enter to add an asset there; "
            "on a domain's name, the line under the grid says what the domain covers. "
            "F2 adds an area, F3 undoes the last asset, F4 puts the grid into the training directory, "
            "F7 exports the team's directory as CSV (or Open Referral UK when the file name ends .json).")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "app.help", "Help", id="help", tooltip="What this screen is for and its keys"),
        Binding("escape", "leave", "Back", id="map_back", tooltip="Leave the exercise"),
        Binding("f2", "add_area", "Area", id="map_add_area", tooltip="Add an area (a column)"),
        Binding("f3", "undo", "Undo", id="map_undo", tooltip="Remove the last asset added"),
        Binding("f4", "import_grid", "Import", id="map_import", tooltip="Put the grid into the training directory"),
        Binding("f7", "export", "Export", id="map_export", tooltip="Export the team's directory as CSV or Open Referral UK"),
    ]

    def __init__(self, domains: list[Domain] | tuple[Domain, ...], grid: AssetGrid | None = None,
                 areas: list[str] | None = None, export_to: str = "", warn_on_leave: bool = True) -> None:
        super().__init__(id="asset-mapping")
        self.domains = tuple(domains)
        self.grid = grid if grid is not None else (new_grid(self.domains, areas) if areas else None)
        self.export_to = export_to or DEFAULT_EXPORT
        self.warn_on_leave = warn_on_leave
        self.kept_version = 0  # the change count last exported to a file
        self.exported_to = ""  # the file F7 last wrote, if any
        self.version = 0

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Static("", id="map-status", markup=False)
        with Horizontal(id="map-body"):
            yield DataTable(id="map-grid", cursor_type="cell", show_row_labels=False, fixed_columns=1)
            with VerticalScroll(id="map-side"):
                yield Static("", id="map-cell", markup=False)
                yield Static("", id="map-gaps", markup=False)
        with Horizontal(id="map-row"):
            yield Static("Add:", id="map-label")
            yield Input(placeholder="name; domain; area; details  e.g. Parkrun; sport; Riverside", id="map-line",
                        compact=True)
        yield Static("", id="map-message", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = TRAINING_BANNER
        self.sub_title = "Mapping community assets"
        self.set_class(self.app.size.width < NARROW_BELOW, "-narrow")
        redraw_when_spacing_changes(self, self.refresh_grid)
        line = self.query_one("#map-line", Input)
        line.cursor_blink = False
        if self.grid is None:
            self.ask_areas()
        else:
            self.refresh_grid()
            line.focus()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW_BELOW, "-narrow")

    # -- showing the grid ------------------------------------------------------

    def ask_areas(self) -> None:
        """Ask which areas the team covers; leaving without any closes the exercise."""

        def given(answer: str | None) -> None:
            if answer is None:
                self.dismiss(None)
                return
            self.grid = new_grid(self.domains, split_areas(answer))
            self.refresh_grid()
            self.say("Type each asset the group knows on the Add line (name; domain; area; details), "
                     "or Tab to the grid and press Enter on a cell.")
            self.query_one("#map-line", Input).focus()

        self.app.push_screen(AskLineScreen(
            "Mapping community assets", "Which areas does your team cover? Type them separated by commas.",
            placeholder="e.g. Riverside, Kelderby, Northgate", check=_areas_problem, ask_id="ask-areas"), given)

    def refresh_grid(self) -> None:
        """Redraw the grid, the status line, the highlighted cell's assets and the gaps."""
        grid = self.grid
        if grid is None:
            return
        table = self.query_one("#map-grid", DataTable)
        where = table.cursor_coordinate if table.columns else Coordinate(0, 1)
        cells = counts(grid)
        table.clear(columns=True)
        # The domains are a fixed first column rather than row labels, so they stay put when many areas scroll.
        table.add_column("Domain", width=max(len(short_label(n, d)) for n, d in enumerate(grid.domains, start=1)))
        for area in grid.areas:
            table.add_column(cell(area), width=max(len(area), len(GAP)))
        for number, domain in enumerate(grid.domains, start=1):
            add_table_row(table, [Text(short_label(number, domain), style="bold"),
                                  *[cell_text(cells[(domain.slug, a)]) for a in grid.areas]], is_spacious(self.app))
        table.move_cursor(row=where.row, column=where.column, animate=False)
        found = gaps(grid)
        self.query_one("#map-status", Static).update(
            f"{counted(len(grid.assets), 'asset')} · {counted(len(found), 'gap')} in {len(cells)} cells · "
            "Tab: grid or typing line")
        self.query_one("#map-gaps", Static).update("Gaps\n" + "\n".join(gap_sentences(grid)))
        self.show_cell()

    def highlighted_cell(self) -> tuple[Domain, str | None] | None:
        """The domain and area under the grid's cursor (no area when the cursor is on the domain's name)."""
        if self.grid is None:
            return None
        where = self.query_one("#map-grid", DataTable).cursor_coordinate
        if not (0 <= where.row < len(self.grid.domains) and 0 <= where.column <= len(self.grid.areas)):
            return None
        return self.grid.domains[where.row], (self.grid.areas[where.column - 1] if where.column else None)

    def show_cell(self) -> None:
        """List the assets in the highlighted cell, or say it is a gap; on a domain's name, say what it covers."""
        cell = self.highlighted_cell()
        if cell is None or self.grid is None:
            return
        domain, area = cell
        if area is None:
            self.query_one("#map-cell", Static).update(f"{domain.label}: {domain.description}")
            return
        here = [a for a in self.grid.assets if a.domain == domain.slug and a.area == area]
        heading = f"In {domain.label}, {area}:"
        if not here:
            text = f"{heading} nothing yet, a gap. Enter on this cell adds an asset here."
        else:
            text = heading + "".join(f"\n• {a.name}" + (f" ({a.details})" if a.details else "") for a in here)
        self.query_one("#map-cell", Static).update(text)

    @on(DataTable.CellHighlighted, "#map-grid")
    def _cell_highlighted(self) -> None:
        self.show_cell()

    def say(self, message: str) -> None:
        """Put a message under the typing line (and leave it there for slow readers)."""
        self.query_one("#map-message", Static).update(message)

    # -- adding ----------------------------------------------------------------

    def add(self, asset: MappedAsset) -> None:
        """Add an asset, redraw, and put the cursor on its cell."""
        assert self.grid is not None
        add_asset(self.grid, asset)
        self.version += 1
        self.refresh_grid()
        row = next(n for n, d in enumerate(self.grid.domains) if d.slug == asset.domain)
        self.query_one("#map-grid", DataTable).move_cursor(row=row, column=self.grid.areas.index(asset.area) + 1,
                                                            animate=False)
        label = self.grid.domains[row].label
        self.say(f"Added {asset.name}: {label}, {asset.area}. ({len(self.grid.assets)} so far.)")

    @on(Input.Submitted, "#map-line")
    def _line_typed(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if self.grid is None or not text:
            return
        try:
            asset = parse_line(text, self.grid, list_domains=False)
        except TrainingError as problem:
            new_area = " F2 adds an area." if "team's areas" in str(problem) else ""
            self.say(f"Not added yet: {problem}{new_area}")
            event.input.select_all()  # typing replaces it; an arrow key keeps it to correct
            return
        self.add(asset)
        event.input.value = ""

    @on(DataTable.CellSelected, "#map-grid")
    def _cell_chosen(self) -> None:
        cell = self.highlighted_cell()
        if cell is None:
            return
        domain, area = cell
        if area is None:
            self.say("Move right to an area's cell, then press Enter to add an asset there.")
            return

        def given(answer: tuple[str, str] | None) -> None:
            if answer is not None:
                self.add(MappedAsset(answer[0], domain.slug, area, answer[1]))

        self.app.push_screen(AddToCellScreen(domain.label, area), given)

    # -- keys ------------------------------------------------------------------

    def action_add_area(self) -> None:
        """Ask for one or more areas and add them as columns."""
        if self.grid is None:
            return

        def given(answer: str | None) -> None:
            if answer is None or self.grid is None:
                return
            added = [add_area(self.grid, area) for area in split_areas(answer)]
            self.refresh_grid()
            self.say(f"Areas: {', '.join(self.grid.areas)}." if added else "No area added.")

        self.app.push_screen(AskLineScreen(
            "Add an area", "Which area? Several can be separated by commas.", placeholder="e.g. Little Fenton",
            check=_areas_problem, ask_id="ask-area"), given)

    def action_undo(self) -> None:
        """Remove the last asset added."""
        if self.grid is None or not self.grid.assets:
            self.say("There is nothing to undo.")
            return
        removed = self.grid.assets.pop()
        self.version += 1
        self.refresh_grid()
        self.say(f"Removed {removed.name} ({removed.area}). ({len(self.grid.assets)} left.)")

    def import_into_directory(self) -> str:
        """Import the grid into the training workspace's assets.db; returns what happened in words."""
        assert self.grid is not None
        directory = self.app.workspace.assets  # type: ignore[attr-defined]
        report = import_grid(self.grid, directory)
        return (f"The training directory now has the team's assets: {report.added} added, {report.updated} updated "
                f"({directory.count()} in all).")

    def action_import_grid(self) -> None:
        """Put the grid's assets into the training directory (again: updates, never doubles)."""
        if self.grid is None or not self.grid.assets:
            self.say("Add some assets first; there is nothing to import yet.")
            return
        try:
            message = self.import_into_directory()
        except CpiChatError as problem:
            message = str(problem)
        self.say(message)

    def action_export(self) -> None:
        """Ask for a file name, import the grid, then write the team's directory as CSV or ORUK JSON."""
        if self.grid is None or not self.grid.assets:
            self.say("Add some assets first; there is nothing to export yet.")
            return
        self.app.push_screen(AskLineScreen(
            "Export the team's directory",
            "Which file? A name ending .json is written as Open Referral UK, anything else as CSV (the import format).",
            value=self.export_to, ask_id="ask-export"), self._export_to)

    def _export_to(self, answer: str | None) -> None:
        if not answer:
            return
        path = Path(answer).expanduser().resolve()
        kind = "oruk" if path.suffix.lower() == ".json" else "csv"
        try:
            self.import_into_directory()
            written = self.app.workspace.assets.export_file(path, kind)  # type: ignore[attr-defined]
        except CpiChatError as problem:
            self.say(str(problem))
            return
        self.export_to = answer
        self.exported_to = str(path)
        self.kept_version = self.version  # only a file outlives the training folder; an import into it does not
        words = "Open Referral UK JSON" if kind == "oruk" else "CSV, the import format"
        message = f"Exported {counted(written, 'asset')} to {path} ({words})."
        self.say(message)
        self.notify(message, markup=False, timeout=10)

    def action_leave(self) -> None:
        """Go back; asks first when assets would be lost with the throwaway training folder."""
        if not self.warn_on_leave or self.grid is None or not self.grid.assets or self.kept_version == self.version:
            self.dismiss(self.grid)
            return
        ask_before_leaving(
            self, f"The grid has {counted(len(self.grid.assets), 'asset')} not exported yet. The training folder is "
            "deleted when training ends. Leave anyway?",
            "Leave without exporting", "Export first (F7)", self.action_export, self.grid, "confirm-leave-map")
