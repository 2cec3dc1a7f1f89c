"""A checkbox whose state shows as a tick mark or a blank, not by colour alone (NO_COLOR, poor sight)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class TickBox(Checkbox):
    """A checkbox drawn 'X' when ticked and blank when not, so its state reads the same without colour."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super()._button
