"""A checkbox whose state shows as a tick mark or a blank, not by colour alone (NO_COLOR, poor sight)."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Checkbox


class TickBox(Checkbox):
    """A checkbox drawn 'X' when ticked and blank when not, so its state reads the same without colour.

    A label too long for the width wraps under itself, beside the box, rather than being cut off.
    """

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super()._button

    def _label_lines(self, width: int) -> list[Content]:
        room = max(1, width - self._button.cell_length - 2)  # the label has a space each side
        return self._label.wrap(room) or [Content("")]

    def render(self) -> Content:
        lines = self._label_lines(self.content_size.width)
        if len(lines) == 1:
            return super().render()
        button = self._button
        label_style = self.get_visual_style("toggle--label")
        beside = Content(" " * button.cell_length)
        parts: list[Content | str] = []
        for number, line in enumerate(lines):
            parts += [button if number == 0 else beside, line.pad(1, 1).stylize_before(label_style), "\n"]
        return Content.assemble(*parts[:-1])

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._label_lines(width))
