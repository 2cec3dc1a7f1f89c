"""The asset finder: search the directory as you type, narrow with filters, and pick one asset."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.worker import get_current_worker

from cpi_chat.assets.model import Asset
from cpi_chat.assets.results import Hit, SearchFilters
from cpi_chat.errors import CpiChatError
from cpi_chat.tui.as_typed import as_typed
from cpi_chat.tui.spacious import is_spacious, redraw_when_spacing_changes, spaced_option
from cpi_chat.tui.widgets.asset_card import AssetCard, domain_label, show_card_in
from cpi_chat.tui.widgets.asset_filters import AssetFilters
from cpi_chat.tui.widgets.key_bar import KeyBar
from cpi_chat.tui.widgets.ready_bar import show_ready_progress
from cpi_chat.wording import safe

if TYPE_CHECKING:
    from cpi_chat.assets.directory import AssetDirectory

RESULT_LIMIT = 25
EMPTY_DIRECTORY = (
    "The asset directory is empty, so there is nothing to find yet. "
    "Import your team's directory with: cpi-chat assets import FILE "
    "(or try the fictional demo town with: cpi-chat demo)."
)


class AssetFinderScreen(ModalScreen[Asset | None]):
    """Find an asset by typing and filtering; dismisses with the asset picked, or None."""

    OPEN_TO_PERSON_ALONE: ClassVar[bool] = True  # a person checking in alone may see it (tui/app.py asks)

    DEFAULT_CSS = """
    AssetFinderScreen {
        align: center middle;
    }
    AssetFinderScreen #finder {
        width: 100%;
        max-width: 110;
        height: 100%;
        border: thick $primary;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    AssetFinderScreen #finder-query {
        margin: 0;
    }
    AssetFinderScreen #finder-status {
        height: auto;
        color: $text;
    }
    AssetFinderScreen #finder-results {
        height: auto;
        max-height: 45%;
        min-height: 3;
    }
    AssetFinderScreen #finder-card-area {
        height: 1fr;
        min-height: 4;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="finder.close"),
        Binding("ctrl+f", "focus_query", "Search", id="finder.search"),
        Binding("ctrl+r", "focus_results", "Results", id="finder.results"),
        Binding("down", "move_highlight(1)", "Next result", show=False),
        Binding("up", "move_highlight(-1)", "Previous result", show=False),
    ]

    HELP = (
        "Find a group or activity for the person. Type what they enjoy or would like to try: spelling "
        "does not matter much, and everyday words work (footy, knit). Choose filters to narrow the list: "
        "domain, area, day, free only and accessible. Up and Down look through the results, and the one "
        "chosen is shown in full below. Enter or Add to plan picks it; Escape closes without picking."
    )

    AUTO_FOCUS = "#finder-query"

    def __init__(self, assets: AssetDirectory, query: str = "", filters: SearchFilters | None = None) -> None:
        super().__init__()
        self.assets = assets
        self.initial_query = query
        self.initial_filters = filters
        self.hits: list[Hit] = []
        self.not_for_me: set[str] = set()
        self._searched: tuple[str, SearchFilters] | None = None  # the last search started

    def compose(self) -> ComposeResult:
        with Vertical(id="finder") as box:
            box.border_title = "Find a group or activity"
            yield Input(
                value=self.initial_query,
                placeholder="Type what you are looking for, e.g. football, knitting",
                id="finder-query",
            )
            # The filters come just after the first results: those are what the person waits for.
            yield AssetFilters(self.assets.domains(), None, self.initial_filters, id="finder-filters")
            yield Static("", id="finder-status")
            yield OptionList(id="finder-results")
            yield VerticalScroll(id="finder-card-area")
        yield KeyBar()

    def on_mount(self) -> None:
        """Show what the directory holds straight away, or say it is empty."""
        if self.assets.is_empty():
            self.query_one("#finder-status", Static).update(EMPTY_DIRECTORY)
            self.show_filters()
            return
        self.refresh_results()
        redraw_when_spacing_changes(self, self._list_hits)

    @work(thread=True, exclusive=True, group="finder-filters")
    def show_filters(self) -> None:
        """Read the areas to offer in a worker thread, then show the filters."""
        areas = self.assets.areas()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_choices, areas)

    def _show_choices(self, areas: list[str]) -> None:
        if self in self.app.screen_stack and self.is_attached:
            self.query_one(AssetFilters).show_choices(areas)

    # Searching ---------------------------------------------------------------------------

    @property
    def query_text(self) -> str:
        """What is typed in the search box."""
        return self.query_one("#finder-query", Input).value

    def refresh_results(self, again: bool = False) -> None:
        """Start a search for what is typed within the filters, unless that search was the last one started."""
        wanted = (self.query_text, self.query_one(AssetFilters).filters)
        if again or wanted != self._searched:
            self._searched = wanted
            self.run_search(*wanted)

    @work(thread=True, exclusive=True, group="finder-search")
    def run_search(self, query: str, filters: SearchFilters) -> None:
        """Search in a worker thread (the directory serialises its own access) and show the hits."""
        try:
            self.assets.prepare_index(lambda done, total: self.app.call_from_thread(self._say_getting_ready, done, total))
            hits = self.assets.search(query, limit=RESULT_LIMIT + len(self.not_for_me), filters=filters)
            problem = ""
        except CpiChatError as error:
            hits, problem = [], str(error)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_results, query, hits, problem)

    def show_results(self, query: str, hits: list[Hit], problem: str = "") -> None:
        """Put the hits in the list and the first one on the card."""
        if self not in self.app.screen_stack:
            return  # the screen closed while the search ran
        self.hits = [h for h in hits if h.asset.id not in self.not_for_me][:RESULT_LIMIT]
        self._list_hits()
        results = self.query_one("#finder-results", OptionList)
        status = self.query_one("#finder-status", Static)
        if problem:
            status.update(as_typed(problem))
        elif self.assets.is_empty():
            status.update(EMPTY_DIRECTORY)
        elif not self.hits and len(query.strip()) < 3:
            status.update("Keep typing: a few more letters will find more.")
        elif not self.hits:
            status.update(as_typed(f"Nothing matches '{query.strip()}'. Try other words or clear a filter."))
        else:
            count = len(self.hits)
            status.update(f"{count} result{'s' if count != 1 else ''}. Up and down to look, Enter to pick.")
        if self.hits:
            results.highlighted = 0
        self._show_card(self.hits[0] if self.hits else None)
        if not self.query_one(AssetFilters).shown:
            self.call_after_refresh(self.show_filters)

    def _list_hits(self) -> None:
        """Put the hits in the list, spaced as the person needs, keeping the highlight where it was."""
        results = self.query_one("#finder-results", OptionList)
        highlighted = results.highlighted
        spacious = is_spacious(self.app)
        results.clear_options()
        results.add_options([spaced_option(self._label(hit), spacious, hit.asset.id) for hit in self.hits])
        if highlighted is not None and self.hits:
            results.highlighted = min(highlighted, len(self.hits) - 1)

    def _label(self, hit: Hit) -> Content:
        asset = hit.asset
        details = " · ".join(part for part in (domain_label(asset.domain), asset.area, asset.schedule) if part)
        return Content.assemble((safe(asset.name), "bold"), "\n  ", safe(details))

    def _show_card(self, hit: Hit | None) -> None:
        show_card_in(self.query_one("#finder-card-area", VerticalScroll), hit, id="finder-card")

    def _hit(self, asset_id: str | None) -> Hit | None:
        return next((h for h in self.hits if h.asset.id == asset_id), None)

    def _say_getting_ready(self, done: int, total: int) -> None:
        """Show in words and a bar how far the directory's search index is from ready (after a change made elsewhere)."""
        show_ready_progress(self.query_one("#finder-status"), done, total)

    # Events ------------------------------------------------------------------------------

    @on(Input.Changed, "#finder-query")
    def _query_changed(self) -> None:
        self.refresh_results()

    @on(AssetFilters.Changed)
    def _filters_changed(self) -> None:
        self.refresh_results()

    @on(Input.Submitted, "#finder-query")
    def _pick_highlighted(self) -> None:
        results = self.query_one("#finder-results", OptionList)
        if results.highlighted is not None and results.highlighted < len(self.hits):
            self.dismiss(self.hits[results.highlighted].asset)

    @on(OptionList.OptionHighlighted, "#finder-results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_card(self._hit(event.option.id))

    @on(OptionList.OptionSelected, "#finder-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        hit = self._hit(event.option.id)
        if hit is not None:
            self.dismiss(hit.asset)

    @on(AssetCard.Chosen)
    def _chosen(self, event: AssetCard.Chosen) -> None:
        self.dismiss(event.asset)

    @on(AssetCard.MoreLikeThis)
    def _more_like_this(self, event: AssetCard.MoreLikeThis) -> None:
        asset = event.asset
        query = self.query_one("#finder-query", Input)
        query.value = " ".join(asset.tags[:4]) if asset.tags else asset.name  # what it is about, in its words
        query.focus()

    @on(AssetCard.NotForMe)
    def _not_for_me(self, event: AssetCard.NotForMe) -> None:
        self.not_for_me.add(event.asset.id)
        self.refresh_results(again=True)

    # Actions -----------------------------------------------------------------------------

    def action_close(self) -> None:
        """Close without picking anything."""
        self.dismiss(None)

    def action_focus_query(self) -> None:
        """Put the cursor in the search box."""
        self.query_one("#finder-query", Input).focus()

    def action_move_highlight(self, step: int) -> None:
        """Look at the next or previous result while typing."""
        results = self.query_one("#finder-results", OptionList)
        if results.option_count:
            current = results.highlighted if results.highlighted is not None else -1
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    def action_focus_results(self) -> None:
        """Move to the list of results."""
        self.query_one("#finder-results", OptionList).focus()
