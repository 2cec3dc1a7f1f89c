"""The directory screen: browse and filter the team's community assets, add, edit, delete and mark them checked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.coordinate import Coordinate
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, DataTable, Input, Static
from textual.worker import get_current_worker

from cpi_chat.actions import directory as directory_actions
from cpi_chat.assets.model import Asset
from cpi_chat.assets.results import Hit, SearchFilters
from cpi_chat.errors import CpiChatError
from cpi_chat.tui.as_typed import as_typed, cell
from cpi_chat.tui.screens.asset_form import AssetFormScreen
from cpi_chat.tui.screens.finder import EMPTY_DIRECTORY
from cpi_chat.tui.spacious import add_table_row, is_spacious, redraw_when_spacing_changes
from cpi_chat.tui.widgets.asset_card import domain_label, long_date, show_card_in
from cpi_chat.tui.widgets.asset_filters import AssetFilters
from cpi_chat.tui.widgets.key_bar import KeyBar
from cpi_chat.tui.widgets.ready_bar import show_ready_progress
from cpi_chat.wording import safe

if TYPE_CHECKING:
    from cpi_chat.assets.directory import AssetDirectory

BROWSE_LIMIT = 500
# Beside the name, which takes the rest of the width; a narrow screen shows only the date checked.
WIDE_COLUMNS = (("domain", "Domain", 20), ("area", "Area", 18), ("checked", "Checked", 17))
NARROW_COLUMNS = (("checked", "Checked", 17),)
WIDE_FROM = 90


class ConfirmDeleteScreen(ModalScreen[bool]):
    """Ask before an asset is deleted; dismisses True to delete."""

    DEFAULT_CSS = """
    ConfirmDeleteScreen {
        align: center middle;
    }
    ConfirmDeleteScreen #confirm-box {
        width: 100%;
        max-width: 60;
        height: auto;
        border: thick $error;
        background: $surface;
        padding: 1 2;
    }
    ConfirmDeleteScreen #confirm-buttons {
        height: auto;
        margin-top: 1;
    }
    ConfirmDeleteScreen #confirm-buttons Button {
        margin-right: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes, delete", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No, keep it", id="confirm.no"),
    ]

    def __init__(self, asset: Asset) -> None:
        super().__init__()
        self.asset = asset

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Content.assemble("Delete ", (safe(self.asset.name), "bold"),
                                          " from the directory? This cannot be undone."), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button("Yes, delete (Y)", id="confirm-yes", variant="error")
                yield Button("No, keep it (N)", id="confirm-no", variant="primary")
        yield KeyBar()

    def on_mount(self) -> None:
        """Start on the safe answer."""
        self.query_one("#confirm-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the button pressed."""
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, delete: bool) -> None:
        """Answer from the keyboard."""
        self.dismiss(delete)


