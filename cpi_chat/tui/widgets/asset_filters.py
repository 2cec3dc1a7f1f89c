"""The row of search filters (domain, area, day, free only, accessible) shared by the finder and the directory."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.message import Message
from textual.widgets import Checkbox, Select
from textual.widgets.select import NoSelection

from cpi_chat.assets.model import Domain
from cpi_chat.assets.results import SearchFilters

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DAY_CHOICES: tuple[tuple[str, str], ...] = (
    *((day, day.lower()) for day in DAYS),
    ("Weekdays", "weekday"),
    ("Weekends", "weekend"),
)


class TickBox(Checkbox):
    """A checkbox whose state shows as a tick mark or a blank, not by colour alone (NO_COLOR, poor sight)."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super()._button


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
    """

    @dataclass
    class Changed(Message):
        """A filter changed; `filters` holds all of them as they are now."""

        filters: SearchFilters

    def __init__(
        self,
        domains: list[Domain],
        areas: list[str],
        initial: SearchFilters | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.domains = domains
        self.areas = areas
        self.initial = initial or SearchFilters()

    def compose(self) -> ComposeResult:
        start = self.initial
        domains = [(d.label, d.slug) for d in self.domains]
        areas = [(a, a) for a in self.areas]
        yield Select(domains, prompt="Any domain", id="filter-domain", compact=True, value=_pick(domains, start.domain))
        yield Select(areas, prompt="Any area", id="filter-area", compact=True, value=_pick(areas, start.area))
        days = list(DAY_CHOICES)
        yield Select(days, prompt="Any day", id="filter-day", compact=True, value=_pick(days, start.day))
        yield TickBox("Free only", start.free, id="filter-free", compact=True)
        yield TickBox("Accessible", start.accessible, id="filter-accessible", compact=True)

    @property
    def filters(self) -> SearchFilters:
        """The filters as chosen on screen."""

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
        if areas == self.areas:
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
