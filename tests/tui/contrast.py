"""Measuring contrast as the person sees it: every cell that shows text, its colour against its real background (WCAG 2)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from rich.cells import cell_len
from rich.color import Color
from rich.style import Style
from textual._compositor import visible_screen_stack
from textual.app import App
from textual.color import Color as TextualColor
from textual.errors import NoWidget
from textual.screen import ModalScreen

Rgb = tuple[int, int, int]
DIM_FACTOR = 0.66  # how far a terminal's dim pulls text towards its background, as Textual's own dim filter does


@dataclass(frozen=True)
class Cell:
    """One character on screen: where it is, what it is, and the colours and styles it is drawn with."""

    x: int
    y: int
    char: str
    foreground: Rgb | None
    background: Rgb | None
    style: Style

    @property
    def ratio(self) -> float:
        """The WCAG contrast ratio of the character against its background (1 to 21)."""
        assert self.foreground is not None and self.background is not None
        return contrast_ratio(self.foreground, self.background)


def relative_luminance(rgb: Rgb) -> float:
    """WCAG 2's relative luminance of an sRGB colour."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: Rgb, second: Rgb) -> float:
    """WCAG 2's contrast ratio: (lighter + 0.05) / (darker + 0.05)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def shows_text(char: str) -> bool:
    """A letter, digit, mark or symbol a person reads; not a space, a border line, a block of a scroll bar, or a
    picture emoji (the terminal draws those in their own colours, whatever the style says: the palette's 🔎)."""
    if not char.strip() or 0x2500 <= ord(char) <= 0x259F or ord(char) >= 0x1F000:
        return False
    return unicodedata.category(char)[0] in "LNPS"


def _rgb(colour: Color | None) -> Rgb | None:
    if colour is None or colour.is_default:
        return None
    triplet = colour.get_truecolor()
    return (triplet.red, triplet.green, triplet.blue)


def _drawn_colours(style: Style) -> tuple[Rgb | None, Rgb | None]:
    """The colours the terminal draws: reverse swaps them, and dim pulls the text towards its background."""
    foreground, background = _rgb(style.color), _rgb(style.bgcolor)
    if style.reverse:
        foreground, background = background, foreground
    if style.dim and foreground is not None and background is not None:
        faded = TextualColor(*background).blend(TextualColor(*foreground), 1 - DIM_FACTOR)
        foreground = (faded.r, faded.g, faded.b)
    return foreground, background


def screen_cells(app: App) -> Iterator[Cell]:
    """Every cell of the screen in front (with any screens showing through it), as the terminal would draw it."""
    compositor = app.screen._compositor
    token = visible_screen_stack.set(app._background_screens)
    try:
        strips = compositor.render_strips()
    finally:
        visible_screen_stack.reset(token)
    for y, strip in enumerate(strips):
        x = 0
        for segment in strip:
            style = segment.style or Style()
            foreground, background = _drawn_colours(style)
            for char in segment.text:
                yield Cell(x, y, char, foreground, background, style)
                x += cell_len(char)


def _in_front(app: App, cell: Cell) -> bool:
    """Whether the cell belongs to the screen in front, not to one dimmed behind a pop-up (which cannot be used)."""
    screen = app.screen
    if not isinstance(screen, ModalScreen):
        return True
    try:
        widget, _ = screen.get_widget_at(cell.x, cell.y)
    except NoWidget:
        return False
    return widget is not screen


def text_cells(app: App) -> list[Cell]:
    """The cells that show text."""
    return [cell for cell in screen_cells(app) if shows_text(cell.char) and _in_front(app, cell)]


def low_contrast(app: App, least: float) -> list[str]:
    """Each run of text drawn below `least`:1, in words: where, what it says, its colours and its ratio."""
    problems: list[str] = []
    lines = _screen_lines(app)
    for cell in text_cells(app):
        if cell.foreground is None or cell.background is None:
            problems.append(f"row {cell.y} col {cell.x} {cell.char!r} has no colour of its own ({cell.style})")
        elif cell.ratio < least:
            problems.append(f"row {cell.y}: {lines[cell.y].strip()[:60]!r}: {cell.char!r} at col {cell.x} is "
                            f"#{bytes(cell.foreground).hex()} on #{bytes(cell.background).hex()}, {cell.ratio:.2f}:1")
    return _one_per_row_and_colours(problems)


def _one_per_row_and_colours(problems: list[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for problem in problems:
        key = problem.split(": ")[0] + problem.rsplit(" is ", 1)[-1]
        if key not in seen:
            seen.add(key)
            kept.append(problem)
    return kept


def _screen_lines(app: App) -> dict[int, str]:
    lines: dict[int, list[str]] = {}
    for cell in screen_cells(app):
        lines.setdefault(cell.y, []).append(cell.char)
    return {y: "".join(chars) for y, chars in lines.items()}


def without_colour(app: App) -> tuple[tuple[str, bool, bool, bool], ...]:
    """The screen as a terminal with no colour at all shows it: each character with its bold, reverse and underline."""
    return tuple((cell.char, bool(cell.style.bold), bool(cell.style.reverse), bool(cell.style.underline))
                 for cell in screen_cells(app))