class DirectoryScreen(Screen[None]):
    """Browse, filter, add, edit, delete and mark checked the assets of one directory."""

    DEFAULT_CSS = """
    DirectoryScreen #directory-title {
        text-style: bold;
        padding: 0 1;
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        width: 100%;
    }
    DirectoryScreen #directory-search {
        padding: 0 1;
        height: auto;
    }
    DirectoryScreen #directory-status {
        height: auto;
        padding: 0 1;
    }
    DirectoryScreen #directory-table {
        height: 1fr;
        min-height: 4;
    }
    DirectoryScreen #directory-details {
        height: 1fr;
        min-height: 4;
        padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="directory.back", tooltip="Go back"),
        Binding("a", "add", "Add", id="directory.add", tooltip="Add a group or activity"),
        Binding("e", "edit", "Edit", id="directory.edit", tooltip="Change the chosen asset"),
        Binding(
            "v", "verify", "Checked", id="directory.verify", tooltip="Record that its details were checked today",
        ),
        Binding("d", "delete", "Delete", id="directory.delete", tooltip="Delete the chosen asset, after asking"),
        Binding(
            "ctrl+f", "focus_search", "Search", id="directory.search", show=False,
            tooltip="Type to search the directory",
        ),
    ]

    HELP = (
        "The community directory: every group, class and service your team knows about. Type in the "
        "search box or choose filters to narrow the list, and move through it with the arrow keys to see "
        "each one in full. A adds an asset, E changes the chosen one, D deletes it after asking, and V "
        "records that you checked its details today. Escape goes back."
    )

    AUTO_FOCUS = "#directory-table"

    def __init__(self, assets: AssetDirectory, query: str = "", today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.assets = assets
        self.initial_query = query
        self.today = today
        self.hits: list[Hit] = []
        self._keep_on: str | None = None
        self._shown_columns: list[tuple[str, str, int]] = []

    def compose(self) -> ComposeResult:
        yield Static("Community directory", id="directory-title")
        with Vertical(id="directory-search"):
            yield Input(self.initial_query, placeholder="Search the directory, e.g. football", id="directory-query")
            yield AssetFilters(self.assets.domains(), self.assets.areas(), id="directory-filters")
        yield Static("", id="directory-status")
        yield DataTable(id="directory-table", cursor_type="row", zebra_stripes=True)
        yield VerticalScroll(id="directory-details")
        yield KeyBar()

    def on_mount(self) -> None:
        """List the directory straight away."""
        self.refresh_results()
        redraw_when_spacing_changes(self, self._fill_table)

    # Listing -----------------------------------------------------------------------------

    @property
    def chosen(self) -> Asset | None:
        """The asset under the table's cursor."""
        table = self.query_one("#directory-table", DataTable)
        if not self.hits or table.cursor_row is None or not 0 <= table.cursor_row < len(self.hits):
            return None
        return self.hits[table.cursor_row].asset

    def refresh_results(self, keep_on: str | None = None) -> None:
        """List what the search and filters allow, then put the cursor on `keep_on` if it is listed."""
        if keep_on is not None:
            self._keep_on = keep_on
        query = self.query_one("#directory-query", Input).value
        self.run_search(query, self.query_one(AssetFilters).filters)

    @work(thread=True, exclusive=True, group="directory-search")
    def run_search(self, query: str, filters: SearchFilters) -> None:
        """Search in a worker thread (the directory serialises its own access) and list the hits."""
        try:
            self.assets.prepare_index(lambda done, total: self.app.call_from_thread(self._say_getting_ready, done, total))
            hits, problem = self.assets.search(query, limit=BROWSE_LIMIT, filters=filters), ""
        except CpiChatError as error:
            hits, problem = [], str(error)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_results, hits, problem)

    def show_results(self, hits: list[Hit], problem: str = "") -> None:
        """Fill the table and show the chosen asset."""
        if self not in self.app.screen_stack:
            return  # the screen closed while the search ran
        self.hits = hits
        self._fill_table()
        self._update_status(problem)
        self._show_details()

    def _columns(self) -> list[tuple[str, str, int]]:
        """The table's columns (key, label, width) for the screen's width; the name takes what is left."""
        width = self.size.width - 2  # the scrollbar
        others = WIDE_COLUMNS if width >= WIDE_FROM else NARROW_COLUMNS
        name_width = max(16, width - sum(w for *_, w in others) - 2 * (len(others) + 1))
        return [("name", "Name", name_width), *others]

    def _fill_table(self) -> None:
        """List the hits in the table, with columns that fit, keeping the cursor on the same asset."""
        table = self.query_one("#directory-table", DataTable)
        keep_on, self._keep_on = self._keep_on, None
        if keep_on is None and table.row_count:
            keep_on = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        columns = self._columns()
        if columns != self._shown_columns:
            table.clear(columns=True)
            for key, label, width in columns:
                table.add_column(label, width=width, key=key)
            self._shown_columns = columns
        else:
            table.clear()
        for hit in self.hits:
            add_table_row(table, self._cells(hit.asset), is_spacious(self.app), key=hit.asset.id)
        row = next((i for i, hit in enumerate(self.hits) if hit.asset.id == keep_on), 0)
        if self.hits:
            table.move_cursor(row=row)

    def _cells(self, asset: Asset) -> list[Text]:
        values = {
            "name": asset.name,
            "domain": domain_label(asset.domain),
            "area": asset.area,
            "checked": long_date(asset.last_verified) if asset.last_verified else "not yet",
        }
        return [cell(values[key]) for key, _, _ in self._shown_columns]

    def on_resize(self) -> None:
        """Fit the table's columns to the new width."""
        if self._shown_columns and self._columns() != self._shown_columns:
            self._fill_table()

    def _update_status(self, problem: str = "") -> None:
        status = self.query_one("#directory-status", Static)
        total = self.assets.count()
        if problem:
            status.update(as_typed(problem))
        elif total == 0:
            status.update(f"{EMPTY_DIRECTORY} Or press A to add the first one.")
        elif not self.hits:
            status.update("Nothing matches; try other words or clear a filter.")
        else:
            shown = len(self.hits)
            more = f" (the first {shown})" if shown == BROWSE_LIMIT else ""
            status.update(f"{shown} of {total} assets listed{more}.")

    def _show_details(self) -> None:
        show_card_in(self.query_one("#directory-details", VerticalScroll), self.chosen, actions=False, id="directory-card")

    def _replace_row(self, asset: Asset) -> None:
        """Show an asset's new details in its row and card without listing again."""
        for position, hit in enumerate(self.hits):
            if hit.asset.id == asset.id:
                self.hits[position] = replace(hit, asset=asset)
                table = self.query_one("#directory-table", DataTable)
                for column, value in enumerate(self._cells(asset)):
                    table.update_cell_at(Coordinate(position, column), value)
        self._show_details()

    def _say_getting_ready(self, done: int, total: int) -> None:
        """Show in words and a bar how far the directory's search index is from ready (after a change made elsewhere)."""
        show_ready_progress(self.query_one("#directory-status"), done, total)

    # Events ------------------------------------------------------------------------------

    @on(Input.Changed, "#directory-query")
    @on(AssetFilters.Changed)
    def _search_changed(self) -> None:
        self.refresh_results()

    @on(Input.Submitted, "#directory-query")
    def _to_table(self) -> None:
        self.query_one("#directory-table", DataTable).focus()

    @on(DataTable.RowHighlighted, "#directory-table")
    def _row_highlighted(self) -> None:
        self._show_details()

    @on(DataTable.RowSelected, "#directory-table")
    def _row_selected(self) -> None:
        self.action_edit()

    # Actions -----------------------------------------------------------------------------

    def action_add(self) -> None:
        """Open an empty form and save what it gives back."""
        self.app.push_screen(AssetFormScreen(self.assets), self._save)

    def action_edit(self) -> None:
        """Open the chosen asset in the form and save the changes."""
        asset = self.chosen
        if asset is None:
            self.notify("Choose an asset in the list first.", severity="warning")
            return
        self.app.push_screen(AssetFormScreen(self.assets, asset), self._save)

    def _save(self, asset: Asset | None) -> None:
        if asset is None:
            return
        existed = self.assets.get(asset.id) is not None
        try:
            (directory_actions.edit_asset if existed else directory_actions.add_asset)(self.assets, asset)
        except CpiChatError as error:
            self.notify(str(error), severity="error")
            return
        self.query_one(AssetFilters).set_areas(self.assets.areas())
        self.notify(f"Saved the changes to {asset.name}." if existed else f"Added {asset.name}.")
        self.refresh_results(keep_on=asset.id)
        self.query_one("#directory-table", DataTable).focus()

    def action_verify(self) -> None:
        """Record that the chosen asset's details were checked today, and show the date."""
        asset = self.chosen
        if asset is None:
            self.notify("Choose an asset in the list first.", severity="warning")
            return
        today = self.today()
        try:
            directory_actions.verify_asset(self.assets, asset.id, today, today=today)
        except CpiChatError as error:
            self.notify(str(error), severity="error")
            return
        updated = self.assets.get(asset.id) or asset
        self._replace_row(updated)
        self.notify(f"{asset.name}: marked as checked on {long_date(today)}.")

    def action_delete(self) -> None:
        """Ask, then delete the chosen asset."""
        asset = self.chosen
        if asset is None:
            self.notify("Choose an asset in the list first.", severity="warning")
            return

        ids = [hit.asset.id for hit in self.hits]
        position = ids.index(asset.id)
        neighbours = ids[position + 1:position + 2] or ids[max(0, position - 1):position]

        def answered(delete: bool | None) -> None:
            if not delete:
                return
            try:
                directory_actions.delete_asset(self.assets, asset.id)
            except CpiChatError as error:
                self.notify(str(error), severity="error")
            else:
                self.notify(f"Deleted {asset.name}.")
                self.query_one(AssetFilters).set_areas(self.assets.areas())
                self.refresh_results(keep_on=neighbours[0] if neighbours else None)

        self.app.push_screen(ConfirmDeleteScreen(asset), answered)

    def action_focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.query_one("#directory-query", Input).focus()

    def action_back(self) -> None:
        """Go back to where the directory was opened from."""
        self.dismiss(None)
