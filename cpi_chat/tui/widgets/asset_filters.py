"""The row of search filters (domain, area, day, free only, accessible) shared by the finder and the directory."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Grid
from textual.message import Message
from textual.widgets import Checkbox, Select
from textual.widgets.select import NoSelection

from cpi_chat.assets.model import Domain
from cpi_chat.assets.results import SearchFilters
from cpi_chat.tui.widgets.tick_box import TickBox

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAY_CHOICES: tuple[tuple[str, str], ...] = (
    *((day, day.lower()) for day in DAYS),
    ("Weekdays", "weekday"),
    ("Weekends", "weekend"),
)


class AssetFilters(Grid):
    """Filters for a search; posts AssetFilters.Changed with the new SearchFilters whenever one changes."""

    DEFAULT_CSS = """
    AssetFilters {
        grid-size: 3;
        grid-gutter: 0 1;
        grid-rows: 1;
        height: auto;
    }
    AssetFilters Select {
        width: 1fr;
    }
    AssetFilters Checkbox {
        width: auto;
    }
    AssetFilters.-waiting {
        height: 2;
    }
    """

    @dataclass
    class Changed(Message):
        """A filter changed; `filters` holds all of them as they are now."""

        filters: SearchFilters

    def __init__(
        self,
        domains: list[Domain],
        areas: list[str] | None,
        initial: SearchFilters | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """With `areas` None, the choices are shown later by `show_choices` (its place kept meanwhile)."""
        super().__init__(id=id, classes=classes)
        self.domains = domains
        self.areas = areas
        self.initial = initial or SearchFilters()
        self.set_class(areas is None, "-waiting")

    def compose(self) -> ComposeResult:
        if self.areas is not None:
            yield from self._choices()

    def show_choices(self, areas: list[str]) -> None:
        """Show the filters, offering these areas (for a screen whose first results come before its filters)."""
        if self.areas is None:
            self.areas = areas
            self.mount_all(self._choices())
            self.remove_class("-waiting")

    @property
    def shown(self) -> bool:
        """True once the filters are on screen."""
        return self.areas is not None

    def _choices(self) -> ComposeResult:
        start = self.initial
        areas = [(a, a) for a in self.areas or []]
        domains = [(d.label, d.slug) for d in self.domains]
        yield Select(domains, prompt="Any domain", id="filter-domain", compact=True, value=_pick(domains, start.domain))
        yield Select(areas, prompt="Any area", id="filter-area", compact=True, value=_pick(areas, start.area))
        days = list(DAY_CHOICES)
        yield Select(days, prompt="Any day", id="filter-day", compact=True, value=_pick(days, start.day))
        yield TickBox("Free only", start.free, id="filter-free", compact=True)
        yield TickBox("Accessible", start.accessible, id="filter-accessible", compact=True)

    @property
    def filters(self) -> SearchFilters:
        """The filters as chosen on screen (the ones it started with while they are not shown yet)."""
        if not self.shown:
            return self.initial

        def chosen(select_id: str) -> str | None:
            value = self.query_one(f"#{select_id}", Select).value
            return value if isinstance(value, str) else None

        return SearchFilters(
            domain=chosen("filter-domain"),
            area=chosen("filter-area"),
            day=chosen("filter-day"),
            free=self.query_one("#filter-free", Checkbox).value,
            accessible=self.query_one("#filter-accessible", Checkbox).value,
        )

    def set_areas(self, areas: list[str]) -> None:
        """Offer a new list of areas (after assets were added or changed), keeping the choice if it is still there."""
        if areas == self.areas or not self.shown:
            return
        self.areas = areas
        select = self.query_one("#filter-area", Select)
        current = select.value
        select.set_options([(a, a) for a in areas])
        if isinstance(current, str) and current in areas:
            select.value = current

    def on_select_changed(self, event: Select.Changed) -> None:
        """Report the filters after a choice."""
        event.stop()
        self.post_message(self.Changed(self.filters))

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        """Report the filters after a tick."""
        event.stop()
        self.post_message(self.Changed(self.filters))


def _pick(choices: list[tuple[str, str]], wanted: str | None) -> str | NoSelection:
    """The choice whose value or label is `wanted` (any case), or no selection."""
    if wanted:
        for label, value in choices:
            if wanted.lower() in (label.lower(), value.lower()):
                return value
    return Select.NULL
