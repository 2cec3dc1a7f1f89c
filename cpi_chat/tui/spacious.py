"""Large spacing for rows a widget draws itself (a list's options, a table's rows), which CSS margins cannot reach."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import App
from textual.content import Content
from textual.dom import DOMNode
from textual.widgets.option_list import Option

if TYPE_CHECKING:  # the table's module is large, and the first frame has no table
    from textual.widgets import DataTable

# A line holding one space: a blank line at the foot of a prompt (a trailing "\n" alone is dropped when drawn).
BLANK_LINE = "\n "


def is_spacious(app: App[Any]) -> bool:
    """Whether large spacing is on (an app that is not cpi-chat's, such as a test's host for one screen, has none)."""
    return bool(getattr(app, "spacious", False))


def redraw_when_spacing_changes(node: DOMNode, redraw: Callable[[], object]) -> None:
    """Call `redraw` whenever large spacing is turned on or off, so rows drawn by a list or table follow at once."""
    if hasattr(type(node.app), "spacious"):

        def follow(_spacious: bool) -> None:
            redraw()

        node.watch(node.app, "spacious", follow, init=False)


def spaced_option(prompt: Content | Text, spacious: bool, option_id: str | None = None) -> Option:
    """A list option, with a blank line under it when spacing is large (so the next option never touches it)."""
    if spacious:
        prompt = Content.assemble(prompt if isinstance(prompt, Content) else Content.from_rich_text(prompt), BLANK_LINE)
    return Option(prompt, id=option_id)


def spaced_help(help_text: str, spacious: bool) -> str:
    """A command's help under its title in the palette, with a blank line under it when spacing is large."""
    return help_text + BLANK_LINE if spacious else help_text


def add_table_row(table: DataTable[Any], cells: Sequence[Text], spacious: bool, key: str | None = None) -> None:
    """Add a row to a table; when spacing is large it is two lines tall, its words kept to the first and the second blank."""
    if spacious:
        for words in cells:  # a taller row would wrap long words into the line meant to stay blank
            words.no_wrap, words.overflow = True, "ellipsis"
    table.header_height = 2 if spacious else 1
    table.add_row(*cells, key=key, height=2 if spacious else 1)
