"""Measuring large spacing as the person sees it: which things on screen touch the thing above or below them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from contrast import screen_cells, shows_text
from textual.app import App
from textual.errors import NoWidget
from textual.widget import Widget
from textual.widgets import DataTable, Header, OptionList, Tree
from textual.widgets._toast import ToastRack

from cpi_chat.tui.widgets.asset_card import AssetCard
from cpi_chat.tui.widgets.key_bar import KeyBar

# The frame every screen shares (the title line, the keys docked at the foot, notices for a moment), not what it shows.
FRAME = (Header, KeyBar, ToastRack)


@dataclass
class Run:
    """The text of one thing a person reads or picks, on one screen row: where it starts and ends, and what it says."""

    start: int
    end: int
    text: str


def _item(widget: Widget, y: int) -> tuple[object, ...]:
    """What a row of `widget` belongs to: the widget itself, one option, table row or tree line inside it, or a card.

    A group's card is one thing, as a goal card is: its lines are read together under its name, inside its border
    (its buttons are things of their own).
    """
    for node in (widget, *widget.ancestors):
        if node.has_class("asset-card-actions"):
            break
        if isinstance(node, AssetCard):
            return (node,)
    line = y - widget.content_region.y + widget.scroll_offset.y
    if isinstance(widget, OptionList):
        return (widget, widget._lines[line][0])
    if isinstance(widget, DataTable):
        if widget.show_header and y - widget.content_region.y < widget.header_height:
            return (widget, "header")
        return (widget, widget._get_offsets(line)[0])
    if isinstance(widget, Tree):
        return (widget, line)
    return (widget,)


def _in_frame(widget: Widget) -> bool:
    return any(isinstance(node, FRAME) for node in (widget, *widget.ancestors))


def runs_by_row(app: App) -> dict[int, dict[tuple[object, ...], Run]]:
    """For each screen row, the text of each thing on it (the screen in front only, its frame left out)."""
    screen = app.screen
    rows: dict[int, dict[tuple[object, ...], Run]] = defaultdict(dict)
    for cell in screen_cells(app):
        if not shows_text(cell.char):
            continue
        try:
            widget, _ = screen.get_widget_at(cell.x, cell.y)
        except NoWidget:
            continue
        if widget is screen or _in_frame(widget) or not widget.content_region.contains(cell.x, cell.y):
            continue  # behind a pop-up, the frame, or a border's title
        item = _item(widget, cell.y)
        run = rows[cell.y].setdefault(item, Run(cell.x, cell.x, ""))
        run.text += " " * (cell.x - run.end - 1) + cell.char if run.text else cell.char
        run.end = cell.x
    return rows


def touching(app: App) -> list[str]:
    """Each pair of different things whose text sits on adjacent rows, one over the other, in words."""
    rows = runs_by_row(app)
    found = []
    for y in sorted(rows):
        for upper_item, upper in rows[y].items():
            for lower_item, lower in rows.get(y + 1, {}).items():
                if upper_item != lower_item and upper.start <= lower.end and lower.start <= upper.end:
                    found.append(f"row {y} {upper.text[:40]!r} touches row {y + 1} {lower.text[:40]!r}")
    return found
