"""Words from people and the directory as the app shows them: never read as markup, never able to change the terminal.

Textual reads a plain string as markup: `[/] x` stops the app, `run 5 km [maybe]` loses a word, and
`[@click=...]` would run an action. Every name, goal, note, answer and directory field the app shows goes
through one of these, which also drop the control and escape characters cpi_chat.wording.safe removes.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from cpi_chat.wording import safe


def as_typed(text: str) -> Content:
    """The words exactly as typed (brackets and all), with control and escape characters removed."""
    return Content(safe(text))


def labelled(label: str, text: str, style: str = "bold") -> Content:
    """'Label: words' with the label styled and the words exactly as typed."""
    return Content.assemble((f"{label}:", style), " ", safe(text))


def cell(text: str, style: str = "") -> Text:
    """The words as typed for a table cell or a tree's label (those take Rich text, and read plain strings as markup)."""
    return Text(safe(text), style=style)
