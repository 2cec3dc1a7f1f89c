"""The key bar at the foot of every screen: each key the screen answers to now, wrapping onto more lines rather than cut off."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import App
from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget

KEY_NAMES = {
    "escape": "Esc", "enter": "Enter", "space": "Space", "slash": "/", "tab": "Tab", "plus": "+", "minus": "-",
    "equals_sign": "=", "question_mark": "?", "delete": "Delete", "backspace": "Backspace", "up": "Up", "down": "Down",
    "left": "Left", "right": "Right", "pageup": "Page Up", "pagedown": "Page Down", "home": "Home", "end": "End",
}
GAP = "   "
KeyHint = tuple[str, str, str]  # (key name, what it does, key to press)


def key_name(binding: Binding) -> str:
    """How a key is written for people: 'Ctrl+Q', 'F1', 'Esc', 'J' (the first key when several share a binding)."""
    if binding.key_display:
        return binding.key_display
    *modifiers, key = binding.key.split(",")[0].strip().split("+")
    name = KEY_NAMES.get(key) or (key.upper() if len(key) <= 3 else key.replace("_", " ").title())
    return "+".join([*(modifier.title() for modifier in modifiers), name])


def key_hints(screen: Screen, app: App) -> list[KeyHint]:
    """(key name, what it does, key to press) for every key shown and usable on `screen` now, each action once.

    The screen's own keys come first, in the order the screen declares them (a priority key would
    otherwise jump to the front), then the app's.
    """
    declared = [binding.action for binding in Binding.make_bindings(type(screen).BINDINGS)]
    found: list[tuple[int, KeyHint]] = []
    actions: set[str] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.show or not binding.description or not active.enabled or binding.action in actions:
            continue
        actions.add(binding.action)
        place = declared.index(binding.action) if binding.action in declared else len(declared)
        found.append((place, (key_name(binding), binding.description, key)))
    hints = [hint for _, hint in sorted(found, key=lambda item: item[0])]  # stable: app keys keep their order
    palette_key = app.COMMAND_PALETTE_BINDING
    if app.ENABLE_COMMAND_PALETTE and palette_key in screen.active_bindings and "command_palette" not in actions:
        hints.append(("Ctrl+P", "Commands", palette_key))
    return hints


def lay_out(hints: list[KeyHint], width: int) -> list[list[KeyHint]]:
    """The hints in lines no wider than `width`, breaking only between hints (a hint wider than a line has one alone)."""
    lines: list[list[KeyHint]] = [[]]
    used = 0
    for hint in hints:
        size = hint_width(hint)
        if lines[-1] and used + len(GAP) + size > width:
            lines.append([])
            used = 0
        used += size + (len(GAP) if lines[-1] else 0)
        lines[-1].append(hint)
    return lines


def hint_width(hint: KeyHint) -> int:
    """How many cells one hint takes: its key name, a space and what it does."""
    name, description, _key = hint
    return cell_len(name) + 1 + cell_len(description)


class KeyBar(Widget):
    """Textual's Footer cuts keys off on a narrow screen and rebuilds a widget per key; this wraps, and is one widget."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom; height: auto; padding: 0 1;
        background: $footer-background; color: $footer-foreground;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="key-bar")
        self._hints: list[KeyHint] | None = None
        self._lines: list[list[KeyHint]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        # The hints are read when the bar is drawn, so the first frame has them without a second pass.
        if screen is self.screen and self._hints is not None and key_hints(screen, self.app) != self._hints:
            self.refresh(layout=True)

    def _lay_out(self, width: int) -> list[list[KeyHint]]:
        self._hints = key_hints(self.screen, self.app)
        self._lines = lay_out(self._hints, max(width, 10))
        return self._lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lay_out(width))

    def render(self) -> Content:
        key_style = "bold $footer-key-foreground"
        lines = [Content(GAP).join(Content.assemble((name, key_style), " ", description) for name, description, _ in line)
                 for line in self._lay_out(self.content_size.width)]
        return Content("\n").join(lines)

    def on_click(self, event: Click) -> None:
        """A click on a hint presses its key."""
        offset = event.get_content_offset(self)
        if offset is None or not 0 <= offset.y < len(self._lines):
            return
        start = 0
        for hint in self._lines[offset.y]:
            end = start + hint_width(hint)
            if start <= offset.x < end:
                self.app.simulate_key(hint[2])
                return
            start = end + len(GAP)
