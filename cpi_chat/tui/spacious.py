"""Large spacing for rows a widget draws itself (a list's options, a table's rows), which CSS margins cannot reach."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable
from textual.widgets.option_list import Option

# A line holding one space: a blank line at the foot of a prompt (a trailing "\n" alone is dropped when drawn).
BLANK_LINE = "\n "


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
